package config

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// configSelectItem selects a catalogue's item by name.
func configSelectItem(t *testing.T, c *configCatalogue, name string) app.ConfigItem {
	t.Helper()
	for i, it := range c.items {
		if it.Name == name {
			c.table.Select(widget.TableCellID{Row: i, Col: 0})
			return it
		}
	}
	t.Fatalf("no %q in the catalogue", name)
	return app.ConfigItem{}
}

// configStoredLevels lists a category's stored levels as "Basic (1), Fluent (2)".
func configStoredLevels(t *testing.T, nimbus *app.App, category int64) string {
	t.Helper()
	_, levels, err := nimbus.SkillCategoryLevels(context.Background(), category)
	if err != nil {
		t.Fatal(err)
	}
	parts := make([]string, len(levels))
	for i, l := range levels {
		parts[i] = fmt.Sprintf("%s (%d)", l.Name, l.Value)
	}
	return strings.Join(parts, ", ")
}

// configPickLevel selects a level of the editor by name.
func configPickLevel(t *testing.T, e *configLevelEditor, name string) {
	t.Helper()
	for i, l := range e.levels {
		if l.Name == name {
			e.list.Select(i)
			return
		}
	}
	t.Fatalf("no level %q in the editor", name)
}

func TestSkillCategoryLevelEditorAddsRenamesMovesAndRemoves(t *testing.T) {
	cw, _, nimbus := configTestWindow(t, "Skills & Profiles")
	c := cw.catalogues[data.ConfigSkillCategories]
	e := c.levels
	if !e.saveBtn.Disabled() {
		t.Error("Save levels is enabled with no category selected")
	}
	lang := configSelectItem(t, c, "Language")
	if len(e.levels) != 3 || e.saveBtn.Disabled() || !e.upBtn.Disabled() {
		t.Fatalf("editor after selecting Language: %+v, save disabled %v", e.levels, e.saveBtn.Disabled())
	}
	test.Type(e.levelName, "Conversational")
	test.Type(e.number, "4")
	test.Tap(e.addBtn)
	configPickLevel(t, e, "Basic")
	e.levelName.SetText("Beginner")
	test.Tap(e.renameBtn)
	configPickLevel(t, e, "Conversational")
	test.Tap(e.upBtn)
	test.Tap(e.upBtn)
	if configStoredLevels(t, nimbus, lang.ID) != "Basic (1), Fluent (2), Native (3)" {
		t.Error("the levels changed before Save")
	}
	test.Tap(e.saveBtn)
	if !saidDone(e.status) {
		t.Fatalf("save: %q", e.status.Text)
	}
	if got := configStoredLevels(t, nimbus, lang.ID); got != "Beginner (1), Conversational (2), Fluent (3), Native (4)" {
		t.Errorf("stored %s", got)
	}
	if len(e.levels) != 4 || e.category != lang.ID {
		t.Errorf("the editor does not show the saved category again: %+v", e.levels)
	}

	configPickLevel(t, e, "Conversational")
	test.Tap(e.removeBtn)
	test.Tap(e.saveBtn)
	if got := configStoredLevels(t, nimbus, lang.ID); got != "Beginner (1), Fluent (3), Native (4)" {
		t.Errorf("after removing an unused level: %s", got)
	}

	configPickLevel(t, e, "Fluent")
	test.Tap(e.removeBtn)
	test.Tap(e.saveBtn)
	if e.status.Importance != widget.DangerImportance || !strings.Contains(e.status.Text, `Cannot remove the level "Fluent"`) ||
		!strings.Contains(e.status.Text, "hold a skill at it") {
		t.Errorf("removing a held level: %q", e.status.Text)
	}
	if got := configStoredLevels(t, nimbus, lang.ID); got != "Beginner (1), Fluent (3), Native (4)" {
		t.Errorf("the refused removal changed the levels: %s", got)
	}
}
