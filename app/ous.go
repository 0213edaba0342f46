package app

import (
	"context"
	"fmt"
	"strings"

	"nimbusadmin/data"
)

// CreateOU adds an OU below parent and returns its id.
func (a *App) CreateOU(ctx context.Context, parent int64, name string) (int64, error) {
	var id int64
	err := a.change(ctx, func(q *data.Q, may *permit) ([]data.JournalEntry, error) {
		tree, err := loadTree(q)
		if err != nil {
			return nil, err
		}
		if !tree.Has(parent) {
			return nil, &NotFoundError{What: "organization unit", Key: fmt.Sprint(parent)}
		}
		if err := may.ou(parent, "creating an organization unit below "+tree.Path(parent)); err != nil {
			return nil, err
		}
		if err := checkOUName(tree, parent, 0, name); err != nil {
			return nil, err
		}
		if id, err = q.CreateOU(parent, strings.TrimSpace(name)); err != nil {
			return nil, err
		}
		path := strings.TrimPrefix(tree.Path(parent)+"/"+strings.TrimSpace(name), tree.Name(tree.Root)+"/")
		return []data.JournalEntry{entry("ou.create", path, "", "created")}, nil
	})
	return id, err
}

// checkOUName checks that parent exists and that name is usable and unique among its
// children (other than the OU self being renamed or moved).
func checkOUName(tree *OUTree, parent, self int64, name string) error {
	if !tree.Has(parent) {
		return &NotFoundError{What: "organization unit", Key: fmt.Sprint(parent)}
	}
	name = strings.TrimSpace(name)
	if name == "" || strings.Contains(name, "/") {
		return refuse("ou.name", "an organization unit needs a name without \"/\"")
	}
	for _, c := range tree.Children(parent) {
		if c != self && strings.EqualFold(tree.Name(c), name) {
			return refuse("ou.name", "%s already has an organization unit named %q", tree.Path(parent), tree.Name(c))
		}
	}
	return nil
}

// existingOU loads the tree and checks that the OU exists.
func existingOU(q *data.Q, id int64) (*OUTree, error) {
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
func (a *App) MoveOU(ctx context.Context, id, parent int64) error {
	return a.change(ctx, func(q *data.Q, may *permit) ([]data.JournalEntry, error) {
		tree, err := existingOU(q, id)
		if err != nil {
			return nil, err
		}
		if id == tree.Root {
			return nil, refuse("ou.root", "the root organization unit (the tenant) cannot be moved")
		}
		if err := may.ou(tree.Parent(id), "moving the organization unit "+tree.Path(id)); err != nil {
			return nil, err
		}
		if tree.Has(parent) {
			if err := may.ou(parent, "moving an organization unit below "+tree.Path(parent)); err != nil {
				return nil, err
			}
		}
		if tree.Has(parent) && tree.IsSameOrAncestor(id, parent) {
			return nil, refuse("ou.cycle", "cannot move %s below %s: an organization unit cannot move into its own subtree",
				tree.Path(id), tree.Path(parent))
		}
		if err := checkOUName(tree, parent, id, tree.Name(id)); err != nil {
			return nil, err
		}
		old := tree.Path(id)
		if err := q.MoveOU(id, parent); err != nil {
			return nil, err
		}
		return []data.JournalEntry{entry("ou.move", tree.Name(id), old, tree.Path(parent)+"/"+tree.Name(id))}, nil
	})
}

// RenameOU gives an OU a new name, unique among its siblings.
func (a *App) RenameOU(ctx context.Context, id int64, name string) error {
	return a.change(ctx, func(q *data.Q, may *permit) ([]data.JournalEntry, error) {
		tree, err := existingOU(q, id)
		if err != nil {
			return nil, err
		}
		if err := may.ou(id, "renaming the organization unit "+tree.Path(id)); err != nil {
			return nil, err
		}
		if id != tree.Root {
			if err := checkOUName(tree, tree.Parent(id), id, name); err != nil {
				return nil, err
			}
		}
		old := tree.Path(id)
		if err := q.RenameOU(id, strings.TrimSpace(name)); err != nil {
			return nil, err
		}
		return []data.JournalEntry{entry("ou.rename", old, tree.Name(id), strings.TrimSpace(name))}, nil
	})
}

// DeleteOU deletes an empty OU; when anything still lives in it, the refusal says what.
func (a *App) DeleteOU(ctx context.Context, id int64) error {
	return a.change(ctx, func(q *data.Q, may *permit) ([]data.JournalEntry, error) {
		tree, err := existingOU(q, id)
		if err != nil {
			return nil, err
		}
		if id == tree.Root {
			return nil, refuse("ou.root", "the root organization unit (the tenant) cannot be deleted")
		}
		if err := may.ou(tree.Parent(id), "deleting the organization unit "+tree.Path(id)); err != nil {
			return nil, err
		}
		contents, err := q.OUContents(id)
		if err != nil {
			return nil, err
		}
		if len(contents) > 0 {
			parts := make([]string, len(contents))
			for i, c := range contents {
				parts[i] = plural(c.Count, c.Kind)
			}
			return nil, refuse("ou.not-empty", "cannot delete %s: it still holds %s; move or delete those first",
				tree.Path(id), strings.Join(parts, ", "))
		}
		if err := q.DeleteOU(id); err != nil {
			return nil, err
		}
		return []data.JournalEntry{entry("ou.delete", tree.Path(id), "existed", "")}, nil
	})
}

// plural counts things in words: "1 user", "3 users", "2 skill categories".
func plural(n int, kind string) string {
	switch {
	case n == 1:
		return "1 " + kind
	case strings.HasSuffix(kind, "y"):
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(kind, "y"))
	}
	return fmt.Sprintf("%d %ss", n, kind)
}
