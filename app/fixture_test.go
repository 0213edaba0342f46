package app

import (
	"context"
	"strings"
	"testing"

	"nimbusadmin/data/testkit"
)

// fixture is the shared small tenant (testkit.Org: OUs Sales/EMEA/APAC and Support,
// users anna, ben, eve, carl, dana and the directory-only frank, the three services and a
// configuration item of every kind in every OU), acted on as its Tenant Administrator dana.
type fixture struct {
	t     *testing.T
	app   *App
	ou    map[string]int64 // "root", "Sales", "EMEA", "APAC", "Support"
	id    map[string]int64 // configuration items, services and roles by name
	user  map[string]string
	level map[string]int64
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	org := testkit.Org(t)
	return &fixture{t: t, app: New(org.Store, testkit.OrgAdmin), ou: org.OU, id: org.ID, user: org.User, level: org.Level}
}

// digest is a fingerprint of every row of every table, to prove that a refused change
// wrote nothing.
func (f *fixture) digest() string {
	f.t.Helper()
	return testkit.Digest(f.t, f.app.Store())
}

// refused asserts that change is refused by rule, with a message containing each of
// want, and that nothing at all was written.
func (f *fixture) refused(rule string, change func() error, want ...string) {
	f.t.Helper()
	before := f.digest()
	err := change()
	if !IsRule(err, rule) {
		f.t.Fatalf("want refusal by rule %q, got %v", rule, err)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			f.t.Errorf("message %q does not mention %q", err, w)
		}
	}
	if f.digest() != before {
		f.t.Errorf("refused change (%s) wrote to the cache", rule)
	}
}

// accepted asserts that change succeeds and journals at least one entry.
func (f *fixture) accepted(change func() error) []JournalEntry {
	f.t.Helper()
	before, _ := f.app.Journal(context.Background(), 1000)
	if err := change(); err != nil {
		f.t.Fatalf("change refused: %v", err)
	}
	after, _ := f.app.Journal(context.Background(), 1000)
	if len(after) <= len(before) {
		f.t.Fatalf("accepted change was not journaled")
	}
	return after[:len(after)-len(before)]
}
