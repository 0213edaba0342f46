package userlist

import (
	"slices"
	"strconv"

	"nimbusadmin/data"
)

// Column names one column of the Nimbus user list, for sorting and for the text of a
// cell: the eight the list always starts with, then those an admin may add.
type Column int

// The columns of the user list. The first eight, in this order, are the list's default
// columns and what the command line's 'users' shows; the rest can be added in the window.
const (
	ColumnDisplayName Column = iota
	ColumnOrganizationUnit
	ColumnUPN
	ColumnO365ID
	ColumnDepartment
	ColumnAttendantConsole
	ColumnActiveProfile
	ColumnRoutingServices
	ColumnMail
	ColumnJobTitle
	ColumnContactCenter
	ColumnInteract
	ColumnAssistant
)

// ColumnCount is the number of default columns of the user list.
const ColumnCount = 8

// AllColumnCount is the number of columns the user list can show.
const AllColumnCount = 13

// columnTitles are the column titles, in column order.
var columnTitles = [AllColumnCount]string{"Display Name", "Organization Unit", "UPN", "O365 ID",
	"Department", "Attendant Console enabled", "Active Profile", "Number of routing services",
	"Mail", "Job Title", "Contact Center enabled", "Interact enabled", "Assistant enabled"}

// columnKeys name the columns in JSON, as the command line's 'users --format json' does.
var columnKeys = [AllColumnCount]string{"displayName", "organizationUnit", "userPrincipalName", "id",
	"department", "attendantConsole", "activeProfile", "routingServices",
	"mail", "jobTitle", "contactCenter", "interact", "assistant"}

// licenceColumns are the columns that say whether a user holds a licence: one per licence.
var licenceColumns = map[Column]data.LicenceSet{
	ColumnAttendantConsole: data.AttendantConsole,
	ColumnContactCenter:    data.ContactCenter,
	ColumnInteract:         data.Interact,
	ColumnAssistant:        data.Assistant,
}

// Title is the column's title, the same in the window's header and the command line's.
func (c Column) Title() string { return columnTitles[c] }

// Key is the column's name in a JSON export, the field name 'users --format json' uses.
func (c Column) Key() string { return columnKeys[c] }

// Licence is the licence a yes-or-no licence column shows, or 0 for other columns.
func (c Column) Licence() data.LicenceSet { return licenceColumns[c] }

// Valid reports whether c names a column of the list.
func (c Column) Valid() bool { return c >= 0 && c < AllColumnCount }

// ColumnTitles are the titles of the eight default columns in order, for a table's header.
func ColumnTitles() []string { return slices.Clone(columnTitles[:ColumnCount]) }

// DefaultColumns are the eight columns the list shows until the admin chooses others.
func DefaultColumns() []Column {
	out := make([]Column, ColumnCount)
	for i := range out {
		out[i] = Column(i)
	}
	return out
}

// AllColumns are every column the list can show, in column order, for a column chooser.
func AllColumns() []Column {
	out := make([]Column, AllColumnCount)
	for i := range out {
		out[i] = Column(i)
	}
	return out
}

// Cell is the text a column shows for the row.
func (r *Row) Cell(c Column) string {
	if l := c.Licence(); l != 0 {
		return YesNo(r.Licences.Has(l))
	}
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
	case ColumnActiveProfile:
		return r.ActiveProfile
	case ColumnRoutingServices:
		return strconv.Itoa(r.RoutingServices)
	case ColumnMail:
		return r.Mail
	case ColumnJobTitle:
		return r.JobTitle
	}
	return ""
}

// Cells is the text of every default column for the row, in column order: one row of a table.
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
