package app

import (
	"context"
	"errors"

	"nimbusadmin/data"
)

// ConfigTenantSettings reads the tenant-wide settings for the settings screen.
func (a *App) ConfigTenantSettings(ctx context.Context) (data.TenantSettings, error) {
	return a.store.Read(ctx).TenantSettings()
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
