package testkit

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/internal/rawsql"
)

// OrgAdmin is the account the tests of the organisation act as: dana, its Tenant
// Administrator.
const OrgAdmin = "dana@contoso.example"

// Organization is the small hand-made tenant the app and ui tests share, so that a rule
// test and a window test speak of the same people and items:
//
//	Contoso (root)  dana (Tenant Administrator, CC), carl (manual, CC, agent of Escalations);
//	│               Main IVR (None); skill Routers (Product); NA Lunch; system message Friendly;
//	│               call template CRM lookup; custom roles Custom 1..6 and Mover (may change users' OU)
//	├── Sales       Sales Hotline (Teams-based, Team t-sales); skill French (Language: Basic, Fluent);
//	│   │           NA Meeting; domain template Public site
//	│   ├── EMEA    anna (manual; CC, Interact, Assistant), ben (Teams), eve (manual, Attendant
//	│   │           Console; also in the Team); call template Ticket; profile Early shift
//	│   └── APAC    (empty)
//	└── Support     Escalations (Skill-based); skill German; NA Coaching; domain template Support
//	                portal; call template Support KB; profile Support shift; custom role Support only
//
// frank is in the directory only, not in Nimbus.
type Organization struct {
	Store *data.Store
	OU    map[string]int64  // "root", "Sales", "EMEA", "APAC", "Support"
	ID    map[string]int64  // catalogue items, skill categories, services and roles by name
	User  map[string]string // directory ids by first name in lower case: "anna", …, "frank"
	Level map[string]int64  // the levels of the Language category: "Basic", "Fluent"
}

// Org builds the organisation in a fresh cache.
func Org(t testing.TB) *Organization {
	t.Helper()
	return OrgIn(t, Store(t))
}

// OrgIn builds the organisation in the given empty cache (a team server's working copy).
func OrgIn(t testing.TB, s *data.Store) *Organization {
	t.Helper()
	o := &Organization{Store: s, OU: map[string]int64{}, ID: map[string]int64{},
		User: map[string]string{}, Level: map[string]int64{}}
	err := o.Store.Tx(context.Background(), func(q *data.Q) error {
		b := &orgBuilder{q: q, o: o}
		b.build()
		return b.err
	})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// orgBuilder writes the organisation, keeping the first error it meets.
type orgBuilder struct {
	q   *data.Q
	o   *Organization
	err error
}

func (b *orgBuilder) check(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func (b *orgBuilder) id(id int64, err error) int64 {
	b.check(err)
	return id
}

func (b *orgBuilder) role(key string) data.Role {
	r, err := b.q.BuiltinRole(key)
	b.check(err)
	return r
}

func (b *orgBuilder) build() {
	q, o := b.q, b.o
	root := b.id(q.InitTenant(data.TenantSettings{TenantID: "t1", TenantName: "Contoso", InteractEnabled: true,
		WidgetKey: "wk-123", SnippetTemplate: `<script data-contact="{{contactId}}" data-key="{{widgetKey}}"></script>`,
		AdminSecurityGroup: "Nimbus Admins"}))
	o.OU["root"] = root
	for _, u := range []struct{ name, parent string }{{"Sales", "root"}, {"EMEA", "Sales"}, {"APAC", "Sales"}, {"Support", "root"}} {
		o.OU[u.name] = b.id(q.CreateOU(o.OU[u.parent], u.name))
	}
	b.people()
	b.services()
	b.catalogue()
}

// people adds the directory and the Nimbus users.
func (b *orgBuilder) people() {
	q, o := b.q, b.o
	for i, p := range []struct {
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
	} {
		id := fmt.Sprintf("00000000-0000-4000-8000-%012d", i+1)
		o.User[p.key] = id
		given, surname, _ := strings.Cut(p.name, " ")
		b.check(q.UpsertDirectoryUser(data.DirectoryUser{ID: id, DisplayName: p.name, GivenName: given, Surname: surname,
			UPN: p.key + "@contoso.example", Mail: p.key + "@mail.contoso.example", Department: "Dept " + p.key}))
		if p.ou != "" {
			b.check(q.AddNimbusUser(id, o.OU[p.ou], p.origin, p.lic))
		}
	}
}

// services adds the three services, their members with the roles that follow from
// membership, dana's Tenant Administrator role, and the ids of the built-in roles.
func (b *orgBuilder) services() {
	q, o := b.q, b.o
	_, err := rawsql.Exec(q, `INSERT INTO teams (id, display_name) VALUES ('t-sales', 'Sales Hotline Team')`)
	b.check(err)
	sales := b.id(q.CreateService("Sales Hotline", data.TeamsBased, "t-sales", o.OU["Sales"]))
	esc := b.id(q.CreateService("Escalations", data.SkillBased, "", o.OU["Support"]))
	o.ID["Sales Hotline"], o.ID["Escalations"] = sales, esc
	o.ID["Main IVR"] = b.id(q.CreateService("Main IVR", data.NoUsers, "", o.OU["root"]))
	member := b.role(data.RoleTeamMember)
	for _, k := range []string{"ben", "eve"} {
		_, err := rawsql.Exec(q, `INSERT INTO team_members (team_id, user_id, role) VALUES ('t-sales', ?, 'member')`, o.User[k])
		b.check(err)
		b.check(q.AddServiceMember(sales, o.User[k], data.Member))
		b.id(q.AssignRole(o.User[k], member.ID, o.OU["Sales"], true, sales))
	}
	b.check(q.AddServiceMember(esc, o.User["carl"], data.Agent))
	b.id(q.AssignRole(o.User["carl"], b.role(data.RoleAgent).ID, o.OU["Support"], true, esc))
	b.id(q.AssignRole(o.User["dana"], b.role(data.RoleTenantAdmin).ID, o.OU["root"], true, 0))
	for _, key := range []string{data.RoleTeamMember, data.RoleTenantAdmin, data.RoleSupervisorService,
		data.RoleSupervisorUser, data.RoleSkillBasedUser, data.RoleWorkflowAdmin, data.RoleOUAdmin, data.RoleAgent,
		data.RoleServiceOwner, data.RoleTeamOwner, data.RoleTeamOwnerLimited} {
		r := b.role(key)
		o.ID[r.Name] = r.ID
	}
	o.ID["Supervisor"] = o.ID["Supervisor (Service)"]
}

// catalogue adds the configuration items and the custom roles.
func (b *orgBuilder) catalogue() {
	q, o := b.q, b.o
	ou := o.OU
	lang := b.id(q.ConfigCreateSkillCategory("Language", ou["root"], []data.ConfigLevel{{Name: "Basic", Value: 1}, {Name: "Fluent", Value: 2}}))
	levels, err := q.SkillLevels(lang)
	b.check(err)
	for _, l := range levels {
		o.Level[l.Name] = l.ID
	}
	product := b.id(q.ConfigCreateSkillCategory("Product", ou["root"], nil))
	o.ID["Language"], o.ID["Product"] = lang, product
	o.ID["French"] = b.id(q.ConfigCreateSkill("French", lang, ou["Sales"]))
	o.ID["German"] = b.id(q.ConfigCreateSkill("German", lang, ou["Support"]))
	o.ID["Routers"] = b.id(q.ConfigCreateSkill("Routers", product, ou["root"]))
	o.ID["Early shift"] = b.id(q.ConfigCreateProfile("Early shift", ou["EMEA"], nil))
	o.ID["Support shift"] = b.id(q.ConfigCreateProfile("Support shift", ou["Support"], nil))
	for _, r := range []struct{ name, ou string }{{"Lunch", "root"}, {"Meeting", "Sales"}, {"Coaching", "Support"}} {
		o.ID[r.name] = b.id(q.ConfigCreateNAReason(r.name, ou[r.ou]))
	}
	o.ID["Public site"] = b.id(q.ConfigCreateDomainTemplate("Public site", ou["Sales"], []string{"https://www.contoso.example"}))
	o.ID["Support portal"] = b.id(q.ConfigCreateDomainTemplate("Support portal", ou["Support"], []string{"https://support.contoso.example"}))
	o.ID["Friendly"] = b.id(q.ConfigCreateSystemMessage("Friendly", ou["root"], "", ""))
	for _, c := range []struct{ name, ou string }{{"CRM lookup", "root"}, {"Ticket", "EMEA"}, {"Support KB", "Support"}} {
		o.ID[c.name] = b.id(q.ConfigCreateCallTemplate(c.name, ou[c.ou], "", ""))
	}
	for i := 1; i <= 6; i++ {
		name := fmt.Sprintf("Custom %d", i)
		o.ID[name] = b.id(q.CreateCustomRole(name, ou["root"], ""))
	}
	o.ID["Support only"] = b.id(q.CreateCustomRole("Support only", ou["Support"], ""))
	mover := b.id(q.CreateCustomRole("Mover", ou["root"], "may change users' OU"))
	o.ID["Mover"] = mover
	const readUpdate = 2 | 4 // the Read and Update bits of a permission
	b.check(q.SetRolePermission(mover, "users.general", readUpdate))
}
