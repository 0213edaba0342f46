package config

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/data"
)

func TestCatalogueShowsWhereAnItemIsUsedAndRefusesItsDelete(t *testing.T) {
	cw, _, nimbus := configTestWindow(t, "N/A Reasons")
	c := cw.catalogues[data.ConfigNAReasons]
	row := -1
	for i, it := range c.items {
		if it.Name == "Lunch" {
			row = i
		}
	}
	if row < 0 {
		t.Fatal("no Lunch in the demo tenant")
	}
	c.table.Select(widget.TableCellID{Row: row, Col: 0})
	if !strings.Contains(c.usedBy.Text, "Used by ") || c.deleteBtn.Disabled() {
		t.Fatalf("selected Lunch: %q, delete disabled %v", c.usedBy.Text, c.deleteBtn.Disabled())
	}
	test.Tap(c.deleteBtn)
	if !strings.Contains(c.status.Text, `Cannot delete the N/A reason "Lunch": it is used by`) || c.status.Importance != widget.DangerImportance {
		t.Errorf("delete in use: %q", c.status.Text)
	}
	c.editOU.SetSelected("Support/EMEA")
	test.Tap(c.saveBtn)
	if !strings.Contains(c.status.Text, `Cannot move the N/A reason "Lunch" to Support/EMEA`) {
		t.Errorf("move out of scope: %q", c.status.Text)
	}
	c.editOU.SetSelected(c.ous.Paths[0])
	c.editName.SetText("Lunch break")
	test.Tap(c.saveBtn)
	if !strings.Contains(c.status.Text, `Saved "Lunch break"`) || c.shown.Name != "Lunch break" || c.pending() != "" {
		t.Errorf("rename: %q; shown %q, pending %q", c.status.Text, c.shown.Name, c.pending())
	}
	before := len(c.items)
	test.Type(c.form.name, "Dentist")
	test.Tap(c.addBtn)
	if len(c.items) != before+1 || !strings.Contains(c.status.Text, "Added") {
		t.Fatalf("add: %d items, status %q", len(c.items), c.status.Text)
	}
	if _, err := nimbus.FindConfigItem(context.Background(), data.ConfigNAReasons, "Dentist"); err != nil {
		t.Error(err)
	}
}

func TestDomainTemplateFormShowsTheOriginRule(t *testing.T) {
	cw, _, _ := configTestWindow(t, "Interact")
	c := cw.catalogues[data.ConfigDomainTemplates]
	test.Type(c.form.name, "Shop")
	test.Type(c.form.entries[0], "shop.contoso.example")
	test.Tap(c.addBtn)
	if !strings.Contains(c.status.Text, "not a valid CORS origin") {
		t.Errorf("status %q", c.status.Text)
	}
	c.form.entries[0].SetText("https://shop.contoso.example")
	test.Tap(c.addBtn)
	if !strings.Contains(c.status.Text, `Added "Shop"`) || c.form.name.Text != "" {
		t.Errorf("status %q, name left %q", c.status.Text, c.form.name.Text)
	}
}
