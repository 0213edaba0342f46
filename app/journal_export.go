package app

import (
	"context"
	"encoding/csv"
	"io"

	"nimbusadmin/app/safetext"
)

// journalCSVHeader is the header line of a journal export.
var journalCSVHeader = []string{"When", "Who", "What", "Target", "Old", "New", "User", "Source"}

// WriteJournalCSV writes the entries the query selects as CSV, newest first, streaming
// them so that a journal of any length exports in flat memory; every cell is made safe
// for a spreadsheet. It returns how many entries it wrote.
func (a *App) WriteJournalCSV(ctx context.Context, w io.Writer, jq JournalQuery) (int, error) {
	cw := csv.NewWriter(w)
	if err := cw.Write(journalCSVHeader); err != nil {
		return 0, err
	}
	n := 0
	err := a.EachJournalEntry(ctx, jq, func(e JournalEntry) error {
		n++
		return cw.Write(safetext.CSVRow([]string{e.At, e.Actor, e.Action, e.Target, e.Old, e.New, e.User, e.Source}))
	})
	if err != nil {
		return n, err
	}
	cw.Flush()
	return n, cw.Error()
}
