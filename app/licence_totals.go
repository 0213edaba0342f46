package app

import (
	"context"
	"fmt"
	"strconv"

	"nimbusadmin/data"
)

// LicenceTotal is one licence's contingent in the tenant and how many Nimbus users hold
// it, so that an admin sees how many are left before granting one.
type LicenceTotal struct {
	Licence    data.LicenceSet
	Limited    bool // false: the tenant may grant the licence to any number of users
	Contingent int  // how many users may hold it, when Limited
	InUse      int  // how many Nimbus users hold it
}

// ContingentText is the contingent as admins read it: "1,000" or "unlimited".
func (t LicenceTotal) ContingentText() string {
	if !t.Limited {
		return "unlimited"
	}
	return Thousands(t.Contingent)
}

// Text is "812 / 1,000": in use, then the contingent.
func (t LicenceTotal) Text() string { return Thousands(t.InUse) + " / " + t.ContingentText() }

// LicenceTotals lists every licence's contingent and use, in the order admins see the
// licences.
func (a *App) LicenceTotals(ctx context.Context) ([]LicenceTotal, error) {
	q := a.store.Read(ctx)
	contingents, err := q.LicenceContingents()
	if err != nil {
		return nil, err
	}
	held, err := q.LicenceHolders()
	if err != nil {
		return nil, err
	}
	out := make([]LicenceTotal, len(data.AllLicences))
	for i, l := range data.AllLicences {
		n, limited := contingents[l]
		out[i] = LicenceTotal{Licence: l, Limited: limited, Contingent: n, InUse: held[l]}
	}
	return out, nil
}

// SetLicenceContingent limits how many Nimbus users may hold a licence, or lifts the
// limit (Unlimited: any number of users may hold it). Only a Tenant Administrator may;
// the contingent cannot be set below the number of users who hold the licence already,
// since nobody loses a licence through it.
type SetLicenceContingent struct {
	Base
	Licence    data.LicenceSet `json:"licence"`
	Contingent int             `json:"contingent,omitempty"`
	Unlimited  bool            `json:"unlimited,omitempty"`
}

// Kind names the command.
func (SetLicenceContingent) Kind() string { return "tenant.licence-contingent" }

func (cmd SetLicenceContingent) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q, l, n := c.q, cmd.Licence, cmd.Contingent
	if err := c.may.tenantAdmin("changing the licence contingents"); err != nil {
		return nil, err
	}
	if l.Key() == "" {
		return nil, &NotFoundError{What: "licence", Key: fmt.Sprint(uint8(l))}
	}
	contingents, err := q.LicenceContingents()
	if err != nil {
		return nil, err
	}
	old := "unlimited"
	if was, ok := contingents[l]; ok {
		old = Thousands(was)
	}
	next := "unlimited"
	if cmd.Unlimited {
		err = q.ClearLicenceContingent(l)
	} else {
		next, err = Thousands(n), checkContingentAbove(q, l, n)
		if err == nil {
			err = q.SetLicenceContingent(l, n)
		}
	}
	if err != nil || next == old {
		return nil, err
	}
	return []data.JournalEntry{entry("tenant.licence-contingent", l.String(), old, next)}, nil
}

// checkContingentAbove refuses a contingent below zero or below the number of users who
// hold the licence.
func checkContingentAbove(q *data.Q, l data.LicenceSet, n int) error {
	if n < 0 {
		return refuse("licence.contingent-number", "the %s contingent must be a number of licences, 0 or more; to lift it, make the licence unlimited", l)
	}
	held, err := q.CountLicenceHolders(l, "")
	if err != nil {
		return err
	}
	if n < held {
		return refuse("licence.contingent-below-use", "cannot set the %s contingent to %s: %s the licence; revoke it from %s of them first, or set at least %s",
			l, Thousands(n), holdText(held), Thousands(held-n), Thousands(held))
	}
	return nil
}

// checkContingents refuses to give a user a licence that the tenant's other users already
// hold as many times as its contingent allows.
func checkContingents(q *data.Q, u data.NimbusUser, next data.LicenceSet) error {
	granted := next &^ u.Licences
	if granted == 0 {
		return nil
	}
	contingents, err := q.LicenceContingents()
	if err != nil {
		return err
	}
	for _, l := range data.AllLicences {
		n, limited := contingents[l]
		if !granted.Has(l) || !limited {
			continue
		}
		others, err := q.CountLicenceHolders(l, u.ID)
		if err != nil {
			return err
		}
		switch {
		case others < n:
		case n == 0:
			return refuse("licence.contingent", "%s: the tenant's contingent is 0 licences; raise the contingent in tenant settings", l)
		case n == 1:
			return refuse("licence.contingent", "%s: the tenant's only licence is in use; revoke it or raise the contingent in tenant settings", l)
		default:
			return refuse("licence.contingent", "%s: all %s licences of the tenant are in use; revoke one or raise the contingent in tenant settings", l, Thousands(n))
		}
	}
	return nil
}

// holdText says how many users hold something: "1 user holds", "1,000 users hold".
func holdText(n int) string {
	if n == 1 {
		return "1 user holds"
	}
	return Thousands(n) + " users hold"
}

// Thousands writes a count with thousands separators: "1,000".
func Thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + Thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
