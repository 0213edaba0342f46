package auth

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
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
func (OSKeyring) Get(service, user string) (string, error) {
	if err := sessionBus(); err != nil {
		return "", err
	}
	return keyring.Get(service, user)
}

// Set writes a secret to the OS keyring.
func (OSKeyring) Set(service, user, secret string) error {
	if err := sessionBus(); err != nil {
		return err
	}
	return keyring.Set(service, user, secret)
}

// Delete removes a secret from the OS keyring.
func (OSKeyring) Delete(service, user string) error {
	if err := sessionBus(); err != nil {
		return err
	}
	return keyring.Delete(service, user)
}

// errNoSessionBus is the answer of the OS keyring on a system that reaches it over a
// D-Bus session bus when none is running (a server, an SSH session, a container).
var errNoSessionBus = errors.New("no D-Bus session bus")

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
		return &KeyringError{Reason: keyringReason(what, err), Err: err}
	case <-ctx.Done():
		return &KeyringError{Reason: fmt.Sprintf("it did not answer within %s: it may be locked and waiting for its password", t.timeout),
			Err: ctx.Err()}
	}
}

// KeyringError is a keyring that could not be used, in the admin's words: why (never the
// keyring's or D-Bus's own text, which Err keeps for a log) and what to do instead.
type KeyringError struct {
	Reason string // why, in words: "no Secret Service is running"
	Err    error  // the keyring's own answer
}

// Error says that the system keyring is not available, why, and what to do, in one line.
func (e *KeyringError) Error() string {
	if errors.Is(e.Err, errNoSessionBus) {
		return "the system keyring is not available (" + e.Reason + "): run the command inside one, " +
			"'dbus-run-session -- nimbusadmin …' (the README shows how to unlock gnome-keyring there), " +
			"or give --no-keyring to keep the sign-in for this command only"
	}
	return "the system keyring is not available (" + e.Reason + "): " + keyringHint()
}

// Unwrap makes the error an ErrKeyringUnavailable and keeps the keyring's own answer.
func (e *KeyringError) Unwrap() []error { return []error{ErrKeyringUnavailable, e.Err} }

// keyringReason says in words why the keyring refused to what ("read", "write",
// "delete") the key of the token cache, from the known answers of the Secret Service
// (over D-Bus), the macOS Keychain and Windows Credential Manager.
func keyringReason(what string, err error) string {
	msg := strings.ToLower(err.Error())
	has := func(parts ...string) bool {
		for _, p := range parts {
			if strings.Contains(msg, p) {
				return true
			}
		}
		return false
	}
	switch {
	case errors.Is(err, errNoSessionBus):
		return "it is reached over a D-Bus session, and none is running"
	case has("org.freedesktop.secrets", "serviceunknown", "secret service"):
		return "no Secret Service is running"
	case has("dbus_session_bus_address", "autolaunch", "dbus-launch", "x11", "no such file or directory", "connection refused"):
		return "no D-Bus session is running"
	case has("locked", "prompt dismissed", "user interaction is not allowed", "user canceled", "cancelled by user"):
		return "it is locked"
	case has("permission denied", "access is denied", "not authorized"):
		return "it refused access to this program"
	}
	return "it could not " + what + " the key of the token cache"
}

// keyringHint says what to start or unlock on this platform, and the way out.
func keyringHint() string {
	fix := "unlock your keyring"
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd":
		fix = "start and unlock your keyring (gnome-keyring or KWallet; on a server, inside 'dbus-run-session')"
	case "darwin":
		fix = "unlock the login keychain in Keychain Access"
	case "windows":
		fix = "check that Credential Manager is running"
	}
	return fix + " and sign in again, or start with --no-keyring to keep the sign-in for this session only"
}
