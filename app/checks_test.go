package app

import (
	"context"
	"strings"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/testkit"
)

// consistent makes the fixture pass every check, through ordinary changes: its Contact
// Center users get On Duty active and Escalations gets an owner.
func (f *fixture) consistent() {
	f.t.Helper()
	ctx := context.Background()
	for _, fd := range f.checks() {
		if fd.Action != nil {
			if _, err := f.app.Fix(ctx, fd); err != nil {
				f.t.Fatal(err)
			}
		}
	}
	if _, err := f.app.Do(ctx, AddServiceMember{Service: f.id["Escalations"], User: f.user["carl"], As: data.Owner}); err != nil {
		f.t.Fatal(err)
	}
	if left := f.checks(); len(left) > 0 {
		f.t.Fatalf("the fixture is not consistent: %+v", left)
	}
}

func (f *fixture) checks() []Finding {
	f.t.Helper()
	out, err := f.app.Checks(context.Background())
	if err != nil {
		f.t.Fatal(err)
	}
	return out
}

// raw changes the cache behind the rules' back, as the directory or an older build does.
func (f *fixture) raw(query string, args ...any) {
	f.t.Helper()
	err := f.app.Store().Tx(context.Background(), func(q *data.Q) error {
		_, err := testkit.Exec(q, query, args...)
		return err
	})
	if err != nil {
		f.t.Fatal(err)
	}
}

// found asserts that the only finding is check, naming exactly the items given by id.
func (f *fixture) found(check string, ids ...string) Finding {
	f.t.Helper()
	got := f.checks()
	if len(got) != 1 || got[0].Check != check {
		f.t.Fatalf("want one finding %s, got %+v", check, got)
	}
	var named []string
	for _, it := range got[0].Items {
		named = append(named, it.ID)
	}
	if strings.Join(named, ",") != strings.Join(ids, ",") {
		f.t.Fatalf("%s names %v, want %v", check, named, ids)
	}
	if got[0].Rule == "" || got[0].Fix == "" {
		f.t.Errorf("%s says no rule or no fix: %+v", check, got[0])
	}
	return got[0]
}

// fixed runs a finding's fix as the fixture's admin, asserts it was journaled, and that
// the check finds nothing afterwards.
func (f *fixture) fixed(fd Finding) []JournalEntry {
	f.t.Helper()
	entries := f.accepted(func() error { _, err := f.app.Fix(context.Background(), fd); return err })
	if left := f.checks(); len(left) > 0 {
		f.t.Fatalf("after %q: %+v", fd.Action.Label, left)
	}
	return entries
}

func TestAConsistentTenantHasNoFinding(t *testing.T) {
	f := newFixture(t)
	f.consistent()
}

func TestAContactCenterUserWithoutActiveProfileIsFoundAndGivenOnDuty(t *testing.T) {
	f := newFixture(t)
	f.consistent()
	f.raw(`UPDATE user_profiles SET active = 0 WHERE user_id = ?`, f.user["anna"])
	fd := f.found("cc-without-active-profile", f.user["anna"])
	if fd.Action == nil || fd.Action.Label != "Give On Duty" {
		t.Fatalf("action %+v", fd.Action)
	}
	entries := f.fixed(fd)
	if entries[0].Action != "user.profile.active" || entries[0].New != "On Duty" {
		t.Errorf("journal %+v", entries)
	}
}

func TestGiveOnDutyAssignsItFirstWhenTheUserLostIt(t *testing.T) {
	f := newFixture(t)
	f.consistent()
	f.raw(`DELETE FROM user_profiles WHERE user_id = ?`, f.user["carl"])
	fd := f.found("cc-without-active-profile", f.user["carl"])
	if len(f.fixed(fd)) != 2 {
		t.Errorf("want the assignment and the activation journaled")
	}
}

func TestAFixIsRefusedWhenTheUserChangedSinceTheCheck(t *testing.T) {
	f := newFixture(t)
	f.consistent()
	f.raw(`UPDATE user_profiles SET active = 0 WHERE user_id = ?`, f.user["anna"])
	fd := f.found("cc-without-active-profile", f.user["anna"])
	if err := f.app.GrantLicence(context.Background(), f.user["anna"], data.AttendantConsole); err != nil {
		t.Fatal(err)
	}
	f.refused("change.stale", func() error { _, err := f.app.Fix(context.Background(), fd); return err })
}

func TestAFixGoesThroughThePermissions(t *testing.T) {
	f := newFixture(t)
	f.consistent()
	f.raw(`UPDATE user_profiles SET active = 0 WHERE user_id = ?`, f.user["anna"])
	fd := f.found("cc-without-active-profile", f.user["anna"])
	f.refused("permission.read-only", func() error { _, err := f.as("ben@contoso.example").Fix(context.Background(), fd); return err })
}

func TestNAReasonsEnabledWithNoneLeftAreFoundAndTurnedOff(t *testing.T) {
	f := newFixture(t)
	f.consistent()
	f.raw(`UPDATE nimbus_users SET na_reasons_enabled = 1 WHERE id = ?`, f.user["dana"])
	fd := f.found("na-reasons-enabled-without-reasons", f.user["dana"])
	entries := f.fixed(fd)
	if entries[0].Action != "user.na.enabled" || entries[0].New != "off" {
		t.Errorf("journal %+v", entries)
	}
}

func TestRestrictAccessWithoutDomainTemplateIsFound(t *testing.T) {
	f := newFixture(t)
	f.consistent()
	f.raw(`INSERT INTO interact_users (user_id, contact_id, active, restrict_access) VALUES (?, 'c-anna', 1, 1)
		ON CONFLICT (user_id) DO UPDATE SET active = 1, restrict_access = 1, domain_template_id = NULL`, f.user["anna"])
	fd := f.found("interact-restricted-without-template", f.user["anna"])
	if fd.Action != nil {
		t.Errorf("which domain template is right only the admin knows, yet the finding offers %q", fd.Action.Label)
	}
}

func TestADisabledAccountWithLicencesIsFoundAndItsLicencesRemoved(t *testing.T) {
	f := newFixture(t)
	f.consistent()
	f.raw(`UPDATE directory_users SET account_enabled = 0 WHERE id IN (?, ?)`, f.user["eve"], f.user["ben"])
	fd := f.found("disabled-account-with-licences", f.user["eve"])
	if !strings.Contains(fd.Items[0].Detail, "Attendant Console") {
		t.Errorf("detail %q does not say which licence", fd.Items[0].Detail)
	}
	entries := f.fixed(fd)
	if entries[0].Action != "user.licences" || entries[0].New != "none" {
		t.Errorf("journal %+v", entries)
	}
}

func TestATeamsServiceWhoseTeamIsGoneIsFound(t *testing.T) {
	f := newFixture(t)
	f.consistent()
	f.raw(`DELETE FROM teams WHERE id = 't-sales'`)
	f.found("teams-service-without-team", "1")
}

func TestASkillServiceWithoutOwnerIsFound(t *testing.T) {
	f := newFixture(t)
	f.consistent()
	f.raw(`DELETE FROM service_members WHERE membership = 'owner'`)
	f.found("skill-service-without-owner", "2")
}

func TestLicencesOverTheContingentAreFound(t *testing.T) {
	f := newFixture(t)
	f.consistent()
	f.raw(`INSERT INTO licence_contingents (licence, contingent) VALUES (1, 2), (2, 5)`)
	fd := f.found("licences-over-contingent", "contact-center")
	if d := fd.Items[0].Detail; !strings.Contains(d, "3 users hold") || !strings.Contains(d, "1 over") {
		t.Errorf("detail %q", d)
	}
}

func TestAssignmentsOutsideTheOUPathAreFoundAfterADirectoryMove(t *testing.T) {
	f := newFixture(t)
	f.consistent()
	ctx := context.Background()
	if err := f.app.SetUserSkill(ctx, f.user["anna"], f.id["French"], f.level["Fluent"]); err != nil {
		t.Fatal(err)
	}
	if err := f.app.SetNAReasons(ctx, f.user["anna"], true, []int64{f.id["Lunch"], f.id["Meeting"]}); err != nil {
		t.Fatal(err)
	}
	f.raw(`UPDATE nimbus_users SET ou_id = ? WHERE id = ?`, f.ou["Support"], f.user["anna"])
	fd := f.found("assignment-outside-ou-path", f.user["anna"])
	d := fd.Items[0].Detail
	for _, want := range []string{"skill French", "N/A reason Meeting", "Sales"} {
		if !strings.Contains(d, want) {
			t.Errorf("detail %q does not name %q", d, want)
		}
	}
	if strings.Contains(d, "Lunch") {
		t.Errorf("detail %q names Lunch, which lives in the root", d)
	}
}
