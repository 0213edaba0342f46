package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/app/userlist"
	"nimbusadmin/ui/widgets"
)

// bulkRefusal is one user a change for several users left as they were, and why.
type bulkRefusal struct {
	row    *userlist.Row
	reason string
}

// bulkOutcome is what a change for several users did to each of them.
type bulkOutcome struct {
	total       int             // users asked about
	done        []*userlist.Row // changed (or, for a check, found fit)
	already     int             // left alone: the change would not have changed them
	alreadyText string          // says so: "already held it"
	refused     []bulkRefusal
	stopped     bool // the admin stopped it: the users after the last one tried were not changed
}

// errAlready is a step's answer for a user the change would leave as they are.
var errAlready = errors.New("already so")

// report is the outcome in the admin's words: a first line that counts, then one line per
// refused user with the rule's reason.
func (o bulkOutcome) report() string {
	var b strings.Builder
	tried := len(o.done) + o.already + len(o.refused)
	counts := thousands(len(o.done)) + " changed; "
	if o.already > 0 {
		counts += thousands(o.already) + " " + o.alreadyText + "; "
	}
	counts += thousands(len(o.refused)) + " refused"
	if o.stopped {
		fmt.Fprintf(&b, "Stopped after %s of %s: %s; the other %s were not changed", thousands(tried), usersText(o.total), counts, thousands(o.total-tried))
	} else {
		b.WriteString(counts)
	}
	if len(o.refused) == 0 {
		b.WriteString(".")
		return b.String()
	}
	b.WriteString(":")
	for _, r := range o.refused {
		fmt.Fprintf(&b, "\n%s (%s) — %s", r.row.DisplayName, r.row.UPN, r.reason)
	}
	return b.String()
}

// bulkRun is a change for several users while it runs: its progress and the Stop button.
type bulkRun struct {
	dlg      *widgets.Custom
	progress *widget.ProgressBar
	label    *widget.Label
	stop     *widget.Button
	stopped  atomic.Bool
}

// runEach runs step for each row off the UI goroutine, one user after another, with a
// progress dialog whose Stop ends the run between two users (never inside one user's
// change); done gets the outcome on the UI goroutine.
func (l *listTools) runEach(title string, rows []*userlist.Row, step func(*userlist.Row) error, done func(bulkOutcome)) {
	run := &bulkRun{progress: widget.NewProgressBar(), label: widget.NewLabel(fmt.Sprintf("%s: 0 of %s", title, usersText(len(rows))))}
	run.progress.Max = float64(len(rows))
	run.stop = &widget.Button{Text: "Stop", OnTapped: func() {
		run.stopped.Store(true)
		run.stop.Disable()
	}}
	// Esc stops between two users, as Stop does; Enter does nothing.
	run.dlg = widgets.NewCustom(l.m.win, title, container.NewVBox(run.label, run.progress), func() { widgets.Press(run.stop) }, nil)
	run.dlg.SetButtons([]fyne.CanvasObject{run.stop})
	run.dlg.Resize(fyne.NewSize(520, 180))
	l.running = run
	run.dlg.Show()
	l.m.background(func() {
		out := bulkOutcome{total: len(rows)}
		every := max(len(rows)/100, 1)
		for i, r := range rows {
			if run.stopped.Load() {
				out.stopped = true
				break
			}
			if err := step(r); errors.Is(err, errAlready) {
				out.already++
			} else if err != nil {
				out.refused = append(out.refused, bulkRefusal{r, err.Error()})
			} else {
				out.done = append(out.done, r)
			}
			if n := i + 1; n%every == 0 || n == len(rows) {
				fyne.Do(func() {
					run.progress.SetValue(float64(n))
					run.label.SetText(fmt.Sprintf("%s: %s of %s", title, thousands(n), usersText(len(rows))))
				})
			}
		}
		fyne.Do(func() {
			run.dlg.Hide()
			l.running = nil
			done(out)
		})
	})
}

// bulkJob is one change for several users: its name, the command for each user, and
// which users the list shows as already so (nil: none), said in alreadyText.
type bulkJob struct {
	what        string
	build       func(userID string) app.Command
	already     func(*userlist.Row) bool
	alreadyText string
}

// runBulk runs a change for each user through App.Do, then lists who was changed and who
// was refused with the reason, together with those refused before it ran (known), and
// reloads the list.
func (l *listTools) runBulk(job bulkJob, rows []*userlist.Row, known []bulkRefusal) {
	what := job.what
	l.runEach(what, rows, func(r *userlist.Row) error {
		if job.already != nil && job.already(r) {
			return errAlready
		}
		_, err := l.m.nimbus.Do(context.Background(), job.build(r.ID))
		return err
	}, func(out bulkOutcome) {
		out.alreadyText = job.alreadyText
		out.total += len(known)
		out.refused = slices.Concat(known, out.refused)
		l.lastReport = out.report()
		first, _, _ := strings.Cut(l.lastReport, "\n")
		l.m.status.SetText(what + " — " + strings.TrimSuffix(first, ":") + ".")
		l.showOutcome(what, first, out.refused)
		l.m.load("")
	})
}

// deleteSeveral checks which of the selected users may be deleted, then asks once whether
// to delete those, naming the others with the reason before anything is deleted.
func (l *listTools) deleteSeveral(rows []*userlist.Row) {
	l.runEach("Checking who can be deleted", rows, func(r *userlist.Row) error {
		return l.m.nimbus.Check(context.Background(), app.DeleteUser{User: r.ID})
	}, func(check bulkOutcome) {
		if check.stopped {
			l.m.status.SetText("Nothing was deleted: the check was stopped.")
			return
		}
		if len(check.done) == 0 {
			head := fmt.Sprintf("None of the %s selected can be deleted:", usersText(len(rows)))
			l.lastReport = head + "\n" + refusalLines(check.refused)
			l.showOutcome("Cannot delete these users", head, check.refused)
			return
		}
		msg := fmt.Sprintf("Remove %s from Nimbus?\n\nThey lose access to the Nimbus portal and their Nimbus settings are removed.\n"+
			"Their accounts in the directory (Microsoft Entra ID) and their Microsoft Teams membership are not touched.", usersText(len(check.done)))
		content := []fyne.CanvasObject{wrapped(msg)}
		if len(check.refused) > 0 {
			stays := fmt.Sprintf("%s of those selected cannot be deleted and stay:", usersText(len(check.refused)))
			msg += "\n\n" + stays + "\n" + refusalLines(check.refused)
			content = append(content, widget.NewLabelWithStyle(stays, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		}
		l.m.deleteAsked = msg
		body := container.NewBorder(container.NewVBox(content...), nil, nil, nil, refusalList(check.refused))
		// Esc keeps them; Enter does nothing (a deletion is never the default).
		confirm := widgets.NewCustomConfirm(l.m.win, fmt.Sprintf("Delete %s from Nimbus", usersText(len(check.done))), "", "", body, func(ok bool) {
			if ok {
				del := bulkJob{what: "Delete from Nimbus", build: func(id string) app.Command { return app.DeleteUser{User: id} }}
				l.runBulk(del, check.done, check.refused)
			}
		}, false)
		confirm.SetConfirmImportance(widget.DangerImportance)
		confirm.Resize(fyne.NewSize(720, 560))
		confirm.SetConfirmText("Delete " + usersText(len(check.done)))
		confirm.SetDismissText("Keep")
		l.m.confirm = confirm
		confirm.Show()
	})
}
