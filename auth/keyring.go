package auth

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/zalando/go-keyring"
)

// Keyring is the little of the OS keyring the token cache needs: one small secret (the
// cache's encryption key) per account of the program.
type Keyring interface {
	Get(service, user string) (string, error)
	Set(service, user, secret string) error
	Delete(service, user string) error
}

// ErrKeyringEntryMissing is what a Keyring returns for an entry that does not exist.
var ErrKeyringEntryMissing = keyring.ErrNotFound

// ErrKeyringUnavailable wraps every failure to reach the OS keyring, so that callers can
// offer --no-keyring instead of hanging or writing tokens in plaintext.
var ErrKeyringUnavailable = errors.New("the OS keyring is not available")

// DefaultKeyringTimeout bounds each keyring call: a locked collection whose unlock prompt
// nobody answers must not hang the program.
const DefaultKeyringTimeout = 10 * time.Second

// OSKeyring is the keyring of the operating system: Windows Credential Manager, macOS
// Keychain, or the Secret Service (gnome-keyring, KWallet) on Linux.
type OSKeyring struct{}

// Get reads a secret from the OS keyring.
func (OSKeyring) Get(service, user string) (string, error) { return keyring.Get(service, user) }

// Set writes a secret to the OS keyring.
func (OSKeyring) Set(service, user, secret string) error { return keyring.Set(service, user, secret) }

// Delete removes a secret from the OS keyring.
func (OSKeyring) Delete(service, user string) error { return keyring.Delete(service, user) }

// timedKeyring runs every call of another Keyring with a deadline and turns failures
// other than a missing entry into ErrKeyringUnavailable with a hint how to fix them.
type timedKeyring struct {
	k       Keyring
	timeout time.Duration
}

func (t timedKeyring) Get(service, user string) (string, error) {
	var s string
	err := t.do("read", func() (err error) { s, err = t.k.Get(service, user); return err })
	return s, err
}

func (t timedKeyring) Set(service, user, secret string) error {
	return t.do("write", func() error { return t.k.Set(service, user, secret) })
}

func (t timedKeyring) Delete(service, user string) error {
	return t.do("delete", func() error { return t.k.Delete(service, user) })
}

func (t timedKeyring) do(what string, call func() error) error {
	ctx, cancel := context.WithTimeout(context.Background(), t.timeout)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- call() }() // a call that never returns is left behind, not waited on
	select {
	case err := <-done:
		if err == nil || errors.Is(err, ErrKeyringEntryMissing) {
			return err
		}
		return fmt.Errorf("%w: cannot %s the key of the token cache: %v. %s", ErrKeyringUnavailable, what, err, keyringHint())
	case <-ctx.Done():
		return fmt.Errorf("%w: it did not answer within %s (is it locked, waiting for a password prompt?). %s",
			ErrKeyringUnavailable, t.timeout, keyringHint())
	}
}

// keyringHint says what to install or unlock on this platform, and the way out.
func keyringHint() string {
	fix := "Unlock the keyring"
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd":
		fix = "Start and unlock a Secret Service (gnome-keyring or KWallet; on a headless host run the program inside " +
			"'dbus-run-session' with 'gnome-keyring-daemon --unlock')"
	case "darwin":
		fix = "Unlock the login keychain (Keychain Access)"
	case "windows":
		fix = "Check that Credential Manager is running"
	}
	return fix + ", or use --no-keyring to keep tokens in memory for this session only (you will sign in again next time)."
}
