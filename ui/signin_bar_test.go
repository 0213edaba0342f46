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

// signInFindButton walks a canvas object tree for the button with the given text.
func signInFindButton(o fyne.CanvasObject, text string) *widget.Button {
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
		if b := signInFindButton(c, text); b != nil {
			return b
		}
	}
	return nil
}

// signInWait waits for what a background step reports on its channel; the receive also
// orders the step's widget updates before the test's reads.
func signInWait[T any](t *testing.T, what string, ch chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(20 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
		var zero T
		return zero
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
	signedIn, signedOut := make(chan auth.Account, 1), make(chan struct{}, 1)
	bar.OnSignedIn = func(acc auth.Account) { signedIn <- acc }
	bar.OnSignedOut = func() { signedOut <- struct{}{} }
	w.SetContent(bar.Object())
	bar.load()
	if !strings.HasPrefix(bar.status.Text, "Not signed in") || !bar.signIn.Visible() || bar.signOut.Visible() {
		t.Fatalf("signed out, yet the bar says %q or offers the wrong button", bar.status.Text)
	}

	test.Tap(bar.signIn)
	if acc := signInWait(t, "the sign-in", signedIn); acc.Username != a.UserPrincipalName() {
		t.Errorf("signed in as %+v", acc)
	}
	if !strings.Contains(bar.status.Text, a.UserPrincipalName()) || bar.signIn.Visible() || !bar.signOut.Visible() {
		t.Errorf("after sign-in the bar says %q", bar.status.Text)
	}

	synced := time.Date(2026, 11, 20, 9, 30, 0, 0, time.Local)
	bar.ShowOffline(synced, errors.New("cannot reach login.microsoftonline.com"))
	if want := "Offline — last synced 2026-11-20 09:30"; !strings.HasPrefix(bar.status.Text, want) || !bar.signIn.Visible() {
		t.Errorf("offline bar says %q, want it to start with %q and offer Sign in", bar.status.Text, want)
	}

	test.Tap(bar.signOut)
	yes := signInFindButton(w.Canvas().Overlays().Top(), "Yes")
	if yes == nil {
		t.Fatal("no confirmation before signing out")
	}
	test.Tap(yes)
	signInWait(t, "the sign-out", signedOut)
	if !strings.HasPrefix(bar.status.Text, "Not signed in") {
		t.Errorf("after sign-out the bar says %q", bar.status.Text)
	}
	if _, ok, _ := bar.session.Account(context.Background()); ok || !bar.signIn.Visible() {
		t.Error("the account is still cached after Sign out, or Sign in is not offered")
	}
}
