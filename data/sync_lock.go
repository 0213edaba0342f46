package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// SyncLock is held by the one sync that writes a cache, for the sync's whole life, so
// that a second sync (from another process, or the window while the command line syncs)
// is refused at once instead of queueing for the cache's write lock. It is an operating
// system lock on a file next to the cache (PATH.sync-lock): the system frees it when the
// process ends, however it ends, so a killed sync never leaves a lock behind.
type SyncLock struct {
	f *os.File
}

// SyncHolder is the process that holds a cache's sync lock, as it wrote itself into the
// lock file, so that a refused sync can say whose sync runs.
type SyncHolder struct {
	PID     int
	Host    string
	Started time.Time
}

// String names the holder for a message: "started 10:41 by PID 1234", with the date when
// it did not start today and the host when it is another computer.
func (h SyncHolder) String() string {
	if h.PID == 0 {
		return "by another process"
	}
	at := h.Started.Local()
	when := at.Format("15:04")
	if at.Format(time.DateOnly) != time.Now().Format(time.DateOnly) {
		when = at.Format("2 Jan 15:04")
	}
	s := fmt.Sprintf("started %s by PID %d", when, h.PID)
	if host, _ := os.Hostname(); h.Host != "" && h.Host != host {
		s += " on " + h.Host
	}
	return s
}

// SyncInProgress is the refusal of a sync lock that another sync holds.
type SyncInProgress struct {
	Holder SyncHolder
}

// Error says that a sync is running and whose it is.
func (e *SyncInProgress) Error() string {
	return "a sync is already running (" + e.Holder.String() + ")"
}

// syncLockPath is the lock file of the cache at path.
func syncLockPath(path string) string { return path + ".sync-lock" }

// LockSync takes the cache's sync lock at once, or returns a *SyncInProgress naming the
// sync that holds it. Release the lock when the sync ends.
func (s *Store) LockSync() (*SyncLock, error) {
	f, err := os.OpenFile(syncLockPath(s.path), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("cannot take the sync lock of the cache: %w", err)
	}
	locked, err := tryLockFile(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("cannot take the sync lock of the cache: %w", err)
	}
	if !locked {
		f.Close()
		return nil, &SyncInProgress{Holder: readSyncHolder(s.path)}
	}
	host, _ := os.Hostname()
	me := fmt.Sprintf("%d\n%s\n%s\n", os.Getpid(), host, time.Now().UTC().Format(time.RFC3339))
	if err = f.Truncate(0); err == nil {
		_, err = f.WriteAt([]byte(me), 0)
	}
	if err != nil {
		unlockFile(f)
		f.Close()
		return nil, fmt.Errorf("cannot take the sync lock of the cache: %w", err)
	}
	return &SyncLock{f: f}, nil
}

// WaitSyncLock takes the cache's sync lock, waiting while another process holds it
// (checking a few times a second) until ctx ends; waiting is called once, with the
// holder, when it has to wait.
func (s *Store) WaitSyncLock(ctx context.Context, waiting func(SyncHolder)) (*SyncLock, error) {
	told := false
	for {
		l, err := s.LockSync()
		var held *SyncInProgress
		if !errors.As(err, &held) {
			return l, err
		}
		if !told && waiting != nil {
			waiting(held.Holder)
			told = true
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// Release frees the sync lock; the lock file stays, emptied, for the next sync.
func (l *SyncLock) Release() error {
	l.f.Truncate(0)
	err := unlockFile(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// SyncRunning says whether a sync holds the cache's sync lock now, and whose it is; a
// cache that was never synced has no lock file, and none is created.
func (s *Store) SyncRunning() (SyncHolder, bool) {
	f, err := os.OpenFile(syncLockPath(s.path), os.O_RDWR, 0)
	if err != nil {
		return SyncHolder{}, false
	}
	defer f.Close()
	locked, err := tryLockFile(f)
	if err != nil {
		return SyncHolder{}, false
	}
	if locked {
		unlockFile(f)
		return SyncHolder{}, false
	}
	return readSyncHolder(s.path), true
}

// readSyncHolder reads who holds the lock of the cache at path. The holder writes itself
// just after it takes the lock, so an empty file is read again for a moment.
func readSyncHolder(path string) SyncHolder {
	for range 10 {
		body, err := os.ReadFile(syncLockPath(path))
		if err != nil {
			return SyncHolder{}
		}
		lines := strings.Split(string(body), "\n")
		if len(lines) >= 3 {
			pid, _ := strconv.Atoi(lines[0])
			started, _ := time.Parse(time.RFC3339, lines[2])
			return SyncHolder{PID: pid, Host: lines[1], Started: started}
		}
		time.Sleep(20 * time.Millisecond)
	}
	return SyncHolder{}
}
