package config

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"nimbusadmin/app/apptest"
)

// BenchmarkConfigurationOpen100k opens the Configuration window headlessly over a demo
// tenant of 100,000 users, as the window does: it builds every screen, lays the window
// out at its default size, then shows each screen in turn (which reads it again and lays
// it out). It reports the median over the iterations of the time to open (build and
// first layout) and of the time to open and visit every screen. Run it with
//
//	go test -tags migrated_fynedo -run '^$' -bench ConfigurationOpen100k -benchtime 3x ./ui/config/
//
// The demo tenant is generated once, before the clock starts (about 15 s).
func BenchmarkConfigurationOpen100k(b *testing.B) {
	test.NewTempApp(b)
	nimbus := apptest.Demo(b, 100_000)
	var opens, visits []time.Duration
	for b.Loop() {
		start := time.Now()
		w := test.NewWindow(nil)
		c := newConfigWindow(w, nimbus)
		w.SetContent(c.build())
		w.Resize(configDefaultSize)
		opens = append(opens, time.Since(start))
		for _, s := range c.screens {
			c.tabs.Select(s.outer)
			if s.group != nil {
				s.group.Select(s.item)
			}
			if c.shown != s {
				b.Fatalf("the window did not show the screen %q", s.item.Text)
			}
		}
		visits = append(visits, time.Since(start))
		w.Close()
	}
	b.ReportMetric(configMedianMillis(opens), "open-ms")
	b.ReportMetric(configMedianMillis(visits), "open+every-screen-ms")
}

// configMedianMillis is the median of durations in milliseconds.
func configMedianMillis(ds []time.Duration) float64 {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return float64(s[len(s)/2].Microseconds()) / 1000
}
