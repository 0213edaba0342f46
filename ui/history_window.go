package ui

import (
	"context"
	"fmt"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/ui/widgets"
)

// historyPageSize is how many entries the History view reads at a time: the table asks
// only for the rows it shows, so a journal of any length opens at once.
const historyPageSize = 200

// historyWindow is the History view: the journal, newest first, filtered by the user an
// entry is about, the admin who made it, its kind and dates, with a count and an export
// of exactly what the filters select.
type historyWindow struct {
	nimbus *app.App
	win    fyne.Window

	user, admin, kind, from, to *widget.Entry
	count                       *widget.Label // "1,234 entries"
	problem                     *widget.Label // a filter that cannot be read, and what to type
	table                       *widget.Table
	export                      *widget.Button

	query app.JournalQuery           // what the table shows
	total int                        // how many entries the query selects
	pages map[int][]app.JournalEntry // the pages read so far, by number
}

// newHistoryButton opens the History view over the whole journal.
func (m *mainWindow) newHistoryButton() *widget.Button {
	return &widget.Button{Text: "History", Icon: theme.HistoryIcon(), OnTapped: func() { openHistoryWindow(m, "") }}
}

// openHistoryWindow opens a History view; a userID (O365 ID or UPN) shows only the
// entries about that user.
func openHistoryWindow(m *mainWindow, userID string) *historyWindow {
	h := newHistoryWindow(fyne.CurrentApp(), m.nimbus, userID)
	m.openReview(h.win, nil)
	return h
}

func newHistoryWindow(a fyne.App, nimbus *app.App, userID string) *historyWindow {
	h := &historyWindow{nimbus: nimbus, win: newReviewWindow(a, "Nimbus Admin — History")}
	entry := func(hint string) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(hint)
		e.OnChanged = func(string) { h.apply() }
		return e
	}
	h.user = entry("User: O365 ID or UPN")
	h.admin = entry("Admin: UPN")
	h.kind = entry("Kind: user.licences, or user")
	h.from = entry("From: 2006-01-02")
	h.to = entry("To: 2006-01-02")
	h.count = widget.NewLabel("")
	h.problem = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	h.problem.Hide()
	h.export = &widget.Button{Text: "Export CSV…", Icon: theme.DocumentSaveIcon(), OnTapped: h.openExport}
	h.table = widget.NewTableWithHeaders(
		func() (int, int) { return h.total, len(historyColumns) },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(h.cell(id)) })
	h.table.ShowHeaderColumn = false
	h.table.CreateHeader = func() fyne.CanvasObject { return &widget.Label{TextStyle: fyne.TextStyle{Bold: true}} }
	h.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 {
			o.(*widget.Label).SetText(historyColumns[id.Col].title)
		}
	}
	for i, c := range historyColumns {
		h.table.SetColumnWidth(i, c.width)
	}
	filters := container.NewGridWithColumns(5, h.user, h.admin, h.kind, h.from, h.to)
	top := container.NewVBox(filters, container.NewBorder(nil, nil, nil, h.export, h.count), h.problem)
	h.win.SetContent(container.NewBorder(top, nil, nil, nil, h.table))
	h.user.SetText(userID)
	h.apply()
	return h
}

// historyColumn is one column of the History table.
type historyColumn struct {
	title string
	width float32
	text  func(e app.JournalEntry) string
}

var historyColumns = []historyColumn{
	{"When", 140, func(e app.JournalEntry) string { return historyTime(e.At) }},
	{"Who", 220, func(e app.JournalEntry) string { return e.Actor }},
	{"What", 200, historyWhat},
	{"Target", 220, func(e app.JournalEntry) string { return e.Target }},
	{"Old → New", 380, func(e app.JournalEntry) string { return e.Old + " → " + e.New }},
}

// historyTime shows a stored time (the journal's, a sync's) in the admin's time zone, to the minute.
func historyTime(at string) string {
	t, err := time.Parse(time.RFC3339, at)
	if err != nil {
		return at
	}
	return t.Local().Format("2006-01-02 15:04")
}

// historyWhat is the kind of change, marked when the directory made it.
func historyWhat(e app.JournalEntry) string {
	if e.Source == app.SourceDirectory {
		return "directory: " + e.Action
	}
	return e.Action
}

// apply reads the filters and shows what they select; a filter that cannot be read says
// what to type and leaves the table as it was.
func (h *historyWindow) apply() {
	jq := app.JournalQuery{User: h.user.Text, Admin: h.admin.Text, Kind: h.kind.Text}
	var err error
	if h.from.Text != "" {
		jq.From, err = app.ParseJournalDate(h.from.Text, false)
	}
	if err == nil && h.to.Text != "" {
		jq.Before, err = app.ParseJournalDate(h.to.Text, true)
	}
	n := 0
	if err == nil {
		n, err = h.nimbus.JournalCount(context.Background(), jq)
	}
	if err != nil {
		h.problem.SetText(err.Error())
		h.problem.Show()
		return
	}
	h.problem.Hide()
	h.query, h.total, h.pages = jq, n, map[int][]app.JournalEntry{}
	h.count.SetText(historyCount(n))
	h.table.ScrollToTop()
	h.table.Refresh()
}

// historyCount is the count line: "1 entry", "1,234 entries".
func historyCount(n int) string {
	if n == 1 {
		return "1 entry"
	}
	return thousands(n) + " entries"
}

// entry is row i of what the filters select, read with its page when first shown.
func (h *historyWindow) entry(i int) (app.JournalEntry, bool) {
	p := i / historyPageSize
	page, ok := h.pages[p]
	if !ok {
		var err error
		page, err = h.nimbus.JournalPage(context.Background(), h.query, p*historyPageSize, historyPageSize)
		if err != nil {
			h.problem.SetText(widgets.Failed("Cannot read the journal", err, "close the History and open it again"))
			h.problem.Show()
			return app.JournalEntry{}, false
		}
		h.pages[p] = page
	}
	if i%historyPageSize >= len(page) {
		return app.JournalEntry{}, false
	}
	return page[i%historyPageSize], true
}

func (h *historyWindow) cell(id widget.TableCellID) string {
	e, ok := h.entry(id.Row)
	if !ok || id.Col < 0 || id.Col >= len(historyColumns) {
		return ""
	}
	return historyColumns[id.Col].text(e)
}

// openExport asks where to save the entries the filters select, as CSV.
func (h *historyWindow) openExport() {
	save := widgets.NewFileSave(h.win, func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			widgets.ShowError(h.win, fmt.Errorf("the history could not be saved (%w); try again, or choose another folder", err))
			return
		}
		if w == nil {
			return // cancelled
		}
		n, err := h.exportTo(w)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			widgets.ShowError(h.win, fmt.Errorf("the history could not be saved to %s (%w); choose another folder or name", w.URI().Name(), err))
			return
		}
		h.count.SetText(fmt.Sprintf("%s; %s saved to %s.", historyCount(h.total), thousands(n), w.URI().Path()))
	})
	save.SetFileName("nimbus-history.csv")
	save.SetFilter(storage.NewExtensionFileFilter([]string{".csv"}))
	save.Resize(fyne.NewSize(900, 600))
	save.Show()
}

// exportTo writes the entries the filters select as CSV and reports how many.
func (h *historyWindow) exportTo(w io.Writer) (int, error) {
	return h.nimbus.WriteJournalCSV(context.Background(), w, h.query)
}
