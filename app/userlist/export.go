package userlist

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"

	"nimbusadmin/app/safetext"
)

// ExportFormat is a file format the user list can be written in.
type ExportFormat string

// The formats of an export: CSV as 'users --format csv' writes it, JSON with the field
// names of 'users --format json'.
const (
	ExportCSV  ExportFormat = "csv"
	ExportJSON ExportFormat = "json"
)

// Export writes the rows shown (hits: positions in ix.Rows, in the order shown) with the
// columns shown, in that order, so that the file holds what the admin sees.
func Export(w io.Writer, f ExportFormat, ix *Index, hits []int, cols []Column) error {
	switch f {
	case ExportCSV:
		return exportCSV(w, ix, hits, cols)
	case ExportJSON:
		return exportJSON(w, ix, hits, cols)
	}
	return fmt.Errorf("unknown export format %s (use csv or json)", safetext.Quote(string(f)))
}

// exportCSV writes the column titles, then one line per row with each cell as the list
// shows it; a cell a spreadsheet would run as a formula is neutralised.
func exportCSV(w io.Writer, ix *Index, hits []int, cols []Column) error {
	cw := csv.NewWriter(w)
	line := make([]string, len(cols))
	for i, c := range cols {
		line[i] = c.Title()
	}
	cw.Write(line)
	for _, h := range hits {
		r := &ix.Rows[h]
		for i, c := range cols {
			line[i] = safetext.CSVCell(r.Cell(c))
		}
		cw.Write(line)
	}
	cw.Flush()
	return cw.Error()
}

// exportJSON writes an array with one object per row, its fields in column order: licence
// columns as true or false, the number of routing services as a number, the rest as text.
func exportJSON(w io.Writer, ix *Index, hits []int, cols []Column) error {
	out := make([]exportRow, len(hits))
	for i, h := range hits {
		out[i] = exportRow{&ix.Rows[h], cols}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// exportRow is one row of a JSON export; it keeps the fields in the order of the columns.
type exportRow struct {
	row  *Row
	cols []Column
}

// MarshalJSON writes the row's columns as one object, in column order.
func (e exportRow) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, c := range e.cols {
		if i > 0 {
			b.WriteByte(',')
		}
		var v any = e.row.Cell(c)
		switch {
		case c.Licence() != 0:
			v = e.row.Licences.Has(c.Licence())
		case c == ColumnRoutingServices:
			v = e.row.RoutingServices
		}
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(c.Key()); err != nil {
			return nil, err
		}
		b.Truncate(b.Len() - 1) // Encode ends with a newline
		b.WriteByte(':')
		if err := enc.Encode(v); err != nil {
			return nil, err
		}
		b.Truncate(b.Len() - 1)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
