package auth

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// cacheLockWait bounds how long a process waits for another one to finish writing the
// token cache. A writer holds the lock for one keyring call and one file write, so only
// a keyring that does not answer (DefaultKeyringTimeout) keeps it that long.
const cacheLockWait = 30 * time.Second

// cacheLockPoll is how often a waiting process tries the lock again.
const cacheLockPoll = 5 * time.Millisecond

// errCacheLockMissing means the lock file's folder does not exist, so there is no token
// cache to protect.
var errCacheLockMissing = errors.New("no token cache folder")

// lockTokenCache takes the lock that makes one process at a time read, merge and write
// the token cache and its key: an exclusive lock on a file beside the cache (flock on
// Unix, LockFileEx on Windows), which the system releases when its holder exits, so a
// crash never leaves it taken. With create it makes the folder and the lock file;
// without, a missing folder is errCacheLockMissing. It returns the way to release it.
func lockTokenCache(ctx context.Context, path string, create bool) (func(), error) {
	flags := os.O_RDWR
	if create {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, &fileError{what: "save", path: path, err: err}
		}
		flags |= os.O_CREATE
	}
	f, err := os.OpenFile(path, flags, 0o600)
	if errors.Is(err, os.ErrNotExist) && !create {
		if _, serr := os.Stat(filepath.Dir(path)); errors.Is(serr, os.ErrNotExist) {
			return nil, errCacheLockMissing
		}
		f, err = os.OpenFile(path, flags|os.O_CREATE, 0o600)
	}
	if err != nil {
		return nil, &fileError{what: "lock", path: path, err: err}
	}
	deadline := time.Now().Add(cacheLockWait)
	for {
		ok, err := tryLockFile(f)
		if err != nil {
			f.Close()
			return nil, &fileError{what: "lock", path: path, err: err}
		}
		if ok {
			return func() { unlockFile(f); f.Close() }, nil
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("another Nimbus Admin has been saving the token cache for %s (lock %s): close the other Nimbus Admin windows and commands, then try again", cacheLockWait, path)
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(cacheLockPoll):
		}
	}
}
