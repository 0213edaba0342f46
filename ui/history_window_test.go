package ui

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/uitest"
)

// historyChanges gives the Contact Center licence to the first two demo users who hold no
// licence, so that the journal speaks of two people, and returns their O365 IDs and UPNs.
func historyChanges(t *testing.T, m *mainWindow) (ids, upns []string) {
	t.Helper()
	for _, r := range m.index.Rows {
		if r.Licences != 0 || len(ids) == 2 {
			continue
		}
		if err := m.nimbus.GrantLicence(context.Background(), r.ID, data.ContactCenter); err != nil {
			t.Fatal(err)
		}
		ids, upns = append(ids, r.ID), append(upns, r.UPN)
	}
	if len(ids) != 2 {
		t.Fatalf("the demo has %d users without a licence", len(ids))
	}
	return ids, upns
}

// historyWindowOf finds the History window the app shows and the text of its user filter.
func historyWindowOf(t *testing.T, a fyne.App) (fyne.Window, string) {
	t.Helper()
	for _, w := range a.Driver().AllWindows() {
		if w.Title() != "Nimbus Admin — History" {
			continue
		}
		user := ""
		uitest.Walk(w.Content(), func(o fyne.CanvasObject) {
			if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == "User: O365 ID or UPN" {
				user = e.Text
			}
		})
		return w, user
	}
	t.Fatal("no History window is open")
	return nil, ""
}

// headerHistoryButton is the History button of the main window's header: not the one of
// the detail view.
func headerHistoryButton(t *testing.T, m *mainWindow) *widget.Button {
	t.Helper()
	inDetail := uitest.Button(m.detail.Object(), "History")
	var found *widget.Button
	uitest.Walk(m.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "History" && b != inDetail && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatal("the header has no History button")
	}
	return found
}

func TestHistoryOpensFromTheHeaderAndFromTheUsersDetailFilteredToThem(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	ids, _ := historyChanges(t, m)

	test.Tap(headerHistoryButton(t, m))
	w, user := historyWindowOf(t, a)
	if user != "" {
		t.Errorf("the header's History shows only the entries about %q", user)
	}
	w.Close()

	m.detail.ShowUser(ids[1])
	b := uitest.Button(m.detail.Object(), "History")
	if b == nil || b.Hidden {
		t.Fatal("the detail view shows no History button beside the user's name")
	}
	test.Tap(b)
	w, user = historyWindowOf(t, a)
	defer w.Close()
	if user != ids[1] {
		t.Errorf("the user's History is filtered to %q, want %q", user, ids[1])
	}
}

func TestHistoryFiltersByUserAndExportsWhatItShows(t *testing.T) {
	a := test.NewTempApp(t)
	m := windowOpen(t, a, windowDemoTenant(t), nil)
	_, upns := historyChanges(t, m)
	h := newHistoryWindow(a, m.nimbus, "")
	defer h.win.Close()
	if h.total < 2 || h.count.Text != historyCount(h.total) {
		t.Fatalf("the whole journal: %d entries, count %q", h.total, h.count.Text)
	}

	test.Type(h.user, upns[0])
	want, err := m.nimbus.JournalPage(context.Background(), app.JournalQuery{User: upns[0]}, 0, 1000)
	if err != nil || len(want) == 0 || h.total != len(want) || h.count.Text != historyCount(len(want)) {
		t.Fatalf("filtered to %s: %d entries, count %q; the journal holds %d (%v)", upns[0], h.total, h.count.Text, len(want), err)
	}
	for i := range want {
		if got := h.cell(widget.TableCellID{Row: i, Col: 3}); got != want[i].Target {
			t.Errorf("row %d shows target %q, want %q", i, got, want[i].Target)
		}
	}

	test.Type(h.from, "yesterday")
	if !h.problem.Visible() || !strings.Contains(h.problem.Text, "2006-01-02") || h.total != len(want) {
		t.Errorf("a date it cannot read: problem %q, %d entries", h.problem.Text, h.total)
	}
	h.from.SetText("")

	path := filepath.Join(t.TempDir(), "history.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	n, err := h.exportTo(f)
	f.Close()
	if err != nil || n != len(want) {
		t.Fatalf("exported %d entries (%v), the view shows %d", n, err, len(want))
	}
	raw, _ := os.ReadFile(path)
	rows, err := csv.NewReader(strings.NewReader(string(raw))).ReadAll()
	if err != nil || len(rows) != len(want)+1 || rows[0][0] != "When" {
		t.Fatalf("the CSV (%v): %q", err, rows)
	}
	for i, e := range want {
		got := strings.Join(rows[i+1][1:6], "|")
		if exp := strings.Join([]string{e.Actor, e.Action, e.Target, e.Old, e.New}, "|"); got != exp || rows[i+1][6] != upns[0] {
			t.Errorf("CSV line %d %q, want the row shown %q about %s", i+1, rows[i+1], exp, upns[0])
		}
	}
}
