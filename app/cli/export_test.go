package cli

import (
	"context"
	"io"
	"net/http"
	"os"

	"nimbusadmin/auth"
)

// RunForTest runs a command line as Run does, with the keyring and TLS trust given: for
// the tests of package cli_test, which run a team server (whose harness imports cli).
func RunForTest(ctx context.Context, args []string, stdout, stderr io.Writer, keyring auth.Keyring, hc *http.Client) int {
	return runWith(ctx, args, stdout, stderr, outside{getenv: os.Getenv, keyring: keyring, httpClient: hc})
}

// NewMemoryKeyring is a keyring in memory for the tests of package cli_test.
func NewMemoryKeyring() auth.Keyring { return &authMemoryKeyring{m: map[string]string{}} }
