package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"nimbusadmin/data"
)

// ConfigTenantSettings reads the tenant-wide settings for the settings screen.
func (a *App) ConfigTenantSettings(ctx context.Context) (data.TenantSettings, error) {
	return a.store.Read(ctx).TenantSettings()
}

// configUpdateTenant applies edit to the settings and journals what changed under action.
func (a *App) configUpdateTenant(ctx context.Context, action string, edit func(q *data.Q, tree *OUTree, s *data.TenantSettings) (old, new string, err error)) error {
	return a.change(ctx, func(q *data.Q, may *permit) ([]data.JournalEntry, error) {
		if err := may.tenantAdmin("changing the tenant settings"); err != nil {
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
		old, next, err := edit(q, tree, &s)
		if err != nil || old == next {
			return nil, err
		}
		if err := q.ConfigUpdateTenantSettings(s); err != nil {
			return nil, err
		}
		return []data.JournalEntry{entry(action, s.TenantName, old, next)}, nil
	})
}

// SetInteractEnabled turns Interact on or off for the whole tenant.
func (a *App) SetInteractEnabled(ctx context.Context, on bool) error {
	return a.configUpdateTenant(ctx, "tenant.interact", func(_ *data.Q, _ *OUTree, s *data.TenantSettings) (string, string, error) {
		old := onOff(s.InteractEnabled)
		s.InteractEnabled = on
		return old, onOff(on), nil
	})
}

// RegenerateWidgetKey gives the tenant a new random Widget Key. Every user's snippet
// changes with it, so web pages must be updated; the journal records the event, not
// the keys.
func (a *App) RegenerateWidgetKey(ctx context.Context) error {
	return a.configUpdateTenant(ctx, "tenant.widget-key", func(_ *data.Q, _ *OUTree, s *data.TenantSettings) (string, string, error) {
		b := make([]byte, 24)
		rand.Read(b)
		s.WidgetKey = hex.EncodeToString(b)
		return "previous key", "regenerated: every user snippet changed", nil
	})
}

var configSnippetPlaceholder = regexp.MustCompile(`\{\{\s*([^{}]*?)\s*\}\}`)

// CheckSnippetTemplate is the snippet template rule: it must contain {{contactId}} and
// {{widgetKey}} (or no snippet could reach a user) and no other placeholder.
func CheckSnippetTemplate(tmpl string) error {
	if strings.TrimSpace(tmpl) == "" {
		return refuse("snippet.template", "the snippet template is empty: it must contain {{contactId}} and {{widgetKey}}")
	}
	for _, m := range configSnippetPlaceholder.FindAllStringSubmatch(tmpl, -1) {
		if m[0] != "{{contactId}}" && m[0] != "{{widgetKey}}" {
			return refuse("snippet.template", "the snippet template has the unknown placeholder %s: only {{contactId}} and {{widgetKey}} are filled in", m[0])
		}
	}
	for _, p := range []string{"{{contactId}}", "{{widgetKey}}"} {
		if !strings.Contains(tmpl, p) {
			return refuse("snippet.template", "the snippet template must contain %s, or the widget cannot find the user", p)
		}
	}
	return nil
}

// SetSnippetTemplate changes the tenant's snippet template after checking it.
func (a *App) SetSnippetTemplate(ctx context.Context, tmpl string) error {
	return a.configUpdateTenant(ctx, "tenant.snippet-template", func(_ *data.Q, _ *OUTree, s *data.TenantSettings) (string, string, error) {
		if err := CheckSnippetTemplate(tmpl); err != nil {
			return "", "", err
		}
		old := s.SnippetTemplate
		s.SnippetTemplate = tmpl
		return old, tmpl, nil
	})
}

// SnippetTemplatePreview renders a template as a sample user's snippet would read, and names
// the user; when no user has Interact yet, a sample Contact ID stands in.
func (a *App) SnippetTemplatePreview(ctx context.Context, tmpl string) (preview, sample string, err error) {
	if err := CheckSnippetTemplate(tmpl); err != nil {
		return "", "", err
	}
	q := a.store.Read(ctx)
	s, err := q.TenantSettings()
	if err != nil {
		return "", "", err
	}
	u, err := q.ConfigSnippetSample()
	if errors.Is(err, data.ErrNotFound) {
		u = data.ConfigSnippetSample{DisplayName: "a sample user", ContactID: "00000000-0000-4000-8000-000000000000"}
	} else if err != nil {
		return "", "", err
	}
	s.SnippetTemplate = tmpl
	return Snippet(s, u.ContactID), u.DisplayName, nil
}

// SetDefaultTeamsOU chooses the OU that users arriving from Teams are put in.
func (a *App) SetDefaultTeamsOU(ctx context.Context, ou int64) error {
	return a.configUpdateTenant(ctx, "tenant.default-ou", func(_ *data.Q, tree *OUTree, s *data.TenantSettings) (string, string, error) {
		if !tree.Has(ou) {
			return "", "", &NotFoundError{What: "organization unit", Key: fmt.Sprint(ou)}
		}
		old := tree.Path(s.DefaultTeamsOUID)
		s.DefaultTeamsOUID = ou
		return old, tree.Path(ou), nil
	})
}

// SetAdminSecurityGroup names the Entra ID security group whose members are Tenant
// Administrators.
func (a *App) SetAdminSecurityGroup(ctx context.Context, group string) error {
	return a.configUpdateTenant(ctx, "tenant.admin-group", func(_ *data.Q, _ *OUTree, s *data.TenantSettings) (string, string, error) {
		group = strings.TrimSpace(group)
		if group == "" {
			return "", "", refuse("tenant.admin-group", "name the security group whose members are Tenant Administrators; without one nobody could administer the tenant")
		}
		old := s.AdminSecurityGroup
		s.AdminSecurityGroup = group
		return old, group, nil
	})
}
