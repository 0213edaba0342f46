package userlist

import (
	"slices"
	"strconv"

	"nimbusadmin/data"
)

// Column names one of the eight columns of the Nimbus user list, for sorting and for
// the text of a cell.
type Column int

// The columns of the user list, in the order the window's table and the command line's
// 'users' show them.
const (
	ColumnDisplayName Column = iota
	ColumnOrganizationUnit
	ColumnUPN
	ColumnO365ID
	ColumnDepartment
	ColumnAttendantConsole
	ColumnActiveProfile
	ColumnRoutingServices
)

// ColumnCount is the number of columns of the user list.
const ColumnCount = 8

// columnTitles are the column titles, in column order.
var columnTitles = [ColumnCount]string{"Display Name", "Organization Unit", "UPN", "O365 ID",
	"Department", "Attendant Console enabled", "Active Profile", "Number of routing services"}

// Title is the column's title, the same in the window's header and the command line's.
func (c Column) Title() string { return columnTitles[c] }

// ColumnTitles are the titles of the eight columns in order, for a table's header.
func ColumnTitles() []string { return slices.Clone(columnTitles[:]) }

// Cell is the text a column shows for the row.
func (r *Row) Cell(c Column) string {
	switch c {
	case ColumnDisplayName:
		return r.DisplayName
	case ColumnOrganizationUnit:
		return r.OUPath
	case ColumnUPN:
		return r.UPN
	case ColumnO365ID:
		return r.ID
	case ColumnDepartment:
		return r.Department
	case ColumnAttendantConsole:
		return YesNo(r.Licences.Has(data.AttendantConsole))
	case ColumnActiveProfile:
		return r.ActiveProfile
	case ColumnRoutingServices:
		return strconv.Itoa(r.RoutingServices)
	}
	return ""
}

// Cells is the text of every column for the row, in column order: one row of a table.
func (r *Row) Cells() []string {
	cells := make([]string, ColumnCount)
	for c := range cells {
		cells[c] = r.Cell(Column(c))
	}
	return cells
}

// YesNo is how the user list, in the window and on the command line, writes a yes-or-no
// value, so that both spell it alike.
func YesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}
