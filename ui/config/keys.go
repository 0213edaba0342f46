package config

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// configDefaultSize is the window's size when it opens: it fits a 1366×768 laptop
// screen with room for the taskbar; long screens scroll inside it.
var configDefaultSize = fyne.NewSize(1180, 700)

// configSaveShortcut saves the item shown: Ctrl+S, or Cmd+S on a Mac.
var configSaveShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}

// configEntry is a text field that passes Ctrl+S to the window's Save: a plain entry
// keeps every shortcut typed in it to itself, so Ctrl+S would do nothing while the admin
// types, which is when they press it.
type configEntry struct {
	widget.Entry
	onSave func()
}

// newConfigEntry makes a one-line field that saves the screen's edits on Ctrl+S.
func newConfigEntry(onSave func(), placeholder string) *configEntry {
	e := &configEntry{onSave: onSave}
	e.PlaceHolder = placeholder
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut saves on Ctrl+S and leaves every other shortcut to the entry.
func (e *configEntry) TypedShortcut(s fyne.Shortcut) {
	if s.ShortcutName() == configSaveShortcut.ShortcutName() && e.onSave != nil {
		e.onSave()
		return
	}
	e.Entry.TypedShortcut(s)
}
