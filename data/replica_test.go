package data_test

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/testkit"
)

// memPrimary is an authoritative store in memory with PostgreSQL's visible behaviour for
// the working copy: compacted rows, each stamped with the transaction that wrote it last.
// The PostgreSQL store itself is tested in data/pg against a real cluster.
type memPrimary struct {
	mu       sync.Mutex
	rows     map[string]stamped
	xid      uint64
	failNext int // commits to refuse as not serializable
	commits  int
}

type stamped struct {
	row data.Row
	xid uint64
}

var errNotSerializable = errors.New("could not serialize access")

func newMemPrimary() *memPrimary { return &memPrimary{rows: map[string]stamped{}, xid: 1} }

func (p *memPrimary) Retryable(err error) bool { return errors.Is(err, errNotSerializable) }

func (p *memPrimary) Begin(_ context.Context, cursor uint64) (data.PrimaryTx, []data.Row, uint64, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return &memTx{p: p}, p.since(cursor), p.xid, nil
}

// since gives the rows stamped at or after cursor, oldest first.
func (p *memPrimary) since(cursor uint64) []data.Row {
	var list []stamped
	for _, s := range p.rows {
		if s.xid >= cursor {
			list = append(list, s)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].xid != list[j].xid {
			return list[i].xid < list[j].xid
		}
		return list[i].row.Table+string(list[i].row.Key) < list[j].row.Table+string(list[j].row.Key)
	})
	out := make([]data.Row, len(list))
	for i, s := range list {
		out[i] = s.row
	}
	return out
}

type memTx struct {
	p   *memPrimary
	xid uint64
}

func (t *memTx) Xid() uint64 { return t.xid }

func (t *memTx) Commit(_ context.Context, rows []data.Row) error {
	t.p.mu.Lock()
	defer t.p.mu.Unlock()
	if t.p.failNext > 0 {
		t.p.failNext--
		return fmt.Errorf("commit: %w", errNotSerializable)
	}
	t.p.commits++
	t.xid = t.p.xid
	for _, r := range rows {
		t.p.rows[r.Table+"\x00"+string(r.Key)] = stamped{row: r, xid: t.p.xid}
	}
	t.p.xid++
	return nil
}

func (t *memTx) Rollback(context.Context) {}

// rowsDigest fingerprints every replicated row of a cache.
func rowsDigest(t *testing.T, s *data.Store) string {
	t.Helper()
	var lines []string
	err := s.Read(context.Background()).ExportRows(func(r data.Row) error {
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
	return fmt.Sprintf("%x/%d", h.Sum(nil), len(lines))
}

// follow brings a replica up to the primary, as a desktop does with the change feed.
func follow(t *testing.T, replica *data.Store, p *memPrimary) {
	t.Helper()
	ctx := context.Background()
	err := replica.Tx(ctx, func(q *data.Q) error {
		cursor, err := q.ReplicaCursor()
		if err != nil {
			return err
		}
		p.mu.Lock()
		rows, next := p.since(cursor), p.xid
		p.mu.Unlock()
		return q.ApplyFeed(rows, cursor, next)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestAReplicaOfAWorkingCopyHoldsEveryRowOfIt(t *testing.T) {
	ctx := context.Background()
	p := newMemPrimary()
	server := testkit.Store(t)
	if err := server.WriteThrough(ctx, p); err != nil {
		t.Fatal(err)
	}
	// The whole Contoso organisation, written through the primary.
	org := testkit.OrgIn(t, server)
	replica := testkit.Store(t)
	follow(t, replica, p)
	if got, want := rowsDigest(t, replica), rowsDigest(t, server); got != want {
		t.Fatalf("replica %s, server %s", got, want)
	}

	// Deletions with their cascades, and a second follow from the saved cursor.
	err := server.Tx(ctx, func(q *data.Q) error {
		_, err := testkit.Exec(q, `DELETE FROM nimbus_users WHERE id = ?`, org.User["anna"])
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	follow(t, replica, p)
	follow(t, replica, p) // idempotent
	if got, want := rowsDigest(t, replica), rowsDigest(t, server); got != want {
		t.Fatalf("after a deletion: replica %s, server %s", got, want)
	}
}

func TestAWorkingCopyRunsAgainWhatThePrimaryCouldNotSerialize(t *testing.T) {
	ctx := context.Background()
	p := newMemPrimary()
	server, _ := testkit.Fresh(t)
	if err := server.WriteThrough(ctx, p); err != nil {
		t.Fatal(err)
	}
	p.failNext = 2
	runs := 0
	err := server.Tx(ctx, func(q *data.Q) error {
		runs++
		return q.UpsertDirectoryUser(data.DirectoryUser{ID: "u-3", DisplayName: "Ida Berg", UPN: "ida@fabrikam.example"})
	})
	if err != nil {
		t.Fatal(err)
	}
	if runs != 3 || p.commits != 1 {
		t.Fatalf("ran %d times, committed %d times in the primary; want 3 and 1", runs, p.commits)
	}
	replica := testkit.Store(t)
	follow(t, replica, p)
	if _, err := replica.Read(ctx).FindDirectoryUser("ida@fabrikam.example"); err != nil {
		t.Fatalf("the replica lacks the row committed on the third run: %v", err)
	}
}

func TestTwoWorkingCopiesOfOnePrimaryWriteOnWhatTheOtherCommitted(t *testing.T) {
	ctx := context.Background()
	p := newMemPrimary()
	one, two := testkit.Store(t), testkit.Store(t)
	for _, s := range []*data.Store{one, two} {
		if err := s.WriteThrough(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	testkit.OrgIn(t, one)
	// The second server catches up inside its own transaction before it writes.
	err := two.Tx(ctx, func(q *data.Q) error {
		return q.UpsertDirectoryUser(data.DirectoryUser{ID: "u-9", DisplayName: "Ida Berg", UPN: "ida@contoso.example"})
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := one.Tx(ctx, func(*data.Q) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if a, b := rowsDigest(t, one), rowsDigest(t, two); a != b {
		t.Fatalf("the two working copies differ: %s and %s", a, b)
	}
}

func TestADemoTenantExportedIntoAnEmptyCacheIsTheSame(t *testing.T) {
	ctx := context.Background()
	src := testkit.DemoStore(t, 300)
	var rows []data.Row
	if err := src.Read(ctx).ExportRows(func(r data.Row) error { rows = append(rows, r); return nil }); err != nil {
		t.Fatal(err)
	}
	dst := testkit.Store(t)
	for from := range uint64(2) { // applying the same rows again changes nothing
		if err := dst.Tx(ctx, func(q *data.Q) error { return q.ApplyFeed(rows, from, 1) }); err != nil {
			t.Fatal(err)
		}
	}
	// A range that no longer starts at the cursor (another catch-up applied a newer one)
	// is not applied: it would bring older rows back.
	err := dst.Tx(ctx, func(q *data.Q) error { return q.ApplyFeed(nil, 0, 1) })
	if !errors.Is(err, data.ErrRangeMovedOn) {
		t.Fatalf("an old range applied again from 0: %v, want ErrRangeMovedOn", err)
	}
	if a, b := rowsDigest(t, src), rowsDigest(t, dst); a != b {
		t.Fatalf("source %s, copy %s", a, b)
	}
}

func TestASnapshotRestoresIntoAReplicaWhateverItsFoldersAreCalled(t *testing.T) {
	ctx := context.Background()
	p := newMemPrimary()
	server := testkit.Store(t)
	if err := server.WriteThrough(ctx, p); err != nil {
		t.Fatal(err)
	}
	testkit.OrgIn(t, server)
	dir := filepath.Join(t.TempDir(), "50%? #odd")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	snap := filepath.Join(dir, "snap #1?.db")
	if err := server.Snapshot(ctx, snap); err != nil {
		t.Fatal(err)
	}
	replica, err := data.Open(filepath.Join(dir, "replica %20.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer replica.Close()
	if err := replica.Restore(ctx, snap); err != nil {
		t.Fatal(err)
	}
	if got, want := rowsDigest(t, replica), rowsDigest(t, server); got != want {
		t.Fatalf("restored %s, server %s", got, want)
	}
	serverCursor, _ := server.Read(ctx).ReplicaCursor()
	if c, _ := replica.Read(ctx).ReplicaCursor(); c != serverCursor || c == 0 {
		t.Fatalf("the restored cursor is %d, the server's %d", c, serverCursor)
	}
	// The replica lists no changes of its own: the working copy's triggers are gone.
	err = replica.Tx(ctx, func(q *data.Q) error {
		return q.UpsertDirectoryUser(data.DirectoryUser{ID: "u-x", DisplayName: "X", UPN: "x@contoso.example"})
	})
	if err != nil {
		t.Fatal(err)
	}
	err = replica.Tx(ctx, func(q *data.Q) error {
		rows, err := testkit.Exec(q, `DELETE FROM replica_changes`)
		if err != nil {
			return err
		}
		if n, _ := rows.RowsAffected(); n != 0 {
			return fmt.Errorf("the restored replica still lists its changes (%d rows)", n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
