// Package ui holds the Fyne screens of Nimbus Admin. It calls package app for every fact
// and every change; it never touches SQL or Graph.
package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/assets"
	"nimbusadmin/data"
)

// userColumns are seed 000's eight columns of the user list.
var userColumns = []struct {
	title string
	width float32
}{
	{"Display Name", 200}, {"Organization Unit", 170}, {"UPN", 250}, {"O365 ID", 290},
	{"Department", 130}, {"Attendant Console", 130}, {"Active Profile", 120}, {"Routing services", 120},
}

// mainWindow is the user list with its search field and the selected user's facts.
type mainWindow struct {
	win    fyne.Window
	nimbus *app.App
	index  *app.UserIndex
	hits   []int

	search *widget.Entry
	table  *widget.Table
	count  *widget.Label
	badge  *widget.Label
	detail *widget.Label
}

// NewMainWindow builds the main window over an open session; the user list loads in the
// background and appears when ready.
func NewMainWindow(a fyne.App, nimbus *app.App) fyne.Window {
	a.SetIcon(assets.Icon)
	m := &mainWindow{win: a.NewWindow("Nimbus Admin"), nimbus: nimbus}
	m.buildUI()
	m.win.Resize(fyne.NewSize(1280, 760))
	go m.load()
	return m.win
}

func (m *mainWindow) buildUI() {
	m.search = &widget.Entry{PlaceHolder: "Search name, UPN, @domain, O365 ID, department, OU…", OnChanged: m.onSearchChanged}
	m.search.ExtendBaseWidget(m.search)
	m.count = widget.NewLabel("Loading users…")
	m.badge = widget.NewLabel("")
	m.detail = &widget.Label{Text: "Select a user to see their details.", Wrapping: fyne.TextWrapWord}
	m.table = widget.NewTableWithHeaders(m.tableSize, m.newCell, m.updateCell)
	m.table.ShowHeaderColumn = false
	m.table.CreateHeader = m.newCell
	m.table.UpdateHeader = m.updateHeader
	m.table.OnSelected = m.onRowSelected
	for i, c := range userColumns {
		m.table.SetColumnWidth(i, c.width)
	}
	top := container.NewBorder(nil, nil, nil, container.NewHBox(m.count, m.badge), m.search)
	split := container.NewHSplit(m.table, container.NewVScroll(m.detail))
	split.Offset = 0.72
	m.win.SetContent(container.NewBorder(top, nil, nil, nil, split))
	m.win.Canvas().Focus(m.search)
}

// load reads the user index off the UI goroutine and hands it to the widgets.
func (m *mainWindow) load() {
	ix, err := m.nimbus.LoadUserIndex(context.Background())
	settings, serr := m.nimbus.Store().Read(context.Background()).TenantSettings()
	fyne.Do(func() {
		if err != nil || serr != nil {
			m.count.SetText(fmt.Sprintf("Cannot read the cache: %v", firstErr(err, serr)))
			return
		}
		if settings.IsDemo {
			m.badge.SetText("Demo tenant — simulated data")
		}
		m.index = ix
		m.applySearch()
	})
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

func (m *mainWindow) onSearchChanged(string) { m.applySearch() }

func (m *mainWindow) applySearch() {
	if m.index == nil {
		return
	}
	m.hits = m.index.Filter(app.UserFilter{Search: m.search.Text})
	m.count.SetText(fmt.Sprintf("%s of %s users", thousands(len(m.hits)), thousands(len(m.index.Rows))))
	m.table.UnselectAll()
	m.table.Refresh()
}

func (m *mainWindow) tableSize() (int, int) { return len(m.hits), len(userColumns) }

func (m *mainWindow) newCell() fyne.CanvasObject {
	return &widget.Label{Truncation: fyne.TextTruncateEllipsis}
}

func (m *mainWindow) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Col >= 0 {
		l := o.(*widget.Label)
		l.TextStyle.Bold = true
		l.SetText(userColumns[id.Col].title)
	}
}

func (m *mainWindow) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row >= len(m.hits) {
		return
	}
	r := &m.index.Rows[m.hits[id.Row]]
	var text string
	switch id.Col {
	case 0:
		text = r.DisplayName
	case 1:
		text = r.OUPath
	case 2:
		text = r.UPN
	case 3:
		text = r.ID
	case 4:
		text = r.Department
	case 5:
		text = yesNo(r.Licences.Has(data.AttendantConsole))
	case 6:
		text = r.ActiveProfile
	case 7:
		text = strconv.Itoa(r.RoutingServices)
	}
	o.(*widget.Label).SetText(text)
}

func (m *mainWindow) onRowSelected(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(m.hits) {
		return
	}
	r := m.index.Rows[m.hits[id.Row]]
	d, err := m.nimbus.UserDetail(context.Background(), r.ID)
	if err != nil {
		m.detail.SetText(err.Error())
		return
	}
	m.detail.SetText(generalFacts(d))
}

// generalFacts is the General tab's facts as text, until the tabbed detail view exists.
func generalFacts(d app.UserDetail) string {
	u := d.User
	tabs := make([]string, len(d.Tabs))
	for i, t := range d.Tabs {
		tabs[i] = string(t)
	}
	lic := u.Licences.String()
	if lic == "" {
		lic = "none"
	}
	del := "Can be deleted."
	if !d.Deletable() {
		del = "Cannot be deleted: " + d.DeleteBlockedReason
	}
	return strings.Join([]string{
		u.DisplayName,
		"First name: " + u.GivenName, "Last name: " + u.Surname,
		"UPN: " + u.UPN, "O365 ID: " + u.ID,
		"Organization unit: " + d.OUPath, "Department: " + u.Department,
		"Licences: " + lic, "Tabs: " + strings.Join(tabs, ", "),
		fmt.Sprintf("Services: %d", len(d.Services)), del,
	}, "\n")
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

// thousands formats n with comma separators: 4,567.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
