package config

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// configColumns are the columns of every catalogue list.
var configColumns = []struct {
	title string
	width float32
}{{"Name", 160}, {"Organization Unit", 150}, {"Used by", 230}, {"Details", 320}}

// configCatalogue is the screen of one catalogue: its items with where each is used, a
// form to add one and a delete that the rules may refuse.
type configCatalogue struct {
	cw        *configWindow
	kind      data.ConfigKind
	items     []app.ConfigItem
	ous       widgets.OUChoices
	selected  int            // -1 when none
	shown     app.ConfigItem // the item in the editor as stored; ID 0 when none
	version   data.RowVersion
	selecting bool // set while the table is selected again by the screen itself

	table     *widget.Table
	usedBy    *widget.Label
	editName  *configEntry
	editOU    *widgets.OUPicker
	saveBtn   *widget.Button
	deleteBtn *widget.Button
	addBtn    *widget.Button
	form      *configForm
	status    *widget.Label
	levels    *configLevelEditor // skill categories only: the levels of the selected one
}

func newConfigCatalogue(cw *configWindow, k data.ConfigKind) *configCatalogue {
	return &configCatalogue{cw: cw, kind: k, selected: -1}
}

func (c *configCatalogue) build() fyne.CanvasObject {
	c.table = widget.NewTableWithHeaders(c.size, c.newCell, c.updateCell)
	c.table.ShowHeaderColumn = false
	c.table.CreateHeader = c.newCell
	c.table.UpdateHeader = c.updateHeader
	c.table.OnSelected = c.onSelected
	for i, col := range configColumns {
		c.table.SetColumnWidth(i, col.width)
	}
	c.usedBy = &widget.Label{Wrapping: fyne.TextWrapWord, Text: "Select an item to see where it is used."}
	c.deleteBtn = &widget.Button{Text: "Delete…", Importance: widget.DangerImportance, OnTapped: c.onDelete}
	c.deleteBtn.Disable()
	c.editName = newConfigEntry(c.cw.saveShown, "Name")
	c.editOU = &widgets.OUPicker{PlaceHolder: "Organization unit"}
	c.saveBtn = &widget.Button{Text: "Save name and OU", OnTapped: c.onSave}
	c.status = widgets.NewStatus()
	c.form = configFormFor(c)
	title := &widget.Label{Text: "New " + app.ConfigNoun(c.kind), TextStyle: fyne.TextStyle{Bold: true}}
	c.addBtn = &widget.Button{Text: "Add " + app.ConfigNoun(c.kind), Importance: widget.HighImportance, OnTapped: c.onAdd}
	edit := widget.NewForm(widget.NewFormItem("Name", c.editName), widget.NewFormItem("Lives in", c.editOU))
	side := container.NewVBox(c.usedBy, edit, container.NewHBox(c.saveBtn, c.deleteBtn))
	if c.kind == data.ConfigSkillCategories {
		c.levels = newConfigLevelEditor(c.cw.nimbus, c.reselect, c.cw.saveShown)
		side.Add(c.levels.build())
	}
	side.Add(widget.NewSeparator())
	for _, o := range []fyne.CanvasObject{title, c.form.content, container.NewHBox(c.addBtn), c.status} {
		side.Add(o)
	}
	c.reload()
	split := container.NewHSplit(c.table, container.NewVScroll(container.NewPadded(side)))
	split.Offset = 0.64
	return split
}

// reload reads the catalogue and the pickers again and shows the item shown before,
// if it is still there. Pending edits of the item stay on screen.
func (c *configCatalogue) reload() {
	items, err := c.cw.nimbus.ConfigItems(context.Background(), c.kind)
	if err != nil {
		widgets.ShowResult(c.status, err, "")
		return
	}
	c.items = items
	c.ous = configLoadOUs(c.cw.nimbus, c.status)
	c.form.reload(c.ous)
	c.editOU.SetChoices(c.ous)
	c.table.Refresh()
	if c.pendingItem() != "" {
		c.selected = c.rowOf(c.shown.ID)
		return
	}
	c.showItem(c.shown.ID)
}

// rowOf is the row of the item with the id, -1 when it is not listed.
func (c *configCatalogue) rowOf(id int64) int {
	for i, it := range c.items {
		if id != 0 && it.ID == id {
			return i
		}
	}
	return -1
}

// showItem puts the item with the id in the editor as stored and selects its row; with
// no such item the editor is empty.
func (c *configCatalogue) showItem(id int64) {
	c.selecting = true
	defer func() { c.selecting = false }()
	c.selected = c.rowOf(id)
	if c.selected < 0 {
		c.table.UnselectAll()
		c.shown, c.version = app.ConfigItem{}, data.RowVersion{}
		c.editName.SetText("")
		c.editOU.ClearSelected()
		for _, w := range []fyne.Disableable{c.deleteBtn, c.saveBtn, c.editName, c.editOU} {
			w.Disable()
		}
		if c.levels != nil {
			c.levels.clear()
		}
		c.usedBy.SetText(fmt.Sprintf("%d %s. Select one to see where it is used.", len(c.items), configPlural(c.kind)))
		return
	}
	c.table.Select(widget.TableCellID{Row: c.selected, Col: 0})
	c.fill(c.items[c.selected])
}

// reselect reads the catalogue again and selects the item with the id, if it is still there.
func (c *configCatalogue) reselect(id int64) {
	c.shown.ID = id
	c.reload()
}

func configPlural(k data.ConfigKind) string {
	n := app.ConfigNoun(k)
	if n[len(n)-1] == 'y' {
		return n[:len(n)-1] + "ies"
	}
	return n + "s"
}

func (c *configCatalogue) size() (int, int) { return len(c.items), len(configColumns) }

// newCell makes a cell label through its constructor: a struct-literal label is not
// yet extended when the table resizes it, so it would never cut its text to the column.
func (c *configCatalogue) newCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (c *configCatalogue) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Col >= 0 {
		l := o.(*widget.Label)
		l.TextStyle.Bold = true
		l.SetText(configColumns[id.Col].title)
	}
}

func (c *configCatalogue) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row >= len(c.items) {
		return
	}
	it := c.items[id.Row]
	text := ""
	switch id.Col {
	case 0:
		text = it.Name
	case 1:
		text = it.OUPath
	case 2:
		text = it.UsedBy()
		if text == "" {
			text = "—"
		}
	case 3:
		text = it.Detail
	}
	o.(*widget.Label).SetText(text)
}

// onSelected shows the item clicked in the table, asking first about pending edits of
// the item shown; Keep editing selects that item again.
func (c *configCatalogue) onSelected(id widget.TableCellID) {
	if c.selecting || id.Row < 0 || id.Row >= len(c.items) {
		return
	}
	it := c.items[id.Row]
	if it.ID == c.shown.ID {
		return
	}
	c.cw.beforeLeaving([]configDraft{c.itemDraft()}, "before showing another "+app.ConfigNoun(c.kind), func() {
		c.status.SetText("")
		c.showItem(it.ID)
	}, func() {
		c.selecting = true
		defer func() { c.selecting = false }()
		if c.selected >= 0 {
			c.table.Select(widget.TableCellID{Row: c.selected, Col: 0})
		} else {
			c.table.UnselectAll()
		}
	})
}

// fill puts an item in the editor as stored.
func (c *configCatalogue) fill(it app.ConfigItem) {
	c.shown, c.version = it, it.Version
	text := fmt.Sprintf("%s, in %s", it.Name, it.OUPath)
	if it.Detail != "" {
		text += ": " + it.Detail
	}
	switch used := it.UsedBy(); {
	case it.Builtin:
		text += "\nBuilt in: it cannot be deleted."
	case used == "":
		text += "\nNot used anywhere."
	default:
		text += "\nUsed by " + used + "."
	}
	c.usedBy.SetText(text)
	if c.levels != nil {
		c.levels.load(it.ID)
	}
	c.editName.SetText(it.Name)
	c.editOU.SetSelected(it.OUPath)
	for _, w := range []fyne.Disableable{c.deleteBtn, c.saveBtn, c.editName, c.editOU} {
		widgets.EnableWhen(w, !it.Builtin)
	}
}

func (c *configCatalogue) onSave() {
	if c.saveRename() {
		c.reselect(c.shown.ID)
	}
}

func (c *configCatalogue) onDelete() {
	if c.selected < 0 {
		return
	}
	it := c.items[c.selected]
	c.cw.confirm("Delete "+app.ConfigNoun(c.kind), fmt.Sprintf("Delete the %s %q?", app.ConfigNoun(c.kind), it.Name), func() {
		_, err := c.cw.nimbus.Do(context.Background(), app.DeleteConfigItem{Base: app.BasedOn(it.Version), ConfigKind: c.kind, Item: it.ID})
		if err == nil {
			c.shown = app.ConfigItem{}
			c.reload()
		}
		widgets.ShowResult(c.status, err, fmt.Sprintf("Deleted %q.", it.Name))
	})
}

func (c *configCatalogue) onAdd() { c.add() }

// add creates the item the form describes; false when refused (the form keeps it).
func (c *configCatalogue) add() bool {
	name := c.form.name.Text
	_, err := c.form.submit()
	if err == nil {
		c.form.clear()
		c.reload()
	}
	widgets.ShowResult(c.status, err, fmt.Sprintf("Added %q.", name))
	return err == nil
}
