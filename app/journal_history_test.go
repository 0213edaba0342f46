package app

import (
	"errors"
	"strings"
	"testing"
	"time"

	"nimbusadmin/data"
)

// makeHistory makes four changes by two admins: dana makes eve an Organization Unit
// Administrator, eve gives anna the Attendant Console, dana makes anna an agent of
// Escalations and gives carl Interact.
func (f *fixture) makeHistory() {
	f.t.Helper()
	eve := f.makeOUAdmin()
	for _, change := range []func() error{
		func() error { return eve.GrantLicence(ctx, f.user["anna"], data.AttendantConsole) },
		func() error { return f.app.AddServiceMember(ctx, f.id["Escalations"], f.user["anna"], data.Agent) },
		func() error { return f.app.GrantLicence(ctx, f.user["carl"], data.Interact) },
	} {
		if err := change(); err != nil {
			f.t.Fatal(err)
		}
	}
}

// history lists what the query selects and checks that the count agrees.
func (f *fixture) history(jq JournalQuery) []JournalEntry {
	f.t.Helper()
	page, err := f.app.JournalPage(ctx, jq, 0, 1000)
	if err != nil {
		f.t.Fatal(err)
	}
	n, err := f.app.JournalCount(ctx, jq)
	if err != nil || n != len(page) {
		f.t.Fatalf("count %d (%v), but the page lists %d entries", n, err, len(page))
	}
	return page
}

func actions(entries []JournalEntry) string {
	var s []string
	for _, e := range entries {
		s = append(s, e.Action+" "+e.Target)
	}
	return strings.Join(s, "; ")
}

func TestHistoryOfAUserListsTheChangesOfTheUserAndOfTheirServiceMemberships(t *testing.T) {
	f := newFixture(t)
	f.makeHistory()
	byUPN := f.history(JournalQuery{User: "ANNA@contoso.example"})
	byID := f.history(JournalQuery{User: f.user["anna"]})
	if actions(byUPN) != actions(byID) {
		t.Fatalf("by UPN %q, by O365 ID %q", actions(byUPN), actions(byID))
	}
	got := actions(byUPN)
	for _, want := range []string{"service.member.add Escalations", "user.licences anna@contoso.example"} {
		if !strings.Contains(got, want) {
			t.Errorf("anna's history %q lacks %q", got, want)
		}
	}
	for _, e := range byUPN {
		if e.User != "anna@contoso.example" || e.Source != SourceJournal {
			t.Errorf("an entry of anna's history is about %q from %q: %+v", e.User, e.Source, e)
		}
	}
	if !strings.HasPrefix(got, "service.member.add") {
		t.Errorf("anna's history %q does not list the newest change first", got)
	}
}

func TestHistoryOfAUserTheCacheDoesNotKnowIsNotFound(t *testing.T) {
	f := newFixture(t)
	_, err := f.app.JournalPage(ctx, JournalQuery{User: "no-such-id"}, 0, 10)
	var nf *NotFoundError
	if !errors.As(err, &nf) {
		t.Fatalf("want not found, got %v", err)
	}
}

func TestHistoryByAdminListsOnlyTheirChanges(t *testing.T) {
	f := newFixture(t)
	f.makeHistory()
	got := f.history(JournalQuery{Admin: "Eve@Contoso.example"})
	if len(got) == 0 || !strings.Contains(actions(got), "user.licences anna@contoso.example") {
		t.Fatalf("eve's changes: %q", actions(got))
	}
	for _, e := range got {
		if e.Actor != "eve@contoso.example" {
			t.Errorf("eve's changes list one by %s: %+v", e.Actor, e)
		}
	}
}

func TestHistoryByKindTakesAnActionOrTheStartOfActions(t *testing.T) {
	f := newFixture(t)
	f.makeHistory()
	for kind, want := range map[string]string{
		"service.member":     "service.member.add Escalations",
		"service":            "service.member.add Escalations",
		"user.licences":      "user.licences carl@contoso.example; user.licences anna@contoso.example",
		"service.member.add": "service.member.add Escalations",
		"user.licence":       "", // not a word of user.licences
		"servi":              "",
	} {
		got := f.history(JournalQuery{Kind: kind})
		if actions(got) != want {
			t.Errorf("kind %q: %q, want %q", kind, actions(got), want)
		}
	}
}

func TestHistoryByDateIncludesTheWholeLastDay(t *testing.T) {
	f := newFixture(t)
	defer func(now func() time.Time) { data.Now = now }(data.Now)
	day := func(d string) time.Time {
		t, _ := time.ParseInLocation(time.DateOnly, d, time.Local)
		return t.Add(12 * time.Hour)
	}
	data.Now = func() time.Time { return day("2024-03-01").UTC() }
	if err := f.app.GrantLicence(ctx, f.user["anna"], data.AttendantConsole); err != nil {
		t.Fatal(err)
	}
	data.Now = func() time.Time { return day("2024-03-05").UTC() }
	if err := f.app.GrantLicence(ctx, f.user["carl"], data.Interact); err != nil {
		t.Fatal(err)
	}
	parse := func(s string, end bool) time.Time {
		d, err := ParseJournalDate(s, end)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, tc := range []struct {
		from, until string
		want        string
	}{
		{"2024-03-01", "2024-03-01", "user.licences anna@contoso.example"},
		{"2024-03-02", "", "user.licences carl@contoso.example"},
		{"2024-03-02", "2024-03-04", ""},
		{"", "2024-03-05", "user.licences carl@contoso.example; user.licences anna@contoso.example"},
	} {
		jq := JournalQuery{Kind: "user.licences"}
		if tc.from != "" {
			jq.From = parse(tc.from, false)
		}
		if tc.until != "" {
			jq.Before = parse(tc.until, true)
		}
		if got := actions(f.history(jq)); got != tc.want {
			t.Errorf("from %s until %s: %q, want %q", tc.from, tc.until, got, tc.want)
		}
	}
}

func TestJournalDatesAreADayOrRFC3339(t *testing.T) {
	if d, err := ParseJournalDate("2024-03-01T10:00:00Z", true); err != nil || !d.Equal(time.Date(2024, 3, 1, 10, 0, 1, 0, time.UTC)) {
		t.Errorf("the end at an instant: %v %v", d, err)
	}
	if d, err := ParseJournalDate("2024-03-01", true); err != nil || d.Day() != 2 || d.Hour() != 0 {
		t.Errorf("the end of a day: %v %v", d, err)
	}
	if _, err := ParseJournalDate("01/03/2024", false); err == nil || !strings.Contains(err.Error(), "2006-01-02") {
		t.Errorf("a date in another form: %v", err)
	}
}

func TestJournalPagesFollowOneAnother(t *testing.T) {
	f := newFixture(t)
	f.makeHistory()
	all := f.history(JournalQuery{})
	first, _ := f.app.JournalPage(ctx, JournalQuery{}, 0, 2)
	second, _ := f.app.JournalPage(ctx, JournalQuery{}, 2, 2)
	if len(all) < 4 || actions(append(first, second...)) != actions(all[:4]) {
		t.Fatalf("pages %q then %q, want %q", actions(first), actions(second), actions(all[:4]))
	}
}

func TestJournalSubjectIsTheUserAnEntryIsAbout(t *testing.T) {
	for _, tc := range []struct {
		e    data.JournalEntry
		want string
	}{
		{data.JournalEntry{Action: "user.licences", Target: "a@x"}, "a@x"},
		{data.JournalEntry{Action: "sync.user.leave", Target: "a@x"}, "a@x"},
		{data.JournalEntry{Action: "sync.admin.grant", Target: "a@x"}, "a@x"},
		{data.JournalEntry{Action: "service.member.add", Target: "S", New: "a@x as agent (Agent role granted)"}, "a@x"},
		{data.JournalEntry{Action: "service.member.remove", Target: "S", Old: "a@x as agent"}, "a@x"},
		{data.JournalEntry{Action: "sync.member.add", Target: "S", New: "a@x as owner"}, "a@x"},
		{data.JournalEntry{Action: "service.owner-role", Target: "S", Old: "a@x as Team Owner"}, "a@x"},
		{data.JournalEntry{Action: "service.rename", Target: "S", Old: "S", New: "T"}, ""},
		{data.JournalEntry{Action: "ou.rename", Target: "Sales"}, ""},
	} {
		if got := journalSubject(tc.e); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.e.Action, got, tc.want)
		}
	}
}

func TestJournalCSVNeutralisesFormulasAndKeepsTheFilter(t *testing.T) {
	f := newFixture(t)
	f.makeHistory()
	err := f.app.store.Tx(ctx, func(q *data.Q) error {
		return q.Journal(data.JournalEntry{Actor: "dana@contoso.example", Action: "user.licences",
			Target: "anna@contoso.example", Old: "=HYPERLINK(\"http://evil.example\")", UserUPN: "anna@contoso.example"})
	})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	n, err := f.app.WriteJournalCSV(ctx, &out, JournalQuery{User: "anna@contoso.example"})
	want := len(f.history(JournalQuery{User: "anna@contoso.example"}))
	if err != nil || n != want || strings.Count(out.String(), "\n") != want+1 {
		t.Fatalf("wrote %d entries (%v), anna has %d:\n%s", n, err, want, out.String())
	}
	if !strings.Contains(out.String(), `'=HYPERLINK(""http://evil.example"")`) || strings.Contains(out.String(), "carl@") {
		t.Errorf("the CSV:\n%s", out.String())
	}
}
