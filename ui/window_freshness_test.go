package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/data"
)

// windowSyncedAt records in the window's cache that the directory was last synced at.
func windowSyncedAt(t *testing.T, m *mainWindow, at time.Time) {
	t.Helper()
	s, err := data.Open(m.nimbus.CachePath())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Tx(context.Background(), func(q *data.Q) error { return q.SaveSyncState(data.ResourceUsers, "", at) }); err != nil {
		t.Fatal(err)
	}
}

func TestHeaderSaysHowOldTheCacheIsInItsColour(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	now := time.Date(2025, 3, 14, 17, 2, 0, 0, time.Local)
	m.freshness.now = func() time.Time { return now }
	line := m.freshness.label
	m.bar.refresh()
	if line.Text != "Never synced" || line.Importance != widget.MediumImportance || !line.Visible() {
		t.Errorf("a demo never synced: %q in %v", line.Text, line.Importance)
	}

	windowSyncedAt(t, m, now.Add(-3*time.Hour))
	m.bar.refresh() // as after a sync
	if line.Text != "Last synced 14:02 (3 h ago)" || line.Importance != widget.MediumImportance {
		t.Errorf("synced 3 h ago: %q in %v", line.Text, line.Importance)
	}
	for _, c := range []struct {
		later      time.Duration
		text       string
		importance widget.Importance
	}{
		{21 * time.Hour, "Last synced 14 Mar 2025 14:02 (24 h ago)", widget.MediumImportance},
		{22 * time.Hour, "Last synced 14 Mar 2025 14:02 (25 h ago)", widget.WarningImportance},
		{8 * 24 * time.Hour, "Last synced 14 Mar 2025 14:02 (8 days ago)", widget.DangerImportance},
	} {
		now = time.Date(2025, 3, 14, 17, 2, 0, 0, time.Local).Add(c.later)
		m.freshness.show() // as the minute's tick does
		if line.Text != c.text || line.Importance != c.importance {
			t.Errorf("%v later: %q in %v, want %q in %v", c.later, line.Text, line.Importance, c.text, c.importance)
		}
	}

	a.Preferences().SetFloat(prefStaleAfterHours, 48)
	now = time.Date(2025, 3, 14, 17, 2, 0, 0, time.Local).Add(30 * time.Hour)
	m.freshness.show()
	if line.Importance != widget.MediumImportance {
		t.Errorf("a cache 33 h old with a 48 h age set: %q in %v", line.Text, line.Importance)
	}
}
