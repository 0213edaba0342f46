package ui

import (
	"context"
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/auth"
	"nimbusadmin/ui/widgets"
)

// Texts of the account and sync controls.
const (
	badgeDemo       = "Demo tenant — simulated data"
	badgeNoSignIn   = "Not signed in"
	badgeOffline    = "Offline — last synced %s"
	accountSignedIn = "Signed in as %s"
)

// onlineBar is the header's account and sync part: Sync with its progress and Cancel,
// who is signed in with Sign in / Sign out, and the Offline or Demo badge. Without an
// Online (no sign-in in this session) the controls are disabled and the badge says why.
type onlineBar struct {
	m        *mainWindow
	badge    *widget.Label
	account  *widget.Label
	sync     *widget.Button
	cancel   *widget.Button
	sign     *widget.Button
	progress *widget.ProgressBar
	stop     context.CancelFunc

	progressText string
	problem      string                  // the failure the bar shows in the status line; "" for none
	fixed        func(OnlineStatus) bool // says when the cause of problem is gone; nil: never by itself
	fixedSay     string                  // what the status line says once it is
}

func newOnlineBar(m *mainWindow) *onlineBar {
	b := &onlineBar{m: m, badge: &widget.Label{Importance: widget.WarningImportance}, account: widget.NewLabel("")}
	b.sync = &widget.Button{Text: "Sync", Icon: theme.ViewRefreshIcon(), OnTapped: b.onSync}
	b.cancel = &widget.Button{Text: "Cancel", Icon: theme.CancelIcon(), OnTapped: b.onCancel}
	b.sign = &widget.Button{Text: "Sign in…", OnTapped: b.onSign}
	b.progress = widget.NewProgressBar()
	b.progress.TextFormatter = func() string { return b.progressText }
	b.cancel.Hide()
	b.progress.Hide()
	b.refresh()
	return b
}

func (b *onlineBar) object() fyne.CanvasObject {
	return container.NewHBox(b.sync, container.NewGridWrap(fyne.NewSize(220, b.sync.MinSize().Height), b.progress),
		b.cancel, b.account, b.sign, b.badge)
}

// refresh shows the current account and cache state, and what the account may change.
func (b *onlineBar) refresh() {
	defer b.m.showRights()
	defer b.m.freshness.show() // a sync or the team server may have brought a newer one
	if b.m.online == nil {
		b.sync.Disable()
		b.sign.Disable()
		b.account.SetText(badgeNoSignIn)
		b.badge.SetText(badgeNoSignIn + " — showing the cache")
		if b.m.isDemo {
			b.badge.SetText(badgeDemo)
		}
		return
	}
	st := b.m.online.Status()
	b.clearFixedProblem(st)
	switch {
	case st.TeamServer != "":
		b.showTeamBadge(st)
	case st.Demo:
		b.badge.SetText(badgeDemo)
	case st.Offline:
		b.badge.SetText(fmt.Sprintf(badgeOffline, lastSyncedText(st.LastSync)))
	default:
		b.badge.SetText("")
	}
	if st.SignedInAs != "" {
		b.account.SetText(fmt.Sprintf(accountSignedIn, st.SignedInAs))
		b.sign.SetText("Sign out")
	} else {
		b.account.SetText(badgeNoSignIn)
		b.sign.SetText("Sign in…")
	}
	if st.Demo {
		b.account.SetText("") // the demo acts as its own admin: the rights line says who
	}
	b.sign.Enable()
	if st.TeamServer != "" {
		return // showTeamBadge set Sync
	}
	enableWhen(b.sync, (st.SignedInAs != "" || st.Demo) && b.stop == nil && b.m.nimbus.CanChange() == nil) // a read-only cache: the cache line says why
}

func lastSyncedText(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.Local().Format("2 Jan 2006 15:04")
}

// onSync runs a sync off the UI goroutine with progress; the list reloads when it ends.
// A failed or cancelled sync says what the cache holds: as it was at the last completed
// sync when nothing was written yet, otherwise which parts were saved (the next sync
// completes them).
func (b *onlineBar) onSync() {
	ctx, stop := context.WithCancel(context.Background())
	b.stop = stop
	b.sync.Disable()
	b.cancel.Show()
	b.progress.Show()
	b.progressText = "Starting sync…"
	b.progress.SetValue(0)
	online, keep := b.m.online, b.m.selectedID()
	b.m.background(func() {
		err := online.Sync(ctx, func(p SyncProgress) { fyne.Do(func() { b.showProgress(p) }) })
		fyne.Do(func() {
			stop()
			b.stop = nil
			b.cancel.Hide()
			b.progress.Hide()
			switch {
			case errors.Is(err, context.Canceled) && err.Error() == context.Canceled.Error():
				b.showResult(nil, "Sync cancelled.")
			case errors.Is(err, context.Canceled):
				b.showResult(nil, err.Error()) // the sync's own sentence: what the cache holds
			case errors.As(err, new(*app.SyncRunning)):
				b.showProblem(err, nil, "") // nothing failed: another sync is under way
			case err != nil && online.Status().Offline:
				b.showProblem(fmt.Errorf("sync failed: %w", err), func(st OnlineStatus) bool { return !st.Offline },
					"Microsoft 365 can be reached again; sync to bring the cache up to date.")
			case err != nil:
				b.showProblem(fmt.Errorf("sync failed: %w", err), nil, "")
			default:
				b.showResult(nil, "Sync finished at "+time.Now().Format("15:04")+".")
			}
			b.refresh()
			b.m.load(keep)
		})
	})
}

func (b *onlineBar) showProgress(p SyncProgress) {
	b.progressText = fmt.Sprintf("%s users, %s", thousands(p.Users), progressPages(p.Pages))
	if p.Remaining > 0 {
		b.progressText += fmt.Sprintf(", about %s left", p.Remaining.Round(time.Second))
		b.progress.SetValue(float64(p.Elapsed) / float64(p.Elapsed+p.Remaining))
		return
	}
	b.progress.Refresh()
}

func (b *onlineBar) onCancel() {
	if b.stop != nil {
		b.stop()
	}
}

// onSign signs in or out off the UI goroutine.
func (b *onlineBar) onSign() {
	online := b.m.online
	signedIn := online.Status().SignedInAs != ""
	b.sign.Disable()
	b.m.background(func() {
		var err error
		if signedIn {
			err = online.SignOut(context.Background())
		} else {
			err = online.SignIn(context.Background())
		}
		fyne.Do(func() {
			switch {
			case errors.Is(err, auth.ErrSignInCancelled):
				b.showResult(nil, err.Error()) // the admin's own choice, not a failure
			case err != nil && signedIn:
				b.showProblem(err, func(st OnlineStatus) bool { return st.SignedInAs == "" }, "Signed out.")
			case err != nil:
				b.showProblem(err, func(st OnlineStatus) bool { return st.SignedInAs != "" }, "Signed in.")
			case signedIn:
				b.showResult(nil, "Signed out; the cache stays for reading.")
			}
			b.refresh()
		})
	})
}

// showResult puts the result of a sync or a sign-in in the window's status line, in
// readable colours.
func (b *onlineBar) showResult(err error, done string) {
	b.problem, b.fixed, b.fixedSay = "", nil, ""
	widgets.ShowResult(b.m.status, err, done)
}

// showProblem shows why a sync or a sign-in failed; once fixed says its cause is gone
// (signed in, back online) the status line says fixedSay instead. A nil fixed keeps the
// failure until the next result replaces it.
func (b *onlineBar) showProblem(err error, fixed func(OnlineStatus) bool, fixedSay string) {
	widgets.ShowResult(b.m.status, err, "")
	b.problem, b.fixed, b.fixedSay = b.m.status.Text, fixed, fixedSay
}

// clearFixedProblem takes the bar's failure off the status line once its cause is gone,
// unless something else has been shown there since.
func (b *onlineBar) clearFixedProblem(st OnlineStatus) {
	if b.fixed == nil || !b.fixed(st) {
		return
	}
	if b.m.status.Text == b.problem {
		widgets.ShowResult(b.m.status, nil, b.fixedSay)
	}
	b.problem, b.fixed, b.fixedSay = "", nil, ""
}

func progressPages(n int) string {
	if n == 1 {
		return "1 page"
	}
	return fmt.Sprintf("%d pages", n)
}
