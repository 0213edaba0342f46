package app

import (
	"context"
	"testing"
	"time"

	"nimbusadmin/data"
	"nimbusadmin/data/graph/directory"
	"nimbusadmin/data/testkit"
)

// A user's History shows what the directory did to them (from the sync history, marked
// as the directory's) between the journal's entries, newest first; filtered by an admin
// it shows only what admins did.
func TestAUsersHistoryInterleavesWhatTheDirectoryDid(t *testing.T) {
	ctx := context.Background()
	store := testkit.DemoStore(t, 16)
	admin, err := DemoAdmin(ctx, store)
	if err != nil {
		t.Fatal(err)
	}
	a := New(store, admin)
	src, err := directoryOf(a)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Sync(ctx, src, SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	ix, err := a.LoadUserIndex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var who string
	for _, r := range ix.Rows {
		if !r.Licences.Has(data.Assistant) && !r.Licences.Has(data.AttendantConsole) {
			who = r.ID
		}
	}
	if err := a.GrantLicence(ctx, who, data.AttendantConsole); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond) // timestamps are to the second: the directory's change comes after
	for i, u := range src.users {
		if u.ID == who {
			u.Department = directory.Field[string]{Set: true, Value: "Moved by the directory"}
			src.users[i] = u
		}
	}
	if _, err := a.Sync(ctx, src, SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond)
	if err := a.GrantLicence(ctx, who, data.Assistant); err != nil {
		t.Fatal(err)
	}
	page, err := a.JournalPage(ctx, JournalQuery{User: who}, 0, 50)
	if err != nil {
		t.Fatal(err)
	}
	n, err := a.JournalCount(ctx, JournalQuery{User: who})
	if err != nil || n != len(page) {
		t.Fatalf("the count says %d (%v), the page holds %d", n, err, len(page))
	}
	dirAt := -1
	for i, e := range page {
		if e.Source == SourceDirectory {
			if e.Action != data.ChangeDepartment || e.New != "Moved by the directory" || dirAt >= 0 {
				t.Fatalf("the directory's rows: %+v", page)
			}
			dirAt = i
		}
	}
	if dirAt <= 0 || page[0].Source != SourceJournal || page[0].At < page[dirAt].At {
		t.Fatalf("the directory's change is not between the journal's entries, newest first: %+v", page)
	}
	var streamed []JournalEntry
	if err := a.EachJournalEntry(ctx, JournalQuery{User: who}, func(e JournalEntry) error { streamed = append(streamed, e); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(streamed) != len(page) || streamed[dirAt] != page[dirAt] {
		t.Fatalf("the export streams %d rows, the page shows %d", len(streamed), len(page))
	}
	byAdmin, err := a.JournalPage(ctx, JournalQuery{User: who, Admin: admin}, 0, 50)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range byAdmin {
		if e.Source == SourceDirectory {
			t.Fatal("filtered by an admin, the History shows the directory's change")
		}
	}
}
