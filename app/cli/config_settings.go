package cli

import (
	"context"
	"fmt"

	"nimbusadmin/app"
)

func init() {
	register(verb{"config settings",
		"show [--format table|json] | set [--interact on|off] [--snippet-template T] [--default-ou OU] [--admin-group G] | regenerate-widget-key --yes",
		"tenant settings: Interact, the Widget Key (every snippet changes when it is regenerated), the snippet template, the OU for users from Teams, the admin group",
		runConfigSettings})
}

type configSettingsJSON struct {
	TenantName         string `json:"tenantName"`
	InteractEnabled    bool   `json:"interactEnabled"`
	SnippetTemplate    string `json:"snippetTemplate"`
	DefaultTeamsOU     string `json:"defaultTeamsOu"`
	AdminSecurityGroup string `json:"adminSecurityGroup"`
}

func runConfigSettings(ctx context.Context, e env, args []string) error {
	if len(args) == 0 {
		return usagef("config settings needs show, set or regenerate-widget-key")
	}
	sub, args := args[0], args[1:]
	fs := newFlags("config settings " + sub)
	f := format("table")
	fs.Var(&f, "format", "table or json")
	interact := fs.String("interact", "", "on or off")
	tmpl := fs.String("snippet-template", "", "the snippet template, with {{contactId}} and {{widgetKey}}")
	ou := fs.String("default-ou", "", "the OU for users that arrive from Teams")
	group := fs.String("admin-group", "", "the tenant administration security group")
	yes := fs.Bool("yes", false, "confirm regenerating the Widget Key")
	if _, err := parse(fs, args, 0, ""); err != nil {
		return err
	}
	return configWithApp(e, func(a *app.App) error {
		switch sub {
		case "show":
			return configShowSettings(ctx, e, a, f)
		case "regenerate-widget-key":
			if !*yes {
				return usagef("regenerating the Widget Key changes every user's snippet: add --yes to confirm")
			}
			return a.RegenerateWidgetKey(ctx)
		case "set":
			return configSetSettings(ctx, a, *interact, *tmpl, *ou, *group)
		}
		return usagef("config settings: unknown action %q (use show, set or regenerate-widget-key)", sub)
	})
}

func configSetSettings(ctx context.Context, a *app.App, interact, tmpl, ou, group string) error {
	switch interact {
	case "":
	case "on", "off":
		if err := a.SetInteractEnabled(ctx, interact == "on"); err != nil {
			return err
		}
	default:
		return usagef("--interact must be on or off")
	}
	if tmpl != "" {
		if err := a.SetSnippetTemplate(ctx, tmpl); err != nil {
			return err
		}
	}
	if ou != "" {
		tree, err := a.OUTree(ctx)
		if err != nil {
			return err
		}
		id, err := tree.Resolve(ou)
		if err != nil {
			return err
		}
		if err := a.SetDefaultTeamsOU(ctx, id); err != nil {
			return err
		}
	}
	if group != "" {
		return a.SetAdminSecurityGroup(ctx, group)
	}
	return nil
}

func configShowSettings(ctx context.Context, e env, a *app.App, f format) error {
	s, err := a.ConfigTenantSettings(ctx)
	if err != nil {
		return err
	}
	tree, err := a.OUTree(ctx)
	if err != nil {
		return err
	}
	v := configSettingsJSON{s.TenantName, s.InteractEnabled, s.SnippetTemplate, tree.Path(s.DefaultTeamsOUID), s.AdminSecurityGroup}
	if f == "json" {
		return writeJSON(e.stdout, v)
	}
	w := e.stdout
	fmt.Fprintf(w, "Tenant:                  %s\n", v.TenantName)
	fmt.Fprintf(w, "Interact enabled:        %s\n", yesNo(v.InteractEnabled))
	fmt.Fprintf(w, "Snippet template:        %s\n", v.SnippetTemplate)
	fmt.Fprintf(w, "Default OU (from Teams): %s\n", v.DefaultTeamsOU)
	fmt.Fprintf(w, "Admin security group:    %s\n", v.AdminSecurityGroup)
	return nil
}
