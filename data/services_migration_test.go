package data

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// A cache written before services carried a licence opens with its Skill-based services
// as Contact Center services (they take agents by hand) and the others as Advanced
// Routing; Teams-based services give full Team Owner rights to new owners, let members
// change their Active state, and every member is active.
func TestServicesOfAnOlderCacheGetTheirLicenceAndSettings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tenant.db")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	exec := func(query string, args ...any) {
		t.Helper()
		if _, err := db.Exec(query, args...); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
	}
	exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`)
	for _, m := range ms {
		if m.version >= 6 {
			break
		}
		exec(m.sql)
		exec(`INSERT INTO schema_migrations (version, applied_at) VALUES (?, '')`, m.version)
	}
	exec(`INSERT INTO organization_units (id, name) VALUES (1, 'Contoso')`)
	exec(`INSERT INTO directory_users (id, upn) VALUES ('u1', 'u1@contoso.example')`)
	exec(`INSERT INTO nimbus_users (id, ou_id, origin, added_at) VALUES ('u1', 1, 'teams', '')`)
	exec(`INSERT INTO services (id, name, assignment_type, team_id, ou_id) VALUES
		(1, 'Hotline', 'teams', 't1', 1), (2, 'Escalations', 'skill', NULL, 1), (3, 'IVR', 'none', NULL, 1)`)
	exec(`INSERT INTO service_members (service_id, user_id, membership) VALUES (1, 'u1', 'member')`)
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	q := s.Read(context.Background())
	for id, want := range map[int64]ServiceLicence{1: AdvancedRoutingService, 2: ContactCenterService, 3: AdvancedRoutingService} {
		sv, err := q.Service(id)
		if err != nil {
			t.Fatal(err)
		}
		if sv.Licence != want || sv.DefaultOwnerRole != FullOwner || !sv.MembersCanChangeActive {
			t.Errorf("%s after the migration: licence %q, default owner role %q, members can change active %v; want %q, full, true",
				sv.Name, sv.Licence, sv.DefaultOwnerRole, sv.MembersCanChangeActive, want)
		}
	}
	members, err := q.ServiceMembers(1)
	if err != nil || len(members) != 1 || !members[0].Active {
		t.Errorf("the member after the migration: %+v %v; want one, active", members, err)
	}
}

func TestParseServiceLicenceAndOwnerRole(t *testing.T) {
	for in, want := range map[string]ServiceLicence{"contact-center": ContactCenterService, "Enterprise Routing": EnterpriseRoutingService,
		" ADVANCED-ROUTING ": AdvancedRoutingService} {
		if got, err := ParseServiceLicence(in); err != nil || got != want {
			t.Errorf("ParseServiceLicence(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseServiceLicence("interact"); err == nil {
		t.Error("a user licence was taken for a service licence")
	}
	for in, want := range map[string]OwnerRole{"full": FullOwner, "Limited": LimitedOwner, "Team Owner (limited)": LimitedOwner, "team owner": FullOwner} {
		if got, err := ParseOwnerRole(in); err != nil || got != want {
			t.Errorf("ParseOwnerRole(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseOwnerRole("supervisor"); err == nil {
		t.Error("supervisor accepted as an owner role")
	}
	if DefaultServiceLicence(SkillBased) != ContactCenterService || DefaultServiceLicence(TeamsBased) != AdvancedRoutingService ||
		DefaultServiceLicence(NoUsers) != AdvancedRoutingService {
		t.Error("default licences per assignment type")
	}
}
