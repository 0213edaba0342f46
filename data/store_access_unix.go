//go:build unix

package data

import (
	"errors"
	"syscall"
)

// writable asks the system whether this process may write path, without opening it:
// opening a file for writing to find out would change its times.
func writable(path string) error { return syscall.Access(path, 2 /* W_OK */) }

// isReadOnlyFS reports whether err says the file system is mounted read-only.
func isReadOnlyFS(err error) bool { return errors.Is(err, syscall.EROFS) }
