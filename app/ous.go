package app

import (
	"context"
	"fmt"
	"strings"

	"nimbusadmin/app/outree"
	"nimbusadmin/data"
)

// CreateOU adds an OU below Parent; the outcome's ID is the new OU's.
type CreateOU struct {
	Base
	Parent int64  `json:"parent"`
	Name   string `json:"name"`
}

// Kind names the command.
func (CreateOU) Kind() string { return "ou.create" }

func (cmd CreateOU) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q, may := c.q, c.may
	tree, err := loadTree(q)
	if err != nil {
		return nil, err
	}
	if !tree.Has(cmd.Parent) {
		return nil, &NotFoundError{What: "organization unit", Key: fmt.Sprint(cmd.Parent)}
	}
	if err := may.ou(cmd.Parent, "creating an organization unit below "+tree.Path(cmd.Parent)); err != nil {
		return nil, err
	}
	name, err := cleanOUName(cmd.Name)
	if err != nil {
		return nil, err
	}
	if err := checkOUName(tree, cmd.Parent, 0, name); err != nil {
		return nil, err
	}
	if c.out.ID, err = q.CreateOU(cmd.Parent, name); err != nil {
		return nil, err
	}
	path := strings.TrimPrefix(tree.Path(cmd.Parent)+"/"+name, tree.Name(tree.Root)+"/")
	return []data.JournalEntry{entry("ou.create", path, "", "created")}, nil
}

// CreateOU is shorthand for Do with CreateOU, for code that acts at once; it returns the
// new OU's id.
func (a *App) CreateOU(ctx context.Context, parent int64, name string) (int64, error) {
	out, err := a.Do(ctx, CreateOU{Parent: parent, Name: name})
	return out.ID, err
}

// checkOUName checks that parent exists and that name (clean by the name rule) is unique
// among its children (other than the OU self being renamed or moved). An OU directly below
// the root cannot take the root's name either: a path may start with the root's name, so
// "Contoso/Sales" could then mean two OUs.
func checkOUName(tree *outree.Tree, parent, self int64, name string) error {
	if !tree.Has(parent) {
		return &NotFoundError{What: "organization unit", Key: fmt.Sprint(parent)}
	}
	if parent == tree.Root && strings.EqualFold(tree.Name(tree.Root), name) {
		return refuse("ou.name", "an organization unit directly below the root cannot be named %q like the root, or its path would mean the root; choose another name", name)
	}
	for _, c := range tree.Children(parent) {
		if c != self && strings.EqualFold(tree.Name(c), name) {
			return refuse("ou.name", "%s already has an organization unit named %q", tree.Path(parent), tree.Name(c))
		}
	}
	return nil
}

// checkRootName refuses to give the root the name of an OU directly below it: a path may
// start with the root's name, so that OU's path would then mean the root.
func checkRootName(tree *outree.Tree, name string) error {
	for _, c := range tree.Children(tree.Root) {
		if strings.EqualFold(tree.Name(c), name) {
			return refuse("ou.name", "the root cannot be named %q: an organization unit directly below it has that name, and its path would then mean the root; choose another name", name)
		}
	}
	return nil
}

// existingOU loads the tree and checks that the OU exists.
func existingOU(q *data.Q, id int64) (*outree.Tree, error) {
	tree, err := loadTree(q)
	if err != nil {
		return nil, err
	}
	if !tree.Has(id) {
		return nil, &NotFoundError{What: "organization unit", Key: fmt.Sprint(id)}
	}
	return tree, nil
}

// MoveOU moves an OU, with its subtree, below another parent. The root cannot move and no
// OU can move below itself or its own descendants (no cycles).
type MoveOU struct {
	Base
	OU     int64 `json:"ou"`
	Parent int64 `json:"parent"`
}

// Kind names the command.
func (MoveOU) Kind() string { return "ou.move" }

func (cmd MoveOU) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q, may := c.q, c.may
	tree, err := existingOU(q, cmd.OU)
	if err != nil {
		return nil, err
	}
	if cmd.OU == tree.Root {
		return nil, refuse("ou.root", "the root organization unit (the tenant) cannot be moved")
	}
	if err := may.ou(tree.Parent(cmd.OU), "moving the organization unit "+tree.Path(cmd.OU)); err != nil {
		return nil, err
	}
	if tree.Has(cmd.Parent) {
		if err := may.ou(cmd.Parent, "moving an organization unit below "+tree.Path(cmd.Parent)); err != nil {
			return nil, err
		}
	}
	if tree.Has(cmd.Parent) && tree.IsSameOrAncestor(cmd.OU, cmd.Parent) {
		return nil, refuse("ou.cycle", "cannot move %s below %s: an organization unit cannot move into its own subtree",
			tree.Path(cmd.OU), tree.Path(cmd.Parent))
	}
	if err := checkOUName(tree, cmd.Parent, cmd.OU, tree.Name(cmd.OU)); err != nil {
		return nil, err
	}
	old := tree.Path(cmd.OU)
	if err := q.MoveOU(cmd.OU, cmd.Parent); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("ou.move", tree.Name(cmd.OU), old, tree.Path(cmd.Parent)+"/"+tree.Name(cmd.OU))}, nil
}

// RenameOU gives an OU a new name, unique among its siblings.
type RenameOU struct {
	Base
	OU   int64  `json:"ou"`
	Name string `json:"name"`
}

// Kind names the command.
func (RenameOU) Kind() string { return "ou.rename" }

func (cmd RenameOU) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q, may := c.q, c.may
	tree, err := existingOU(q, cmd.OU)
	if err != nil {
		return nil, err
	}
	if err := may.ou(cmd.OU, "renaming the organization unit "+tree.Path(cmd.OU)); err != nil {
		return nil, err
	}
	name, err := cleanOUName(cmd.Name)
	if err != nil {
		return nil, err
	}
	if cmd.OU != tree.Root {
		if err := checkOUName(tree, tree.Parent(cmd.OU), cmd.OU, name); err != nil {
			return nil, err
		}
	} else if err := checkRootName(tree, name); err != nil {
		return nil, err
	}
	old := tree.Path(cmd.OU)
	if err := q.RenameOU(cmd.OU, name); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("ou.rename", old, tree.Name(cmd.OU), name)}, nil
}

// DeleteOU deletes an empty OU; when anything still lives in it, the refusal says what.
type DeleteOU struct {
	Base
	OU int64 `json:"ou"`
}

// Kind names the command.
func (DeleteOU) Kind() string { return "ou.delete" }

func (cmd DeleteOU) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q, may := c.q, c.may
	tree, err := existingOU(q, cmd.OU)
	if err != nil {
		return nil, err
	}
	if cmd.OU == tree.Root {
		return nil, refuse("ou.root", "the root organization unit (the tenant) cannot be deleted")
	}
	if err := may.ou(tree.Parent(cmd.OU), "deleting the organization unit "+tree.Path(cmd.OU)); err != nil {
		return nil, err
	}
	contents, err := q.OUContents(cmd.OU)
	if err != nil {
		return nil, err
	}
	if len(contents) > 0 {
		parts := make([]string, len(contents))
		for i, c := range contents {
			parts[i] = plural(c.Count, c.Kind)
		}
		return nil, refuse("ou.not-empty", "cannot delete %s: it still holds %s; move or delete those first",
			tree.Path(cmd.OU), strings.Join(parts, ", "))
	}
	if err := q.DeleteOU(cmd.OU); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("ou.delete", tree.Path(cmd.OU), "existed", "")}, nil
}

// plural counts things in words: "1 user", "3 users", "2 skill categories".
func plural(n int, kind string) string {
	switch {
	case n == 1:
		return "1 " + kind
	case strings.HasSuffix(kind, "y"):
		return Thousands(n) + " " + strings.TrimSuffix(kind, "y") + "ies"
	}
	return Thousands(n) + " " + kind + "s"
}
