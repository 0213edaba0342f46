package app

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"strings"

	"nimbusadmin/data"
)

// GrantLicence gives a user a licence; the tabs it enables appear with the user's earlier
// settings, if any.
func (a *App) GrantLicence(ctx context.Context, idOrUPN string, l data.LicenceSet) error {
	return a.updateLicences(ctx, idOrUPN, func(cur data.LicenceSet) data.LicenceSet { return cur | l })
}

// RevokeLicence takes a licence from a user. The user's settings for that feature are
// kept and come back with the licence.
func (a *App) RevokeLicence(ctx context.Context, idOrUPN string, l data.LicenceSet) error {
	return a.updateLicences(ctx, idOrUPN, func(cur data.LicenceSet) data.LicenceSet { return cur &^ l })
}

// ChangeLicences grants and revokes licences in one change.
func (a *App) ChangeLicences(ctx context.Context, idOrUPN string, grant, revoke data.LicenceSet) error {
	return a.updateLicences(ctx, idOrUPN, func(cur data.LicenceSet) data.LicenceSet { return cur&^revoke | grant })
}

func (a *App) updateLicences(ctx context.Context, idOrUPN string, next func(data.LicenceSet) data.LicenceSet) error {
	return a.change(ctx, func(q *data.Q) ([]data.JournalEntry, error) {
		u, err := findUser(q, idOrUPN)
		if err != nil {
			return nil, err
		}
		return setLicences(q, u, next(u.Licences))
	})
}

// setLicences applies the licence rules and writes the new set: the Contact Center
// licence cannot be revoked while the user is an agent or owner of a Skill-based service,
// and a first Interact licence gives the user their own Contact ID.
func setLicences(q *data.Q, u data.NimbusUser, l data.LicenceSet) ([]data.JournalEntry, error) {
	if l == u.Licences {
		return nil, nil
	}
	if u.Licences.Has(data.ContactCenter) && !l.Has(data.ContactCenter) {
		services, err := q.UserServices(u.ID)
		if err != nil {
			return nil, err
		}
		var skill []string
		for _, s := range services {
			if s.AssignmentType == data.SkillBased {
				skill = append(skill, s.Name)
			}
		}
		if len(skill) > 0 {
			return nil, refuse("licence.cc-required",
				"cannot revoke Contact Center: %s is an agent or owner of the Skill-based service(s) %s, which need that licence; remove them there first",
				displayName(u), quoteList(skill))
		}
	}
	if l.Has(data.Interact) {
		if _, err := q.UserInteract(u.ID); errors.Is(err, data.ErrNotFound) {
			if err := q.SetUserInteract(u.ID, data.InteractSettings{ContactID: newContactID()}); err != nil {
				return nil, err
			}
		} else if err != nil {
			return nil, err
		}
	}
	if err := q.SetLicences(u.ID, l); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("user.licences", u.UPN, licenceText(u.Licences), licenceText(l))}, nil
}

func licenceText(l data.LicenceSet) string {
	if l == 0 {
		return "none"
	}
	return l.String()
}

func displayName(u data.NimbusUser) string {
	if u.DisplayName != "" {
		return u.DisplayName
	}
	return u.UPN
}

// newContactID makes a fresh Interact Contact ID (a random UUID).
func newContactID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// Snippet builds a user's Interact widget snippet from the tenant's template, their
// Contact ID and the tenant's Widget Key.
func Snippet(s data.TenantSettings, contactID string) string {
	return strings.NewReplacer("{{contactId}}", contactID, "{{widgetKey}}", s.WidgetKey).Replace(s.SnippetTemplate)
}
