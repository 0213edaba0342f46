package cli

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

type configSettingsJSON struct {
	TenantName         string             `json:"tenantName"`
	InteractEnabled    bool               `json:"interactEnabled"`
	SnippetTemplate    string             `json:"snippetTemplate"`
	DefaultTeamsOU     string             `json:"defaultTeamsOu"`
	AdminSecurityGroup string             `json:"adminSecurityGroup"`
	Licences           []licenceTotalJSON `json:"licences"`
}

// licenceTotalJSON is one licence's use and contingent (null: unlimited), in the JSON of
// 'config settings show' and 'status'.
type licenceTotalJSON struct {
	Licence    string `json:"licence"`
	Name       string `json:"name"`
	InUse      int    `json:"inUse"`
	Contingent *int   `json:"contingent"`
}

func licenceTotalsJSON(totals []app.LicenceTotal) []licenceTotalJSON {
	out := make([]licenceTotalJSON, len(totals))
	for i, t := range totals {
		out[i] = licenceTotalJSON{Licence: t.Licence.Key(), Name: t.Licence.String(), InUse: t.InUse}
		if t.Limited {
			n := t.Contingent
			out[i].Contingent = &n
		}
	}
	return out
}

// configContingent is one --contingent LICENCE=N|unlimited.
type configContingent struct {
	licence   data.LicenceSet
	n         int
	unlimited bool
}

func parseContingents(values []string) ([]configContingent, error) {
	var out []configContingent
	for _, v := range values {
		name, num, ok := strings.Cut(v, "=")
		if !ok {
			return nil, usagef("--contingent %q: write LICENCE=N or LICENCE=unlimited, e.g. contact-center=1000", v)
		}
		l, err := data.ParseLicence(name)
		if err != nil {
			return nil, usagef("--contingent %q: %v", v, err)
		}
		c := configContingent{licence: l}
		num = strings.TrimSpace(num)
		if strings.EqualFold(num, "unlimited") {
			c.unlimited = true
		} else if c.n, err = strconv.Atoi(strings.ReplaceAll(num, ",", "")); err != nil {
			return nil, usagef("--contingent %q: give a number of licences or unlimited", v)
		}
		out = append(out, c)
	}
	return out, nil
}

func runConfigSettings(ctx context.Context, e env, args []string) error {
	if len(args) == 0 {
		return usagef("config settings needs show, set or regenerate-widget-key")
	}
	sub, args := args[0], args[1:]
	fs := newFlags("config settings " + sub)
	f := formatFlag(fs, "table or json")
	fs.String("interact", "", "on or off")
	fs.String("snippet-template", "", "the snippet template, with {{contactId}} and {{widgetKey}}")
	ou := fs.String("default-ou", "", "the OU for users that arrive from Teams")
	fs.String("admin-group", "", "the tenant administration security group")
	yes := fs.Bool("yes", false, "confirm regenerating the Widget Key")
	var contingents listFlag
	fs.Var(&contingents, "contingent", "how many users may hold a licence, as LICENCE=N or LICENCE=unlimited (repeat)")
	if _, err := parse(fs, args, 0, ""); err != nil {
		return err
	}
	limits, err := parseContingents(contingents)
	if err != nil {
		return err
	}
	if err := configSettingsFlagsFit(fs, sub, *yes); err != nil {
		return err
	}
	change, err := configSettingsChange(fs)
	if err != nil {
		return err
	}
	return withApp(e, func(a *app.App) error {
		switch sub {
		case "show":
			return configShowSettings(ctx, e, a, *f)
		case "regenerate-widget-key":
			_, err := a.Do(ctx, app.ChangeTenantSettings{RegenerateWidgetKey: true})
			return err
		}
		if err := configSetSettings(ctx, a, change, *ou); err != nil {
			return err
		}
		return configSetContingents(ctx, a, limits)
	})
}

// configSettingFlags are the flags of 'config settings set', each a setting to change.
var configSettingFlags = []string{"interact", "snippet-template", "default-ou", "admin-group", "contingent"}

// configSettingsFlagsFit refuses an unknown action, a set that changes nothing, settings
// given to show or to regenerate-widget-key, and a regeneration not confirmed: each is a
// malformed command line, told before the cache is opened.
func configSettingsFlagsFit(fs *flag.FlagSet, sub string, yes bool) error {
	settings := 0
	for _, name := range configSettingFlags {
		if flagGiven(fs, name) {
			settings++
		}
	}
	switch sub {
	case "set":
		if settings == 0 {
			return usagef("config settings set needs at least one of --%s", strings.Join(configSettingFlags, ", --"))
		}
		return nil
	case "show", "regenerate-widget-key":
		if settings > 0 {
			return usagef("config settings %s changes no setting: give the settings to 'config settings set'", sub)
		}
		if sub == "regenerate-widget-key" && !yes {
			return usagef("regenerating the Widget Key changes every user's snippet: add --yes to confirm")
		}
		return nil
	}
	return usagef("config settings: unknown action %q (use show, set or regenerate-widget-key)", sub)
}

// configSettingsChange builds the change of the tenant settings given on the command
// line; what is not given stays. A snippet template or admin group given empty is passed
// on, for the settings' rules to refuse with their reason. The default OU is resolved
// against the cache later.
func configSettingsChange(fs *flag.FlagSet) (app.ChangeTenantSettings, error) {
	var cmd app.ChangeTenantSettings
	switch interact := fs.Lookup("interact").Value.String(); interact {
	case "":
	case "on", "off":
		on := interact == "on"
		cmd.InteractEnabled = &on
	default:
		return cmd, usagef("--interact must be on or off, not %q", interact)
	}
	if flagGiven(fs, "snippet-template") {
		tmpl := fs.Lookup("snippet-template").Value.String()
		cmd.SnippetTemplate = &tmpl
	}
	if flagGiven(fs, "admin-group") {
		group := fs.Lookup("admin-group").Value.String()
		cmd.AdminSecurityGroup = &group
	}
	return cmd, nil
}

// configSetSettings makes the change, in the OU the admin typed for users from Teams.
func configSetSettings(ctx context.Context, a *app.App, cmd app.ChangeTenantSettings, ou string) error {
	if ou != "" {
		tree, err := a.OUTree(ctx)
		if err != nil {
			return err
		}
		if cmd.DefaultTeamsOU, err = tree.Resolve(ou); err != nil {
			return err
		}
	}
	if cmd.InteractEnabled == nil && cmd.SnippetTemplate == nil && cmd.AdminSecurityGroup == nil && cmd.DefaultTeamsOU == 0 {
		return nil // only contingents were given
	}
	_, err := a.Do(ctx, cmd)
	return err
}

// configSetContingents applies each --contingent in order; the first refusal stops.
func configSetContingents(ctx context.Context, a *app.App, limits []configContingent) error {
	for _, c := range limits {
		if _, err := a.Do(ctx, app.SetLicenceContingent{Licence: c.licence, Contingent: c.n, Unlimited: c.unlimited}); err != nil {
			return err
		}
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
	totals, err := a.LicenceTotals(ctx)
	if err != nil {
		return err
	}
	v := configSettingsJSON{s.TenantName, s.InteractEnabled, s.SnippetTemplate, tree.Path(s.DefaultTeamsOUID), s.AdminSecurityGroup,
		licenceTotalsJSON(totals)}
	if f == "json" {
		return writeJSON(e.stdout, v)
	}
	w := e.stdout
	fmt.Fprintf(w, "Tenant:                  %s\n", v.TenantName)
	fmt.Fprintf(w, "Interact enabled:        %s\n", yesNo(v.InteractEnabled))
	fmt.Fprintf(w, "Snippet template:        %s\n", v.SnippetTemplate)
	fmt.Fprintf(w, "Default OU (from Teams): %s\n", v.DefaultTeamsOU)
	fmt.Fprintf(w, "Admin security group:    %s\n", v.AdminSecurityGroup)
	fmt.Fprintln(w, "Licences (in use / contingent):")
	for _, t := range totals {
		fmt.Fprintf(w, "  %-22s %s\n", t.Licence.String()+":", t.Text())
	}
	return nil
}
