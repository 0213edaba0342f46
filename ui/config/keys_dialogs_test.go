package config

import (
	"testing"

	"fyne.io/fyne/v2"
)

// configPressKey hands a key to the window as the desktop driver does: to the focused
// control, or else to the canvas's own key handler.
func configPressKey(w fyne.Window, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := w.Canvas().OnTypedKey(); h != nil {
		h(ev)
	}
}

// Esc on the unsaved-changes question keeps editing, and Esc on a delete question
// answers no: nothing is deleted.
func TestConfigEscKeepsEditingAndNeverDeletes(t *testing.T) {
	e, w, nimbus, first, edited := configRoleWithDraft(t)
	e.list.Select(1)
	if configAsked(w, "Keep editing") == nil {
		t.Fatal("selecting another role with an unsaved description asked nothing")
	}
	configPressKey(w, fyne.KeyEscape)
	if configAsked(w, "Keep editing") != nil {
		t.Fatal("Esc did not close the question")
	}
	if e.current != first.ID || e.description.Text != edited || e.pending() == "" {
		t.Errorf("after Esc: role %d, description %q, pending %q", e.current, e.description.Text, e.pending())
	}

	e.description.SetText(configStoredDescription(t, nimbus, first.ID))
	newConfigWindow(w, nimbus).confirm("Delete custom role", "Delete the custom role?", func() { t.Error("a key answered yes to a delete question") })
	for _, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEscape} {
		configPressKey(w, key)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Esc did not close the delete question")
	}
}
