package app

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"strings"

	"nimbusadmin/data"
)

// ChangeLicences grants and revokes licences of a user in one change. Granting brings the
// tabs it enables back with the user's earlier settings, if any; taking a licence away is
// refused while something active needs it (LicenceDependents lists what), unless
// DropDependent says to end those in the same change.
type ChangeLicences struct {
	Base
	User          string          `json:"user"` // O365 ID or UPN
	Grant         data.LicenceSet `json:"grant,omitempty"`
	Revoke        data.LicenceSet `json:"revoke,omitempty"`
	DropDependent bool            `json:"dropDependent,omitempty"`
}

// Kind names the command.
func (ChangeLicences) Kind() string { return "user.licences" }

func (cmd ChangeLicences) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q := c.q
	u, err := findUser(q, cmd.User)
	if err != nil {
		return nil, err
	}
	if err := c.may.user(u, "changing the licences"); err != nil {
		return nil, err
	}
	next := u.Licences&^cmd.Revoke | cmd.Grant
	deps, err := licenceDependents(q, u, next)
	if err != nil {
		return nil, err
	}
	if len(deps) > 0 && !cmd.DropDependent {
		return nil, refuse("licence.cc-required", "cannot revoke %s from %s: %s still needs it; end that first, or revoke with it ended",
			(u.Licences &^ next).String(), displayName(u), dependentsText(deps))
	}
	var entries []data.JournalEntry
	for _, d := range deps {
		if d.tenantAdmin {
			if err := c.may.tenantAdmin("removing the " + d.What + " of " + displayName(u)); err != nil {
				return nil, err
			}
		}
		if err := d.drop(q); err != nil {
			return nil, err
		}
		entries = append(entries, entry("user.licence-dependent.end", u.UPN, d.What, "ended with the licence"))
	}
	more, err := setLicences(q, u, next)
	return append(entries, more...), err
}

// setLicences writes a new licence set: a first Interact licence gives the user their
// own Contact ID, and a Contact Center licence brings the built-in On Duty and Off Duty
// profiles, one of them active.
func setLicences(q *data.Q, u data.NimbusUser, l data.LicenceSet) ([]data.JournalEntry, error) {
	if l == u.Licences {
		return nil, nil
	}
	if err := checkContingents(q, u, l); err != nil {
		return nil, err
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
	entries := []data.JournalEntry{entry("user.licences", u.UPN, licenceText(u.Licences), licenceText(l))}
	u.Licences = l
	more, err := ensureDutyProfiles(q, u)
	return append(entries, more...), err
}

// ensureDutyProfiles gives a Contact Center user the built-in On Duty and Off Duty
// profiles when they lack them and makes On Duty active when no profile is: no Contact
// Center user is ever without an active profile.
func ensureDutyProfiles(q *data.Q, u data.NimbusUser) ([]data.JournalEntry, error) {
	if !u.Licences.Has(data.ContactCenter) {
		return nil, nil
	}
	held, err := q.UserProfiles(u.ID)
	if err != nil {
		return nil, err
	}
	has, active := map[string]bool{}, false
	for _, p := range held {
		has[p.Builtin] = true
		active = active || p.Active
	}
	var entries []data.JournalEntry
	var onDuty int64
	for _, key := range []string{"on_duty", "off_duty"} {
		p, err := q.BuiltinProfile(key)
		if err != nil {
			return nil, err
		}
		if key == "on_duty" {
			onDuty = p.ID
		}
		if has[key] {
			continue
		}
		if err := q.AssignProfile(u.ID, p.ID); err != nil {
			return nil, err
		}
		entries = append(entries, entry("user.profile.add", u.UPN, "", p.Name+" (built in, with Contact Center)"))
	}
	if !active {
		if err := q.SetActiveProfile(u.ID, onDuty); err != nil {
			return nil, err
		}
		entries = append(entries, entry("user.profile.active", u.UPN, "", "On Duty"))
	}
	return entries, nil
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

// GrantLicence is shorthand for Do with ChangeLicences granting one licence, for code that
// acts at once (tests, the demo generator).
func (a *App) GrantLicence(ctx context.Context, idOrUPN string, l data.LicenceSet) error {
	_, err := a.Do(ctx, ChangeLicences{User: idOrUPN, Grant: l})
	return err
}

// RevokeLicence is shorthand for Do with ChangeLicences revoking one licence.
func (a *App) RevokeLicence(ctx context.Context, idOrUPN string, l data.LicenceSet) error {
	_, err := a.Do(ctx, ChangeLicences{User: idOrUPN, Revoke: l})
	return err
}
