package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"nimbusadmin/app"
	"nimbusadmin/app/userlist"
)

// exportProvenance describes an export of rows rows of the list as shown now: the search,
// the OU selection and the filters in the words the window shows them, the sort and the
// columns. It is saved next to the export (users.csv → users.csv.provenance.json), never
// in it: a comment line is not CSV and breaks spreadsheets, a first record with other
// columns breaks sorting and filtering, and the JSON export stays the array of users.
func (l *listTools) exportProvenance(f userlist.ExportFormat, rows int) (app.Provenance, error) {
	m, p := l.m, l.m.filters
	shown := map[string]string{}
	if s := strings.TrimSpace(m.search.Text); s != "" {
		shown["search"] = s
	}
	if len(p.filters.OUs) > 0 {
		shown["organizationUnits"] = p.ous.Text
	}
	for name, sel := range map[string]string{"department": p.department.Selected, "activeProfile": p.profile.Selected,
		"routingServices": p.routing.Selected, "role": p.role.Selected} {
		if sel != "" && sel != filterAll {
			shown[name] = sel
		}
	}
	for licence, sel := range p.licences {
		if sel.Selected != "" && sel.Selected != filterAll {
			shown["licence "+licence.String()] = sel.Selected
		}
	}
	order := "ascending"
	if m.table.desc {
		order = "descending"
	}
	shown["sort"] = m.table.column.Title() + ", " + order
	titles := make([]string, len(m.table.cols))
	for i, c := range m.table.cols {
		titles[i] = c.Title()
	}
	shown["columns"] = strings.Join(titles, ", ")
	return m.nimbus.Provenance(context.Background(), time.Now(), "window: user list", string(f), shown, rows)
}

// saveProvenanceBeside writes the provenance of the export saved at export next to it.
func saveProvenanceBeside(export fyne.URI, p app.Provenance) error {
	dir, err := storage.Parent(export)
	if err != nil {
		return err
	}
	side, err := storage.Child(dir, export.Name()+".provenance.json")
	if err != nil {
		return err
	}
	w, err := storage.Writer(side)
	if err != nil {
		return err
	}
	_, err = w.Write(p.JSON())
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", side.Name(), err)
	}
	return nil
}

// saveExportProvenance writes the side-car of an export of n rows just saved at export.
func (l *listTools) saveExportProvenance(export fyne.URI, f userlist.ExportFormat, n int) error {
	p, err := l.exportProvenance(f, n)
	if err != nil {
		return err
	}
	return saveProvenanceBeside(export, p)
}
