package app

import (
	"context"
	"errors"
	"fmt"

	"nimbusadmin/data"
)

// AssignProfile assigns a responsibility profile from the user's OU or above; the
// built-in On Duty and Off Duty live in the root and so are always available.
type AssignProfile struct {
	Base
	User    string `json:"user"` // O365 ID or UPN
	Profile int64  `json:"profile"`
}

// Kind names the command.
func (AssignProfile) Kind() string { return "user.profile.add" }

func (cmd AssignProfile) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q := c.q
	u, tree, err := userInTree(q, cmd.User)
	if err != nil {
		return nil, err
	}
	if err := c.may.user(u, "changing the responsibility profiles"); err != nil {
		return nil, err
	}
	if err := needsLicence(u, data.ContactCenter, "Profiles"); err != nil {
		return nil, err
	}
	p, err := q.Profile(cmd.Profile)
	if errors.Is(err, data.ErrNotFound) {
		return nil, &NotFoundError{What: "responsibility profile", Key: fmt.Sprint(cmd.Profile)}
	} else if err != nil {
		return nil, err
	}
	if err := checkAssignable(tree, u, "responsibility profile", p.Name, p.OUID); err != nil {
		return nil, err
	}
	if err := q.AssignProfile(u.ID, p.ID); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("user.profile.add", u.UPN, "", p.Name)}, nil
}

// AssignProfile is shorthand for Do with AssignProfile, for code that acts at once.
func (a *App) AssignProfile(ctx context.Context, idOrUPN string, profileID int64) error {
	_, err := a.Do(ctx, AssignProfile{User: idOrUPN, Profile: profileID})
	return err
}

// UnassignProfile takes a responsibility profile from a user. The active profile stays
// until another one is made active, so that the list's "Active Profile" never goes blank
// by accident.
type UnassignProfile struct {
	Base
	User    string `json:"user"` // O365 ID or UPN
	Profile int64  `json:"profile"`
}

// Kind names the command.
func (UnassignProfile) Kind() string { return "user.profile.remove" }

func (cmd UnassignProfile) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q := c.q
	u, err := findUser(q, cmd.User)
	if err != nil {
		return nil, err
	}
	if err := c.may.user(u, "changing the responsibility profiles"); err != nil {
		return nil, err
	}
	profiles, err := q.UserProfiles(u.ID)
	if err != nil {
		return nil, err
	}
	for _, p := range profiles {
		if p.ID != cmd.Profile {
			continue
		}
		if p.Builtin != "" {
			return nil, refuse("profile.builtin",
				"%q is built in and always available to every Contact Center user, so it cannot be removed", p.Name)
		}
		if p.Active {
			return nil, refuse("profile.active",
				"%q is %s's active profile: make another profile active before removing it", p.Name, displayName(u))
		}
		if err := q.UnassignProfile(u.ID, p.ID); err != nil {
			return nil, err
		}
		return []data.JournalEntry{entry("user.profile.remove", u.UPN, p.Name, "")}, nil
	}
	return nil, &NotFoundError{What: "profile of " + displayName(u), Key: fmt.Sprint(cmd.Profile)}
}

// SetActiveProfile makes one of the user's assigned profiles the active one.
type SetActiveProfile struct {
	Base
	User    string `json:"user"` // O365 ID or UPN
	Profile int64  `json:"profile"`
}

// Kind names the command.
func (SetActiveProfile) Kind() string { return "user.profile.active" }

func (cmd SetActiveProfile) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q := c.q
	u, err := findUser(q, cmd.User)
	if err != nil {
		return nil, err
	}
	if err := c.may.user(u, "changing the active profile"); err != nil {
		return nil, err
	}
	profiles, err := q.UserProfiles(u.ID)
	if err != nil {
		return nil, err
	}
	old, next := "", ""
	for _, p := range profiles {
		if p.Active {
			old = p.Name
		}
		if p.ID == cmd.Profile {
			next = p.Name
		}
	}
	if next == "" {
		return nil, refuse("profile.unassigned", "assign the profile to %s before making it active", displayName(u))
	}
	if err := q.SetActiveProfile(u.ID, cmd.Profile); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("user.profile.active", u.UPN, old, next)}, nil
}

// SetActiveProfile is shorthand for Do with SetActiveProfile, for code that acts at once.
func (a *App) SetActiveProfile(ctx context.Context, idOrUPN string, profileID int64) error {
	_, err := a.Do(ctx, SetActiveProfile{User: idOrUPN, Profile: profileID})
	return err
}
