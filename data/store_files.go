package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// OpenOptions says how a cache file is opened: for changes, or for reading only, and
// whether its folder is the program's own.
type OpenOptions struct {
	// ReadOnly opens the cache for reading only: a missing cache is not created (the
	// error is ErrNoCache) and nothing in it is changed, unless it was written by an
	// older build and can be written, when it is brought up to date as any open would.
	ReadOnly bool
	// OwnFolder says the folder is the program's own (the config folder): it is created
	// 0700 and tightened to 0700 when looser. A folder the admin chose is theirs: it is
	// reported when others can write to it, never changed.
	OwnFolder bool
	// Existing opens only a cache that exists: a missing one is ErrNoCache, as for
	// reading only, instead of a new empty file that holds no tenant.
	Existing bool
}

// ErrNoCache is returned by a read-only (or Existing) open of a cache file that does not exist.
var ErrNoCache = errors.New("no cache")

// cacheFiles is what opening learnt about the cache file before SQLite opened it.
type cacheFiles struct {
	readOnly string   // why the cache cannot be written ("" when it can), in the admin's words
	notes    []string // what the admin should fix about its permissions, each one line
}

// prepareFiles checks the cache file and its folder before SQLite opens anything: a
// symbolic link is refused (the cache would land wherever the link points, perhaps in a
// file someone else can read); a missing cache is created 0600 in a 0700 folder, or,
// for reading only, reported as ErrNoCache; loose permissions are tightened or
// reported; and a file or folder this process cannot write makes the open read-only.
func prepareFiles(path string, o OpenOptions) (cacheFiles, error) {
	var cf cacheFiles
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && (o.ReadOnly || o.Existing):
		return cf, fmt.Errorf("%w at %s — run sync first", ErrNoCache, path)
	case errors.Is(err, fs.ErrNotExist):
		if err := createCache(path, o.OwnFolder); err != nil {
			return cf, err
		}
	case err != nil:
		return cf, fmt.Errorf("cannot open the cache %s: %w", path, err)
	case fi.Mode()&fs.ModeSymlink != 0:
		return cf, fmt.Errorf("the cache %s is a symbolic link; give the real file's path with --db", path)
	case fi.IsDir():
		return cf, fmt.Errorf("%s is a folder, not a cache file: give --db the path of a file", path)
	case !fi.Mode().IsRegular():
		return cf, fmt.Errorf("the cache %s is not a file; give the path of a cache file with --db", path)
	}
	dir := filepath.Dir(path)
	cf.notes = append(cf.notes, checkFolder(dir, o.OwnFolder)...)
	for _, suffix := range []string{"", "-wal", "-shm", ".sync-lock"} {
		note, err := tightenFile(path + suffix)
		if err != nil {
			return cf, err
		}
		cf.notes = append(cf.notes, note...)
	}
	cf.readOnly = whyReadOnly(path, dir)
	return cf, nil
}

// createCache makes an empty cache file, private to its owner, in a folder created
// private when missing. O_EXCL makes the creation fail rather than follow a symbolic
// link planted at the path meanwhile.
func createCache(path string, ownFolder bool) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cannot create the cache folder: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("cannot create the cache %s: %w", path, err)
	}
	return f.Close()
}

// checkFolder tightens the program's own folder to 0700, and reports a folder the admin
// chose when others may write to it. Such a folder is reported, not changed and not
// refused: it is the admin's (a shared folder may be open on purpose, and other files
// live there), but whoever can write to it can replace or remove the cache, so the admin
// is told once per command, or in the window's status, what to do about it.
func checkFolder(dir string, own bool) []string {
	if runtime.GOOS == "windows" {
		return nil // permission bits mean nothing there; folders inherit their ACLs
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return nil
	}
	perm := fi.Mode().Perm()
	switch {
	case own && perm&0o077 != 0:
		if err := os.Chmod(dir, 0o700); err != nil {
			return []string{fmt.Sprintf("the cache folder %s can be read by other users (mode %04o) and could not be made private (%v): run chmod 700 %s",
				dir, perm, errors.Unwrap(err), dir)}
		}
	case !own && perm&0o022 != 0:
		return []string{fmt.Sprintf("the folder %s can be written by other users (mode %04o), who could replace the cache: keep the cache in a folder only you can write, or run chmod go-w %s",
			dir, perm, dir)}
	}
	return nil
}

// tightenFile makes a cache file (or its -wal, -shm or sync lock) private to its owner when other
// users may read or write it; when that is not possible (not our file, a read-only
// disk) it says what to do instead. A symbolic link in place of one of those files is
// refused: the cache's changes would be written wherever it points.
func tightenFile(path string) ([]string, error) {
	if runtime.GOOS == "windows" {
		return nil, nil
	}
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("cannot open the cache %s: %w", path, err)
	case fi.Mode()&fs.ModeSymlink != 0:
		return nil, fmt.Errorf("%s, next to the cache, is a symbolic link; remove it, or give the real file's path with --db", path)
	}
	perm := fi.Mode().Perm()
	if perm&0o077 == 0 {
		return nil, nil
	}
	if err := os.Chmod(path, perm&^0o077); err != nil {
		return []string{fmt.Sprintf("the cache file %s can be read by other users (mode %04o) and could not be made private (%v): run chmod go-rwx %s",
			path, perm, errors.Unwrap(err), path)}, nil
	}
	return nil, nil
}

// whyReadOnly says why this process cannot write the cache, in the admin's words, or ""
// when it can: the file, or the folder that must hold its -wal and -shm files, is not
// writable, or the disk is mounted read-only.
func whyReadOnly(path, dir string) string {
	if err := writable(path); err != nil {
		if isReadOnlyFS(err) {
			return "its disk is mounted read-only"
		}
		return "the file is read-only"
	}
	if err := writable(dir); err != nil {
		if isReadOnlyFS(err) {
			return "its disk is mounted read-only"
		}
		return "its folder is read-only"
	}
	return ""
}
