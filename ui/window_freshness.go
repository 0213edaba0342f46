package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
)

// prefStaleAfterHours is the age, in hours, from which the header shows the cache as stale;
// app.DefaultStaleAfter when not set.
const prefStaleAfterHours = "freshness.staleAfterHours"

// staleAfter is the age from which the admin wants to be warned that the cache is old.
func (s windowSettings) staleAfter() time.Duration {
	h := s.p.FloatWithFallback(prefStaleAfterHours, app.DefaultStaleAfter.Hours())
	if h <= 0 {
		return app.DefaultStaleAfter
	}
	return time.Duration(h * float64(time.Hour))
}

// freshnessLine is the header's "Last synced 14:02 (3 h ago)": in the normal colour while
// the cache is fresh, amber once it is older than the admin's age, red after a week, and
// "Never synced" for a cache (or a demo) that never was. In team mode the replica holds
// the server's last sync, so the line tells the server's age.
type freshnessLine struct {
	m     *mainWindow
	label *widget.Label
	now   func() time.Time // the clock; tests set their own
}

func newFreshnessLine(m *mainWindow) *freshnessLine {
	return &freshnessLine{m: m, label: widget.NewLabel(""), now: time.Now}
}

// show reads the last sync and says it again, as of now.
func (f *freshnessLine) show() {
	now := f.now()
	age, err := f.m.nimbus.CacheAge(context.Background(), now, f.m.settings.staleAfter())
	if err != nil { // the cache line or the status line says what is wrong with the cache
		f.label.Hide()
		return
	}
	f.label.Importance = widget.MediumImportance
	switch age.Freshness {
	case app.FreshnessStale:
		f.label.Importance = widget.WarningImportance
	case app.FreshnessVeryStale:
		f.label.Importance = widget.DangerImportance
	}
	f.label.Text = age.Line(now)
	f.label.Show()
	f.label.Refresh()
}

// tickEveryMinute says the age again once a minute for as long as the program runs: the
// main window lives as long as the program.
func (f *freshnessLine) tickEveryMinute() {
	go func() {
		for range time.Tick(time.Minute) {
			fyne.Do(f.show)
		}
	}()
}
