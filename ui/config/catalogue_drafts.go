package config

import (
	"context"
	"fmt"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/ui/widgets"
)

// configDraftFuncs is a draft made of three functions, for a part of a screen that
// keeps its own edits (the item shown, as opposed to a half-filled "new" form).
type configDraftFuncs struct {
	pendingFn func() string
	saveFn    func() bool
	discardFn func()
}

func (d configDraftFuncs) pending() string { return d.pendingFn() }
func (d configDraftFuncs) save() bool      { return d.saveFn() }
func (d configDraftFuncs) discard()        { d.discardFn() }

// pendingItem names the item shown when its name, OU or levels were edited and not saved.
func (c *configCatalogue) pendingItem() string {
	if c.editName == nil || c.shown.ID == 0 {
		return ""
	}
	var parts []string
	if c.editName.Text != c.shown.Name || (c.editOU.Selected != "" && c.editOU.Selected != c.shown.OUPath) {
		parts = append(parts, fmt.Sprintf("the %s %q", app.ConfigNoun(c.kind), c.shown.Name))
	}
	if c.levels != nil && c.levels.dirty() {
		parts = append(parts, fmt.Sprintf("the levels of %q", c.shown.Name))
	}
	return strings.Join(parts, " and ")
}

// pendingNew names the new item when its form was started and not added.
func (c *configCatalogue) pendingNew() string {
	if c.form == nil {
		return ""
	}
	for _, e := range append(c.form.entries, c.form.name) {
		if strings.TrimSpace(e.Text) != "" {
			return "the new " + app.ConfigNoun(c.kind)
		}
	}
	return ""
}

// itemDraft is the pending edits of the item shown, asked about when another item is
// selected; the "new" form stays as it is then.
func (c *configCatalogue) itemDraft() configDraft {
	return configDraftFuncs{pendingFn: c.pendingItem, saveFn: c.saveItem, discardFn: c.discardItem}
}

// saveItem saves the name and OU, then the levels, of the item shown; the first refusal
// stops and keeps what was not saved.
func (c *configCatalogue) saveItem() bool {
	id := c.shown.ID
	if c.editName.Text != c.shown.Name || (c.editOU.Selected != "" && c.editOU.Selected != c.shown.OUPath) {
		if !c.saveRename() {
			return false
		}
	}
	if c.levels != nil && c.levels.dirty() {
		return c.levels.save() // it reads the catalogue again and selects the category
	}
	c.reselect(id)
	return true
}

// discardItem shows the item as stored again.
func (c *configCatalogue) discardItem() {
	c.editName.SetText(c.shown.Name)
	c.editOU.SetSelected(c.shown.OUPath)
	if c.levels != nil {
		c.levels.load(c.shown.ID)
	}
	c.status.SetText("")
}

// pending names everything unsaved on the screen: the item shown and the new one.
func (c *configCatalogue) pending() string {
	var parts []string
	for _, p := range []string{c.pendingItem(), c.pendingNew()} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " and ")
}

// save saves the item shown, then adds the new one; the first refusal stops.
func (c *configCatalogue) save() bool {
	if c.pendingItem() != "" && !c.saveItem() {
		return false
	}
	if c.pendingNew() != "" {
		return c.add()
	}
	return true
}

// discard drops the edits of the item shown and empties the new item's form.
func (c *configCatalogue) discard() {
	if c.pendingItem() != "" {
		c.discardItem()
	}
	c.form.clear()
}

// saveRename gives the item shown the edited name and OU, based on the version shown;
// false when refused (the status says why and the edits stay).
func (c *configCatalogue) saveRename() bool {
	if c.shown.ID == 0 {
		return true
	}
	it := c.shown
	ou := c.ous.ID(c.editOU.Selected)
	if ou == 0 {
		ou = it.OUID
	}
	name, path := c.editName.Text, c.editOU.Selected
	_, err := c.cw.nimbus.Do(context.Background(), app.RenameConfigItem{Base: app.BasedOn(c.version), ConfigKind: c.kind, Item: it.ID, Name: name, OU: ou})
	if err == nil {
		c.shown.Name, c.shown.OUPath = c.editName.Text, path
		if v, verr := c.cw.nimbus.RowVersion(context.Background(), c.version.Entity, c.version.Key); verr == nil {
			c.version = v
		}
		if c.levels != nil {
			c.levels.adoptVersion()
		}
	}
	widgets.ShowResult(c.status, err, fmt.Sprintf("Saved %q in %s.", name, path))
	return err == nil
}
