package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"nimbusadmin/data"
)

// windowWithLicenceDraft opens the main window on a user and ticks a licence they do not
// hold, without saving. It returns the window, the user and the licence.
func windowWithLicenceDraft(t *testing.T) (*mainWindow, string, data.LicenceSet, *bool) {
	t.Helper()
	a := test.NewTempApp(t)
	m, closed := windowOpenWatched(t, a, windowDemoTenant(t), nil)
	p := m.detail.(*detailPane)
	for _, row := range m.index.Rows {
		if row.Licences.Has(data.Assistant) {
			continue
		}
		m.detail.ShowUser(row.ID)
		p.general.licences[data.Assistant].SetChecked(true)
		if !p.general.dirty() {
			t.Fatal("ticking a licence made no draft")
		}
		return m, row.ID, data.Assistant, closed
	}
	t.Fatal("every demo user holds Assistant")
	return nil, "", 0, nil
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
	p := m.detail.(*detailPane)
	if *closed || p.ask == nil {
		t.Fatalf("closing with an unsaved licence closed=%v, asked=%v", *closed, p.ask != nil)
	}
	test.Tap(p.ask.stay)
	if *closed || !p.general.dirty() || p.userID != id {
		t.Error("Keep editing closed the window or lost the draft")
	}
	if holds(t, m, id, l) {
		t.Error("asking wrote the licence")
	}
}

func TestClosingTheWindowThenSaveWritesTheEditAndCloses(t *testing.T) {
	m, id, l, closed := windowWithLicenceDraft(t)
	m.requestClose()
	test.Tap(m.detail.(*detailPane).ask.save)
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
	test.Tap(m.detail.(*detailPane).ask.discard)
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
