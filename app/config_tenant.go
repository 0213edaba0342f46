package app

import (
	"context"
	"errors"
	"regexp"
	"strings"

	"nimbusadmin/data"
)

// ConfigTenantSettings reads the tenant-wide settings for the settings screen.
func (a *App) ConfigTenantSettings(ctx context.Context) (data.TenantSettings, error) {
	return a.store.Read(ctx).TenantSettings()
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
