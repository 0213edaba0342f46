package app

import (
	"fmt"
	"strings"
	"testing"

	"nimbusadmin/data"
)

// namedThing is one way an admin names something: the command that gives the name, and
// how to read back the name it stored.
type namedThing struct {
	what   string
	cmd    func(f *fixture, name string) Command
	stored func(f *fixture, out Outcome) string
	ou     bool // an organization unit, whose name also has no "/"
}

// namedThings is every command that takes a name an admin types.
func namedThings() []namedThing {
	ouName := func(id func(f *fixture, out Outcome) int64) func(*fixture, Outcome) string {
		return func(f *fixture, out Outcome) string {
			tree, err := f.app.OUTree(ctx)
			if err != nil {
				f.t.Fatal(err)
			}
			return tree.Name(id(f, out))
		}
	}
	itemName := func(k data.ConfigKind, id func(f *fixture, out Outcome) int64) func(*fixture, Outcome) string {
		return func(f *fixture, out Outcome) string {
			items, err := f.app.ConfigItems(ctx, k)
			if err != nil {
				f.t.Fatal(err)
			}
			for _, it := range items {
				if it.ID == id(f, out) {
					return it.Name
				}
			}
			f.t.Fatalf("no %s %d", ConfigNoun(k), id(f, out))
			return ""
		}
	}
	created := func(_ *fixture, out Outcome) int64 { return out.ID }
	fixed := func(key string) func(*fixture, Outcome) int64 {
		return func(f *fixture, _ Outcome) int64 { return f.id[key] }
	}
	serviceName := func(id func(f *fixture, out Outcome) int64) func(*fixture, Outcome) string {
		return func(f *fixture, out Outcome) string {
			s, err := f.app.ServiceByName(ctx, fmt.Sprint(id(f, out)))
			if err != nil {
				f.t.Fatal(err)
			}
			return s.Name
		}
	}
	levelName := func(id func(f *fixture, out Outcome) int64) func(*fixture, Outcome) string {
		return func(f *fixture, out Outcome) string {
			c, err := f.app.SkillCategory(ctx, id(f, out))
			if err != nil || len(c.Levels) == 0 {
				f.t.Fatalf("levels of %d: %v %v", id(f, out), c.Levels, err)
			}
			return c.Levels[0].Name
		}
	}
	return []namedThing{
		{"new OU", func(f *fixture, n string) Command { return CreateOU{Parent: f.ou["root"], Name: n} },
			ouName(created), true},
		{"renamed OU", func(f *fixture, n string) Command { return RenameOU{OU: f.ou["APAC"], Name: n} },
			ouName(func(f *fixture, _ Outcome) int64 { return f.ou["APAC"] }), true},
		{"renamed root OU", func(f *fixture, n string) Command { return RenameOU{OU: f.ou["root"], Name: n} },
			ouName(func(f *fixture, _ Outcome) int64 { return f.ou["root"] }), true},
		{"new skill category", func(f *fixture, n string) Command { return CreateSkillCategory{Name: n, OU: f.ou["root"]} },
			itemName(data.ConfigSkillCategories, created), false},
		{"new skill", func(f *fixture, n string) Command {
			return CreateSkill{Name: n, Category: f.id["Product"], OU: f.ou["root"]}
		}, itemName(data.ConfigSkills, created), false},
		{"new profile", func(f *fixture, n string) Command {
			return CreateProfile{Name: n, OU: f.ou["root"], Skills: []data.ConfigProfileSkill{{SkillID: f.id["Routers"]}}}
		},
			itemName(data.ConfigProfiles, created), false},
		{"new N/A reason", func(f *fixture, n string) Command { return CreateNAReason{Name: n, OU: f.ou["root"]} },
			itemName(data.ConfigNAReasons, created), false},
		{"new domain template", func(f *fixture, n string) Command {
			return CreateDomainTemplate{Name: n, OU: f.ou["root"], Origins: []string{"https://web.contoso.example"}}
		}, itemName(data.ConfigDomainTemplates, created), false},
		{"new system message", func(f *fixture, n string) Command {
			return CreateSystemMessage{Name: n, OU: f.ou["root"], DisplayName: "Contoso"}
		}, itemName(data.ConfigSystemMessages, created), false},
		{"new call template", func(f *fixture, n string) Command {
			return CreateCallTemplate{Name: n, OU: f.ou["root"], PageURL: "https://crm.contoso.example"}
		}, itemName(data.ConfigCallTemplates, created), false},
		{"new custom role", func(f *fixture, n string) Command {
			return CreateCustomRole{CustomRoleSpec: CustomRoleSpec{Name: n, OUID: f.ou["root"]}}
		}, itemName(data.ConfigCustomRoles, created), false},
		{"updated custom role", func(f *fixture, n string) Command {
			return UpdateCustomRole{Role: f.id["Custom 1"], CustomRoleSpec: CustomRoleSpec{Name: n, OUID: f.ou["root"]}}
		}, itemName(data.ConfigCustomRoles, fixed("Custom 1")), false},
		{"renamed catalogue item", func(f *fixture, n string) Command {
			return RenameConfigItem{ConfigKind: data.ConfigSkills, Item: f.id["Routers"], Name: n, OU: f.ou["root"]}
		}, itemName(data.ConfigSkills, fixed("Routers")), false},
		{"new service", func(f *fixture, n string) Command {
			return CreateService{Type: data.SkillBased, Name: n, OU: f.ou["root"]}
		}, serviceName(created), false},
		{"renamed service", func(f *fixture, n string) Command { return RenameService{Service: f.id["Escalations"], Name: n} },
			serviceName(fixed("Escalations")), false},
		{"level of a new category", func(f *fixture, n string) Command {
			return CreateSkillCategory{Name: "Tools", OU: f.ou["root"], Levels: []data.ConfigLevel{{Name: n, Value: 1}}}
		}, levelName(created), false},
		{"new level", func(f *fixture, n string) Command {
			return SetSkillCategoryLevels{Category: f.id["Product"], Levels: []data.ConfigLevel{{Name: n, Value: 1}}}
		}, levelName(fixed("Product")), false},
	}
}

// refusedNames are names the name rule refuses, with the rule that refuses them.
var refusedNames = []struct{ name, rule string }{
	{"", "name.empty"},
	{" \t\n ", "name.empty"},
	{"\u200b\ufeff", "name.empty"}, // only invisible characters
	{"Sa\x1b[2Jles", "name.characters"},
	{"Sales\u202e", "name.characters"},
	{"\u2066Sales\u2069", "name.characters"},
	{"Sa\u202ales", "name.characters"},
	{"two\nlines", "name.characters"},
	{"two\u2028lines", "name.characters"},
	{"tab\there", "name.characters"},
	{"nul\x00", "name.characters"},
	{"del\x7f", "name.characters"},
	{"c1\u0085x", "name.characters"},
	{"bad \xff byte", "name.characters"},
	{strings.Repeat("x", NameLimit+1), "name.length"},
	{strings.Repeat("x", 128<<10), "name.length"},
	{"3", "name.digits"},
	{" 042 ", "name.digits"},
	{"+7", "name.digits"},
	{"-7", "name.digits"},
	{"٣٤", "name.digits"}, // Arabic-Indic digits
	{".", "name.dots"},
	{"..", "name.dots"},
}

func TestEveryNameAnAdminTypesFollowsTheNameRule(t *testing.T) {
	for _, thing := range namedThings() {
		t.Run(thing.what, func(t *testing.T) {
			f := newFixture(t)
			for _, c := range refusedNames {
				f.refused(c.rule, do(f.app, thing.cmd(f, c.name)))
			}
			if thing.ou {
				f.refused("name.slash", do(f.app, thing.cmd(f, "Sales/EMEA")))
			}
		})
	}
}

func TestANameIsStoredTrimmedAndInNFC(t *testing.T) {
	long := strings.Repeat("e\u0301", NameLimit) // 512 characters typed, 256 once composed
	for _, thing := range namedThings() {
		t.Run(thing.what, func(t *testing.T) {
			for typed, want := range map[string]string{
				" \ufeffCafe\u0301 Nord\u200b\t": "Café Nord",
				long:                             strings.Repeat("é", NameLimit),
				"Team 3":                         "Team 3",
				"3.5":                            "3.5",
				"...":                            "...",
			} {
				f := newFixture(t)
				var out Outcome
				f.accepted(func() (err error) { out, err = f.app.Do(ctx, thing.cmd(f, typed)); return err })
				if got := thing.stored(f, out); got != want {
					t.Errorf("%q: stored %q, want %q", typed, got, want)
				}
			}
		})
	}
}

func TestANameIsOnlyRefusedForWhatTheRuleSays(t *testing.T) {
	f := newFixture(t)
	for name, want := range map[string]string{
		"":                           "needs a name",
		strings.Repeat("x", 128<<10): "at most 256 characters, not 131,072",
		"Sa\x1bles":                  "U+001B",
		"Sales\u202e":                "U+202E",
		"3":                          `add a word, e.g. "Organization unit 3"`,
		"..":                         `cannot be named ".."`,
		"Sales/EMEA":                 `cannot contain "/"`,
	} {
		_, err := f.app.Do(ctx, CreateOU{Parent: f.ou["root"], Name: name})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%.20q: got %v, want a refusal saying %q", name, err, want)
		}
		if err != nil && (len(err.Error()) > 300 || strings.ContainsAny(err.Error(), "\x1b\u202e\n")) {
			t.Errorf("%.20q: the refusal is not one short, safe line: %.400q", name, err)
		}
	}
}

func TestTheAdminSecurityGroupIsANameWithoutControlCharacters(t *testing.T) {
	f := newFixture(t)
	for name, rule := range map[string]string{
		"":                           "tenant.admin-group",
		"\u200b":                     "tenant.admin-group",
		"Admins\x1b[31m":             "name.characters",
		"Admins\u202e":               "name.characters",
		strings.Repeat("x", 128<<10): "name.length",
	} {
		f.refused(rule, do(f.app, ChangeTenantSettings{AdminSecurityGroup: ptr(name)}))
	}
	// The group's name is looked up in Entra ID as written: trimmed, not normalised.
	f.accepted(do(f.app, ChangeTenantSettings{AdminSecurityGroup: ptr(" Contoso Admins Cafe\u0301 2024 ")}))
	s, err := f.app.ConfigTenantSettings(ctx)
	if err != nil || s.AdminSecurityGroup != "Contoso Admins Cafe\u0301 2024" {
		t.Fatalf("admin group %q, %v", s.AdminSecurityGroup, err)
	}
}

// A path may start with the root's name ("Contoso/Sales"), so no OU directly below the root
// may share the root's name: its path would mean the root.
func TestNoOUBelowTheRootIsNamedLikeTheRoot(t *testing.T) {
	f := newFixture(t)
	f.refused("ou.name", do(f.app, CreateOU{Parent: f.ou["root"], Name: " contoso "}), "like the root")
	f.refused("ou.name", do(f.app, RenameOU{OU: f.ou["Support"], Name: "CONTOSO"}), "like the root")
	f.refused("ou.name", do(f.app, RenameOU{OU: f.ou["root"], Name: "support"}), "directly below it has that name")
	f.accepted(do(f.app, RenameOU{OU: f.ou["EMEA"], Name: "Contoso"})) // deeper down the path is unambiguous
	f.refused("ou.name", do(f.app, MoveOU{OU: f.ou["EMEA"], Parent: f.ou["root"]}), "like the root")
	f.accepted(do(f.app, RenameOU{OU: f.ou["root"], Name: "Contoso Ltd"}))
}
