package demo

import (
	"crypto/sha256"
	"database/sql"
	"fmt"
	"testing"
)

func TestGenerate2000(t *testing.T) {
	_, db := generated(t, Options{Users: 2000})
	checkTenant(t, db, 2000)

	if n := count(t, db, `SELECT COUNT(*) FROM directory_users`); n <= 2000 {
		t.Errorf("the directory has %d people, want more than the 2000 Nimbus users", n)
	}
	teams := count(t, db, `SELECT COUNT(*) FROM nimbus_users WHERE origin = 'teams'`)
	within(t, "users from Teams", teams, 2000, 65, 85)
	within(t, "users with Contact Center", count(t, db, `SELECT COUNT(*) FROM nimbus_users WHERE licences & 1`), 2000, 35, 55)
	some(t, db, "manual users in a Teams-based service", `SELECT COUNT(*) FROM nimbus_users n WHERE origin = 'manual'
		AND EXISTS (SELECT 1 FROM service_members m JOIN services s ON s.id = m.service_id
			WHERE m.user_id = n.id AND s.assignment_type = 'teams')`)
	some(t, db, "manual users in no service", `SELECT COUNT(*) FROM nimbus_users n WHERE origin = 'manual'
		AND NOT EXISTS (SELECT 1 FROM service_members m WHERE m.user_id = n.id)`)
	some(t, db, "users in the default Teams OU", `SELECT COUNT(*) FROM nimbus_users
		WHERE ou_id = (SELECT default_teams_ou_id FROM tenant_settings)`)
	some(t, db, "blank departments", `SELECT COUNT(*) FROM nimbus_users n JOIN directory_users d ON d.id = n.id
		WHERE ifnull(d.department, '') = ''`)
	some(t, db, "non-ASCII display names", `SELECT COUNT(*) FROM nimbus_users n JOIN directory_users d ON d.id = n.id
		WHERE length(CAST(d.display_name AS BLOB)) > length(d.display_name)`)
	some(t, db, "OU administrators", `SELECT COUNT(*) FROM role_assignments a JOIN roles r ON r.id = a.role_id
		WHERE r.builtin_key = 'ou_admin' AND a.auto_granted = 0`)
	for _, role := range []string{"supervisor_service", "supervisor_user", "skill_based_user", "workflow_admin"} {
		some(t, db, role+" holders", `SELECT COUNT(*) FROM role_assignments a JOIN roles r ON r.id = a.role_id
			WHERE r.builtin_key = ?`, role)
	}
	some(t, db, "users with custom roles", `SELECT COUNT(*) FROM role_assignments a JOIN roles r ON r.id = a.role_id
		WHERE r.kind = 'custom'`)
	some(t, db, "active Interact users", `SELECT COUNT(*) FROM interact_users WHERE active AND restrict_access`)
	some(t, db, "enabled N/A reasons", `SELECT COUNT(*) FROM nimbus_users WHERE na_reasons_enabled`)
	some(t, db, "Assistant call templates", `SELECT COUNT(*) FROM user_call_templates`)
	some(t, db, "owners who are not members", `SELECT COUNT(*) FROM team_members o WHERE role = 'owner'
		AND NOT EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = o.team_id AND m.user_id = o.user_id AND m.role = 'member')`)
	// Items below the root make "same OU or higher" a real constraint.
	some(t, db, "skills assigned from below the root", `SELECT COUNT(*) FROM user_skills x JOIN skills k ON k.id = x.skill_id
		WHERE k.ou_id <> (SELECT id FROM organization_units WHERE parent_id IS NULL)`)
	for _, tc := range []struct {
		what, query string
		lo, hi      int
	}{
		{"services", `SELECT COUNT(*) FROM services`, 40, 40},
		{"Teams-based services", `SELECT COUNT(*) FROM services WHERE assignment_type = 'teams'`, 24, 24},
		{"Skill-based services", `SELECT COUNT(*) FROM services WHERE assignment_type = 'skill'`, 12, 12},
		{"organization units", `SELECT COUNT(*) FROM organization_units`, 30, 50},
		{"skill categories", `SELECT COUNT(*) FROM skill_categories`, 4, 6},
		{"skill categories without levels", `SELECT COUNT(*) FROM skill_categories c
			WHERE NOT EXISTS (SELECT 1 FROM skill_levels WHERE category_id = c.id)`, 1, 2},
		{"skills", `SELECT COUNT(*) FROM skills`, 15, 25},
		{"custom profiles", `SELECT COUNT(*) FROM responsibility_profiles WHERE builtin IS NULL`, 4, 7},
		{"N/A reasons", `SELECT COUNT(*) FROM na_reasons`, 8, 8},
		{"domain templates", `SELECT COUNT(*) FROM domain_templates`, 2, 3},
		{"direct system messages", `SELECT COUNT(*) FROM direct_system_messages`, 2, 3},
		{"direct call templates", `SELECT COUNT(*) FROM direct_call_templates`, 4, 6},
		{"tenant administrators", `SELECT COUNT(*) FROM role_assignments a JOIN roles r ON r.id = a.role_id
			WHERE r.builtin_key = 'tenant_admin' AND a.auto_granted AND a.source_service_id IS NULL
			AND a.scope_ou_id = (SELECT id FROM organization_units WHERE parent_id IS NULL)`, 3, 3},
		{"OU tree depth below the root", `WITH RECURSIVE d(id, depth) AS (
			SELECT id, 0 FROM organization_units WHERE parent_id IS NULL
			UNION ALL SELECT o.id, d.depth + 1 FROM organization_units o JOIN d ON o.parent_id = d.id)
			SELECT MAX(depth) FROM d`, 3, 4},
	} {
		if n := count(t, db, tc.query); n < tc.lo || n > tc.hi {
			t.Errorf("%s: %d, want %d–%d", tc.what, n, tc.lo, tc.hi)
		}
	}
}

func TestGenerateSmallestTenant(t *testing.T) {
	_, db := generated(t, Options{Users: MinUsers, Seed: 99})
	checkTenant(t, db, MinUsers)
}

func TestGenerateIsDeterministic(t *testing.T) {
	_, a := generated(t, Options{Users: 300, Seed: 5})
	_, b := generated(t, Options{Users: 300, Seed: 5})
	_, c := generated(t, Options{Users: 300, Seed: 6})
	ha, hb, hc := dumpHash(t, a), dumpHash(t, b), dumpHash(t, c)
	if ha != hb {
		t.Error("the same options gave different tenants")
	}
	if ha == hc {
		t.Error("different seeds gave the same tenant")
	}
}

// dumpHash hashes every row of every table, in a fixed order; schema_migrations is left
// out, since it records when the migrations ran, not what was generated.
func dumpHash(t *testing.T, db *sql.DB) string {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		rows.Scan(&name)
		tables = append(tables, name)
	}
	rows.Close()
	h := sha256.New()
	for _, table := range tables {
		probe, err := db.Query(`SELECT * FROM ` + table + ` LIMIT 0`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := probe.Columns()
		probe.Close()
		order := "1"
		for i := 2; i <= len(cols); i++ {
			order += fmt.Sprintf(", %d", i)
		}
		rows, err := db.Query(`SELECT * FROM ` + table + ` ORDER BY ` + order)
		if err != nil {
			t.Fatal(err)
		}
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(h, "%s %v\n", table, vals)
		}
		rows.Close()
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}
