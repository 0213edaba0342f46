package app

import (
	"testing"

	"nimbusadmin/data"
)

// A dry check gives the refusal the change would get, and accepts what the rules allow,
// without writing anything either way.
func TestACheckGivesTheRefusalAndWritesNothing(t *testing.T) {
	f := newFixture(t)
	before := f.digest()
	err := f.app.Check(ctx, DeleteUser{User: f.user["ben"]})
	if !IsRule(err, "delete") {
		t.Fatalf("checking a delete the rule forbids: %v", err)
	}
	if err := f.app.Check(ctx, DeleteUser{User: f.user["carl"]}); err != nil {
		t.Fatalf("checking a delete the rule allows: %v", err)
	}
	if f.digest() != before {
		t.Error("a dry check wrote to the cache")
	}
	seen, _ := f.app.UserDetail(ctx, f.user["anna"])
	f.accepted(func() error { return f.app.GrantLicence(ctx, f.user["anna"], data.AttendantConsole) })
	if err := f.app.Check(ctx, ChangeLicences{Base: BasedOn(seen.Version), User: f.user["anna"], Revoke: data.Assistant}); !IsRule(err, "change.stale") {
		t.Errorf("checking a change on a stale view: %v", err)
	}
}

// A change reports the versions it left, so that a view can tell whether anything else
// wrote after it.
func TestAChangeReportsTheVersionItLeft(t *testing.T) {
	f := newFixture(t)
	seen, _ := f.app.UserDetail(ctx, f.user["anna"])
	out, err := f.app.Do(ctx, ChangeLicences{Base: BasedOn(seen.Version), User: f.user["anna"], Grant: data.AttendantConsole})
	if err != nil {
		t.Fatal(err)
	}
	now, _ := f.app.UserDetail(ctx, f.user["anna"])
	if len(out.After) != 1 || out.After[0] != now.Version {
		t.Errorf("the change reports %+v, the cache holds %+v", out.After, now.Version)
	}
}
