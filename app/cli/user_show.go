package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/app/safetext"
)

func runUserShow(ctx context.Context, e env, args []string) error {
	fs := newFlags("user show")
	f := formatFlag(fs, "table or json")
	pos, err := parse(fs, args, 1, "one user (O365 ID or UPN)")
	if err != nil {
		return err
	}
	return withApp(e, func(a *app.App) error {
		d, err := a.UserDetail(ctx, pos[0])
		if err != nil {
			return err
		}
		tree, err := a.OUTree(ctx)
		if err != nil {
			return err
		}
		var x detailExtras
		if x.roles, err = a.RoleStatus(ctx, d.User.ID); err != nil {
			return err
		}
		if x.interact, err = a.InteractOptions(ctx, d.User.ID); err != nil {
			return err
		}
		v := newUserDetailJSON(d, tree, x)
		if *f == "json" {
			return writeJSON(e.stdout, v)
		}
		printUserDetail(e.stdout, v, x, licenceList(d.User.Licences))
		return nil
	})
}

// printUserDetail prints every tab of the detail view in order; a tab the user's
// licences hide says why instead of its content.
func printUserDetail(w io.Writer, v userDetailJSON, x detailExtras, licences string) {
	fmt.Fprintf(w, "%s <%s>\n", safetext.Terminal(v.DisplayName), safetext.Terminal(v.UserPrincipalName))
	hidden := map[string]string{}
	for _, h := range v.HiddenTabs {
		hidden[h.Tab] = h.Reason
	}
	for _, tab := range app.AllTabs() {
		if reason := hidden[string(tab)]; reason != "" {
			fmt.Fprintf(w, "%s: hidden: %s\n", tab, reason)
			continue
		}
		fmt.Fprintf(w, "%s\n", tab)
		showTab[tab](w, v, x, licences)
	}
}

// line prints one indented "key: value" line of a tab; the value shows control
// characters as escapes, since it may come from the directory or an admin.
func line(w io.Writer, k, val string) { fmt.Fprintf(w, "  %-22s %s\n", k+":", safetext.Terminal(val)) }

// item prints one indented entry of a tab's list, control characters shown as escapes.
func item(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, "  %s\n", safetext.Terminal(fmt.Sprintf(format, args...)))
}

// showTab prints the content of each tab.
var showTab = map[app.Tab]func(w io.Writer, v userDetailJSON, x detailExtras, licences string){
	app.TabGeneral: func(w io.Writer, v userDetailJSON, _ detailExtras, licences string) {
		line(w, "O365 ID", v.ID)
		line(w, "First / last name", strings.TrimSpace(v.GivenName+" / "+v.Surname))
		line(w, "Mail", v.Mail)
		line(w, "Job title", v.JobTitle)
		line(w, "Department", v.Department)
		line(w, "Organization unit", v.OrganizationUnit)
		line(w, "Origin", v.Origin)
		line(w, "Licences", licences)
		line(w, "Tabs", strings.Join(v.Tabs, ", "))
		if v.Deletable {
			line(w, "Delete", "allowed")
		} else {
			line(w, "Delete", "blocked: "+v.DeleteBlockedReason)
		}
	},
	app.TabServices: func(w io.Writer, v userDetailJSON, _ detailExtras, _ string) {
		if len(v.Services) == 0 {
			item(w, "in no service")
		}
		for _, s := range v.Services {
			item(w, "%s (%s, %d users), as %s", s.Name, s.AssignmentType, s.Users, strings.Join(s.Memberships, " and "))
		}
	},
	app.TabRoles: func(w io.Writer, v userDetailJSON, x detailExtras, _ string) {
		if len(v.Roles) == 0 {
			item(w, "no role")
		}
		for _, r := range v.Roles {
			var notes []string
			if r.AutoGranted && r.LockedReason == "" {
				notes = append(notes, "granted automatically")
			}
			if r.Effect != "" {
				notes = append(notes, r.Effect)
			}
			if r.LockedReason != "" {
				notes = append(notes, "locked: "+r.LockedReason)
			}
			text := r.Role + " in " + r.Scope
			if len(notes) > 0 {
				text += " — " + strings.Join(notes, "; ")
			}
			item(w, "%s", text)
		}
		if x.roles.Manage != "" {
			item(w, "Note: %s", x.roles.Manage)
		}
		if x.roles.Hint != "" {
			item(w, "Note: %s", x.roles.Hint)
		}
	},
	app.TabSkills: func(w io.Writer, v userDetailJSON, _ detailExtras, _ string) {
		if len(v.Skills) == 0 {
			item(w, "no skill")
		}
		for _, s := range v.Skills {
			level := s.Level
			if level == "" {
				level = "no levels"
			}
			item(w, "%s (%s): %s", s.Skill, s.Category, level)
		}
	},
	app.TabProfiles: func(w io.Writer, v userDetailJSON, _ detailExtras, _ string) {
		if len(v.Profiles) == 0 {
			item(w, "no profile")
		}
		for _, p := range v.Profiles {
			mark, notes := " ", []string{}
			if p.Active {
				mark, notes = "*", append(notes, "active")
			}
			if p.Builtin {
				notes = append(notes, "built in")
			}
			text := p.Name
			if len(notes) > 0 {
				text += " (" + strings.Join(notes, ", ") + ")"
			}
			item(w, "%s %s", mark, text)
		}
	},
	app.TabNAReasons: func(w io.Writer, v userDetailJSON, _ detailExtras, _ string) {
		line(w, "Enabled", yesNo(v.NAReasons.Enabled))
		printOrdered(w, v.NAReasons.Reasons, "no reason")
	},
	app.TabInteract: func(w io.Writer, v userDetailJSON, x detailExtras, _ string) {
		if !x.interact.TenantEnabled {
			item(w, "Note: Interact is off for the tenant (Configuration > Tenant settings): these settings apply once it is on")
		}
		ia := v.Interact
		if ia == nil {
			item(w, "no Interact settings yet")
			return
		}
		line(w, "Active", yesNo(ia.Active))
		line(w, "Audio & Video", yesNo(ia.AudioVideo))
		line(w, "Instant Messaging", yesNo(ia.InstantMessaging))
		line(w, "Direct system message", nameOrNone(ia.DirectSystemMessage))
		line(w, "Restrict Access", yesNo(ia.RestrictAccess))
		line(w, "Domain template", nameOrNone(ia.DomainTemplate))
		line(w, "Contact ID", ia.ContactID)
		line(w, "Snippet", ia.Snippet)
		if x.interact.SystemMessagesBlocked != "" {
			item(w, "Note: %s", x.interact.SystemMessagesBlocked)
		}
		if x.interact.RestrictAccessBlocked != "" {
			item(w, "Note: %s", x.interact.RestrictAccessBlocked)
		}
	},
	app.TabAssistant: func(w io.Writer, v userDetailJSON, _ detailExtras, _ string) {
		printOrdered(w, v.Assistant.DirectCallTemplates, "no direct call template")
	},
}

// printOrdered prints an ordered list numbered from 1.
func printOrdered(w io.Writer, items []itemJSON, none string) {
	if len(items) == 0 {
		item(w, "%s", none)
	}
	for i, it := range items {
		item(w, "%d. %s", i+1, it.Name)
	}
}

func nameOrNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
