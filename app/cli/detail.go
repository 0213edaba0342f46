package cli

import (
	"nimbusadmin/app"
	"nimbusadmin/app/outree"
	"nimbusadmin/data"
)

// userDetailJSON is `user show --format json`; the field names are a stable interface.
type userDetailJSON struct {
	ID                  string        `json:"id"`
	DisplayName         string        `json:"displayName"`
	GivenName           string        `json:"givenName"`
	Surname             string        `json:"surname"`
	UserPrincipalName   string        `json:"userPrincipalName"`
	Mail                string        `json:"mail"`
	Department          string        `json:"department"`
	JobTitle            string        `json:"jobTitle"`
	OrganizationUnit    string        `json:"organizationUnit"`
	OrganizationUnitID  int64         `json:"organizationUnitId"`
	Origin              string        `json:"origin"`
	Licences            []string      `json:"licences"`
	Tabs                []string      `json:"tabs"`
	HiddenTabs          []hiddenJSON  `json:"hiddenTabs"`
	Deletable           bool          `json:"deletable"`
	DeleteBlockedReason string        `json:"deleteBlockedReason"`
	Services            []serviceJSON `json:"services"`
	Roles               []roleJSON    `json:"roles"`
	Skills              []skillJSON   `json:"skills"`
	Profiles            []profileJSON `json:"profiles"`
	NAReasons           naReasonsJSON `json:"naReasons"`
	Interact            *interactJSON `json:"interact"`
	Assistant           assistantJSON `json:"assistant"`
}

type hiddenJSON struct {
	Tab    string `json:"tab"`
	Reason string `json:"reason"`
}

type serviceJSON struct {
	ID             int64    `json:"id"`
	Name           string   `json:"name"`
	Users          int      `json:"users"`
	AssignmentType string   `json:"assignmentType"`
	Memberships    []string `json:"memberships"`
}

type roleJSON struct {
	AssignmentID int64  `json:"assignmentId"`
	Role         string `json:"role"`
	Kind         string `json:"kind"`
	Scope        string `json:"scope"`
	ScopeID      int64  `json:"scopeId"`
	AutoGranted  bool   `json:"autoGranted"`
	LockedReason string `json:"lockedReason"`
	Effect       string `json:"effect"` // "no effect while Tenant Administrator", or ""
}

type skillJSON struct {
	ID       int64  `json:"id"`
	Skill    string `json:"skill"`
	Category string `json:"category"`
	Level    string `json:"level"`
}

type profileJSON struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Active  bool   `json:"active"`
	Builtin bool   `json:"builtin"`
}

type itemJSON struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

type naReasonsJSON struct {
	Enabled bool       `json:"enabled"`
	Reasons []itemJSON `json:"reasons"`
}

type interactJSON struct {
	TenantEnabled         bool   `json:"tenantEnabled"`
	ContactID             string `json:"contactId"`
	Active                bool   `json:"active"`
	AudioVideo            bool   `json:"audioVideo"`
	InstantMessaging      bool   `json:"instantMessaging"`
	DirectSystemMessageID int64  `json:"directSystemMessageId"`
	DirectSystemMessage   string `json:"directSystemMessage"`
	RestrictAccess        bool   `json:"restrictAccess"`
	DomainTemplateID      int64  `json:"domainTemplateId"`
	DomainTemplate        string `json:"domainTemplate"`
	Snippet               string `json:"snippet"`
}

type assistantJSON struct {
	DirectCallTemplates []itemJSON `json:"directCallTemplates"`
}

func items(in []data.AssignableItem) []itemJSON {
	out := make([]itemJSON, len(in))
	for i, it := range in {
		out[i] = itemJSON{it.ID, it.Name}
	}
	return out
}

// detailExtras are the facts the GUI shows beside the UserDetail: why roles are locked
// and the Interact tab's choices.
type detailExtras struct {
	roles    app.RoleStatus
	interact app.DetailInteractOptions
}

func itemName(items []data.AssignableItem, id int64) string {
	for _, it := range items {
		if it.ID == id {
			return it.Name
		}
	}
	return ""
}

func newUserDetailJSON(d app.UserDetail, tree *outree.Tree, x detailExtras) userDetailJSON {
	u := d.User
	v := userDetailJSON{
		ID: u.ID, DisplayName: u.DisplayName, GivenName: u.GivenName, Surname: u.Surname,
		UserPrincipalName: u.UPN, Mail: u.Mail, Department: u.Department, JobTitle: u.JobTitle,
		OrganizationUnit: d.OUPath, OrganizationUnitID: u.OUID, Origin: string(u.Origin),
		Licences: u.Licences.Keys(), Tabs: []string{}, HiddenTabs: []hiddenJSON{}, Deletable: d.Deletable(),
		DeleteBlockedReason: d.DeleteBlockedReason, Services: []serviceJSON{}, Roles: []roleJSON{},
		Skills: []skillJSON{}, Profiles: []profileJSON{},
		NAReasons: naReasonsJSON{Enabled: u.NAReasonsEnabled, Reasons: items(d.NAReasons)},
		Assistant: assistantJSON{DirectCallTemplates: items(d.CallTemplates)},
	}
	for _, t := range d.Tabs {
		v.Tabs = append(v.Tabs, string(t))
	}
	for _, t := range app.AllTabs() {
		if reason := app.HiddenTabReason(t, u.Licences); reason != "" {
			v.HiddenTabs = append(v.HiddenTabs, hiddenJSON{string(t), reason})
		}
	}
	for _, s := range d.Services {
		ms := make([]string, len(s.Memberships))
		for i, m := range s.Memberships {
			ms[i] = string(m)
		}
		v.Services = append(v.Services, serviceJSON{s.ID, s.Name, s.Users, s.AssignmentType.String(), ms})
	}
	for _, r := range d.Roles {
		v.Roles = append(v.Roles, roleJSON{r.ID, r.Role.Name, string(r.Role.Kind), tree.Path(r.ScopeOUID), r.ScopeOUID,
			r.AutoGranted, x.roles.Locked[r.ID], x.roles.NoEffect[r.ID]})
	}
	for _, s := range d.Skills {
		v.Skills = append(v.Skills, skillJSON{s.Skill.ID, s.Skill.Name, s.Category, s.LevelName})
	}
	for _, p := range d.Profiles {
		v.Profiles = append(v.Profiles, profileJSON{p.ID, p.Name, p.Active, p.Builtin != ""})
	}
	if ia := d.Interact; ia != nil {
		v.Interact = &interactJSON{x.interact.TenantEnabled, ia.ContactID, ia.Active, ia.AudioVideo, ia.InstantMessaging,
			ia.DirectSystemMessageID, itemName(x.interact.SystemMessages, ia.DirectSystemMessageID),
			ia.RestrictAccess, ia.DomainTemplateID, itemName(x.interact.DomainTemplates, ia.DomainTemplateID), d.Snippet}
	}
	return v
}
