package server_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/app/server/servertest"
	"nimbusadmin/data"
	"nimbusadmin/data/simtenant"
)

// importedTeam is a running server holding a demo tenant of that many users, imported by
// its Tenant Administrator ta, whose desktop a is.
func importedTeam(t *testing.T, users int) (*servertest.Team, simtenant.Account, *servertest.Admin) {
	t.Helper()
	src, ta, _ := servertest.DemoTenant(t, users)
	tm := servertest.NewTeam(t, ta)
	tm.Start()
	a := tm.Desktop(ta)
	if _, err := a.Client.Import(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	return tm, ta, a
}

// rowsDigest fingerprints every replicated row of a cache but the tables skipped.
func rowsDigest(t testing.TB, a *app.App, skip ...string) string {
	t.Helper()
	var lines []string
	err := a.ExportRows(context.Background(), func(r data.Row) error {
		for _, s := range skip {
			if r.Table == s {
				return nil
			}
		}
		lines = append(lines, r.Table+" "+string(r.Key)+" "+string(r.Data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	h := sha256.New()
	for _, l := range lines {
		fmt.Fprintln(h, l)
	}
	return fmt.Sprintf("%x (%d rows)", h.Sum(nil)[:8], len(lines))
}

func root(t testing.TB, a *app.App) int64 {
	t.Helper()
	tree, err := a.OUTree(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	id, err := tree.Resolve("/")
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestTwoAdminsShareOneServer(t *testing.T) {
	ctx := context.Background()
	src, ta, oua := servertest.DemoTenant(t, 300)
	tm := servertest.NewTeam(t, ta)
	tm.Start()

	// Moving in: the Tenant Administrator's cache, every row of it.
	a := tm.Desktop(ta)
	n, err := a.Client.Import(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rowsDigest(t, a.App, "journal"), rowsDigest(t, src, "journal"); got != want || n == 0 {
		t.Fatalf("after importing %d rows the replica holds %s, the imported cache %s", n, got, want)
	}
	if _, err := a.Client.Import(ctx, src); !app.IsRule(err, "server.not_empty") {
		t.Fatalf("a second import: %v, want server.not_empty", err)
	}

	// The second admin's new replica holds what the first one's does.
	b := tm.Desktop(oua)
	if got, want := rowsDigest(t, b.App), rowsDigest(t, a.App); got != want {
		t.Fatalf("the second replica holds %s, the first %s", got, want)
	}

	// A change by one reaches the other's replica, which follows the feed.
	followCtx, stop := context.WithCancel(ctx)
	defer stop()
	changed := make(chan struct{}, 100)
	go b.Client.Follow(followCtx, func() { changed <- struct{}{} })
	rights, err := b.App.Rights(ctx)
	if err != nil || len(rights.Scopes) == 0 {
		t.Fatalf("the OU administrator's scopes: %v %v", rights.Scopes, err)
	}
	out, err := a.App.Do(ctx, app.CreateOU{Parent: rights.Scopes[0], Name: "Team mode"})
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, changed, func() bool { tr, _ := b.App.OUTree(ctx); return tr.Has(out.ID) }, "the new OU in the second replica")

	// A save based on what the admin saw before someone else's change is refused.
	seen, err := b.App.RowVersion(ctx, "ou", strconv.FormatInt(out.ID, 10))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.App.Do(ctx, app.RenameOU{Base: app.BasedOn(seen), OU: out.ID, Name: "Team mode (A)"}); err != nil {
		t.Fatal(err)
	}
	_, err = b.App.Do(ctx, app.RenameOU{Base: app.BasedOn(seen), OU: out.ID, Name: "Team mode (B)"})
	if !app.IsRule(err, "change.stale") || !strings.Contains(err.Error(), "by "+ta.UPN+" at ") || !strings.Contains(err.Error(), `(now: named "Team mode (A)")`) {
		t.Fatalf("a save on a stale view: %v, want change.stale naming who changed it, when, and what it holds now", err)
	}

	// The Organization Unit Administrator may not act outside their subtree.
	_, err = b.App.Do(ctx, app.CreateOU{Parent: root(t, b.App), Name: "Outside"})
	if !app.IsRule(err, "permission.ou-scope") {
		t.Fatalf("an OU administrator creating an OU under the root: %v, want permission.ou-scope", err)
	}
	if _, err := b.App.Do(ctx, app.CreateOU{Parent: out.ID, Name: "Inside"}); err != nil {
		t.Fatalf("an OU administrator creating an OU inside their subtree: %v", err)
	}
	if _, err := a.Client.CatchUp(ctx, 0); err != nil {
		t.Fatal(err)
	}
	journal, err := a.App.Journal(ctx, 1)
	if err != nil || len(journal) == 0 || journal[0].Actor != oua.UPN {
		t.Fatalf("the journal's newest entry %+v (%v), want one by %s", journal, err, oua.UPN)
	}
	tm.Stop()
}

// waitFor waits until ok holds, checking after each change and at least every 100 ms.
func waitFor(t *testing.T, changed <-chan struct{}, ok func() bool, what string) {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for !ok() {
		select {
		case <-changed:
		case <-time.After(100 * time.Millisecond):
		case <-deadline:
			t.Fatalf("%s did not arrive within 5 s", what)
		}
	}
}

func TestANewReplicaThatFollowsShowsTheSnapshotAtOnce(t *testing.T) {
	ctx := context.Background()
	tm, ta, a := importedTeam(t, 100)
	fresh, err := app.OpenReplica(filepath.Join(t.TempDir(), "fresh.db"), ta.UPN)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	followCtx, stop := context.WithCancel(ctx)
	defer stop()
	changed := make(chan struct{}, 10)
	start := time.Now()
	go a.Client.With(fresh).Follow(followCtx, func() { changed <- struct{}{} })
	select {
	case <-changed:
	case <-time.After(5 * time.Second):
		t.Fatal("a new replica that follows the server was not told of its snapshot within 5 s (a long poll held it)")
	}
	if list, err := fresh.LoadUserIndex(ctx); err != nil || len(list.Rows) != 100 {
		t.Fatalf("after the first news the new replica lists %v users (%v)", list, err)
	}
	t.Logf("the snapshot shown after %v", time.Since(start).Round(time.Millisecond))
	tm.Stop()
}
