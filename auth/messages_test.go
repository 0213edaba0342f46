package auth

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode"

	"github.com/AzureAD/microsoft-authentication-library-for-go/apps/cache"
)

// failingKeyring answers every call with the same error, as a broken OS keyring does.
type failingKeyring struct{ err error }

func (f failingKeyring) Get(string, string) (string, error) { return "", f.err }
func (f failingKeyring) Set(string, string, string) error   { return f.err }
func (f failingKeyring) Delete(string, string) error        { return f.err }

// The keyring's and D-Bus's own answers never reach the admin: each known one is said in
// words, with what to do, and stays an ErrKeyringUnavailable.
func TestKeyringFailuresAreSaidInTheAdminsWords(t *testing.T) {
	for raw, reason := range map[string]string{
		"The name org.freedesktop.secrets was not provided by any .service files":                          "no Secret Service is running",
		"org.freedesktop.DBus.Error.ServiceUnknown: The name is not activatable":                           "no Secret Service is running",
		"exec: \"dbus-launch\": executable file not found in $PATH":                                        "no D-Bus session is running",
		"Cannot autolaunch D-Bus without X11 $DISPLAY":                                                     "no D-Bus session is running",
		"dial unix /run/user/1000/bus: connect: no such file or directory":                                 "no D-Bus session is running",
		"Cannot create an item in a locked collection":                                                     "it is locked",
		"failed to unlock correct collection '/org/freedesktop/secrets/aliases/default': prompt dismissed": "it is locked",
		"User interaction is not allowed.":                                                                 "it is locked",
		"something nobody has seen before":                                                                 "it could not read the key of the token cache",
	} {
		_, err := timedKeyring{failingKeyring{errors.New(raw)}, time.Second}.Get(keyringService, "entry")
		checkAdminWords(t, err, raw)
		if !errors.Is(err, ErrKeyringUnavailable) || !strings.Contains(err.Error(), "("+reason+")") {
			t.Errorf("%q became %q, want the reason %q", raw, err, reason)
		}
		if !strings.HasPrefix(err.Error(), "the system keyring is not available (") || !strings.Contains(err.Error(), "sign in again") {
			t.Errorf("%q became %q: it does not say what failed and what to do", raw, err)
		}
	}
}

// A host that cannot be reached is named, with why in words, never Go's transport text.
func TestNetworkFailuresAreSaidInTheAdminsWords(t *testing.T) {
	dial := func(err error) error {
		return &url.Error{Op: "Post", URL: "https://login.microsoftonline.com/x", Err: &net.OpError{Op: "dial", Net: "tcp", Err: err}}
	}
	for _, c := range []struct {
		err    error
		reason string
	}{
		{dial(&net.DNSError{Err: "no such host", Name: "login.microsoftonline.com", IsNotFound: true}), "its name cannot be looked up"},
		{dial(syscall.ECONNREFUSED), "the connection was refused"},
		{dial(syscall.ENETUNREACH), "no network route leads there"},
		{dial(io.ErrUnexpectedEOF), "the connection dropped"},
		{&url.Error{Op: "Get", URL: "https://graph", Err: x509.UnknownAuthorityError{}}, "its certificate is not trusted"},
		{dial(errors.New("i/o timeout")), "the network is not available"},
	} {
		err := describeNetworkError("login.microsoftonline.com", c.err)
		checkAdminWords(t, err, c.err.Error())
		if !strings.HasPrefix(err.Error(), "cannot reach login.microsoftonline.com ("+c.reason) || !strings.Contains(err.Error(), "check the network connection") {
			t.Errorf("%q became %q, want the reason %q", c.err, err, c.reason)
		}
	}
}

// checkAdminWords fails when msg carries raw text: the raw error's, Go's or D-Bus's, or
// more than one line.
func checkAdminWords(t *testing.T, err error, raw string) {
	t.Helper()
	if err == nil {
		t.Fatalf("%q gave no error", raw)
	}
	msg := err.Error()
	for _, bad := range []string{raw, "org.freedesktop", "DBus", "dial ", "tcp", "unix", "\n", "%!"} {
		if strings.Contains(msg, bad) {
			t.Errorf("%q became %q, which still carries %q", raw, msg, bad)
		}
	}
	if r := []rune(msg)[0]; !unicode.IsLetter(r) {
		t.Errorf("%q became %q", raw, fmt.Sprint(msg))
	}
}

// A token cache file that cannot be read is named, with why in words, not Go's text.
func TestATokenCacheFileThatCannotBeReadIsSaidInWords(t *testing.T) {
	dir := t.TempDir()
	c := newEncryptedCache(dir, "entry", newFakeKeyring(windowsEntryLimit))
	if err := os.Mkdir(c.path, 0o700); err != nil { // a folder where the file should be
		t.Fatal(err)
	}
	err := c.Replace(context.Background(), nil, cache.ReplaceHints{})
	checkAdminWords(t, err, "is a directory")
	if err == nil || !strings.HasPrefix(err.Error(), "cannot read the token cache "+c.path+" (it cannot be used): ") {
		t.Fatalf("an unreadable token cache: %v", err)
	}
}

// Without a session bus the keyring is refused at once, with the two ways out: a bus for
// the one command, or no keyring at all.
func TestNoSessionBusNamesDBusRunSessionAndNoKeyring(t *testing.T) {
	raw := fmt.Errorf("%w: %w", errNoSessionBus, errors.New("dbus: couldn't determine address of session bus"))
	_, err := timedKeyring{failingKeyring{raw}, time.Second}.Get(keyringService, "entry")
	checkAdminWords(t, err, raw.Error())
	if !errors.Is(err, ErrKeyringUnavailable) {
		t.Fatalf("%v is not an ErrKeyringUnavailable", err)
	}
	for _, want := range []string{"D-Bus session", "'dbus-run-session -- nimbusadmin …'", "--no-keyring"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q does not say %q", err, want)
		}
	}
}
