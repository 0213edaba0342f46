package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"nimbusadmin/app/outree"
	"nimbusadmin/data"
)

// UserDetail is everything the user detail view shows about one Nimbus user.
type UserDetail struct {
	User                data.NimbusUser
	Version             data.RowVersion // what a change made on this view is based on
	OUPath              string
	Tabs                []Tab
	DeleteBlockedReason string // "" when the user can be deleted
	Services            []data.UserService
	Roles               []data.RoleAssignment
	Skills              []data.UserSkill
	Profiles            []data.UserProfile
	NAReasons           []data.AssignableItem
	Interact            *data.InteractSettings // nil until the user first had an Interact licence
	Snippet             string
	CallTemplates       []data.AssignableItem
}

// Deletable reports whether the delete rule allows removing the user.
func (d UserDetail) Deletable() bool { return d.DeleteBlockedReason == "" }

// findUser resolves an O365 ID or UPN to a Nimbus user, or a NotFoundError.
func findUser(q *data.Q, idOrUPN string) (data.NimbusUser, error) {
	u, err := q.FindNimbusUser(idOrUPN)
	if errors.Is(err, data.ErrNotFound) {
		return u, &NotFoundError{What: "Nimbus user", Key: idOrUPN}
	}
	return u, err
}

// UserDetail loads a user's detail view by O365 ID or UPN.
func (a *App) UserDetail(ctx context.Context, idOrUPN string) (UserDetail, error) {
	q := a.store.Read(ctx)
	var d UserDetail
	u, err := findUser(q, idOrUPN)
	if err != nil {
		return d, err
	}
	// The version is read first: a write landing while the rest loads makes a change
	// based on this view refused as stale rather than silently based on a mix.
	d.Version = data.RowVersion{Entity: "user", Key: u.ID}
	if d.Version.Version, err = q.RowVersionOf("user", u.ID); err != nil {
		return d, err
	}
	tree, err := a.OUTree(ctx)
	if err != nil {
		return d, err
	}
	d.User, d.OUPath, d.Tabs = u, tree.Path(u.OUID), VisibleTabs(u.Licences)
	if d.Services, err = q.UserServices(u.ID); err != nil {
		return d, err
	}
	d.DeleteBlockedReason = DeleteBlockedReason(u, d.Services)
	if d.Roles, err = q.UserRoles(u.ID); err != nil {
		return d, err
	}
	if d.Skills, err = q.UserSkills(u.ID); err != nil {
		return d, err
	}
	if d.Profiles, err = q.UserProfiles(u.ID); err != nil {
		return d, err
	}
	if d.NAReasons, err = q.UserNAReasons(u.ID); err != nil {
		return d, err
	}
	if d.CallTemplates, err = q.UserCallTemplates(u.ID); err != nil {
		return d, err
	}
	switch ia, err := q.UserInteract(u.ID); {
	case err == nil:
		d.Interact = &ia
		settings, err := q.TenantSettings()
		if err != nil {
			return d, err
		}
		d.Snippet = Snippet(settings, ia.ContactID)
	case !errors.Is(err, data.ErrNotFound):
		return d, err
	}
	return d, nil
}

// DeleteBlockedReason applies the delete rule: a manually added user who is in no
// Teams-based service can be deleted; for anyone else it says why not, naming the
// service(s) that keep the user. "" means deletion is allowed.
func DeleteBlockedReason(u data.NimbusUser, services []data.UserService) string {
	var keeping []string
	for _, s := range services {
		if s.AssignmentType == data.TeamsBased {
			keeping = append(keeping, s.Name)
		}
	}
	name := u.DisplayName
	if name == "" {
		name = u.UPN
	}
	switch {
	case len(keeping) == 1:
		return fmt.Sprintf("%s is kept by the MS Teams-based service %q: they leave Nimbus when they leave its Team in Microsoft Teams", name, keeping[0])
	case len(keeping) > 1:
		return fmt.Sprintf("%s is kept by the MS Teams-based services %s: they leave Nimbus when they leave those Teams in Microsoft Teams", name, quoteList(keeping))
	case u.Origin == data.OriginTeams:
		return fmt.Sprintf("%s was added automatically from Microsoft Teams: they leave Nimbus at the next sync once they are in no Team of a Teams-based service", name)
	}
	return ""
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

func loadTree(q *data.Q) (*outree.Tree, error) {
	ous, err := q.OrganizationUnits()
	if err != nil {
		return nil, err
	}
	return outree.New(ous), nil
}
