package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

func runUserNAReasons(ctx context.Context, e env, args []string) error {
	fs := newFlags("user na-reasons")
	enable := fs.Bool("enable", false, "switch the N/A reasons on (needs at least one reason)")
	disable := fs.Bool("disable", false, "switch the N/A reasons off (the list is kept)")
	set := fs.String("set", "", "the reasons, comma-separated, in order; none for no reason")
	pos, err := parse(fs, args, 1, "one user (O365 ID or UPN)")
	if err != nil {
		return err
	}
	setGiven := flagGiven(fs, "set")
	switch {
	case *enable && *disable:
		return usagef("user na-reasons: give --enable or --disable, not both")
	case !*enable && !*disable && !setGiven:
		return usagef("user na-reasons needs --enable, --disable or --set REASON,...")
	}
	return withApp(e, func(a *app.App) error {
		d, err := a.UserDetail(ctx, pos[0])
		if err != nil {
			return err
		}
		on, ids := d.User.NAReasonsEnabled, itemIDs(d.NAReasons)
		if *enable || *disable {
			on = *enable
		}
		if setGiven {
			if ids, err = findItems(ctx, a, data.ConfigNAReasons, *set); err != nil {
				return err
			}
		}
		if _, err := a.Do(ctx, app.SetNAReasons{User: pos[0], Enabled: on, Reasons: ids}); err != nil {
			return err
		}
		return reportLists(ctx, e, a, pos[0], true)
	})
}

func runUserAssistant(ctx context.Context, e env, args []string) error {
	fs := newFlags("user assistant")
	set := fs.String("set", "", "the direct call templates, comma-separated, in order; none for no template")
	pos, err := parse(fs, args, 1, "one user (O365 ID or UPN)")
	if err != nil {
		return err
	}
	if !flagGiven(fs, "set") {
		return usagef("user assistant needs --set TEMPLATE,...")
	}
	return withApp(e, func(a *app.App) error {
		ids, err := findItems(ctx, a, data.ConfigCallTemplates, *set)
		if err != nil {
			return err
		}
		if _, err := a.Do(ctx, app.SetCallTemplates{User: pos[0], Templates: ids}); err != nil {
			return err
		}
		return reportLists(ctx, e, a, pos[0], false)
	})
}

// reportLists says on stderr what one of the user's ordered lists is now: the N/A
// reasons with their switch, or the direct call templates.
func reportLists(ctx context.Context, e env, a *app.App, user string, naReasons bool) error {
	d, err := a.UserDetail(ctx, user)
	if err != nil {
		return err
	}
	if !naReasons {
		fmt.Fprintf(e.stderr, "%s: direct call templates: %s.\n", d.User.UPN, itemNames(d.CallTemplates))
		return nil
	}
	state := "off"
	if d.User.NAReasonsEnabled {
		state = "on"
	}
	fmt.Fprintf(e.stderr, "%s: N/A reasons %s: %s.\n", d.User.UPN, state, itemNames(d.NAReasons))
	return nil
}

// findItems resolves a comma-separated list of names or ids of one kind, keeping
// the order; "none" (or nothing) is the empty list.
func findItems(ctx context.Context, a *app.App, k data.ConfigKind, list string) ([]int64, error) {
	ids := []int64{}
	if strings.EqualFold(strings.TrimSpace(list), "none") {
		return ids, nil
	}
	for _, ref := range strings.Split(list, ",") {
		if strings.TrimSpace(ref) == "" {
			continue
		}
		it, err := a.FindConfigItem(ctx, k, ref)
		if err != nil {
			return nil, err
		}
		ids = append(ids, it.ID)
	}
	return ids, nil
}

func itemIDs(items []data.AssignableItem) []int64 {
	ids := make([]int64, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	return ids
}

func itemNames(items []data.AssignableItem) string {
	if len(items) == 0 {
		return "none"
	}
	names := make([]string, len(items))
	for i, it := range items {
		names[i] = it.Name
	}
	return strings.Join(names, ", ")
}

// flagGiven reports whether the command line set the flag, even to "".
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}
