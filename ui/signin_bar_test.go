package ui

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/auth"
	"nimbusadmin/data/simtenant"
)

// findButton walks a canvas object tree for the button with the given text.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	if b, ok := o.(*widget.Button); ok && b.Text == text {
		return b
	}
	var children []fyne.CanvasObject
	switch v := o.(type) {
	case *fyne.Container:
		children = v.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(v).Objects()
	}
	for _, c := range children {
		if b := findButton(c, text); b != nil {
			return b
		}
	}
	return nil
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestSignInBarSignsInSaysOfflineAndSignsOut(t *testing.T) {
	test.NewTempApp(t)
	a := simtenant.NewAuthority(simtenant.AuthorityOptions{AutoApprove: true})
	srv := httptest.NewTLSServer(a)
	defer srv.Close()
	endpoints, err := auth.ResolveEndpoints("global", srv.URL, srv.URL+"/v1.0")
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, widget.NewLabel("placeholder"))
	w.Resize(fyne.NewSize(900, 600))
	bar, err := NewSignInBar(w, func(prompt func(auth.DeviceCode)) (*auth.Session, error) {
		return auth.NewSession(auth.Config{Endpoints: endpoints, Tenant: a.TenantID(), ClientID: "bar-test",
			ConfigDir: t.TempDir(), NoKeyring: true, HTTPClient: srv.Client(), Prompt: prompt})
	})
	if err != nil {
		t.Fatal(err)
	}
	var signedIn []auth.Account
	bar.OnSignedIn = func(acc auth.Account) { signedIn = append(signedIn, acc) }
	w.SetContent(bar.Object())
	bar.Load()
	waitFor(t, "the signed-out state", func() bool { return strings.HasPrefix(bar.status.Text, "Not signed in") })
	if !bar.signIn.Visible() || bar.signOut.Visible() {
		t.Fatal("signed out, yet Sign in is hidden or Sign out shown")
	}

	test.Tap(bar.signIn)
	waitFor(t, "the sign-in", func() bool { return len(signedIn) == 1 })
	if !strings.Contains(bar.status.Text, a.UserPrincipalName()) || bar.signIn.Visible() || !bar.signOut.Visible() {
		t.Errorf("after sign-in the bar says %q", bar.status.Text)
	}

	synced := time.Date(2026, 11, 20, 9, 30, 0, 0, time.Local)
	bar.ShowOffline(synced, errors.New("cannot reach login.microsoftonline.com"))
	if want := "Offline — last synced 2026-11-20 09:30"; !strings.HasPrefix(bar.status.Text, want) || !bar.signIn.Visible() {
		t.Errorf("offline bar says %q, want it to start with %q and offer Sign in", bar.status.Text, want)
	}

	test.Tap(bar.signOut)
	yes := findButton(w.Canvas().Overlays().Top(), "Yes")
	if yes == nil {
		t.Fatal("no confirmation before signing out")
	}
	test.Tap(yes)
	waitFor(t, "the sign-out", func() bool { return strings.HasPrefix(bar.status.Text, "Not signed in") })
	if _, ok, _ := bar.session.Account(context.Background()); ok || !bar.signIn.Visible() {
		t.Error("the account is still cached after Sign out, or Sign in is not offered")
	}
}
