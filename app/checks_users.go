package app

import (
	"strconv"
	"strings"

	"nimbusadmin/data"
)

// checkActiveProfiles: every Contact Center user has an active responsibility profile,
// or Nimbus routes no call to them. The fix makes the built-in On Duty active, assigning
// it first where the user lost it.
func checkActiveProfiles(q *data.Q) (*Finding, error) {
	users, err := q.ContactCenterUsersWithoutActiveProfile()
	if err != nil || len(users) == 0 {
		return nil, err
	}
	onDuty, err := q.BuiltinProfile("on_duty")
	if err != nil {
		return nil, err
	}
	f := &Finding{Check: "cc-without-active-profile",
		Rule:   "Every Contact Center user has an active responsibility profile, or no call is routed to them.",
		Fix:    "Make a profile active on the user's Profiles tab; On Duty takes calls on every skill.",
		Action: &FixAction{Label: "Give On Duty"}}
	for _, u := range users {
		detail := "On Duty assigned, no profile active"
		if !u.HoldsOnDuty {
			detail = "no profile active, On Duty not assigned"
			f.Action.Commands = append(f.Action.Commands, AssignProfile{Base: userBase(u), User: u.ID, Profile: onDuty.ID})
			f.Action.Commands = append(f.Action.Commands, SetActiveProfile{User: u.ID, Profile: onDuty.ID})
		} else {
			f.Action.Commands = append(f.Action.Commands, SetActiveProfile{Base: userBase(u), User: u.ID, Profile: onDuty.ID})
		}
		f.Items = append(f.Items, userItem(u, detail))
	}
	return f, nil
}

// checkNAReasons: a Contact Center user whose N/A reasons are enabled has at least one
// reason to choose. The fix turns the switch off, which is what the user can use now.
func checkNAReasons(q *data.Q) (*Finding, error) {
	users, err := q.NAReasonsEnabledWithoutReasons()
	if err != nil || len(users) == 0 {
		return nil, err
	}
	f := &Finding{Check: "na-reasons-enabled-without-reasons",
		Rule:   "A user whose N/A reasons are enabled has at least one reason to choose from.",
		Fix:    "Add a reason on the user's N/A Reasons tab, or turn N/A reasons off for them.",
		Action: &FixAction{Label: "Turn N/A reasons off"}}
	for _, u := range users {
		f.Items = append(f.Items, userItem(u, "N/A reasons enabled, no reason left"))
		f.Action.Commands = append(f.Action.Commands, SetNAReasons{Base: userBase(u), User: u.ID, Enabled: false})
	}
	return f, nil
}

// checkRestrictAccess: an active Interact user with Restrict Access on has a domain
// template that lists the web sites allowed. Which template is right, or whether the
// widget may be open to every site, only the admin can say: no fix button.
func checkRestrictAccess(q *data.Q) (*Finding, error) {
	users, err := q.InteractRestrictedWithoutTemplate()
	if err != nil || len(users) == 0 {
		return nil, err
	}
	f := &Finding{Check: "interact-restricted-without-template",
		Rule: "An active Interact user with Restrict Access on has a domain template that lists the web sites allowed.",
		Fix:  "Choose a domain template on the user's Interact tab, or turn Restrict Access off there."}
	for _, u := range users {
		f.Items = append(f.Items, userItem(u, "Restrict Access on, no domain template"))
	}
	return f, nil
}

// checkDisabledAccounts: a user whose directory account is disabled cannot sign in, so
// the licences they hold are wasted. The fix revokes them (refused, saying why, while
// something active still needs a licence).
func checkDisabledAccounts(q *data.Q) (*Finding, error) {
	users, err := q.DisabledAccountsWithLicences()
	if err != nil || len(users) == 0 {
		return nil, err
	}
	f := &Finding{Check: "disabled-account-with-licences",
		Rule:   "A user whose directory account is disabled holds no Nimbus licence.",
		Fix:    "Revoke their licences on the General tab, or enable the account in the directory if it was disabled by mistake.",
		Action: &FixAction{Label: "Remove the licences"}}
	for _, u := range users {
		f.Items = append(f.Items, userItem(u, "account disabled; holds "+licenceText(u.Licences)))
		f.Action.Commands = append(f.Action.Commands, ChangeLicences{Base: userBase(u), User: u.ID, Revoke: u.Licences})
	}
	return f, nil
}

// checkOUPaths: everything assigned to a user lives in the user's OU or above. A user
// moved by the directory (or by an admin before the rule) can hold items from elsewhere;
// which to remove, or where to move the user, is the admin's choice: no fix button.
func checkOUPaths(q *data.Q) (*Finding, error) {
	rows, err := q.AssignmentsOutsideOUPath()
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	tree, err := loadTree(q)
	if err != nil {
		return nil, err
	}
	f := &Finding{Check: "assignment-outside-ou-path",
		Rule: "Everything assigned to a user lives in the user's organization unit or above it.",
		Fix:  "Remove what lies outside on the user's tabs, or move the user to an organization unit that sees it."}
	var held []string
	for i, r := range rows {
		kind, rest, _ := strings.Cut(r.Detail, "\x1f")
		name, ou, _ := strings.Cut(rest, "\x1f")
		ouID, _ := strconv.ParseInt(ou, 10, 64)
		held = append(held, kind+" "+name+" (from "+tree.Path(ouID)+")")
		if i+1 == len(rows) || rows[i+1].ID != r.ID {
			f.Items = append(f.Items, userItem(r, strings.Join(held, "; ")))
			held = nil
		}
	}
	return f, nil
}
