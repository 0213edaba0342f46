package config

import (
	"context"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

func TestZZProbe(t *testing.T) {
	path := os.Getenv("CW_DB")
	if path == "" {
		t.Skip()
	}
	test.NewTempApp(t)
	store, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	admin, err := app.DemoAdmin(context.Background(), store)
	if err != nil {
		t.Fatal(err)
	}
	nimbus := app.New(store, admin)
	start := time.Now()
	w := test.NewTempWindow(t, nil)
	cw := newConfigWindow(w, nimbus)
	content := cw.build()
	t.Logf("build %v", time.Since(start))
	w.SetContent(content)
	w.Resize(fyne.NewSize(1180, 760))
	t.Logf("first layout %v", time.Since(start))
	var walk func(tabs *container.AppTabs, prefix string)
	walk = func(tabs *container.AppTabs, prefix string) {
		for i, item := range tabs.Items {
			s := time.Now()
			tabs.SelectIndex(i)
			w.Content().Refresh()
			t.Logf("%s%s %v", prefix, item.Text, time.Since(s))
			if sub, ok := item.Content.(*container.AppTabs); ok {
				walk(sub, prefix+item.Text+" / ")
			}
		}
	}
	walk(cw.tabs, "")
	t.Logf("total %v", time.Since(start))
}

func TestZZProbeApp(t *testing.T) {
	path := os.Getenv("CW_DB")
	if path == "" {
		t.Skip()
	}
	ctx := context.Background()
	store, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	admin, _ := app.DemoAdmin(ctx, store)
	nimbus := app.New(store, admin)
	tm := func(what string, f func()) { s := time.Now(); f(); t.Logf("%s %v", what, time.Since(s)) }
	tm("rights", func() { nimbus.Rights(ctx) })
	tm("outree", func() { nimbus.OUTree(ctx) })
	tree, _ := nimbus.OUTree(ctx)
	tm("ouholds root", func() { nimbus.OUHolds(ctx, tree.Root) })
	for _, k := range data.ConfigKinds {
		tm("items "+string(k), func() { nimbus.ConfigItems(ctx, k) })
	}
	roles, _ := nimbus.ConfigItems(ctx, data.ConfigCustomRoles)
	tm("customrole", func() { nimbus.CustomRole(ctx, roles[0].ID) })
	tm("services", func() { nimbus.ServiceList(ctx) })
	svs, _ := nimbus.ServiceList(ctx)
	for _, s := range svs[:3] {
		tm("members "+s.Name, func() { nimbus.ServiceMembers(ctx, s.ID) })
	}
	tm("teams", func() { nimbus.DirectoryTeams(ctx) })
	tm("teamsummaries", func() { nimbus.TeamSummaries(ctx) })
	tm("versions ou", func() { nimbus.RowVersions(ctx, "ou") })
	tm("versions service", func() { nimbus.RowVersions(ctx, "service") })
	tm("holdercount", func() { nimbus.CustomRoleHolderCount(ctx, roles[0].ID) })
	tm("holders page", func() { nimbus.CustomRoleHolders(ctx, roles[0].ID, 0, 100) })
	tm("roledef", func() { nimbus.CustomRoleDefinition(ctx, roles[0].ID) })
	tm("totals", func() { nimbus.LicenceTotals(ctx) })
	tm("settings", func() { nimbus.ConfigTenantSettings(ctx) })
	set, _ := nimbus.ConfigTenantSettings(ctx)
	tm("preview", func() { nimbus.SnippetTemplatePreview(ctx, set.SnippetTemplate) })
	tm("userindex", func() { nimbus.LoadUserIndex(ctx) })
}

func TestZZProbeBuild(t *testing.T) {
	path := os.Getenv("CW_DB")
	if path == "" {
		t.Skip()
	}
	test.NewTempApp(t)
	ctx := context.Background()
	store, _ := data.Open(path)
	admin, _ := app.DemoAdmin(ctx, store)
	nimbus := app.New(store, admin)
	w := test.NewTempWindow(t, nil)
	for round := 0; round < 2; round++ {
		c := newConfigWindow(w, nimbus)
		tm := func(what string, f func()) { s := time.Now(); f(); t.Logf("%d %s %v", round, what, time.Since(s)) }
		tm("ous", func() { c.ous = newConfigOUEditor(c); c.ous.build() })
		tm("services", func() { c.services = newConfigServices(c); c.services.build() })
		for _, k := range data.ConfigKinds {
			if k != data.ConfigCustomRoles {
				tm(string(k), func() { c.catalogues[k] = newConfigCatalogue(c, k); c.catalogues[k].build() })
			}
		}
		tm("roles", func() { c.roles = newConfigRoleEditor(c); c.roles.build() })
		tm("settings", func() { c.settings = newConfigSettings(c); c.settings.build() })
		tm("banner", func() { c.rightsBanner() })
	}
}
