package ui

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/auth"
	"nimbusadmin/data/simtenant"
	"nimbusadmin/data/testkit"
)

type signInResult struct {
	acc auth.Account
	err error
}

// startSignInDialog opens the dialog over a real MSAL session against a simulated Entra
// ID on loopback HTTPS and waits until the device code is on screen.
func startSignInDialog(t *testing.T) (*signInDialog, *simtenant.Authority, fyne.Window, chan signInResult, *[]*url.URL) {
	t.Helper()
	test.NewTempApp(t)
	behind := widget.NewLabel("main window")
	w := test.NewTempWindow(t, behind)
	w.Resize(fyne.NewSize(900, 600))
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) { behind.SetText("the window had the key " + string(k.Name)) })
	entra := testkit.StartEntra(t, simtenant.AuthorityOptions{})
	a := entra.Authority
	endpoints, err := auth.ResolveEndpoints("global", entra.URL(), entra.GraphURL())
	if err != nil {
		t.Fatal(err)
	}
	results := make(chan signInResult, 1)
	opened := &[]*url.URL{}
	d := newSignInDialog(w, func(acc auth.Account, err error) { results <- signInResult{acc, err} })
	d.openURL = func(u *url.URL) error { *opened = append(*opened, u); return nil }
	shown := make(chan auth.DeviceCode, 1)
	d.start(func(ctx context.Context, prompt func(auth.DeviceCode)) (auth.Account, error) {
		s, err := auth.NewSession(auth.Config{Endpoints: endpoints, Tenant: a.TenantID(), ClientID: "ui-test",
			ConfigDir: t.TempDir(), NoKeyring: true, HTTPClient: entra.Client(),
			Prompt: func(dc auth.DeviceCode) { prompt(dc); shown <- dc }})
		if err != nil {
			return auth.Account{}, err
		}
		return s.SignIn(ctx)
	})
	if dc := signInWait(t, "the device code", shown); d.code.Text != dc.UserCode {
		t.Fatalf("the dialog shows %q, not the code %q", d.code.Text, dc.UserCode)
	}
	return d, a, w, results, opened
}

func signInWaitResult(t *testing.T, results chan signInResult) signInResult {
	t.Helper()
	return signInWait(t, "the end of the sign-in", results)
}

func TestSignInDialogShowsCodeCopiesOpensAndSignsIn(t *testing.T) {
	d, a, w, results, opened := startSignInDialog(t)
	code := d.code.Text
	if !strings.Contains(d.message.Text, code) || !strings.HasPrefix(d.countdown.Text, "The code expires in 1") {
		t.Errorf("message %q, countdown %q", d.message.Text, d.countdown.Text)
	}
	test.Tap(d.copyCode)
	if got := fyne.CurrentApp().Clipboard().Content(); got != code {
		t.Errorf("clipboard holds %q, want the code %q", got, code)
	}
	test.Tap(d.openPage)
	if len(*opened) != 1 || !strings.HasSuffix((*opened)[0].String(), "/devicelogin") {
		t.Errorf("Open browser opened %v", *opened)
	}
	if err := a.Approve(code); err != nil {
		t.Fatal(err)
	}
	r := signInWaitResult(t, results)
	if r.err != nil || r.acc.Username != a.UserPrincipalName() {
		t.Fatalf("sign-in ended with %+v", r)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Error("the dialog is still open after a successful sign-in")
	}
}

func TestSignInDialogCancelEndsTheSignIn(t *testing.T) {
	d, a, w, results, _ := startSignInDialog(t)
	test.Tap(d.cancelBtn)
	if r := signInWaitResult(t, results); !errors.Is(r.err, auth.ErrSignInCancelled) {
		t.Fatalf("cancel ended with %v", r.err)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Error("the dialog is still open after Cancel")
	}
	if st := a.Stats(); st.DeviceCodeGrant != 0 {
		t.Errorf("tokens issued after Cancel: %+v", st)
	}
}

func TestSignInDialogKeepsADeclineOnScreen(t *testing.T) {
	d, a, w, results, _ := startSignInDialog(t)
	if err := a.Decline(d.code.Text); err != nil {
		t.Fatal(err)
	}
	if r := signInWaitResult(t, results); !errors.Is(r.err, auth.ErrSignInDeclined) {
		t.Fatalf("decline ended with %v", r.err)
	}
	if !strings.Contains(d.message.Text, "declined") || d.cancelBtn.Text != "Close" || d.code.Text != "" || !d.copyCode.Disabled() {
		t.Errorf("after a decline: message %q, button %q, code %q", d.message.Text, d.cancelBtn.Text, d.code.Text)
	}
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("the decline message is not on screen")
	}
	test.Tap(d.cancelBtn)
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Close did not close the dialog")
	}
}

// signInPressKey hands a key to the window the way the desktop driver does: to the
// focused control, or else to the canvas's own key handler.
func signInPressKey(w fyne.Window, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := w.Canvas().OnTypedKey(); h != nil {
		h(ev)
	}
}

// Enter does not end a sign-in under way; Esc cancels it as Cancel does; neither key
// reaches the window behind the dialog, which has its keys back once the dialog closed.
func TestSignInDialogEscCancelsTheSignInAndKeepsTheKeyFromTheWindow(t *testing.T) {
	d, a, w, results, _ := startSignInDialog(t)
	behind := w.Content().(*widget.Label)
	signInPressKey(w, fyne.KeyReturn)
	if w.Canvas().Overlays().Top() == nil || d.cancelBtn.Disabled() {
		t.Fatal("Enter ended a sign-in under way")
	}
	signInPressKey(w, fyne.KeyEscape)
	if r := signInWaitResult(t, results); !errors.Is(r.err, auth.ErrSignInCancelled) {
		t.Fatalf("Esc ended the sign-in with %v", r.err)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Error("the dialog is still open after Esc")
	}
	if st := a.Stats(); st.DeviceCodeGrant != 0 {
		t.Errorf("tokens issued after Esc: %+v", st)
	}
	if behind.Text != "main window" {
		t.Errorf("a key typed in the dialog reached the window: %q", behind.Text)
	}
	signInPressKey(w, fyne.KeyEscape)
	if behind.Text != "the window had the key Escape" {
		t.Errorf("after the dialog closed, the window does not get its keys: %q", behind.Text)
	}
}

// A failure stays on screen in the error colour, as a sentence, until Enter (or Esc, or
// Close) closes it.
func TestSignInDialogShowsAFailureInTheErrorColourUntilEnter(t *testing.T) {
	d, a, w, results, _ := startSignInDialog(t)
	if err := a.Decline(d.code.Text); err != nil {
		t.Fatal(err)
	}
	signInWaitResult(t, results)
	if d.message.Text != "The sign-in was declined in the browser; nothing was saved." || d.message.Importance != widget.DangerImportance {
		t.Errorf("after a decline the dialog says %q (importance %v)", d.message.Text, d.message.Importance)
	}
	signInPressKey(w, fyne.KeyReturn)
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Enter did not close the failure")
	}
}
