package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/auth"
	"nimbusadmin/ui/widgets"
)

// ConnectFunc checks the team server an admin typed and remembers it for its tenant, so
// that the sign-in that follows is for that tenant and the window opens its replica.
type ConnectFunc func(ctx context.Context, server string) error

// teamServerStep is the sign-in's first step: the team server the admin works with, if
// any. Empty, the sign-in is the single admin's, for the cache on this computer.
type teamServerStep struct {
	win       fyne.Window
	dlg       *widgets.Custom
	server    *widget.Entry
	problem   *widget.Label
	next      *widget.Button
	cancel    *widget.Button
	connect   ConnectFunc
	signIn    func(server string) // the device-code step, once the server is checked
	cancelled func()
}

// Texts of the team server step.
const (
	teamServerLabel = "Team server (optional)"
	teamServerHint  = "Leave it empty to work alone on this computer's cache. With the address of your tenant's Nimbus Admin server, every admin of the tenant shares one set of data."
)

// ShowSignInWithServer asks for the team server (optional), checks it with connect, then
// runs the device-code sign-in as ShowSignInDialog does; done hears the server chosen
// ("" for none) with the account, or why the sign-in ended.
func ShowSignInWithServer(win fyne.Window, connect ConnectFunc, signIn SignInFunc, done func(server string, acc auth.Account, err error)) {
	s := newTeamServerStep(win, connect, func(server string) {
		ShowSignInDialog(win, signIn, func(acc auth.Account, err error) { done(server, acc, err) })
	}, func() { done("", auth.Account{}, auth.ErrSignInCancelled) })
	s.dlg.Show()
	win.Canvas().Focus(s.server)
}

func newTeamServerStep(win fyne.Window, connect ConnectFunc, signIn func(string), cancelled func()) *teamServerStep {
	s := &teamServerStep{win: win, connect: connect, signIn: signIn, cancelled: cancelled}
	s.server = &widget.Entry{PlaceHolder: "https://nimbus.contoso.com", OnSubmitted: func(string) { s.onNext() }}
	s.problem = widgets.NewProblem()
	s.next = &widget.Button{Text: "Continue", Importance: widget.HighImportance, OnTapped: s.onNext}
	s.cancel = &widget.Button{Text: "Cancel", OnTapped: s.onCancel}
	hint := &widget.Label{Text: teamServerHint, Wrapping: fyne.TextWrapWord}
	content := container.NewVBox(widget.NewLabel(teamServerLabel), s.server, hint, s.problem)
	s.dlg = widgets.NewCustom(win, "Sign in to Microsoft", content, s.onCancel, s.onNext)
	s.dlg.SetButtons([]fyne.CanvasObject{s.cancel, s.next})
	s.dlg.Resize(fyne.NewSize(520, 260))
	return s
}

// onNext checks the server typed, off the UI goroutine, and goes on to the sign-in; a
// server that cannot be used keeps the step open and says why.
func (s *teamServerStep) onNext() {
	if s.next.Disabled() {
		return
	}
	server := strings.TrimSpace(s.server.Text)
	if server == "" {
		s.dlg.Hide()
		s.signIn("")
		return
	}
	s.next.Disable()
	s.next.SetText("Checking…")
	go func() {
		err := s.connect(context.Background(), server)
		fyne.Do(func() {
			s.next.SetText("Continue")
			s.next.Enable()
			if err != nil {
				widgets.ShowProblem(s.problem, fmt.Errorf("that team server cannot be used: %w", err))
				return
			}
			s.dlg.Hide()
			s.signIn(server)
		})
	}()
}

func (s *teamServerStep) onCancel() {
	s.dlg.Hide()
	s.cancelled()
}
