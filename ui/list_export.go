package ui

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"nimbusadmin/app/userlist"
	"nimbusadmin/ui/widgets"
)

// openExport asks where to save the list as shown: the rows the search and the filters
// leave, in their order, with the columns shown. A name ending in .json is written as
// JSON, any other as CSV; its provenance is saved next to it (saveExportProvenance).
func (l *listTools) openExport() {
	if l.m.index == nil {
		return
	}
	save := widgets.NewFileSave(l.m.win, func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			widgets.ShowError(l.m.win, fmt.Errorf("the list could not be saved (%w); try again, or choose another folder", err))
			return
		}
		if w == nil {
			return // cancelled
		}
		f := exportFormatOf(w.URI().Name())
		n, err := l.exportTo(w, f)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			widgets.ShowError(l.m.win, fmt.Errorf("the list could not be saved to %s (%w); choose another folder or name", w.URI().Name(), err))
			return
		}
		if err := l.saveExportProvenance(w.URI(), f, n); err != nil {
			widgets.ShowError(l.m.win, fmt.Errorf("the list is saved to %s, but where it comes from could not be saved next to it (%w); save it again in a folder you can write to", w.URI().Path(), err))
			return
		}
		l.m.status.SetText(fmt.Sprintf("%s users saved to %s, with where they come from in %s.provenance.json.", thousands(n), w.URI().Path(), w.URI().Name()))
	})
	save.SetFileName("nimbus-users.csv")
	save.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".json"}))
	save.Resize(fyne.NewSize(900, 600))
	save.Show()
}

// exportFormatOf is the format a file name asks for: JSON for .json, CSV otherwise.
func exportFormatOf(name string) userlist.ExportFormat {
	if strings.HasSuffix(strings.ToLower(name), ".json") {
		return userlist.ExportJSON
	}
	return userlist.ExportCSV
}

// exportTo writes the list as shown and reports how many users it wrote.
func (l *listTools) exportTo(w io.Writer, f userlist.ExportFormat) (int, error) {
	t := l.m.table
	return len(t.hits), userlist.Export(w, f, t.index, t.hits, t.cols)
}
