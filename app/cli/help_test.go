package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// runNoTenant runs a command line without a tenant: a verb that opened a cache would fail.
func runNoTenant(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestVerbHelpPrintsSynopsisDescriptionAndFlagsWithoutOpeningACache(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no", "such.db")
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"users", "--help"}, []string{"Usage: nimbusadmin [global flags] users [--search Q]", "The Nimbus user list",
			"--role ROLE", "--format FORMAT", "table, csv or json (default table)", "--ou-only "}},
		{[]string{"users", "-h"}, []string{"--department DEPARTMENT"}},
		{[]string{"user", "move", "anna@contoso.example", "--help"}, []string{"user move ID|UPN --ou OU", "--drop-out-of-scope "}},
		{[]string{"help", "user", "interact"}, []string{"user interact ID|UPN", "--system-message SYSTEM_MESSAGE", "--av AV"}},
		{[]string{"config", "skills", "add", "--help"}, []string{"config skills", "--category CATEGORY"}},
		{[]string{"--db", missing, "user", "role", "add", "-h"}, []string{"user role add ID|UPN ROLE --ou OU", "--ou OU"}},
		{[]string{"signout", "--help"}, []string{"Usage: nimbusadmin [global flags] signout"}},
	}
	for _, c := range cases {
		code, stdout, stderr := runNoTenant(c.args...)
		if code != 0 || stderr != "" {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(stdout, w) {
				t.Errorf("%v: the help does not say %q:\n%s", c.args, w, stdout)
			}
		}
	}
}

func TestAVerbsFirstWordsNameTheWordsThatMayFollow(t *testing.T) {
	code, stdout, stderr := runNoTenant("user", "role")
	if code != 2 || stdout != "" || !strings.Contains(stderr, `"user role" needs one of: add, remove`) {
		t.Errorf("user role: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runNoTenant("user", "frobnicate", "x"); code != 2 || !strings.Contains(stderr, `unknown verb "user frobnicate"`) {
		t.Errorf("user frobnicate: exit %d, %q", code, stderr)
	}
}

func TestHelpGroupsTheVerbs(t *testing.T) {
	_, stdout, _ := runNoTenant("help")
	at := func(name string) int {
		i := strings.Index(stdout, "\n  "+name+" ")
		if i < 0 {
			t.Fatalf("help does not list %q", name)
		}
		return i
	}
	order := []string{"users", "users add", "user show", "user move", "user role add", "user role remove", "user skill add", "user interact", "user assistant", "services", "config ous", "sync", "signin", "journal"}
	for i := 1; i < len(order); i++ {
		if at(order[i-1]) > at(order[i]) {
			t.Errorf("help lists %q after %q", order[i-1], order[i])
		}
	}
}

func TestHelpShowsTheVerbListAsItIsWithEachVerbOnce(t *testing.T) {
	_, stdout, _ := runNoTenant("help")
	start, end := strings.Index(stdout, "\nVerbs ("), strings.Index(stdout, "\nGlobal flags")
	if start < 0 || end < start {
		t.Fatalf("help has no verb list:\n%s", stdout)
	}
	// the headings and the verbs' names and synopses as help shows them, in order
	var shown []string
	for _, l := range strings.Split(stdout[start:end], "\n")[2:] {
		switch {
		case strings.HasSuffix(l, ":") && !strings.HasPrefix(l, " "):
			shown = append(shown, l)
		case strings.HasPrefix(l, "  ") && !strings.HasPrefix(l, "   "):
			shown = append(shown, strings.Join(strings.Fields(l), " "))
		}
	}
	var want []string
	listed := map[string]bool{}
	for _, g := range verbGroups {
		want = append(want, g.heading+":")
		for _, v := range g.verbs {
			if listed[v.name] {
				t.Errorf("%q is in the verb list twice", v.name)
			}
			listed[v.name] = true
			want = append(want, strings.Join(strings.Fields(v.name+" "+v.args), " "))
		}
	}
	if !slices.Equal(shown, want) {
		t.Errorf("help shows\n%s\nwant the verb list as it is:\n%s", strings.Join(shown, "\n"), strings.Join(want, "\n"))
	}
	if len(listed) != len(verbs) {
		t.Errorf("%d verbs under the headings, %d findable", len(listed), len(verbs))
	}
}
