package cli

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
)

// exitCase is one command line with the exit code it must end with and a part of the
// one line it must print on stderr.
type exitCase struct {
	args []string
	code int
	want string
}

// TestEveryMistakeEndsWithItsExitCode runs each verb's typical mistakes against the demo:
// a malformed command line exits 2, a complete one that fails or is refused exits 1,
// each with one line on stderr and nothing on stdout; a refused or malformed command
// changes nothing.
func TestEveryMistakeEndsWithItsExitCode(t *testing.T) {
	db := freshDemo(t)
	upn := usersJSON(t, db)[0].UserPrincipalName
	before := journalNow(t, db)
	cases := []exitCase{
		// malformed: unknown words and values outside a flag's choices
		{[]string{"frobnicate"}, 2, `unknown verb "frobnicate"`},
		{[]string{"frobnicate", "--help"}, 2, `unknown verb "frobnicate"`},
		{[]string{"users", "--bogus"}, 2, "bogus"},
		{[]string{"users", "--format", "xml"}, 2, "xml"},
		{[]string{"users", "--licence", "gold"}, 2, "gold"},
		{[]string{"help", "frobnicate"}, 2, "unknown verb"},
		{[]string{"sync", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"config", "ous", "frob"}, 2, `unknown action "frob"`},
		{[]string{"config", "settings", "frob"}, 2, `unknown action "frob"`},
		{[]string{"user", "interact", upn, "--active", "maybe"}, 2, "maybe"},
		{[]string{"config", "settings", "set", "--interact", "maybe"}, 2, "on or off"},
		// malformed: numbers that are not numbers or out of range, in flags and globals
		{[]string{"--demo-users", "-1", "users"}, 2, "--demo-users must be between 16 and 1000000"},
		{[]string{"--demo-users", "abc", "users"}, 2, "demo-users"},
		{[]string{"--demo-users", "2000000", "ous"}, 2, "--demo-users must be between 16 and 1000000"},
		{[]string{"--cloud", "mars", "ous"}, 2, `unknown cloud "mars"`},
		{[]string{"--graph-url", "http://graph.example", "ous"}, 2, "https://"},
		{[]string{"journal", "--limit", "0"}, 2, "--limit must be at least 1"},
		{[]string{"journal", "--limit", "x"}, 2, "limit"},
		// malformed: a required argument or flag left out
		{[]string{"user", "show"}, 2, "needs one user"},
		{[]string{"user", "show", upn, "extra"}, 2, "needs one user"},
		{[]string{"user", "licence", upn}, 2, "needs --grant NAME or --revoke NAME"},
		{[]string{"user", "move", upn}, 2, "needs --ou OU"},
		{[]string{"user", "role", "add", upn, "Supervisor (User)"}, 2, "needs --ou OU"},
		{[]string{"user", "role", "scope", upn, "Supervisor (User)"}, 2, "needs --to OU"},
		{[]string{"user", "na-reasons", upn}, 2, "needs --enable, --disable or --set"},
		{[]string{"user", "assistant", upn}, 2, "needs --set"},
		{[]string{"users", "add", upn}, 2, "users add needs --ou OU"},
		{[]string{"services", "add", "--type", "skill", "--name", "Desk"}, 2, "services add needs --ou OU"},
		{[]string{"services", "add", "--name", "Desk", "--ou", "/"}, 2, "services add needs --type skill"},
		{[]string{"services", "add", "--type", "skill", "--ou", "/"}, 2, "services add needs --name NAME"},
		{[]string{"services", "add-team", "19:team"}, 2, "services add-team needs --ou OU"},
		{[]string{"services", "members", "add", "Desk", upn}, 2, "needs --role agent or --role owner"},
		{[]string{"config", "ous", "move", "No/Such/OU"}, 2, "config ous move needs --to OU"},
		{[]string{"config", "skills", "add", "Go"}, 2, "needs --category CATEGORY"},
		{[]string{"config", "domain-templates", "add", "Shop"}, 2, "needs --origin https://HOST"},
		{[]string{"config", "system-messages", "add", "Hello"}, 2, "needs --display-name TEXT"},
		{[]string{"config", "call-templates", "add", "CRM"}, 2, "needs --url URL"},
		{[]string{"config", "skills", "update", "No such skill"}, 2, "needs something to change: --name NEW or --ou OU"},
		{[]string{"config", "custom-roles", "permissions", "No such role"}, 2, "needs --set"},
		{[]string{"config", "settings", "set"}, 2, "config settings set needs at least one of --interact"},
		{[]string{"config", "settings", "show", "--interact", "on"}, 2, "give the settings to 'config settings set'"},
		{[]string{"config", "settings", "regenerate-widget-key"}, 2, "add --yes to confirm"},
		// malformed: an empty value for a flag that needs one
		{[]string{"users", "--ou", ""}, 2, "users: --ou needs a value"},
		{[]string{"users", "--search", "  "}, 2, "users: --search needs a value"},
		{[]string{"users", "--licence", ""}, 2, "licence"},
		{[]string{"user", "move", upn, "--ou", ""}, 2, "user move: --ou needs a value"},
		{[]string{"user", "assistant", upn, "--set", ""}, 2, "user assistant: --set needs a value"},
		{[]string{"user", "interact", upn, "--system-message", ""}, 2, "--system-message needs a value"},
		{[]string{"config", "skills", "add", "Go", "--category", "Tools", "--ou", " "}, 2, "--ou needs a value"},
		{[]string{"config", "domain-templates", "add", "Shop", "--origin", ""}, 2, "origin"},
		{[]string{"config", "settings", "set", "--default-ou", ""}, 2, "--default-ou needs a value"},
		{[]string{"services", "settings", "Desk", "--default-owner-role", ""}, 2, "--default-owner-role needs a value"},
		{[]string{"directory", "users", "--search", ""}, 2, "--search needs a value"},
		{[]string{"--db", "", "ous"}, 2, "--db needs a value"},
		// complete but failed: lookups of what the command line names, and refusals
		{[]string{"user", "show", "nobody@nowhere.example"}, 1, "nobody@nowhere.example"},
		{[]string{"user", "move", "nobody@nowhere.example", "--ou", "/"}, 1, "nobody@nowhere.example"},
		{[]string{"users", "--ou", "No/Such/OU"}, 1, `no organization unit "No/Such/OU"`},
		{[]string{"users", "add", upn, "--ou", "/"}, 1, "already a Nimbus user"},
		{[]string{"--as", "nobody@nowhere.example", "users"}, 1, "no such user in the demo tenant"},
		{[]string{"config", "settings", "set", "--snippet-template", ""}, 1, "the snippet template is empty"},
		{[]string{"config", "settings", "set", "--admin-group", " "}, 1, "name the security group"},
	}
	for _, c := range cases {
		code, stdout, stderr := runCLI(t, db, c.args...)
		if code != c.code || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d (want %d), stdout %.80q, stderr %q (want %q)", c.args, code, c.code, stdout, stderr, c.want)
		}
	}
	if after := journalNow(t, db); after != before {
		t.Error("a malformed or refused command changed the cache")
	}
}

// TestGlobalMistakesExitTwoBeforeAnyCache: the global flags are checked before a cache
// or the window is opened, also where no verb follows (the window's command line).
func TestGlobalMistakesExitTwoBeforeAnyCache(t *testing.T) {
	for _, c := range []exitCase{
		{[]string{"--as", "anna@contoso.example", "users"}, 2, "--as works only with the demo tenant"},
		{[]string{"--demo-users", "-1"}, 2, "--demo-users must be between"},
		{[]string{"--tenant", "", "signin"}, 2, "--tenant needs a value"},
		{[]string{"--demo", "--demo-users", "3", "ous"}, 2, "--demo-users must be between"},
	} {
		var out, errb bytes.Buffer
		code := runWith(context.Background(), c.args, &out, &errb, outside{getenv: func(string) string { return "" }})
		if code != c.code || out.Len() != 0 || strings.Count(errb.String(), "\n") != 1 || !strings.Contains(errb.String(), c.want) {
			t.Errorf("%q: exit %d (want %d), stderr %q (want %q)", c.args, code, c.code, errb.String(), c.want)
		}
	}
	blankDB := func(k string) string {
		if k == "NIMBUSADMIN_DB" {
			return "  "
		}
		return ""
	}
	if _, _, err := ParseGlobals([]string{"users"}, blankDB); exitCode(err) != exitMalformed || !strings.Contains(err.Error(), "NIMBUSADMIN_DB is blank") {
		t.Errorf("a blank NIMBUSADMIN_DB: %v", err)
	}
}

// TestHelpAnywhereExitsZero: -h and --help print help and succeed wherever they stand,
// after the first words of several verbs too; 'help' with those words lists the verbs.
func TestHelpAnywhereExitsZero(t *testing.T) {
	db := t.TempDir() + "/none.db"
	for _, args := range [][]string{
		{"user", "--help"}, {"services", "members", "-h"}, {"help", "user", "role"}, {"config", "--help"},
		{"user", "move", "x", "--ou", "", "--help"}, {"config", "settings", "set", "-h"}, {"--demo-users", "50", "-h"},
	} {
		code, stdout, stderr := runCLI(t, db, args...)
		if code != 0 || stderr != "" || stdout == "" {
			t.Errorf("%q: exit %d, stderr %q, stdout %.80q", args, code, stderr, stdout)
		}
	}
	broken := func(k string) string {
		return map[string]string{"NIMBUSADMIN_DEMO_USERS": "abc", "NIMBUSADMIN_AUTHORITY": "0"}[k]
	}
	if _, rest, err := ParseGlobals([]string{"-h"}, broken); err != nil || !slices.Equal(rest, []string{"help"}) {
		t.Errorf("-h with a broken environment: %q, %v", rest, err)
	}
	if _, stdout, _ := runCLI(t, db, "user", "role", "--help"); !strings.Contains(stdout, "user role add") || strings.Contains(stdout, "user show") {
		t.Errorf("'user role --help' lists %q", stdout)
	}
}
