package ui

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// detailTenant is a small hand-made tenant for the detail view tests:
//
//	Contoso (root)   dana (Tenant Administrator); NA Lunch; call template CRM lookup; Custom 1..6
//	├── Sales        skill French (Language: Basic, Fluent); NA Meeting
//	│   └── EMEA     anna (manual; CC, Interact, Assistant), ben (Teams member of Sales Hotline); call template Ticket
//	└── Support      skill German; NA Coaching; domain template Support portal; call template Support KB;
//	                 custom role Mover (may change users' OU)
type detailTenant struct {
	t    *testing.T
	path string
	app  *app.App
	ou   map[string]int64
	id   map[string]int64
	user map[string]string
	win  fyne.Window
	pane *detailPane
}

func newDetailTenant(t *testing.T) *detailTenant {
	t.Helper()
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "tenant.db")
	store, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	f := &detailTenant{t: t, path: path, app: app.New(store, "dana@contoso.example"),
		ou: map[string]int64{}, id: map[string]int64{}, user: map[string]string{}}
	if err := store.Tx(context.Background(), f.build); err != nil {
		t.Fatal(err)
	}
	f.win = test.NewWindow(nil)
	f.pane = newDetailPane(f.app, f.win, nil)
	f.win.SetContent(f.pane.Object())
	f.win.Resize(fyne.NewSize(900, 700))
	t.Cleanup(f.win.Close)
	return f
}

func (f *detailTenant) build(q *data.Q) error {
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
	for _, o := range []struct{ name, parent string }{{"Sales", "root"}, {"EMEA", "Sales"}, {"Support", "root"}} {
		id, err := q.CreateOU(f.ou[o.parent], o.name)
		must(nil, err)
		f.ou[o.name] = id
	}
	people := []struct {
		key, name, ou string
		origin        data.Origin
	}{{"anna", "Anna Åberg", "EMEA", data.OriginManual}, {"ben", "Ben Okafor", "EMEA", data.OriginTeams}, {"dana", "Dana Kim", "root", data.OriginManual}}
	for i, p := range people {
		id := fmt.Sprintf("00000000-0000-4000-8000-%012d", i+1)
		f.user[p.key] = id
		given, surname, _ := strings.Cut(p.name, " ")
		must(q.Exec(`INSERT INTO directory_users (id, display_name, given_name, surname, upn) VALUES (?, ?, ?, ?, ?)`,
			id, p.name, given, surname, p.key+"@contoso.example"))
		must(nil, q.AddNimbusUser(id, f.ou[p.ou], p.origin, 0))
	}
	must(q.Exec(`INSERT INTO teams (id, display_name) VALUES ('t-sales', 'Sales Hotline Team')`))
	sales, err := q.CreateService("Sales Hotline", data.TeamsBased, "t-sales", f.ou["Sales"])
	must(nil, err)
	member, _ := q.BuiltinRole(data.RoleTeamMember)
	admin, _ := q.BuiltinRole(data.RoleTenantAdmin)
	must(nil, q.AddServiceMember(sales, f.user["ben"], data.Member))
	must(q.AssignRole(f.user["ben"], member.ID, f.ou["Sales"], true, sales))
	must(q.AssignRole(f.user["dana"], admin.ID, root, true, 0))
	res, err := q.Exec(`INSERT INTO skill_categories (name, ou_id) VALUES ('Language', ?)`, root)
	must(nil, err)
	lang, _ := res.LastInsertId()
	for _, l := range []struct {
		name string
		v    int
	}{{"Basic", 1}, {"Fluent", 2}} {
		res, err := q.Exec(`INSERT INTO skill_levels (category_id, name, value) VALUES (?, ?, ?)`, lang, l.name, l.v)
		must(nil, err)
		f.id[l.name], _ = res.LastInsertId()
	}
	f.insert(q, "skills", "French", "Sales", "category_id", lang)
	f.insert(q, "skills", "German", "Support", "category_id", lang)
	f.insert(q, "responsibility_profiles", "Early shift", "EMEA", "", nil)
	f.insert(q, "na_reasons", "Lunch", "root", "", nil)
	f.insert(q, "na_reasons", "Meeting", "Sales", "", nil)
	f.insert(q, "na_reasons", "Coaching", "Support", "", nil)
	f.insert(q, "domain_templates", "Support portal", "Support", "origins", "https://support.contoso.example")
	f.insert(q, "direct_call_templates", "CRM lookup", "root", "", nil)
	f.insert(q, "direct_call_templates", "Ticket", "EMEA", "", nil)
	f.insert(q, "direct_call_templates", "Support KB", "Support", "", nil)
	for i := 1; i <= 6; i++ {
		id, err := q.CreateCustomRole(fmt.Sprintf("Custom %d", i), root, "")
		must(nil, err)
		f.id[fmt.Sprintf("Custom %d", i)] = id
	}
	mover, err := q.CreateCustomRole("Mover", f.ou["Support"], "may change users' OU")
	must(nil, err)
	f.id["Mover"] = mover
	return q.SetRolePermission(mover, "users.general", 2|4)
}

func (f *detailTenant) insert(q *data.Q, table, name, ou, col string, val any) {
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

// roleID is the id of a built-in role.
func (f *detailTenant) roleID(key string) int64 {
	f.t.Helper()
	r, err := f.app.Store().Read(context.Background()).BuiltinRole(key)
	f.must(err)
	return r.ID
}

// must fails the test on a setup error.
func (f *detailTenant) must(err error) {
	f.t.Helper()
	if err != nil {
		f.t.Fatal(err)
	}
}

// detail reads a user as the cache holds it now.
func (f *detailTenant) detail(key string) app.UserDetail {
	f.t.Helper()
	d, err := f.app.UserDetail(context.Background(), f.user[key])
	f.must(err)
	return d
}

// digest fingerprints every row of every table, to prove a refused change wrote nothing.
func (f *detailTenant) digest() string {
	f.t.Helper()
	db, err := sql.Open("sqlite", f.path)
	f.must(err)
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	f.must(err)
	var names []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	rows.Close()
	h := sha256.New()
	for _, n := range names {
		r, err := db.Query(`SELECT * FROM "` + n + `" ORDER BY 1`)
		f.must(err)
		cols, _ := r.Columns()
		vals, ptrs := make([]any, len(cols)), make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for r.Next() {
			r.Scan(ptrs...)
			fmt.Fprintf(h, "%s%v\n", n, vals)
		}
		r.Close()
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// refused checks that the visible message carries the rule's words and nothing was written.
func (f *detailTenant) refused(before string, shown string, want ...string) {
	f.t.Helper()
	if shown == "" {
		f.t.Fatalf("no message shown")
	}
	for _, w := range want {
		if !strings.Contains(shown, w) {
			f.t.Errorf("message %q does not mention %q", shown, w)
		}
	}
	if f.digest() != before {
		f.t.Errorf("refused change wrote to the cache")
	}
}
