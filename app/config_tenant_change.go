package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"

	"nimbusadmin/data"
)

// ChangeTenantSettings changes the tenant-wide settings, which only a Tenant Administrator
// may: a field not given (nil, false or 0) stays as it is, while a text given empty is a
// value, checked by its setting's rule like a blank one. Each setting that changes is
// journaled on its own, in the order of the fields.
type ChangeTenantSettings struct {
	Base
	// InteractEnabled turns Interact on or off for the whole tenant.
	InteractEnabled *bool `json:"interactEnabled,omitempty"`
	// RegenerateWidgetKey gives the tenant a new random Widget Key. Every user's snippet
	// changes with it, so web pages must be updated; the journal records the event, not
	// the keys.
	RegenerateWidgetKey bool `json:"regenerateWidgetKey,omitempty"`
	// SnippetTemplate is checked by CheckSnippetTemplate.
	SnippetTemplate *string `json:"snippetTemplate,omitempty"`
	// DefaultTeamsOU is the OU that users arriving from Teams are put in.
	DefaultTeamsOU int64 `json:"defaultTeamsOu,omitempty"`
	// AdminSecurityGroup names the Entra ID security group whose members are Tenant
	// Administrators: never blank (nobody could administer the tenant), and a name by the
	// text part of the name rule (no control characters, at most 256 characters), kept as
	// written in Entra ID (not normalised), where the sync looks it up.
	AdminSecurityGroup *string `json:"adminSecurityGroup,omitempty"`
}

// Kind names the command.
func (ChangeTenantSettings) Kind() string { return "tenant.settings" }

func (cmd ChangeTenantSettings) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q := c.q
	if err := c.may.tenantAdmin("changing the tenant settings"); err != nil {
		return nil, err
	}
	s, err := q.TenantSettings()
	if err != nil {
		return nil, err
	}
	tree, err := loadTree(q)
	if err != nil {
		return nil, err
	}
	var entries []data.JournalEntry
	note := func(action, old, next string) {
		if old != next {
			entries = append(entries, entry(action, s.TenantName, old, next))
		}
	}
	if cmd.InteractEnabled != nil {
		on := *cmd.InteractEnabled
		note("tenant.interact", onOff(s.InteractEnabled), onOff(on))
		s.InteractEnabled = on
	}
	if cmd.RegenerateWidgetKey {
		b := make([]byte, 24)
		rand.Read(b)
		s.WidgetKey = hex.EncodeToString(b)
		note("tenant.widget-key", "previous key", "regenerated: every user snippet changed")
	}
	if cmd.SnippetTemplate != nil {
		tmpl := *cmd.SnippetTemplate
		if err := CheckSnippetTemplate(tmpl); err != nil {
			return nil, err
		}
		note("tenant.snippet-template", s.SnippetTemplate, tmpl)
		s.SnippetTemplate = tmpl
	}
	if ou := cmd.DefaultTeamsOU; ou != 0 {
		if !tree.Has(ou) {
			return nil, &NotFoundError{What: "organization unit", Key: fmt.Sprint(ou)}
		}
		note("tenant.default-ou", tree.Path(s.DefaultTeamsOUID), tree.Path(ou))
		s.DefaultTeamsOUID = ou
	}
	if cmd.AdminSecurityGroup != nil {
		const what = "the admin security group"
		group, err := cleanText(what, *cmd.AdminSecurityGroup)
		if IsRule(err, "name.empty") {
			return nil, refuse("tenant.admin-group", "name the security group whose members are Tenant Administrators; without one nobody could administer the tenant")
		} else if err == nil {
			err = checkNameLength(what, group)
		}
		if err != nil {
			return nil, err
		}
		note("tenant.admin-group", s.AdminSecurityGroup, group)
		s.AdminSecurityGroup = group
	}
	if len(entries) == 0 {
		return nil, nil
	}
	return entries, q.ConfigUpdateTenantSettings(s)
}

// SetAdminSecurityGroup is shorthand for Do with ChangeTenantSettings naming the admin
// security group, for code that acts at once.
func (a *App) SetAdminSecurityGroup(ctx context.Context, group string) error {
	_, err := a.Do(ctx, ChangeTenantSettings{AdminSecurityGroup: &group})
	return err
}
