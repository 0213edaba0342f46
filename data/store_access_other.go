//go:build !unix

package data

import "os"

// writable tells whether this process may write path as far as its attributes tell:
// a read-only file is not; a folder is taken as writable (SQLite says otherwise when
// it cannot create the -wal file).
func writable(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !fi.IsDir() && fi.Mode().Perm()&0o200 == 0 {
		return os.ErrPermission
	}
	return nil
}

// isReadOnlyFS reports whether err says the file system is mounted read-only; the
// attributes cannot tell it apart from a read-only file.
func isReadOnlyFS(error) bool { return false }
