package cli

import (
	"context"
	"fmt"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// switchFlag is an on|off flag that remembers whether it was given.
type switchFlag struct{ given, on bool }

func (s *switchFlag) String() string {
	if s == nil || !s.given {
		return ""
	}
	if s.on {
		return "on"
	}
	return "off"
}

// Set accepts on and off.
func (s *switchFlag) Set(v string) error {
	switch strings.ToLower(v) {
	case "on":
		s.given, s.on = true, true
	case "off":
		s.given, s.on = true, false
	default:
		return fmt.Errorf("%q: write on or off", v)
	}
	return nil
}

// keep returns the flag's value when it was given, else the current one.
func (s *switchFlag) keep(current bool) bool {
	if s.given {
		return s.on
	}
	return current
}

func runUserInteract(ctx context.Context, e env, args []string) error {
	fs := newFlags("user interact")
	var active, av, im, restrict switchFlag
	fs.Var(&active, "active", "on or off: the user takes Interact contacts")
	fs.Var(&av, "av", "on or off: Audio & Video")
	fs.Var(&im, "im", "on or off: Instant Messaging")
	fs.Var(&restrict, "restrict-access", "on or off: only the web sites of the domain template may embed the widget")
	message := fs.String("system-message", "", "the direct system message (name or id), or none")
	template := fs.String("domain-template", "", "the domain template (name or id), or none")
	pos, err := parse(fs, args, 1, "one user (O365 ID or UPN)")
	if err != nil {
		return err
	}
	if !active.given && !av.given && !im.given && !restrict.given && *message == "" && *template == "" {
		return usagef("user interact needs at least one setting to change (see 'nimbusadmin help user interact')")
	}
	return withApp(e, func(a *app.App) error {
		d, err := a.UserDetail(ctx, pos[0])
		if err != nil {
			return err
		}
		var cur data.InteractSettings
		if d.Interact != nil {
			cur = *d.Interact
		}
		c := app.InteractChange{Active: active.keep(cur.Active), AudioVideo: av.keep(cur.AudioVideo),
			InstantMessaging: im.keep(cur.InstantMessaging), DirectSystemMessageID: cur.DirectSystemMessageID,
			RestrictAccess: restrict.keep(cur.RestrictAccess), DomainTemplateID: cur.DomainTemplateID}
		if c.DirectSystemMessageID, err = itemOrNone(ctx, a, data.ConfigSystemMessages, *message, c.DirectSystemMessageID); err != nil {
			return err
		}
		if c.DomainTemplateID, err = itemOrNone(ctx, a, data.ConfigDomainTemplates, *template, c.DomainTemplateID); err != nil {
			return err
		}
		if _, err := a.Do(ctx, app.SetInteract{User: pos[0], Settings: c}); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "%s: Interact settings saved; 'user show' prints them.\n", pos[0])
		return nil
	})
}

// itemOrNone resolves a name or id the admin typed: none is 0, nothing typed keeps the
// current id.
func itemOrNone(ctx context.Context, a *app.App, k data.ConfigKind, ref string, current int64) (int64, error) {
	switch {
	case ref == "":
		return current, nil
	case strings.EqualFold(strings.TrimSpace(ref), "none"):
		return 0, nil
	}
	it, err := a.FindConfigItem(ctx, k, ref)
	return it.ID, err
}
