package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// searchEntry is the search field: Esc clears it, Down moves into the list, and the
// window's shortcuts (Ctrl+F, Ctrl+N, Ctrl+S) work while it has the focus.
type searchEntry struct {
	widget.Entry
	m *mainWindow
}

func newSearchEntry(m *mainWindow) *searchEntry {
	e := &searchEntry{m: m}
	e.PlaceHolder = "Search name, UPN, @domain, O365 ID, department, OU"
	e.ActionItem = widget.NewIcon(theme.SearchIcon())
	e.OnChanged = func(string) { m.applyFilters() }
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey clears the search on Esc and moves into the list on Down.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		e.SetText("")
	case fyne.KeyDown:
		e.m.focusList()
	default:
		e.Entry.TypedKey(k)
	}
}

// TypedShortcut gives the window's shortcuts precedence over the field's own.
func (e *searchEntry) TypedShortcut(s fyne.Shortcut) {
	if !e.m.runShortcut(s) {
		e.Entry.TypedShortcut(s)
	}
}

// windowShortcuts are the window's keyboard shortcuts (Cmd instead of Ctrl on macOS).
var windowShortcuts = []*desktop.CustomShortcut{
	{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault},
	{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault},
	{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault},
	{KeyName: fyne.KeyD, Modifier: fyne.KeyModifierShortcutDefault},
	{KeyName: fyne.KeyJ, Modifier: fyne.KeyModifierShortcutDefault},
	{KeyName: fyne.KeyK, Modifier: fyne.KeyModifierShortcutDefault},
	{KeyName: fyne.KeyH, Modifier: fyne.KeyModifierShortcutDefault},
}

func (m *mainWindow) addShortcuts() {
	for _, s := range windowShortcuts {
		m.win.Canvas().AddShortcut(s, func(sc fyne.Shortcut) { m.runShortcut(sc) })
	}
	m.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			m.search.SetText("")
			m.win.Canvas().Focus(m.search)
		}
	})
}

// runShortcut runs the window shortcut s, reporting whether s is one.
func (m *mainWindow) runShortcut(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs.Modifier != fyne.KeyModifierShortcutDefault {
		return false
	}
	switch cs.KeyName {
	case fyne.KeyF:
		m.win.Canvas().Focus(m.search)
	case fyne.KeyN:
		m.onCreate()
	case fyne.KeyS: // saves every pending change of the user shown, whatever has the focus
		m.detail.SaveAll()
	case fyne.KeyD:
		if m.table.selectedRow() != nil {
			m.toggleDetail()
		}
	case fyne.KeyJ:
		m.openChangesWindow()
	case fyne.KeyK:
		openChecksWindow(m)
	case fyne.KeyH:
		openHistoryWindow(m, "")
	default:
		return false
	}
	return true
}

// focusList moves the keyboard focus into the list and selects its first row when none is.
func (m *mainWindow) focusList() {
	m.win.Canvas().Focus(m.table)
	if m.table.selectedRow() == nil {
		m.table.selectRow(0)
	}
}
