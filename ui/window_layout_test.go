package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// laptopScreen is the smallest screen admins use, less a title bar and a taskbar.
var laptopScreen = fyne.NewSize(1366, 768-80)

func TestTheWindowFitsALaptopScreenWithAndWithoutAUser(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	if s := m.settings.windowSize(); s.Width > laptopScreen.Width || s.Height > laptopScreen.Height {
		t.Errorf("the default window size is %v, larger than a 1366×768 screen leaves for a window (%v)", s, laptopScreen)
	}
	// The window grows to its content's smallest size: that must fit the default size.
	fits := func(what string, s fyne.Size) {
		t.Helper()
		if limit := m.settings.windowSize(); s.Width > limit.Width || s.Height > limit.Height {
			t.Errorf("%s is %v, larger than the default window (%v) that fits a 1366×768 screen", what, s, limit)
		}
	}
	fits("the window's smallest size with no user selected", m.win.Content().MinSize())
	test.Type(m.search, "zzzz-nobody")
	fits("the window's smallest size when nobody matches the search", m.win.Content().MinSize())
	m.search.SetText("")
	m.selectUser(windowListedIDs(m)[0])
	fits("the window's smallest size with a user's details", m.win.Content().MinSize())
}

func TestARememberedSizeLargerThanTheScreenIsNotRestored(t *testing.T) {
	a := test.NewTempApp(t)
	s := windowSettings{a.Preferences()}
	s.setWindowSize(fyne.NewSize(1920, 1200))
	if got := s.windowSize(); got.Width > laptopScreen.Width || got.Height > laptopScreen.Height {
		t.Fatalf("a window once enlarged to 1920×1200 reopens at %v, off a laptop's screen", got)
	}
	s.setWindowSize(fyne.NewSize(1000, 600))
	if got := s.windowSize(); got != fyne.NewSize(1000, 600) {
		t.Fatalf("a smaller remembered size reopens at %v, want 1000×600", got)
	}
}

func TestTheListTakesTheWidthUntilAUserIsSelectedAndTheDetailCollapses(t *testing.T) {
	a := test.NewTempApp(t)
	nimbus := windowDemoTenant(t)
	m := windowOpen(t, a, nimbus, nil)
	m.win.Resize(m.settings.windowSize())
	listWidth := func() float32 { return m.table.Size().Width }
	full := m.detailSplit.Size().Width
	if m.detailArea.Visible() || listWidth() != full || !m.detailToggle.Disabled() {
		t.Fatalf("with no user selected the list is %v wide of %v (details shown: %v)", listWidth(), full, m.detailArea.Visible())
	}
	m.selectUser(windowListedIDs(m)[0])
	if !m.detailArea.Visible() || listWidth() >= full || m.detailToggle.Disabled() {
		t.Fatalf("selecting a user shows no details beside the list (list %v of %v)", listWidth(), full)
	}
	m.runShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: fyne.KeyModifierShortcutDefault})
	if m.detailArea.Visible() || listWidth() != full || m.detailToggle.Text != "Show details" {
		t.Fatalf("Ctrl+D leaves the details shown (list %v of %v, toggle %q)", listWidth(), full, m.detailToggle.Text)
	}
	m.selectUser(windowListedIDs(m)[1])
	if m.detailArea.Visible() {
		t.Fatal("selecting another user shows the details the admin hid")
	}
	m.detailSplit.SetOffset(0.3)
	m.saveLayout()

	m2 := windowOpen(t, a, nimbus, nil)
	m2.selectUser(windowListedIDs(m2)[0])
	if m2.detailArea.Visible() || m2.detailSplit.Offset != 0.3 {
		t.Fatalf("a new window shows the hidden details (%v) with the split at %v, want hidden at 0.3", m2.detailArea.Visible(), m2.detailSplit.Offset)
	}
	test.Tap(m2.detailToggle)
	if !m2.detailArea.Visible() || m2.detailToggle.Text != "Hide details" {
		t.Fatal("Show details does not bring the details back")
	}
}

func TestEditsKeptWhenASearchHidesTheirUserStayInView(t *testing.T) {
	m, id, _, _ := windowWithLicenceDraft(t)
	if !m.selectUser(id) || !m.detailArea.Visible() {
		t.Fatal("selecting the user with a draft does not show their details")
	}
	m.search.SetText("zzzz-nobody")
	if windowAsked(m, "Keep editing") != nil {
		t.Fatal("a search hiding the user with a draft asks about it")
	}
	if !m.detailArea.Visible() || !windowGeneralIsDraft(m) {
		t.Fatalf("with the user hidden by the search the details are shown: %v, with the draft: %v", m.detailArea.Visible(), windowGeneralIsDraft(m))
	}
}
