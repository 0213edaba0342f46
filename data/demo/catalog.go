package demo

import (
	"maps"
	"slices"
	"strings"

	"nimbusadmin/data/internal/rawsql"
)

// The configuration catalogues of the demo tenant. Paths name the OU an item lives in
// ("" is the root); items below the root make the "same OU or higher" rule visible.

type levelDef struct {
	name  string
	value int
}

type categoryDef struct {
	name   string
	levels []levelDef
	skills []string // "Name" (lives in the root) or "Name@Path"
}

var skillCategories = []categoryDef{
	{"Language", []levelDef{{"Basic", 1}, {"Fluent", 2}, {"Native", 3}},
		[]string{"English", "German", "French", "Spanish", "Mandarin", "Arabic",
			"Polish@Support/EMEA", "Japanese@Support/APAC"}},
	{"Product", []levelDef{{"Junior", 1}, {"Intermediate", 2}, {"Expert", 3}},
		[]string{"Contoso Phones@Support", "Routers@Support", "Cloud Storage", "Billing Portal@Finance"}},
	{"Channel", []levelDef{{"Trainee", 1}, {"Qualified", 2}},
		[]string{"Voice", "Chat", "Email", "Callback"}},
	{"Certification", nil, []string{"ITIL Foundation@Support", "PCI DSS", "GDPR Awareness"}},
	{"Customer Segment", []levelDef{{"Standard", 1}, {"Priority", 2}, {"Strategic", 3}},
		[]string{"Enterprise@Sales", "SMB@Sales", "Public Sector@Sales", "VIP@Sales/EMEA"}},
}

type profileDef struct {
	name, path string
	skills     map[string]int // skill name → level value (0: the category has no levels)
}

var profileDefs = []profileDef{
	{"Voice Only", "", map[string]int{"Voice": 2, "English": 2}},
	{"Chat & Email", "", map[string]int{"Chat": 2, "Email": 2, "English": 2}},
	{"EMEA Languages", "Support/EMEA", map[string]int{"German": 2, "French": 2, "Polish": 2, "English": 3}},
	{"Tier 2 Support", "Support", map[string]int{"Contoso Phones": 3, "Routers": 3, "ITIL Foundation": 0}},
	{"Sales Inbound", "Sales", map[string]int{"Enterprise": 2, "SMB": 1, "Voice": 2}},
	{"Night Shift", "Operations", map[string]int{"Voice": 1, "Callback": 1}},
}

type namedDef struct{ name, path string }

var naReasonDefs = []namedDef{
	{"Lunch", ""}, {"Meeting", ""}, {"Training", ""}, {"Break", ""}, {"Personal", ""},
	{"Technical issue", ""}, {"Back office", "Operations"}, {"Coaching", "Support"},
}

var domainTemplateDefs = []struct{ name, path, origins string }{
	{"Public Website", "", "https://www.contoso-demo.example\nhttps://shop.contoso-demo.example"},
	{"Support Portal", "Support", "https://support.contoso-demo.example\nhttps://help.contoso-demo.example\nhttps://status.contoso-demo.example"},
	{"EMEA Shops", "Sales/EMEA", "https://de.contoso-demo.example\nhttps://fr.contoso-demo.example\nhttps://pl.contoso-demo.example"},
}

var systemMessageDefs = []struct{ name, path, display, welcome string }{
	{"Standard Welcome", "", "Contoso Customer Service", "Hello! Thank you for contacting Contoso. How can we help you today?"},
	{"Support Chat", "Support", "Contoso Support", "Hi, you are chatting with Contoso Support. Please describe your issue and add your ticket number if you have one."},
	{"Sales Chat", "Sales", "Contoso Sales", "Hello! One of our sales experts will be with you in a moment."},
}

var callTemplateDefs = []struct{ name, path, description, url string }{
	{"CRM Caller Lookup", "", "Opens the caller's record in the CRM.", "https://crm.contoso-demo.example/lookup?phone={callerId}"},
	{"Intranet People Search", "", "Searches the intranet for the caller.", "https://intranet.contoso-demo.example/people?q={callerName}"},
	{"Ticket Search", "Support", "Lists the caller's open support tickets.", "https://support.contoso-demo.example/tickets?caller={callerId}"},
	{"Order Status", "Operations", "Shows the caller's open orders and deliveries.", "https://ops.contoso-demo.example/orders?customer={callerId}"},
	{"Invoice Lookup", "Finance", "Shows the caller's unpaid invoices.", "https://billing.contoso-demo.example/invoices?phone={callerId}"},
	{"Key Account Card", "Sales", "Shows the key account summary of the caller's company.", "https://crm.contoso-demo.example/accounts?phone={callerId}"},
}

// CRUD bits of role_permissions: Create, Read, Update, Delete (any of C, U, D implies R).
const (
	permR    = 2
	permRU   = 2 | 4
	permCRU  = 1 | 2 | 4
	permCRUD = 1 | 2 | 4 | 8
)

type customRoleDef struct {
	name, path, description string
	permissions             map[string]int
}

var customRoleDefs = []customRoleDef{
	{"Service Coordinator", "", "Edits service settings and opening hours.", map[string]int{
		"services.list": permR, "services.general": permRU, "services.general.opening_hours": permCRUD,
		"services.distribution": permRU, "users.list": permR}},
	{"Licence Manager", "", "Grants and removes user licences.", map[string]int{
		"users.list": permR, "users.general": permR, "users.general.licences": permRU}},
	{"Read-only Auditor", "", "Sees services, users and their roles without changing anything.", map[string]int{
		"services.list": permR, "services.general": permR, "users.list": permR, "users.general": permR,
		"users.services": permR, "users.roles": permR}},
	{"Interact Editor", "", "Configures Interact for services and users.", map[string]int{
		"users.list": permR, "users.interact": permRU, "services.interact": permRU}},
	{"Workforce Planner", "Support", "Plans skills, profiles and N/A reasons of the support agents.", map[string]int{
		"users.list": permR, "users.skills": permCRUD, "users.skills.levels": permRU,
		"users.profiles": permCRUD, "users.na_reasons": permCRU}},
	{"Quality Coach", "Support/EMEA", "Reviews agents' skills and reporting in EMEA support.", map[string]int{
		"users.list": permR, "users.skills": permR, "users.profiles": permRU, "services.general.reporting": permR}},
	{"Sales Reporting", "Sales", "Reads the reporting of the sales services.", map[string]int{
		"services.list": permR, "services.general.reporting": permR, "users.list": permR}},
}

// catalogItem is a written catalogue row: its id and the OU (index) it lives in.
type catalogItem struct {
	id int64
	ou int
}

// skillItem is a written skill with the level ids of its category (none: NULL level).
type skillItem struct {
	catalogItem
	levels []int64
}

// insert writes one catalogue row and returns its id.
func (g *generator) insert(query string, args ...any) int64 {
	if g.w.err != nil {
		return 0
	}
	res, err := rawsql.Exec(g.q, query, args...)
	if err != nil {
		g.w.err = err
		return 0
	}
	id, _ := res.LastInsertId()
	return id
}

// writeCatalogs writes skills, profiles, N/A reasons, the Interact and Assistant
// catalogues and the custom roles, and works out which items each OU may use.
func (g *generator) writeCatalogs() error {
	skillByName := map[string]int{}
	for _, c := range skillCategories {
		catID := g.insert(`INSERT INTO skill_categories (name, ou_id) VALUES (?, ?)`, c.name, g.ous[0].id)
		levelIDs := map[int]int64{}
		var levels []int64
		for _, l := range c.levels {
			id := g.insert(`INSERT INTO skill_levels (category_id, name, value) VALUES (?, ?, ?)`, catID, l.name, l.value)
			levelIDs[l.value] = id
			levels = append(levels, id)
		}
		for _, s := range c.skills {
			name, path, _ := strings.Cut(s, "@")
			ou := g.ouAt(path)
			id := g.insert(`INSERT INTO skills (name, category_id, ou_id) VALUES (?, ?, ?)`, name, catID, g.ous[ou].id)
			skillByName[name] = len(g.skills)
			g.skills = append(g.skills, skillItem{catalogItem{id, ou}, levels})
			g.levelByValue = append(g.levelByValue, levelIDs)
		}
	}
	for _, p := range profileDefs {
		ou := g.ouAt(p.path)
		id := g.insert(`INSERT INTO responsibility_profiles (name, ou_id) VALUES (?, ?)`, p.name, g.ous[ou].id)
		g.profiles = append(g.profiles, catalogItem{id, ou})
		for _, name := range sortedKeys(p.skills) {
			s := skillByName[name]
			if !g.within(g.skills[s].ou, ou) {
				panic("demo: profile " + p.name + " uses skill " + name + " from below its OU")
			}
			g.insert(`INSERT INTO profile_skills (profile_id, skill_id, level_id) VALUES (?, ?, ?)`,
				id, g.skills[s].id, nullID(g.levelByValue[s][p.skills[name]]))
		}
	}
	for _, d := range naReasonDefs {
		ou := g.ouAt(d.path)
		g.reasons = append(g.reasons, catalogItem{g.insert(`INSERT INTO na_reasons (name, ou_id) VALUES (?, ?)`, d.name, g.ous[ou].id), ou})
	}
	for _, d := range domainTemplateDefs {
		ou := g.ouAt(d.path)
		g.domainTemplates = append(g.domainTemplates, catalogItem{g.insert(
			`INSERT INTO domain_templates (name, ou_id, origins) VALUES (?, ?, ?)`, d.name, g.ous[ou].id, d.origins), ou})
	}
	for _, d := range systemMessageDefs {
		ou := g.ouAt(d.path)
		g.systemMessages = append(g.systemMessages, catalogItem{g.insert(
			`INSERT INTO direct_system_messages (name, ou_id, display_name, welcome) VALUES (?, ?, ?, ?)`,
			d.name, g.ous[ou].id, d.display, d.welcome), ou})
	}
	for _, d := range callTemplateDefs {
		ou := g.ouAt(d.path)
		g.callTemplates = append(g.callTemplates, catalogItem{g.insert(
			`INSERT INTO direct_call_templates (name, ou_id, description, url) VALUES (?, ?, ?, ?)`,
			d.name, g.ous[ou].id, d.description, d.url), ou})
	}
	for _, d := range customRoleDefs {
		ou := g.ouAt(d.path)
		id := g.insert(`INSERT INTO roles (kind, name, ou_id, description) VALUES ('custom', ?, ?, ?)`,
			d.name, g.ous[ou].id, d.description)
		g.customRoles = append(g.customRoles, catalogItem{id, ou})
		for _, item := range sortedKeys(d.permissions) {
			g.insert(`INSERT INTO role_permissions (role_id, item, permissions) VALUES (?, ?, ?)`, id, item, d.permissions[item])
		}
	}

	g.skillsFor = g.eligible(ouList(len(g.skills), func(i int) int { return g.skills[i].ou }))
	g.profilesFor = g.eligible(ous(g.profiles))
	g.reasonsFor = g.eligible(ous(g.reasons))
	g.domainTemplatesFor = g.eligible(ous(g.domainTemplates))
	g.systemMessagesFor = g.eligible(ous(g.systemMessages))
	g.callTemplatesFor = g.eligible(ous(g.callTemplates))
	g.customRolesFor = g.eligible(ous(g.customRoles))
	return g.w.err
}

func ous(items []catalogItem) []int {
	return ouList(len(items), func(i int) int { return items[i].ou })
}

func ouList(n int, ou func(int) int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = ou(i)
	}
	return out
}

func sortedKeys(m map[string]int) []string { return slices.Sorted(maps.Keys(m)) }
