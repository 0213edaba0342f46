package app

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"nimbusadmin/data"
)

// fixture is a small hand-made tenant whose every fact the rule tests know:
//
//	Contoso (root)
//	├── Sales            Sales Hotline (Teams-based, Team t-sales), skill French, NA Meeting, template "Public site"
//	│   ├── EMEA         anna (manual), ben (Teams), eve (manual, also in the Team); call template Ticket; profile Early shift
//	│   └── APAC         (empty)
//	└── Support          Escalations (Skill-based), skill German, NA Coaching, template "Support portal", role "Support only"
//	root: dana (Tenant Administrator), carl (manual, CC, agent of Escalations); skill Routers; NA Lunch; call template CRM lookup
type fixture struct {
	t     *testing.T
	app   *App
	path  string
	ou    map[string]int64 // "root", "Sales", "EMEA", "APAC", "Support"
	id    map[string]int64 // catalogue items, services and roles by name
	user  map[string]string
	level map[string]int64
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tenant.db")
	store, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	f := &fixture{t: t, app: New(store, "dana@contoso.example"), path: path,
		ou: map[string]int64{}, id: map[string]int64{}, user: map[string]string{}, level: map[string]int64{}}
	err = store.Tx(context.Background(), func(q *data.Q) error { return f.build(q) })
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) build(q *data.Q) error {
	must := func(_ any, err error) {
		if err != nil {
			f.t.Fatal(err)
		}
	}
	root, err := q.InitTenant(data.TenantSettings{TenantID: "t1", TenantName: "Contoso", InteractEnabled: true,
		WidgetKey: "wk-123", SnippetTemplate: `<script data-contact="{{contactId}}" data-key="{{widgetKey}}"></script>`,
		AdminSecurityGroup: "Nimbus Admins"})
	must(nil, err)
	f.ou["root"] = root
	for _, o := range []struct{ name, parent string }{{"Sales", "root"}, {"EMEA", "Sales"}, {"APAC", "Sales"}, {"Support", "root"}} {
		id, err := q.CreateOU(f.ou[o.parent], o.name)
		must(nil, err)
		f.ou[o.name] = id
	}
	people := []struct {
		key, name, ou string
		origin        data.Origin
		lic           data.LicenceSet
	}{
		{"anna", "Anna Åberg", "EMEA", data.OriginManual, data.ContactCenter | data.Interact | data.Assistant},
		{"ben", "Ben Okafor", "EMEA", data.OriginTeams, 0},
		{"eve", "Eve Müller", "EMEA", data.OriginManual, data.AttendantConsole},
		{"carl", "Carl Jensen", "root", data.OriginManual, data.ContactCenter},
		{"dana", "Dana Kim", "root", data.OriginManual, data.ContactCenter},
		{"frank", "Frank Directory-Only", "", "", 0},
	}
	for i, p := range people {
		id := fmt.Sprintf("00000000-0000-4000-8000-%012d", i+1)
		f.user[p.key] = id
		given, surname, _ := strings.Cut(p.name, " ")
		must(q.Exec(`INSERT INTO directory_users (id, display_name, given_name, surname, upn, mail, department)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, id, p.name, given, surname, p.key+"@contoso.example", p.key+"@mail.contoso.example", "Dept "+p.key))
		if p.ou != "" {
			must(nil, q.AddNimbusUser(id, f.ou[p.ou], p.origin, p.lic))
		}
	}
	must(q.Exec(`INSERT INTO teams (id, display_name) VALUES ('t-sales', 'Sales Hotline Team')`))
	sales, err := q.CreateService("Sales Hotline", data.TeamsBased, "t-sales", f.ou["Sales"])
	must(nil, err)
	esc, err := q.CreateService("Escalations", data.SkillBased, "", f.ou["Support"])
	must(nil, err)
	ivr, err := q.CreateService("Main IVR", data.NoUsers, "", f.ou["root"])
	must(nil, err)
	f.id["Sales Hotline"], f.id["Escalations"], f.id["Main IVR"] = sales, esc, ivr
	member, _ := q.BuiltinRole(data.RoleTeamMember)
	admin, _ := q.BuiltinRole(data.RoleTenantAdmin)
	for _, k := range []string{"ben", "eve"} {
		must(q.Exec(`INSERT INTO team_members (team_id, user_id, role) VALUES ('t-sales', ?, 'member')`, f.user[k]))
		must(nil, q.AddServiceMember(sales, f.user[k], data.Member))
		must(q.AssignRole(f.user[k], member.ID, f.ou["Sales"], true, sales))
	}
	must(nil, q.AddServiceMember(esc, f.user["carl"], data.Agent))
	agent, _ := q.BuiltinRole(data.RoleAgent)
	must(q.AssignRole(f.user["carl"], agent.ID, f.ou["Support"], true, esc))
	must(q.AssignRole(f.user["dana"], admin.ID, root, true, 0))
	f.id["Team Member"], f.id["Tenant Administrator"] = member.ID, admin.ID
	for _, key := range []string{data.RoleSupervisorService, data.RoleSupervisorUser, data.RoleSkillBasedUser, data.RoleWorkflowAdmin,
		data.RoleOUAdmin, data.RoleAgent, data.RoleServiceOwner, data.RoleTeamOwner, data.RoleTeamOwnerLimited} {
		r, err := q.BuiltinRole(key)
		must(nil, err)
		f.id[r.Name] = r.ID
	}
	f.id["Supervisor"] = f.id["Supervisor (Service)"]

	res, err := q.Exec(`INSERT INTO skill_categories (name, ou_id) VALUES ('Language', ?)`, root)
	must(nil, err)
	lang, _ := res.LastInsertId()
	for _, l := range []struct {
		name string
		v    int
	}{{"Basic", 1}, {"Fluent", 2}} {
		res, err := q.Exec(`INSERT INTO skill_levels (category_id, name, value) VALUES (?, ?, ?)`, lang, l.name, l.v)
		must(nil, err)
		f.level[l.name], _ = res.LastInsertId()
	}
	res, err = q.Exec(`INSERT INTO skill_categories (name, ou_id) VALUES ('Product', ?)`, root)
	must(nil, err)
	product, _ := res.LastInsertId()
	f.insert(q, "skills", "French", "Sales", "category_id", lang)
	f.insert(q, "skills", "German", "Support", "category_id", lang)
	f.insert(q, "skills", "Routers", "root", "category_id", product)
	f.insert(q, "responsibility_profiles", "Early shift", "EMEA", "", nil)
	f.insert(q, "responsibility_profiles", "Support shift", "Support", "", nil)
	f.insert(q, "na_reasons", "Lunch", "root", "", nil)
	f.insert(q, "na_reasons", "Meeting", "Sales", "", nil)
	f.insert(q, "na_reasons", "Coaching", "Support", "", nil)
	f.insert(q, "domain_templates", "Public site", "Sales", "origins", "https://www.contoso.example")
	f.insert(q, "domain_templates", "Support portal", "Support", "origins", "https://support.contoso.example")
	f.insert(q, "direct_system_messages", "Friendly", "root", "", nil)
	f.insert(q, "direct_call_templates", "CRM lookup", "root", "", nil)
	f.insert(q, "direct_call_templates", "Ticket", "EMEA", "", nil)
	f.insert(q, "direct_call_templates", "Support KB", "Support", "", nil)
	for i := 1; i <= 6; i++ {
		id, err := q.CreateCustomRole(fmt.Sprintf("Custom %d", i), root, "")
		must(nil, err)
		f.id[fmt.Sprintf("Custom %d", i)] = id
	}
	id, err := q.CreateCustomRole("Support only", f.ou["Support"], "")
	f.id["Support only"] = id
	return err
}

// insert adds a named item in an OU with one extra column.
func (f *fixture) insert(q *data.Q, table, name, ou, col string, val any) {
	cols, args := "name, ou_id", []any{name, f.ou[ou]}
	if col != "" {
		cols += ", " + col
		args = append(args, val)
	}
	res, err := q.Exec(`INSERT INTO `+table+` (`+cols+`) VALUES (?, ?`+strings.Repeat(", ?", len(args)-2)+`)`, args...)
	if err != nil {
		f.t.Fatal(err)
	}
	f.id[name], _ = res.LastInsertId()
}

// digest is a fingerprint of every row of every table, to prove that a refused change
// wrote nothing.
func (f *fixture) digest() string {
	f.t.Helper()
	db, err := sql.Open("sqlite", f.path)
	if err != nil {
		f.t.Fatal(err)
	}
	defer db.Close()
	tables, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		f.t.Fatal(err)
	}
	var names []string
	for tables.Next() {
		var n string
		tables.Scan(&n)
		names = append(names, n)
	}
	tables.Close()
	h := sha256.New()
	for _, n := range names {
		rows, err := db.Query(`SELECT * FROM "` + n + `" ORDER BY 1`)
		if err != nil {
			f.t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			rows.Scan(ptrs...)
			fmt.Fprintf(h, "%s%v\n", n, vals)
		}
		rows.Close()
	}
	return fmt.Sprintf("%x", h.Sum(nil))
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
