package ui

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/auth"
)

// SignInBar is the strip of the main window that says who is signed in, or that the
// program works offline on its cache, with Sign in and Sign out. It reads the account
// from the token cache alone, so it shows at once without any network.
type SignInBar struct {
	win     fyne.Window
	session *auth.Session

	// OnSignedIn runs on the UI goroutine after a sign-in through the bar (e.g. to sync).
	OnSignedIn func(auth.Account)
	// OnSignedOut runs on the UI goroutine after Sign out removed the account.
	OnSignedOut func()

	status  *widget.Label
	signIn  *widget.Button
	signOut *widget.Button
	box     *fyne.Container

	mu      sync.Mutex
	prompt  func(auth.DeviceCode) // the open dialog's, while one is open
	account auth.Account
}

// NewSignInBar makes the bar over one session; newSession gets the prompt to put in the
// session's auth.Config so that device codes reach the bar's dialog.
func NewSignInBar(win fyne.Window, newSession func(prompt func(auth.DeviceCode)) (*auth.Session, error)) (*SignInBar, error) {
	b := &SignInBar{win: win}
	s, err := newSession(b.forwardPrompt)
	if err != nil {
		return nil, err
	}
	b.session = s
	b.status = &widget.Label{Text: "Reading the sign-in…", Truncation: fyne.TextTruncateEllipsis}
	b.signIn = &widget.Button{Text: "Sign in", Icon: theme.LoginIcon(), OnTapped: b.onSignIn}
	b.signOut = &widget.Button{Text: "Sign out", Icon: theme.LogoutIcon(), OnTapped: b.onSignOut}
	b.signIn.Hide()
	b.signOut.Hide()
	b.box = container.NewBorder(nil, nil, nil, container.NewHBox(b.signIn, b.signOut), b.status)
	return b, nil
}

// Object is the bar's widget tree for the main window's layout.
func (b *SignInBar) Object() fyne.CanvasObject { return b.box }

// Load reads the signed-in account from the cache in the background and shows it.
func (b *SignInBar) Load() { go b.load() }

// load is Load's work on the calling goroutine; tests call it directly.
func (b *SignInBar) load() {
	acc, ok, err := b.session.Account(context.Background())
	fyne.Do(func() {
		switch {
		case err != nil:
			b.status.SetText("Sign-in unknown: " + signInOneLine(err.Error()))
			b.signIn.Show()
			b.signOut.Hide()
		case ok:
			b.showAccount(acc)
		default:
			b.showSignedOut()
		}
	})
}

// ShowOffline says that the network is out of reach and the window works on the cache
// synced at lastSync (zero: never); it runs on the UI goroutine.
func (b *SignInBar) ShowOffline(lastSync time.Time, reason error) {
	when := "never"
	if !lastSync.IsZero() {
		when = lastSync.Local().Format("2006-01-02 15:04")
	}
	text := "Offline — last synced " + when
	if reason != nil {
		text += " (" + signInOneLine(reason.Error()) + ")"
	}
	b.status.SetText(text)
	b.signIn.Show() // signing in again is how the admin asks for a retry
}

func (b *SignInBar) showAccount(acc auth.Account) {
	b.mu.Lock()
	b.account = acc
	b.mu.Unlock()
	b.status.SetText(fmt.Sprintf("Signed in as %s", acc.Username))
	b.signIn.Hide()
	b.signOut.Show()
}

func (b *SignInBar) showSignedOut() {
	b.mu.Lock()
	b.account = auth.Account{}
	b.mu.Unlock()
	b.status.SetText("Not signed in: the window shows the cached directory")
	b.signIn.Show()
	b.signOut.Hide()
}

// forwardPrompt is the session's prompt: it hands the device code to the open dialog.
func (b *SignInBar) forwardPrompt(dc auth.DeviceCode) {
	b.mu.Lock()
	p := b.prompt
	b.mu.Unlock()
	if p != nil {
		p(dc)
	}
}

func (b *SignInBar) onSignIn() {
	ShowSignInDialog(b.win, func(ctx context.Context, prompt func(auth.DeviceCode)) (auth.Account, error) {
		b.mu.Lock()
		b.prompt = prompt
		b.mu.Unlock()
		defer func() { b.mu.Lock(); b.prompt = nil; b.mu.Unlock() }()
		return b.session.SignIn(ctx)
	}, b.onSignInDone)
}

func (b *SignInBar) onSignInDone(acc auth.Account, err error) {
	if err != nil {
		return // the dialog shows why; the bar keeps what it said
	}
	b.showAccount(acc)
	if b.OnSignedIn != nil {
		b.OnSignedIn(acc)
	}
}

func (b *SignInBar) onSignOut() {
	b.mu.Lock()
	who := b.account.Username
	b.mu.Unlock()
	dialog.ShowConfirm("Sign out", fmt.Sprintf("Sign out %s? Its tokens are removed from this computer; the cached directory stays.", who),
		b.onSignOutConfirmed, b.win)
}

func (b *SignInBar) onSignOutConfirmed(ok bool) {
	if !ok {
		return
	}
	b.signOut.Disable()
	go func() {
		err := b.session.SignOut(context.Background())
		fyne.Do(func() {
			b.signOut.Enable()
			if err != nil {
				dialog.ShowError(fmt.Errorf("sign-out incomplete: %w", err), b.win)
				return
			}
			b.showSignedOut()
			if b.OnSignedOut != nil {
				b.OnSignedOut()
			}
		})
	}()
}

func signInOneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
