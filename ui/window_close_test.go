package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/data"
	"nimbusadmin/ui/uitest"
)

// windowWithLicenceDraft opens the main window on a user and ticks a licence they do not
// hold, without saving. It returns the window, the user and the licence.
func windowWithLicenceDraft(t *testing.T) (*mainWindow, string, data.LicenceSet, *bool) {
	t.Helper()
	a := test.NewTempApp(t)
	m, closed := windowOpenWatched(t, a, windowDemoTenant(t), nil)
	for _, row := range m.index.Rows {
		if row.Licences.Has(data.Assistant) {
			continue
		}
		m.detail.ShowUser(row.ID)
		uitest.Check(m.detail.Object(), data.Assistant.String()).SetChecked(true)
		if !windowGeneralIsDraft(m) {
			t.Fatal("ticking a licence made no draft")
		}
		return m, row.ID, data.Assistant, closed
	}
	t.Fatal("every demo user holds Assistant")
	return nil, "", 0, nil
}

// windowGeneralIsDraft tells whether the detail view marks its General tab as holding
// unsaved edits.
func windowGeneralIsDraft(m *mainWindow) bool {
	draft := false
	uitest.Walk(m.detail.Object(), func(o fyne.CanvasObject) {
		if tabs, ok := o.(*container.AppTabs); ok {
			draft = draft || tabs.Items[0].Text == "General •"
		}
	})
	return draft
}

// windowAsked is the button of the open "unsaved changes" question whose text is text,
// nil while no question is open.
func windowAsked(m *mainWindow, text string) *widget.Button {
	top := m.win.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	return uitest.Button(top, text)
}

// windowAnswer presses the button of the open "unsaved changes" question whose text is
// text; the test fails when no question is open.
func windowAnswer(t *testing.T, m *mainWindow, text string) {
	t.Helper()
	b := windowAsked(m, text)
	if b == nil {
		t.Fatalf("no open question offers %s", text)
	}
	test.Tap(b)
}

// windowShows tells whether the detail view shows the user with the O365 ID.
func windowShows(m *mainWindow, id string) bool {
	shown := false
	uitest.Walk(m.detail.Object(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == id && l.Visible() {
			shown = true
		}
	})
	return shown
}

func holds(t *testing.T, m *mainWindow, id string, l data.LicenceSet) bool {
	t.Helper()
	d, err := m.nimbus.UserDetail(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return d.User.Licences.Has(l)
}

func TestClosingTheWindowWithUnsavedEditsAsksAndKeepEditingStays(t *testing.T) {
	m, id, l, closed := windowWithLicenceDraft(t)
	m.requestClose()
	stay := windowAsked(m, "Keep editing")
	if *closed || stay == nil {
		t.Fatalf("closing with an unsaved licence closed=%v, asked=%v", *closed, stay != nil)
	}
	test.Tap(stay)
	if *closed || !windowGeneralIsDraft(m) || !windowShows(m, id) {
		t.Error("Keep editing closed the window or lost the draft")
	}
	if holds(t, m, id, l) {
		t.Error("asking wrote the licence")
	}
}

func TestClosingTheWindowThenSaveWritesTheEditAndCloses(t *testing.T) {
	m, id, l, closed := windowWithLicenceDraft(t)
	m.requestClose()
	windowAnswer(t, m, "Save")
	if !*closed {
		t.Error("Save did not go on to close the window")
	}
	if !holds(t, m, id, l) {
		t.Error("the licence ticked before closing was not saved")
	}
}

func TestClosingTheWindowThenDiscardClosesWithoutWriting(t *testing.T) {
	m, id, l, closed := windowWithLicenceDraft(t)
	m.requestClose()
	windowAnswer(t, m, "Discard")
	if !*closed || holds(t, m, id, l) {
		t.Errorf("after Discard: closed %v, licence written %v", *closed, holds(t, m, id, l))
	}
}

func TestClosingTheWindowWithoutEditsClosesAtOnce(t *testing.T) {
	a := test.NewTempApp(t)
	m, closed := windowOpenWatched(t, a, windowDemoTenant(t), nil)
	m.detail.ShowUser(m.index.Rows[0].ID)
	m.requestClose()
	if !*closed {
		t.Error("the window asked or stayed open with nothing unsaved")
	}
}
