package app

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"nimbusadmin/app/outree"
	"nimbusadmin/data"
)

// RenameConfigItem gives an item a new name and moves it to another OU. The built-in
// profiles keep their name and place, and an item cannot move below anyone who uses it:
// every user, skill or profile using it must stay in its new OU or below.
type RenameConfigItem struct {
	Base
	ConfigKind data.ConfigKind `json:"configKind"`
	Item       int64           `json:"item"`
	Name       string          `json:"name"`
	OU         int64           `json:"ou"` // the OU it moves to; its own to stay
}

// Kind names the command.
func (RenameConfigItem) Kind() string { return "config.item.update" }

func (cmd RenameConfigItem) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q, may := c.q, c.may
	noun := ConfigNoun(cmd.ConfigKind)
	it, err := q.ConfigRow(cmd.ConfigKind, cmd.Item)
	if errors.Is(err, data.ErrNotFound) {
		return nil, &NotFoundError{What: noun, Key: fmt.Sprint(cmd.Item)}
	} else if err != nil {
		return nil, err
	}
	tree, err := loadTree(q)
	if err != nil {
		return nil, err
	}
	what := fmt.Sprintf("changing the %s %q", noun, it.Name)
	if err := configPermit(q, may, cmd.ConfigKind, it.OUID, what); err != nil {
		return nil, err
	}
	if tree.Has(cmd.OU) && cmd.OU != it.OUID {
		if err := configPermit(q, may, cmd.ConfigKind, cmd.OU, what+" into "+tree.Path(cmd.OU)); err != nil {
			return nil, err
		}
	}
	if it.Builtin {
		return nil, refuse("profile.builtin", "%q is a built-in responsibility profile: its name and place cannot change", it.Name)
	}
	clean, err := configCheckNewItem(q, tree, cmd.ConfigKind, cmd.Name, cmd.OU, cmd.Item)
	if err != nil {
		return nil, err
	}
	if err := configCheckMoveScope(q, tree, cmd.ConfigKind, it, cmd.OU); err != nil {
		return nil, err
	}
	if clean == it.Name && cmd.OU == it.OUID {
		return nil, nil
	}
	if err := q.ConfigRenameMove(cmd.ConfigKind, cmd.Item, clean, cmd.OU); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("config."+string(cmd.ConfigKind)+".update", it.Name,
		it.Name+" in "+tree.Path(it.OUID), clean+" in "+tree.Path(cmd.OU))}, nil
}

// configCheckMoveScope is the "same OU or higher" rule seen from the item: it refuses a move
// that would leave a user, skill or profile using the item outside the item's new OU.
func configCheckMoveScope(q *data.Q, tree *outree.Tree, k data.ConfigKind, it data.ConfigRow, ou int64) error {
	if ou == it.OUID {
		return nil
	}
	byKind, err := q.ConfigUseOUs(k, it.ID)
	if err != nil {
		return err
	}
	var outside []string
	for kind, ous := range byKind {
		for _, o := range ous {
			if !tree.IsSameOrAncestor(ou, o) {
				outside = append(outside, fmt.Sprintf("%ss in %s", kind, tree.Path(o)))
			}
		}
	}
	if len(outside) == 0 {
		return nil
	}
	sort.Strings(outside)
	if len(outside) > 3 {
		outside = append(outside[:3], "…")
	}
	return refuse("config.move-scope", "cannot move the %s %q to %s: it is used outside it (%s), and items can only be used in their OU or below",
		ConfigNoun(k), it.Name, tree.Path(ou), strings.Join(outside, ", "))
}
