package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nimbusadmin/app/apptest"
)

// benchTenantSizes are the demo tenants the window's benchmarks compare: the default and
// the largest an admin is promised the same speed on.
var benchTenantSizes = []int{2_000, 100_000}

// benchWindow opens the main window over a demo tenant of that many users, at its default
// size so that the list shows as many rows as an admin sees, with the list loaded.
func benchWindow(b *testing.B, users int) *mainWindow {
	b.Helper()
	a := test.NewTempApp(b)
	m := newMainWindow(a, apptest.Demo(b, users), nil, func(f func()) { f() })
	m.win.Resize(fyne.NewSize(defaultWindowWidth, defaultWindowHeight))
	m.load("")
	if m.index == nil {
		b.Fatalf("the list did not load: %s", m.status.Text)
	}
	b.Cleanup(m.win.Close)
	return m
}

// BenchmarkDownInTheList is ↓ in the list on the UI goroutine: the selection moves and the
// next user's details show. The drawing is not included (the real window's check
// ui/xvfbcheck measures it); what is here is what delays every frame.
func BenchmarkDownInTheList(b *testing.B) {
	for _, users := range benchTenantSizes {
		b.Run(fmt.Sprint(users), func(b *testing.B) {
			m := benchWindow(b, users)
			m.focusList()
			down := &fyne.KeyEvent{Name: fyne.KeyDown}
			for i := 0; b.Loop(); i++ {
				if i%200 == 199 {
					m.table.selectRow(0)
				}
				m.table.TypedKey(down)
			}
		})
	}
}
