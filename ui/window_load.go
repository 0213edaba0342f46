package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"

	"nimbusadmin/app"
	"nimbusadmin/app/userlist"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// A first start reads firstPartRows users before it shows the list, so that a list of
// that size shows whole within a second. A larger one shows that part, sorted, at once,
// says how much is loaded, and takes in the rest in parts of restPartRows: a search
// typed meanwhile searches what is loaded and follows the rest as it arrives.
const (
	firstPartRows = 100_000
	restPartRows  = 250_000
)

// loadedList is what load prepares off the UI goroutine for the window to show.
type loadedList struct {
	index                 *userlist.Index
	view                  *userlist.View
	departments, profiles []string
	roles                 []data.Role
	holders               *userlist.RoleHolders // of the Role filter's role; nil for none
	isDemo                bool
}

// load reads the user index off the UI goroutine, sorts it as remembered and shows it;
// selectID is selected afterwards when it is listed. The first load of a large list
// shows it in parts; a reload keeps the list shown until the new one is read whole.
func (m *mainWindow) load(selectID string) {
	m.loads++
	gen := m.loads
	phase := memoryLoading
	if m.index == nil && m.partRows > 0 {
		phase = memoryFirstPart
	}
	m.memoryPhase(phase)
	col, desc, role := m.table.column, m.table.desc, m.filters.filters.RoleID
	if m.index == nil && m.partRows > 0 {
		m.loadInParts(gen, selectID, listOrder{col, desc, role})
		return
	}
	m.background(func() {
		l, err := m.readList(col, desc, role)
		fyne.Do(func() {
			if gen != m.loads || !m.loaded(err) {
				return
			}
			m.loadTotal = 0
			m.setIndex(l, true)
			m.afterLoad(selectID)
			m.showUnseenChanges()
			m.memoryPhase(memoryLoaded)
		})
	})
}

// loaded reports whether a load read the cache, and says why not when it did not.
func (m *mainWindow) loaded(err error) bool {
	if err != nil && m.emptyReplica(err) {
		m.count.SetText("No data yet")
		m.status.SetText(emptyReplicaLine)
		return false
	}
	if err != nil {
		m.count.SetText("Cannot read the cache")
		m.status.SetText(widgets.Failed("Cannot read the cache", err, "close the window and open it again; if it happens again, sync"))
		return false
	}
	if t := m.status.Text; t == emptyReplicaLine || strings.HasPrefix(t, "Cannot read the cache") {
		m.status.SetText("") // what it said is no longer so
	}
	return true
}

// firstPart is the first part of the list as read off the UI goroutine: the list
// prepared, the parts still to come, and whether it is the whole list.
type firstPart struct {
	list  loadedList
	parts *app.UserIndexParts
	done  bool
	err   error
	order listOrder // the sort and the Role filter it was prepared for
}

// listOrder is the sort order and the Role filter a list is prepared for.
type listOrder struct {
	col  userlist.Column
	desc bool
	role int64
}

// readFirstPart reads the first rows users of the list and prepares them for o.
func readFirstPart(nimbus *app.App, rows int, o listOrder) firstPart {
	ctx := context.Background()
	r := firstPart{order: o}
	if r.parts, r.err = nimbus.LoadUserIndexInParts(ctx); r.err != nil {
		return r
	}
	var ix *userlist.Index
	if ix, r.done, r.err = r.parts.Next(ctx, rows); r.err == nil {
		r.list, r.err = prepareList(nimbus, ix, o.col, o.desc, o.role)
	}
	return r
}

// readEarly starts reading the first part of the list before the window is built, in
// the order and with the Role filter the window will show; the first load takes it.
func (m *mainWindow) readEarly(o listOrder) {
	early := make(chan firstPart, 1)
	go func() { early <- readFirstPart(m.nimbus, m.partRows, o) }()
	m.early = early
}

// loadInParts shows the first part of the list as soon as it is read, then the rest.
func (m *mainWindow) loadInParts(gen int, selectID string, o listOrder) {
	early := m.early
	m.early = nil
	m.background(func() {
		var r firstPart
		if early != nil {
			r = <-early
		}
		if early == nil || r.order != o {
			r = readFirstPart(m.nimbus, m.partRows, o)
		}
		fyne.Do(func() {
			if gen != m.loads || !m.loaded(r.err) {
				return
			}
			m.loadTotal = 0
			if !r.done {
				m.loadTotal = r.parts.Total()
			}
			m.setIndex(r.list, true)
			m.afterLoad(selectID)
			m.showUnseenChanges()
			if r.done {
				m.memoryPhase(memoryLoaded)
			} else {
				m.memoryPhase(memoryLoading)
				m.loadNextPart(gen, r.parts, r.list)
			}
		})
	})
}

// loadNextPart reads the next part of the list and shows the list grown by it, keeping
// the search, the filters, the sort order and the selection.
func (m *mainWindow) loadNextPart(gen int, parts *app.UserIndexParts, prev loadedList) {
	m.background(func() {
		ix, done, err := parts.Next(context.Background(), m.restRows)
		l := prev
		if err == nil {
			m.viewMu.Lock() // the view shown may be sorting or filtering
			l.view = prev.view.Grow(ix)
			m.viewMu.Unlock()
			l.index, l.departments, l.profiles = ix, ix.Departments(), ix.ActiveProfiles()
		}
		fyne.Do(func() {
			if gen != m.loads {
				return
			}
			if err != nil {
				m.loadTotal = 0
				m.showHits(m.table.index, m.table.hits)
				m.status.SetText(widgets.Failed("Cannot read the rest of the list", err, "close the window and open it again; if it happens again, sync"))
				return
			}
			if done {
				m.loadTotal = 0
			}
			m.setIndex(l, false)
			if done {
				m.memoryPhase(memoryLoaded)
			} else {
				m.loadNextPart(gen, parts, l)
			}
		})
	})
}

// loadingCount is the count of users shown while the list loads in parts.
func loadingCount(shown, loaded, total int) string {
	if shown == loaded {
		return fmt.Sprintf("%s of %s users loaded…", thousands(loaded), thousands(total))
	}
	return fmt.Sprintf("%s of %s users (%s of %s loaded…)", thousands(shown), thousands(loaded), thousands(loaded), thousands(total))
}

// readList loads the index and prepares its view and filter choices, with the holders of
// the role the Role filter shows (0 for none).
func (m *mainWindow) readList(col userlist.Column, desc bool, role int64) (loadedList, error) {
	ix, err := m.nimbus.LoadUserIndex(context.Background())
	if err != nil {
		return loadedList{}, err
	}
	return prepareList(m.nimbus, ix, col, desc, role)
}

// prepareList sorts the index as remembered and reads what the filters offer.
func prepareList(nimbus *app.App, ix *userlist.Index, col userlist.Column, desc bool, role int64) (loadedList, error) {
	ctx := context.Background()
	settings, err := nimbus.ConfigTenantSettings(ctx)
	if err != nil {
		return loadedList{}, err
	}
	roles, err := nimbus.Roles(ctx)
	if err != nil {
		return loadedList{}, err
	}
	var holders *userlist.RoleHolders
	if role != 0 {
		holders, _ = nimbus.RoleHolders(ctx, role) // a role deleted since narrows nothing
	}
	view := userlist.NewView(ix)
	view.SortBy(col, desc)
	return loadedList{index: ix, view: view, departments: ix.Departments(),
		profiles: ix.ActiveProfiles(), roles: roles, holders: holders, isDemo: settings.IsDemo}, nil
}

// setIndex shows a freshly loaded list, keeping the filters; whole is false for a further
// part of a list already shown, whose OU tree is shown already.
func (m *mainWindow) setIndex(l loadedList, whole bool) {
	m.viewMu.Lock()
	m.index, m.view, m.isDemo = l.index, l.view, l.isDemo
	col, desc := m.view.Sorted()
	m.viewMu.Unlock()
	if whole {
		m.ouTree.setTree(l.index.Tree, m.filters.filters.OUs)
	}
	m.filters.setOptions(l.departments, l.profiles, l.roles, l.holders)
	if whole {
		m.filters.setOUs(m.ouTree.selection.IDs(), m.ouTree.describe())
		m.bar.refresh()
		m.showRights()
	}
	if col != m.table.column || desc != m.table.desc {
		m.onSort(m.table.column, m.table.desc) // the admin sorted while the list was read
		return
	}
	m.applyFilters()
}
