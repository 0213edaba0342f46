package app

import (
	"context"
	"fmt"

	"nimbusadmin/data"
)

// Finding is one inconsistency in the cache that the rules cannot prevent by themselves,
// because it comes from the directory or from time: which rule is broken, whom or what
// it names, what to do, and, where a fix is safe, the change that makes it.
type Finding struct {
	Check  string        `json:"check"` // stable id, e.g. "cc-without-active-profile"
	Rule   string        `json:"rule"`  // what should hold, in one line
	Items  []FindingItem `json:"items"`
	Fix    string        `json:"fix"`              // what to do, in one line
	Action *FixAction    `json:"action,omitempty"` // the safe fix, when there is one
}

// FindingItem is a user, a service or a licence a finding names.
type FindingItem struct {
	Kind   string `json:"kind"` // "user", "service" or "licence"
	ID     string `json:"id"`   // the O365 ID of a user, a service's id, a licence's name
	Name   string `json:"name"` // display name (a user's UPN when they have none)
	UPN    string `json:"userPrincipalName,omitempty"`
	Detail string `json:"detail,omitempty"` // what the check found about this item
}

// FixAction is the change a finding's fix button makes: ordinary commands, run through
// App.Do one after the other, so the rules, the admin's permissions and the journal apply.
type FixAction struct {
	Label    string    `json:"label"` // the button's text, e.g. "Give On Duty"
	Commands []Command `json:"-"`
}

// Kinds of FindingItem.
const (
	ItemUser    = "user"
	ItemService = "service"
	ItemLicence = "licence"
)

// check is one integrity check: it reads the cache and returns its finding, or nil when
// everything it looks at is as it should be.
type check func(q *data.Q) (*Finding, error)

// checks is every integrity check, in the order they are listed.
var checks = []check{
	checkActiveProfiles,
	checkNAReasons,
	checkRestrictAccess,
	checkDisabledAccounts,
	checkTeamsGone,
	checkSkillServiceOwners,
	checkContingentsKept,
	checkOUPaths,
}

// Checks runs every integrity check on what the cache holds now and lists what they
// found; an empty list means the cache is consistent.
func (a *App) Checks(ctx context.Context) ([]Finding, error) {
	q := a.store.Read(ctx)
	var out []Finding
	for _, c := range checks {
		f, err := c(q)
		if err != nil {
			return nil, err
		}
		if f != nil && len(f.Items) > 0 {
			out = append(out, *f)
		}
	}
	return out, nil
}

// Fix runs a finding's safe fix: its commands one after the other, each in its own
// change. It stops at the first refusal and returns it, with how many changes went
// through before it.
func (a *App) Fix(ctx context.Context, f Finding) (done int, err error) {
	if f.Action == nil {
		return 0, refuse("check.no-fix", "%s has no fix the program can make safely: %s", f.Check, f.Fix)
	}
	for _, cmd := range f.Action.Commands {
		if _, err := a.Do(ctx, cmd); err != nil {
			if done > 0 {
				return done, fmt.Errorf("%d changes were made, then: %w", done, err)
			}
			return done, err
		}
		done++
	}
	return done, nil
}

// userItem names a checked user as a finding's item.
func userItem(u data.CheckedUser, detail string) FindingItem {
	name := u.DisplayName
	if name == "" {
		name = u.UPN
	}
	return FindingItem{Kind: ItemUser, ID: u.ID, Name: name, UPN: u.UPN, Detail: detail}
}

// userBase is the version of a checked user as the check saw it, so that a fix is
// refused when the user changed since.
func userBase(u data.CheckedUser) Base {
	return BasedOn(data.RowVersion{Entity: "user", Key: u.ID, Version: u.Version})
}

// serviceItems names checked services as a finding's items.
func serviceItems(ss []data.CheckedService, detail func(data.CheckedService) string) []FindingItem {
	out := make([]FindingItem, len(ss))
	for i, s := range ss {
		out[i] = FindingItem{Kind: ItemService, ID: fmt.Sprint(s.ID), Name: s.Name, Detail: detail(s)}
	}
	return out
}
