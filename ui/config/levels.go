package config

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// configLevelEditor edits the levels of an existing skill category: add, rename, move up
// and down, remove. The edits stay in the editor until Save applies them all in one
// change through the rules, which may refuse (a level someone holds cannot be removed).
type configLevelEditor struct {
	nimbus   *app.App
	saved    func(categoryID int64) // reloads the catalogue and selects the category again
	ctrlS    func()                 // saves the screen (Ctrl+S in a field)
	category int64
	name     string             // the category's name, for messages
	levels   []data.ConfigLevel // as edited, lowest number first
	stored   []data.ConfigLevel // as stored, to tell edits apart
	version  data.RowVersion    // what a save is based on
	usedBy   map[int64]string   // who holds each stored level
	selected int                // -1 when none

	list      *widget.List
	levelName *configEntry
	number    *configEntry
	renameBtn *widget.Button
	upBtn     *widget.Button
	downBtn   *widget.Button
	removeBtn *widget.Button
	addBtn    *widget.Button
	saveBtn   *widget.Button
	status    *widget.Label
}

func newConfigLevelEditor(nimbus *app.App, saved func(categoryID int64), ctrlS func()) *configLevelEditor {
	return &configLevelEditor{nimbus: nimbus, saved: saved, ctrlS: ctrlS, selected: -1, usedBy: map[int64]string{}}
}

func (e *configLevelEditor) build() fyne.CanvasObject {
	e.list = widget.NewList(func() int { return len(e.levels) }, e.newRow, e.updateRow)
	e.list.OnSelected = e.onSelected
	e.levelName = newConfigEntry(e.ctrlS, "Level name")
	e.number = newConfigEntry(e.ctrlS, "Number")
	e.renameBtn = &widget.Button{Text: "Rename", OnTapped: e.onRename}
	e.upBtn = &widget.Button{Text: "Move up", OnTapped: func() { e.onMove(-1) }}
	e.downBtn = &widget.Button{Text: "Move down", OnTapped: func() { e.onMove(1) }}
	e.removeBtn = &widget.Button{Text: "Remove", OnTapped: e.onRemove}
	e.addBtn = &widget.Button{Text: "Add level", OnTapped: e.onAdd}
	e.saveBtn = &widget.Button{Text: "Save levels", Importance: widget.HighImportance, OnTapped: e.onSave}
	e.status = widgets.NewStatus()
	title := &widget.Label{Text: "Levels (ordered by number)", TextStyle: fyne.TextStyle{Bold: true}}
	list := container.NewGridWrap(fyne.NewSize(420, 150), e.list)
	fields := widget.NewForm(widget.NewFormItem("Name", e.levelName), widget.NewFormItem("Number (new level)", e.number))
	e.show(0, "", nil)
	return container.NewVBox(title, list, fields,
		container.NewHBox(e.renameBtn, e.upBtn, e.downBtn, e.removeBtn, e.addBtn), container.NewHBox(e.saveBtn), e.status)
}

// load reads a category's levels and who holds each, dropping unsaved edits.
func (e *configLevelEditor) load(categoryID int64) {
	ctx := context.Background()
	version, err := e.nimbus.RowVersion(ctx, "skill-category", strconv.FormatInt(categoryID, 10)) // before the levels
	if err != nil {
		widgets.ShowResult(e.status, err, "")
		return
	}
	c, levels, err := e.nimbus.SkillCategoryLevels(ctx, categoryID)
	if err != nil {
		widgets.ShowResult(e.status, err, "")
		return
	}
	e.show(categoryID, c.Name, levels)
	e.version = version
}

// dirty tells whether the levels differ from those stored.
func (e *configLevelEditor) dirty() bool {
	return e.category != 0 && !slices.Equal(e.levels, e.stored)
}

// adoptVersion takes the category's version after the admin's own change to it (a
// rename), so that the pending levels stay based on what they saw.
func (e *configLevelEditor) adoptVersion() {
	if v, err := e.nimbus.RowVersion(context.Background(), "skill-category", strconv.FormatInt(e.category, 10)); err == nil {
		e.version = v
	}
}

// clear empties the editor while no category is selected.
func (e *configLevelEditor) clear() { e.show(0, "", nil) }

func (e *configLevelEditor) show(categoryID int64, name string, levels []app.SkillCategoryLevel) {
	e.category, e.name = categoryID, name
	e.levels, e.usedBy = nil, map[int64]string{}
	for _, l := range levels {
		e.levels = append(e.levels, data.ConfigLevel{ID: l.ID, Name: l.Name, Value: l.Value})
		e.usedBy[l.ID] = l.UsedBy()
	}
	e.stored = slices.Clone(e.levels)
	e.levelName.SetText("")
	e.number.SetText("")
	e.status.SetText("")
	e.selectLevel(-1)
	for _, w := range []fyne.Disableable{e.levelName, e.number, e.addBtn, e.saveBtn} {
		widgets.EnableWhen(w, categoryID != 0)
	}
}

func (e *configLevelEditor) newRow() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (e *configLevelEditor) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(e.levels) {
		return
	}
	l := e.levels[i]
	text := fmt.Sprintf("%s (%d)", l.Name, l.Value)
	switch used := e.usedBy[l.ID]; {
	case l.ID == 0:
		text += " — new"
	case used != "":
		text += " — held by " + used
	}
	o.(*widget.Label).SetText(text)
}

func (e *configLevelEditor) onSelected(i widget.ListItemID) {
	e.selected = i
	e.levelName.SetText(e.levels[i].Name)
	e.enableSelection()
}

// selectLevel selects a level of the list (-1: none) and enables what works on it.
func (e *configLevelEditor) selectLevel(i int) {
	e.selected = i
	e.list.Refresh()
	if i < 0 {
		e.list.UnselectAll()
	} else {
		e.list.Select(i)
	}
	e.enableSelection()
}

func (e *configLevelEditor) enableSelection() {
	i := e.selected
	for w, on := range map[fyne.Disableable]bool{e.renameBtn: i >= 0, e.removeBtn: i >= 0,
		e.upBtn: i > 0, e.downBtn: i >= 0 && i < len(e.levels)-1} {
		widgets.EnableWhen(w, on)
	}
}

func (e *configLevelEditor) onRename() {
	if e.selected < 0 {
		return
	}
	e.levels[e.selected].Name = strings.TrimSpace(e.levelName.Text)
	e.selectLevel(e.selected)
}

// onMove swaps the selected level with its neighbour: the levels keep their numbers and
// take them in the new order.
func (e *configLevelEditor) onMove(by int) {
	i, j := e.selected, e.selected+by
	if i < 0 || j < 0 || j >= len(e.levels) {
		return
	}
	names := make([]string, len(e.levels))
	for k, l := range e.levels {
		names[k] = l.Name
	}
	names[i], names[j] = names[j], names[i]
	levels, err := app.ReorderLevels(e.levels, names)
	if err != nil {
		widgets.ShowResult(e.status, err, "")
		return
	}
	e.levels = levels
	e.selectLevel(j)
}

func (e *configLevelEditor) onRemove() {
	if e.selected < 0 {
		return
	}
	e.levels = append(e.levels[:e.selected], e.levels[e.selected+1:]...)
	e.levelName.SetText("")
	e.selectLevel(-1)
}

func (e *configLevelEditor) onAdd() {
	n, err := strconv.Atoi(strings.TrimSpace(e.number.Text))
	if err != nil {
		widgets.ShowResult(e.status, fmt.Errorf("give the new level a number, e.g. 4 (not %q)", e.number.Text), "")
		return
	}
	e.levels = append(e.levels, data.ConfigLevel{Name: strings.TrimSpace(e.levelName.Text), Value: n})
	sort.SliceStable(e.levels, func(a, b int) bool { return e.levels[a].Value < e.levels[b].Value })
	e.levelName.SetText("")
	e.number.SetText("")
	e.status.SetText("")
	e.selectLevel(-1)
}

// onSave applies the edited levels through the rule; a refusal keeps the edits so that
// the admin can correct them.
func (e *configLevelEditor) onSave() { e.save() }

// save applies the edited levels based on the version shown; false when refused.
func (e *configLevelEditor) save() bool {
	if e.category == 0 {
		return true
	}
	out, err := e.nimbus.Do(context.Background(), app.SetSkillCategoryLevels{Base: app.BasedOn(e.version), Category: e.category, Levels: e.levels})
	if err != nil {
		widgets.ShowResult(e.status, err, "")
		return false
	}
	name := e.name
	e.stored = slices.Clone(e.levels) // saved: the catalogue reads it all again
	e.saved(e.category)
	done := fmt.Sprintf("Saved the levels of %q.", name)
	if out.Note != "" {
		done += " " + out.Note + "."
	}
	widgets.ShowResult(e.status, nil, done)
	return true
}
