package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// holdWriteLock opens a write transaction on s that writes and stays open, as a sync's
// step does while it writes a chunk, until the returned function is called.
func holdWriteLock(t *testing.T, s *Store) (release func()) {
	t.Helper()
	held, done, ended := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	go func() {
		ended <- s.Tx(context.Background(), func(q *Q) error {
			if _, err := q.exec(`UPDATE tenant_settings SET tenant_name = tenant_name`); err != nil {
				return err
			}
			close(held)
			<-done
			return nil
		})
	}()
	select {
	case <-held:
	case err := <-ended:
		t.Fatalf("the write transaction could not start: %v", err)
	}
	return func() {
		close(done)
		if err := <-ended; err != nil {
			t.Errorf("the held write transaction: %v", err)
		}
	}
}

// tenantCache is a cache file with a tenant, opened once.
func tenantCache(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "tenant.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Tx(context.Background(), func(q *Q) error {
		_, err := q.InitTenant(TenantSettings{TenantID: "t1", TenantName: "Contoso"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return s
}

// Opening a cache and reading it never waits for a writer (a sync writing a chunk, an
// admin saving): an up-to-date cache opens without taking the write lock, and the read
// sees the last committed state, well within the busy timeout.
func TestOpeningAndReadingACacheNeverWaitForAWriter(t *testing.T) {
	s := tenantCache(t)
	release := holdWriteLock(t, s)
	defer release()
	type opened struct {
		name string
		err  error
	}
	done := make(chan opened, 1)
	start := time.Now()
	go func() {
		other, err := Open(s.Path())
		if err != nil {
			done <- opened{err: err}
			return
		}
		defer other.Close()
		ts, err := other.Read(context.Background()).TenantSettings()
		done <- opened{ts.TenantName, err}
	}()
	select {
	case got := <-done:
		if got.err != nil || got.name != "Contoso" {
			t.Fatalf("opening and reading during a write: %q, %v", got.name, got.err)
		}
		t.Logf("opened and read in %v while a write transaction was open", time.Since(start))
	case <-time.After(2 * time.Second):
		t.Fatalf("opening and reading the cache still waits for the writer after 2 s (the busy timeout is %v)", busyTimeout)
	}
}

// A write that still finds the cache locked after the busy timeout says so in the admin's
// words, naming the sync that writes when one does, never SQLite's "database is locked".
func TestABusyCacheIsSaidInTheAdminsWords(t *testing.T) {
	defer func(d time.Duration) { busyTimeout = d }(busyTimeout)
	busyTimeout = 200 * time.Millisecond
	s := tenantCache(t)
	other, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	write := func() error {
		return other.Tx(context.Background(), func(q *Q) error {
			_, err := q.exec(`UPDATE tenant_settings SET tenant_name = 'Fabrikam'`)
			return err
		})
	}
	release := holdWriteLock(t, s)
	err = write()
	var busy *CacheBusy
	if !errors.As(err, &busy) || err.Error() != "the cache is busy: another program is writing to it; try again in a moment" {
		t.Fatalf("a write to a busy cache: %v", err)
	}
	lock, err := s.LockSync()
	if err != nil {
		t.Fatal(err)
	}
	err = write()
	want := regexp.MustCompile(fmt.Sprintf(`^the cache is busy: a sync \(started \d\d:\d\d by PID %d\) is writing to it; try again in a moment$`, os.Getpid()))
	if err == nil || !want.MatchString(err.Error()) {
		t.Fatalf("a write to a cache a sync writes: %v, want %v", err, want)
	}
	release()
	lock.Release()
	if err := write(); err != nil {
		t.Fatalf("a write once the cache is free: %v", err)
	}
}

// One sync at a time holds a cache's sync lock: a second (another Store, as another
// process or the window would open) is refused at once with who holds it, and takes it
// once the first releases it. Without a sync, nothing holds it.
func TestOneSyncLockAtATime(t *testing.T) {
	s := tenantCache(t)
	other, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, running := other.SyncRunning(); running {
		t.Fatal("a sync is said to run before any did")
	}
	first, err := s.LockSync()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = other.LockSync()
	var held *SyncInProgress
	if !errors.As(err, &held) || held.Holder.PID != os.Getpid() || time.Since(start) > time.Second {
		t.Fatalf("a second sync lock: %v after %v", err, time.Since(start))
	}
	if want := regexp.MustCompile(fmt.Sprintf(`^a sync is already running \(started \d\d:\d\d by PID %d\)$`, os.Getpid())); !want.MatchString(err.Error()) {
		t.Fatalf("%q, want %v", err, want)
	}
	if h, running := other.SyncRunning(); !running || h.PID != os.Getpid() {
		t.Fatalf("SyncRunning during a sync: %v %v", h, running)
	}
	if err := first.Release(); err != nil {
		t.Fatal(err)
	}
	second, err := other.LockSync()
	if err != nil {
		t.Fatalf("the sync lock once released: %v", err)
	}
	second.Release()
	if info, err := os.Stat(syncLockPath(s.Path())); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("the lock file: %v, %v; want mode 0600", info, err)
	}
}

// A sync is named by when it started (with the day when not today) and its process, with
// the computer when it is another one, as a cache on a shared folder may be synced from.
func TestASyncHolderIsNamedForTheAdmin(t *testing.T) {
	host, _ := os.Hostname()
	now := time.Now()
	yesterday := now.AddDate(0, 0, -1)
	for _, c := range []struct {
		holder SyncHolder
		want   string
	}{
		{SyncHolder{PID: 1234, Host: host, Started: now}, "started " + now.Format("15:04") + " by PID 1234"},
		{SyncHolder{PID: 1234, Host: "other-pc", Started: yesterday}, "started " + yesterday.Format("2 Jan 15:04") + " by PID 1234 on other-pc"},
		{SyncHolder{}, "by another process"},
	} {
		if got := c.holder.String(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.holder, got, c.want)
		}
	}
}
