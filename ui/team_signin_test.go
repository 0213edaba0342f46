package ui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// teamStepOpen opens the team server step; signedIn records the server the device-code
// step was started with.
func teamStepOpen(t *testing.T, connect ConnectFunc) (s *teamServerStep, signedIn chan string, cancelled *bool) {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("Nimbus Admin")
	w.Resize(fyne.NewSize(800, 600))
	t.Cleanup(w.Close)
	signedIn, cancelled = make(chan string, 1), new(bool)
	s = newTeamServerStep(w, connect, func(server string) { signedIn <- server }, func() { *cancelled = true })
	s.dlg.Show()
	return s, signedIn, cancelled
}

// The sign-in asks for a team server first: left empty, the sign-in goes on for the cache
// on this computer without asking any server.
func TestTeamSignInWithoutAServerGoesOnAlone(t *testing.T) {
	asked := false
	s, signedIn, _ := teamStepOpen(t, func(context.Context, string) error { asked = true; return nil })
	test.Tap(s.next)
	if got := <-signedIn; got != "" || asked {
		t.Errorf("an empty server: signed in with %q, a server asked %v", got, asked)
	}
}

// A server typed is checked before the sign-in: one that cannot be used keeps the step
// open with the reason; one that can goes on to the sign-in for its tenant.
func TestTeamSignInChecksTheServerTyped(t *testing.T) {
	fail := errors.New("https://intranet.contoso.com is not a Nimbus Admin server (HTTP 404 at /.well-known/nimbusadmin)")
	var checked []string
	s, signedIn, _ := teamStepOpen(t, func(_ context.Context, server string) error {
		checked = append(checked, server)
		if strings.Contains(server, "intranet") {
			return fail
		}
		return nil
	})
	test.Type(s.server, "https://intranet.contoso.com")
	test.Tap(s.next)
	teamWaitFor(t, func() bool { return s.problem.Visible() })
	if !strings.HasPrefix(s.problem.Text, "That team server cannot be used: https://intranet.contoso.com is not a Nimbus Admin server") || len(signedIn) != 0 || s.next.Disabled() {
		t.Fatalf("a server that cannot be used: problem %q, sign-in started %v", s.problem.Text, len(signedIn) != 0)
	}
	s.server.SetText(" https://nimbus.contoso.com ")
	test.Tap(s.next)
	select {
	case got := <-signedIn:
		if got != "https://nimbus.contoso.com" {
			t.Errorf("signed in for %q", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a server that answers did not lead to the sign-in")
	}
	if len(checked) != 2 {
		t.Errorf("servers checked: %v", checked)
	}
}

// Cancel ends the sign-in before it starts.
func TestTeamSignInCancel(t *testing.T) {
	s, signedIn, cancelled := teamStepOpen(t, func(context.Context, string) error { return nil })
	test.Tap(s.cancel)
	if !*cancelled || len(signedIn) != 0 {
		t.Errorf("Cancel: cancelled %v, sign-in started %v", *cancelled, len(signedIn) != 0)
	}
}

// teamWaitFor waits up to five seconds for ok, read on the UI goroutine.
func teamWaitFor(t *testing.T, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		done := false
		fyne.DoAndWait(func() { done = ok() })
		if done {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("gave up waiting")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
