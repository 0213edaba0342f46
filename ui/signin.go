package ui

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/auth"
	"nimbusadmin/ui/widgets"
)

// SignInFunc runs a sign-in that shows its device code through prompt; the caller builds
// the auth.Session with prompt as its Config.Prompt and calls SignIn.
type SignInFunc func(ctx context.Context, prompt func(auth.DeviceCode)) (auth.Account, error)

// signInDialog is the device-code dialog: the message, the code in large type with Copy,
// Open browser, a live countdown to expiry and Cancel. The sign-in runs off the UI
// goroutine; results come back through fyne.Do. Esc cancels (or closes a failure), Enter
// closes a failure, and neither reaches the window behind.
type signInDialog struct {
	win     fyne.Window
	dlg     *widgets.Custom
	done    func(auth.Account, error)
	openURL func(*url.URL) error

	message   *widget.Label
	code      *canvas.Text
	countdown *widget.Label
	problem   *widget.Label // why a browser could not be opened; hidden while there is none
	copyCode  *widget.Button
	openPage  *widget.Button
	cancelBtn *widget.Button

	mu       sync.Mutex
	cancel   context.CancelFunc
	expires  time.Time
	verify   string
	finished bool
}

// ShowSignInDialog starts signIn in the background and shows its device code on win;
// done runs on the UI goroutine with the account, or with the reason the sign-in ended
// (declined, expired and network errors stay on screen until the admin closes them).
func ShowSignInDialog(win fyne.Window, signIn SignInFunc, done func(auth.Account, error)) {
	d := newSignInDialog(win, done)
	d.start(signIn)
}

func newSignInDialog(win fyne.Window, done func(auth.Account, error)) *signInDialog {
	d := &signInDialog{win: win, done: done, openURL: fyne.CurrentApp().OpenURL}
	d.buildUI()
	return d
}

func (d *signInDialog) buildUI() {
	d.message = &widget.Label{Text: "Asking Microsoft for a sign-in code…", Wrapping: fyne.TextWrapWord}
	d.code = &canvas.Text{Text: "", TextSize: 34, TextStyle: fyne.TextStyle{Monospace: true},
		Alignment: fyne.TextAlignCenter, Color: theme.Color(theme.ColorNameForeground)}
	d.countdown = &widget.Label{Alignment: fyne.TextAlignCenter}
	d.problem = widgets.NewProblem()
	d.copyCode = &widget.Button{Text: "Copy code", Icon: theme.ContentCopyIcon(), OnTapped: d.onCopyCode}
	d.openPage = &widget.Button{Text: "Open browser", Icon: theme.ComputerIcon(), Importance: widget.HighImportance, OnTapped: d.onOpenBrowser}
	d.cancelBtn = &widget.Button{Text: "Cancel", OnTapped: d.onCancel}
	d.copyCode.Disable()
	d.openPage.Disable()
	content := container.NewVBox(d.message, d.code, d.countdown, d.problem,
		container.NewCenter(container.NewHBox(d.copyCode, d.openPage)))
	d.dlg = widgets.NewCustom(d.win, "Sign in to Microsoft", content, d.onCancel, d.onEnter)
	d.dlg.SetButtons([]fyne.CanvasObject{d.cancelBtn})
	d.dlg.Resize(fyne.NewSize(520, 280))
}

func (d *signInDialog) start(signIn SignInFunc) {
	ctx, cancel := context.WithCancel(context.Background())
	d.cancel = cancel
	d.dlg.Show()
	go func() {
		acc, err := signIn(ctx, d.onDeviceCode)
		cancel()
		fyne.Do(func() { d.onFinished(acc, err) })
	}()
}

// onDeviceCode runs on the sign-in goroutine when the code is known.
func (d *signInDialog) onDeviceCode(dc auth.DeviceCode) {
	d.mu.Lock()
	d.expires, d.verify = dc.ExpiresOn, dc.VerificationURL
	d.mu.Unlock()
	fyne.Do(func() {
		d.message.SetText(dc.Message)
		d.code.Text = dc.UserCode
		d.code.Refresh()
		d.copyCode.Enable()
		d.openPage.Enable()
		d.tick()
	})
	go d.runCountdown()
}

func (d *signInDialog) runCountdown() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for range t.C {
		d.mu.Lock()
		over := d.finished
		d.mu.Unlock()
		if over {
			return
		}
		fyne.Do(d.tick)
	}
}

// tick shows the time left; it runs on the UI goroutine.
func (d *signInDialog) tick() {
	d.mu.Lock()
	left := time.Until(d.expires).Round(time.Second)
	d.mu.Unlock()
	if left < 0 {
		left = 0
	}
	d.countdown.SetText(fmt.Sprintf("The code expires in %d:%02d", int(left.Minutes()), int(left.Seconds())%60))
}

func (d *signInDialog) onCopyCode() {
	fyne.CurrentApp().Clipboard().SetContent(d.code.Text)
	d.copyCode.SetText("Copied")
}

func (d *signInDialog) onOpenBrowser() {
	d.mu.Lock()
	verify := d.verify
	d.mu.Unlock()
	u, err := url.Parse(verify)
	if err == nil {
		err = d.openURL(u)
	}
	if err != nil {
		d.problem.SetText("Cannot open a browser here: open " + verify + " in a browser yourself and enter the code above.")
		d.problem.Show()
	}
}

func (d *signInDialog) onCancel() {
	d.mu.Lock()
	over := d.finished
	d.mu.Unlock()
	if over { // the button reads Close once a failure is on screen
		d.dlg.Hide()
		return
	}
	d.cancelBtn.Disable()
	d.message.SetText("Cancelling…")
	d.cancel()
}

// onEnter closes the dialog once a failure is on screen (Enter does what Close does);
// while the sign-in runs it does nothing, so that a stray Enter cancels nothing.
func (d *signInDialog) onEnter() {
	d.mu.Lock()
	over := d.finished
	d.mu.Unlock()
	if over {
		d.dlg.Hide()
	}
}

// onFinished runs on the UI goroutine once the sign-in has ended either way.
func (d *signInDialog) onFinished(acc auth.Account, err error) {
	d.mu.Lock()
	d.finished = true
	d.mu.Unlock()
	if err == nil || errors.Is(err, auth.ErrSignInCancelled) {
		d.dlg.Hide()
		d.done(acc, err)
		return
	}
	d.code.Text = ""
	d.code.Refresh()
	widgets.ShowResult(d.message, err, "") // the reason, as a sentence in the error colour
	d.countdown.SetText("")
	d.copyCode.Disable()
	d.openPage.Disable()
	d.cancelBtn.SetText("Close")
	d.cancelBtn.Enable()
	d.done(acc, err)
}
