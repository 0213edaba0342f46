// Package ui holds the Fyne screens of Nimbus Admin. It calls package app for every fact
// and every change; it never touches SQL or Graph.
package ui

import (
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/app/userlist"
	"nimbusadmin/assets"
	"nimbusadmin/ui/widgets"
)

// ouClickHint is the status line until there is news: how the OU tree selects.
const ouClickHint = "Click an organization unit to list it with everything below it; Ctrl+click (Cmd+click) adds or removes that OU alone. " +
	"Keys: Ctrl+F search · Esc clear · ↓ into the list · Enter open · Ctrl+S save all · Ctrl+N create · Delete remove · Ctrl+D hide or show the details · Ctrl+J changes · Ctrl+K checks · Ctrl+H history."

// backgroundRows is the list size from which sorting leaves the UI goroutine.
const backgroundRows = 20_000

// backgroundScan is the number of rows from which a search or a filter leaves the UI
// goroutine. A scan checks a 100,000-user list in about 5 ms (under 10 ms on a busy
// machine), well inside a frame, so up to here it runs at once and the list is drawn
// with the letter typed, as on a small tenant; a longer one (a first letter over a
// million users) runs in the background.
const backgroundScan = 150_000

// mainWindow is the screen an admin lives in: the OU tree and the filters on the left,
// the searchable user list in the middle, the selected user's details on the right.
type mainWindow struct {
	win         fyne.Window
	nimbus      *app.App
	online      Online
	settings    windowSettings
	background  func(func())  // runs slow work off the UI goroutine; tests run it inline
	scanAtOnce  int           // backgroundScan; tests make it smaller
	typingPause time.Duration // the Create dialog searches once typing pauses this long

	index      *userlist.Index
	view       *userlist.View
	viewMu     sync.Mutex // guards view, which background filtering uses
	generation int        // of the newest filter run; older results are dropped
	isDemo     bool
	loads      int               // of the newest load of the list; older ones are dropped
	partRows   int               // firstPartRows; 0 reads the list whole (tests make it smaller)
	restRows   int               // restPartRows, the size of the parts after the first
	loadTotal  int               // how many users the list will hold while it loads in parts; 0 once loaded
	memory     func(memoryPhase) // setMemoryPhase, told where the load is; nil for nothing (tests)
	early      chan firstPart    // the first part of the list, read while the window was built

	search        *searchEntry
	count         *widget.Label
	status        *widget.Label
	table         *userTable
	ouTree        *ouTreePanel
	filters       *filtersPanel
	detail        userDetailPane
	deleteButton  *widget.Button
	deleteReason  *widget.Label
	createButton  *widget.Button
	bar           *onlineBar
	freshness     *freshnessLine  // when the cache was last synced, coloured by its age
	rightsLine    *widget.Label   // who acts and what they may change
	cacheLine     *widget.Label   // a read-only cache, loose permissions; hidden when fine
	rights        app.AdminRights // the acting admin's rights, as last read
	selected      *app.UserDetail // the selected user, nil for none
	confirm       *widgets.Confirm
	deleteAsked   string // the question of the last delete confirmation
	creating      *createDialog
	list          *listTools     // the bar above the list: selection, bulk changes, columns, export
	config        fyne.Window    // the Configuration window while it is open
	changes       *changesView   // the Changes window while it is open
	changesButton *widget.Button // to the Changes window, saying how many changes are new
	reviews       []fyne.Window  // the Changes, Checks and History windows open

	leftSplit, listSplit, detailSplit *container.Split
	detailArea                        fyne.CanvasObject // the delete bar and the detail view
	detailToggle                      *widget.Button    // hides or shows the detail view
	detailCollapsed                   bool              // the admin hid the detail view
}

// NewMainWindow builds the main window over an open session; the user list loads in the
// background and appears when ready. online may be nil when sign-in and sync are not
// available (the demo tenant, or an offline cache file).
func NewMainWindow(a fyne.App, nimbus *app.App, online Online) fyne.Window {
	a.SetIcon(assets.Icon)
	m := &mainWindow{nimbus: nimbus, settings: windowSettings{a.Preferences()}, partRows: firstPartRows, restRows: restPartRows,
		memory: setMemoryPhase}
	m.memory(memoryFirstPart)
	col, desc := m.settings.sort()
	m.readEarly(listOrder{col, desc, m.settings.filters().RoleID})
	m = m.build(a, online, func(f func()) { go f() })
	m.typingPause = 150 * time.Millisecond
	m.freshness.tickEveryMinute()
	m.load("")
	return m.win
}

func newMainWindow(a fyne.App, nimbus *app.App, online Online, background func(func())) *mainWindow {
	return (&mainWindow{nimbus: nimbus, settings: windowSettings{a.Preferences()}}).build(a, online, background)
}

// build makes the window of m, whose session and settings are set.
func (m *mainWindow) build(a fyne.App, online Online, background func(func())) *mainWindow {
	m.win, m.online, m.background, m.scanAtOnce = a.NewWindow("Nimbus Admin"), online, background, backgroundScan
	m.buildUI()
	m.win.SetMainMenu(m.mainMenu())
	m.win.Resize(m.settings.windowSize())
	m.win.SetCloseIntercept(m.requestClose)
	return m
}

// requestClose is what closing the window does: unsaved edits of the user shown are saved
// or discarded first, as the admin says (or the window stays open), then the layout is
// remembered and the window closes.
func (m *mainWindow) requestClose() {
	m.detail.BeforeLeaving("before closing Nimbus Admin", func() {
		m.saveLayout()
		m.closeReviews()
		if m.config != nil { // asked about its edits before: closing Nimbus Admin closes it too
			m.config.Close()
		}
		m.win.Close()
	})
}

func (m *mainWindow) buildUI() {
	m.search = newSearchEntry(m)
	m.count = widget.NewLabel("Loading users…")
	m.status = &widget.Label{Text: ouClickHint, Wrapping: fyne.TextWrapWord}
	m.table = newUserTable()
	m.table.column, m.table.desc = m.settings.sort()
	m.table.onSort = m.onSort
	m.table.onSelect = func(r *userlist.Row) {
		m.onUserSelected(r)
		m.showDetailArea()
	}
	m.table.onOpen = m.onOpenUser
	m.table.onDelete = m.onDeleteUser
	m.table.onEscape = func() { m.win.Canvas().Focus(m.search) }
	m.ouTree = newOUTreePanel(m.onOUSelection)
	m.filters = newFiltersPanel(m.settings.filters(), m.applyFilters, m.onClearOUs, m.loadRoleHolders)
	m.detail = m.newUserDetailPane()
	m.deleteButton = &widget.Button{Text: "Delete from Nimbus…", Icon: theme.DeleteIcon(), OnTapped: m.onDeleteUser}
	m.deleteButton.Disable()
	m.deleteReason = &widget.Label{Text: "Select a user to delete them from Nimbus.", Wrapping: fyne.TextWrapWord}
	m.createButton = &widget.Button{Text: "Create…", Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: m.onCreate}
	m.rightsLine = newRightsLine()
	m.cacheLine = newCacheLine(m.nimbus)
	m.list = m.newListTools()
	m.changesButton = m.newChangesButton()
	m.freshness = newFreshnessLine(m)
	m.bar = newOnlineBar(m)
	if w, ok := m.online.(OnlineWatcher); ok {
		w.WatchStatus(func() { fyne.Do(m.bar.refresh) })
	}
	m.followTeam()

	m.detailToggle = &widget.Button{OnTapped: m.toggleDetail}
	m.detailCollapsed = m.settings.detailCollapsed()
	// Two header lines, so that the search keeps its width on a laptop screen: the search
	// with what acts on the list, then who acts with the cache's sign-in and sync; a third
	// only when the cache file is read-only or has loose permissions.
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(m.count, m.createButton, m.newConfigButton(), m.newChecksButton(), m.newHistoryButton(), m.detailToggle), m.search),
		container.NewBorder(nil, nil, nil, container.NewHBox(m.freshness.label, m.changesButton, m.bar.object()), m.rightsLine), m.cacheLine)
	treeTitle := widget.NewLabelWithStyle("Organization units", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	tree := container.NewBorder(treeTitle, nil, nil, nil, m.ouTree.object())
	m.leftSplit = container.NewVSplit(tree, m.filters.object())
	m.leftSplit.Offset = m.settings.split(prefSplitFilters, defaultSplitFilters)
	deleteBar := container.NewVBox(container.NewHBox(m.deleteButton), m.deleteReason, widget.NewSeparator())
	m.detailArea = container.NewBorder(deleteBar, nil, nil, nil, m.detail.Object())
	m.detailSplit = container.NewHSplit(m.list.object(), m.detailArea)
	m.detailSplit.Offset = m.settings.split(prefSplitDetail, defaultSplitDetail)
	m.showDetailArea()
	m.listSplit = container.NewHSplit(m.leftSplit, m.detailSplit)
	m.listSplit.Offset = m.settings.split(prefSplitTree, defaultSplitTree)
	m.win.SetContent(container.NewBorder(top, m.status, nil, nil, m.listSplit))
	m.addShortcuts()
	m.win.Canvas().Focus(m.search)
}

// saveLayout remembers the window size, the split positions and whether the detail view
// is hidden, for the next start.
func (m *mainWindow) saveLayout() {
	m.settings.setWindowSize(m.win.Canvas().Size())
	m.settings.setDetailCollapsed(m.detailCollapsed)
	m.settings.setSplit(prefSplitTree, m.listSplit.Offset)
	m.settings.setSplit(prefSplitDetail, m.detailSplit.Offset)
	m.settings.setSplit(prefSplitFilters, m.leftSplit.Offset)
}

// applyFilters runs the search and the filters over the index and shows the result; the
// filters are remembered. A short run (a small list, a result the view remembers, or the
// previous hits narrowed by a letter typed) happens at once, so that the list is drawn in
// the same frame as the keystroke. A long one (a first letter over a large list) runs in
// the background, and only the newest result is shown.
func (m *mainWindow) applyFilters() {
	m.settings.setFilters(m.filters.filters)
	if m.index == nil {
		return
	}
	f := m.filters.userFilter(m.search.Text)
	m.generation++
	gen := m.generation
	if m.viewMu.TryLock() { // when a background run holds the view, this one waits its turn there
		if m.view.Scans(f) < m.scanAtOnce {
			ix, hits := m.index, m.view.Apply(f)
			m.viewMu.Unlock()
			m.showHits(ix, hits)
			return
		}
		m.viewMu.Unlock()
	}
	m.background(func() {
		m.viewMu.Lock()
		ix, hits := m.index, m.view.Apply(f)
		m.viewMu.Unlock()
		fyne.Do(func() {
			if gen == m.generation {
				m.showHits(ix, hits)
			}
		})
	})
}

func (m *mainWindow) showHits(ix *userlist.Index, hits []int) {
	text := fmt.Sprintf("%s of %s users", thousands(len(hits)), thousands(len(ix.Rows)))
	if len(hits) == 0 && len(ix.Rows) > 0 {
		text += " — clear the search or a filter"
	}
	if m.loadTotal > len(ix.Rows) {
		text = loadingCount(len(hits), len(ix.Rows), m.loadTotal)
	}
	m.count.SetText(text)
	m.table.show(ix, hits)
	m.followDetail()
	if w, ok := m.online.(ListWatcher); ok {
		w.ListShown(len(hits), len(ix.Rows), max(m.loadTotal, len(ix.Rows)))
	}
}

func (m *mainWindow) onSort(col userlist.Column, desc bool) {
	m.settings.setSort(col, desc)
	if m.index == nil {
		return
	}
	sortView := func() {
		m.viewMu.Lock()
		m.view.SortBy(col, desc)
		m.viewMu.Unlock()
		fyne.Do(m.applyFilters)
	}
	if len(m.index.Rows) < backgroundRows {
		sortView()
	} else {
		m.background(sortView)
	}
}

func (m *mainWindow) onOUSelection() {
	m.filters.setOUs(m.ouTree.selection.IDs(), m.ouTree.describe())
	m.applyFilters()
}

func (m *mainWindow) onClearOUs() {
	m.ouTree.clear()
	m.onOUSelection()
}

// thousands formats n with comma separators: 4,567.
func thousands(n int) string { return app.Thousands(n) }
