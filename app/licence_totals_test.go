package app

import (
	"testing"

	"nimbusadmin/data"
)

// totalOf finds one licence's total.
func totalOf(t *testing.T, f *fixture, l data.LicenceSet) LicenceTotal {
	t.Helper()
	totals, err := f.app.LicenceTotals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tot := range totals {
		if tot.Licence == l {
			return tot
		}
	}
	t.Fatalf("no total for %s", l)
	return LicenceTotal{}
}

func TestLicenceTotalsCountHoldersAndStartUnlimited(t *testing.T) {
	f := newFixture(t)
	totals, err := f.app.LicenceTotals(ctx)
	if err != nil || len(totals) != 4 {
		t.Fatalf("%d totals, %v", len(totals), err)
	}
	want := map[data.LicenceSet]string{data.ContactCenter: "3 / unlimited", data.AttendantConsole: "1 / unlimited",
		data.Interact: "1 / unlimited", data.Assistant: "1 / unlimited"}
	for _, tot := range totals {
		if tot.Text() != want[tot.Licence] || tot.Limited {
			t.Errorf("%s: %q, want %q", tot.Licence, tot.Text(), want[tot.Licence])
		}
	}
}

func TestGrantPastTheContingentIsRefusedAndWritesNothing(t *testing.T) {
	f := newFixture(t)
	entries := f.accepted(do(f.app, SetLicenceContingent{Licence: data.ContactCenter, Contingent: 3}))
	if e := entries[0]; e.Action != "tenant.licence-contingent" || e.Target != "Contact Center" || e.Old != "unlimited" || e.New != "3" {
		t.Errorf("journal %+v", e)
	}
	if got := totalOf(t, f, data.ContactCenter).Text(); got != "3 / 3" {
		t.Errorf("total %q", got)
	}
	f.refused("licence.contingent", func() error { return f.app.GrantLicence(ctx, f.user["eve"], data.ContactCenter) },
		"Contact Center: all 3 licences of the tenant are in use; revoke one or raise the contingent in tenant settings")
	f.refused("licence.contingent", func() error {
		return f.app.AddUser(ctx, f.user["frank"], f.ou["Support"], data.ContactCenter|data.Interact)
	}, "Contact Center: all 3")
	// A holder keeps their licence and may get others; the contingent counts users, once.
	f.accepted(func() error { return f.app.GrantLicence(ctx, f.user["anna"], data.AttendantConsole) })
	f.accepted(func() error { return f.app.RevokeLicence(ctx, f.user["dana"], data.ContactCenter) })
	f.accepted(func() error { return f.app.GrantLicence(ctx, f.user["eve"], data.ContactCenter) })

	f.accepted(do(f.app, SetLicenceContingent{Licence: data.Assistant, Contingent: 1}))
	f.refused("licence.contingent", func() error { return f.app.GrantLicence(ctx, f.user["carl"], data.Assistant) },
		"Assistant: the tenant's only licence is in use")
	f.accepted(do(f.app, SetLicenceContingent{Licence: data.AttendantConsole, Contingent: 2}))
	f.accepted(func() error { return f.app.RevokeLicence(ctx, f.user["eve"], data.AttendantConsole) })
	f.accepted(func() error { return f.app.RevokeLicence(ctx, f.user["anna"], data.AttendantConsole) })
	f.accepted(do(f.app, SetLicenceContingent{Licence: data.AttendantConsole, Contingent: 0}))
	f.refused("licence.contingent", func() error { return f.app.GrantLicence(ctx, f.user["carl"], data.AttendantConsole) },
		"the tenant's contingent is 0 licences")
}

func TestContingentBelowUseIsRefusedAndUnlimitedLiftsIt(t *testing.T) {
	f := newFixture(t)
	f.refused("licence.contingent-below-use", do(f.app, SetLicenceContingent{Licence: data.ContactCenter, Contingent: 2}),
		"cannot set the Contact Center contingent to 2: 3 users hold the licence; revoke it from 1 of them first, or set at least 3")
	f.refused("licence.contingent-number", do(f.app, SetLicenceContingent{Licence: data.ContactCenter, Contingent: -1}))
	f.accepted(do(f.app, SetLicenceContingent{Licence: data.ContactCenter, Contingent: 3}))
	f.refused("licence.contingent", func() error { return f.app.GrantLicence(ctx, f.user["eve"], data.ContactCenter) })
	entries := f.accepted(do(f.app, SetLicenceContingent{Unlimited: true, Licence: data.ContactCenter}))
	if e := entries[0]; e.Old != "3" || e.New != "unlimited" {
		t.Errorf("journal %+v", e)
	}
	if tot := totalOf(t, f, data.ContactCenter); tot.Limited || tot.Text() != "3 / unlimited" {
		t.Errorf("after lifting: %+v", tot)
	}
	f.accepted(func() error { return f.app.GrantLicence(ctx, f.user["eve"], data.ContactCenter) })
}

func TestOnlyATenantAdministratorSetsContingents(t *testing.T) {
	f := newFixture(t)
	salesAdmin := f.makeOUAdmin()
	f.refused("permission.tenant-admin", do(salesAdmin, SetLicenceContingent{Licence: data.ContactCenter, Contingent: 10}),
		"Changing the licence contingents needs the Tenant Administrator role")
	f.refused("permission.tenant-admin", do(salesAdmin, SetLicenceContingent{Unlimited: true, Licence: data.ContactCenter}))
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
