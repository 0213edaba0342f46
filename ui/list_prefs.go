package ui

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"

	"nimbusadmin/app/userlist"
)

// Preference keys of the user list's columns.
const (
	prefListColumns     = "list.columns"       // the columns shown after the name and the UPN, in order
	prefListColumnWidth = "list.column.width." // + the column's key
)

// pinnedColumns are always shown, first and in this order, and never scroll sideways:
// the UPN beside the name tells namesakes apart.
var pinnedColumns = []userlist.Column{userlist.ColumnDisplayName, userlist.ColumnUPN}

// defaultColumnWidths are the columns' widths until the admin resizes them. The eight
// default columns together (with the gaps between them) fit the list's width on a
// 1366-pixel-wide screen (the window opens 1340 wide) beside the OU panel, so none is hidden behind a scroll.
var defaultColumnWidths = map[userlist.Column]float32{
	userlist.ColumnDisplayName:      140,
	userlist.ColumnUPN:              170,
	userlist.ColumnOrganizationUnit: 135,
	userlist.ColumnO365ID:           95,
	userlist.ColumnDepartment:       100,
	userlist.ColumnAttendantConsole: 80,
	userlist.ColumnActiveProfile:    95,
	userlist.ColumnRoutingServices:  60,
	userlist.ColumnMail:             210,
	userlist.ColumnJobTitle:         130,
	userlist.ColumnContactCenter:    110,
	userlist.ColumnInteract:         110,
	userlist.ColumnAssistant:        110,
}

// The narrowest and widest a column may be made.
const (
	minColumnWidth = 40
	maxColumnWidth = 1200
)

// listSettings is the typed view of the preferences of the user list's columns: which
// are shown, in which order, and how wide.
type listSettings struct{ p fyne.Preferences }

// defaultListColumns are the eight default columns with the UPN pinned beside the name.
func defaultListColumns() []userlist.Column {
	return withPinned(userlist.DefaultColumns())
}

// withPinned puts the pinned columns first and keeps the others in their order, once each.
func withPinned(cols []userlist.Column) []userlist.Column {
	out := slices.Clone(pinnedColumns)
	for _, c := range cols {
		if c.Valid() && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// columns are the columns to show, as the admin last chose them.
func (s listSettings) columns() []userlist.Column {
	saved, ok := s.savedColumns()
	if !ok {
		return defaultListColumns()
	}
	return withPinned(saved)
}

func (s listSettings) savedColumns() ([]userlist.Column, bool) {
	text := s.p.StringWithFallback(prefListColumns, "-")
	if text == "-" {
		return nil, false
	}
	var cols []userlist.Column
	for _, part := range strings.Split(text, ",") {
		if n, err := strconv.Atoi(part); err == nil {
			cols = append(cols, userlist.Column(n))
		}
	}
	return cols, true
}

func (s listSettings) setColumns(cols []userlist.Column) {
	parts := []string{}
	for _, c := range cols {
		if !slices.Contains(pinnedColumns, c) {
			parts = append(parts, strconv.Itoa(int(c)))
		}
	}
	s.p.SetString(prefListColumns, strings.Join(parts, ","))
}

// widths are every column's width, as the admin last left it.
func (s listSettings) widths() map[userlist.Column]float32 {
	out := make(map[userlist.Column]float32, userlist.AllColumnCount)
	for _, c := range userlist.AllColumns() {
		w := float32(s.p.FloatWithFallback(prefListColumnWidth+c.Key(), float64(defaultColumnWidths[c])))
		if w < minColumnWidth || w > maxColumnWidth {
			w = defaultColumnWidths[c]
		}
		out[c] = w
	}
	return out
}

// setWidth remembers a column's width.
func (s listSettings) setWidth(c userlist.Column, w float32) {
	if w >= minColumnWidth && w <= maxColumnWidth {
		s.p.SetFloat(prefListColumnWidth+c.Key(), float64(w))
	}
}
