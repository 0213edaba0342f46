package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"nimbusadmin/app/safetext"
	"nimbusadmin/data"
)

// Command is one change an admin can make, as a value: the window and the command line
// build one and hand it to App.Do, which is the only way Nimbus data is written by an
// admin. A command can be encoded to JSON and back (EncodeCommand), so that it can be
// queued or sent elsewhere, and it names the row versions it was based on.
type Command interface {
	// Kind names the command in its JSON form, e.g. "user.licences".
	Kind() string
	// Based lists the versions of what the admin saw when they made the change.
	Based() []data.RowVersion
	// apply checks the acting admin's permission and the rules, and writes, inside the
	// change's transaction; it returns the journal entries.
	apply(c *changeCtx) ([]data.JournalEntry, error)
}

// Base is embedded in every command: the row versions the change was based on. Empty
// means "whatever the cache holds now" (a script acting at once); the window fills it
// from what it showed, so that a change made on a stale view is refused.
type Base struct {
	BasedOn []data.RowVersion `json:"basedOn,omitempty"`
}

// Based lists the versions the change was based on.
func (b Base) Based() []data.RowVersion { return b.BasedOn }

// BasedOn is a Base naming one version, for building commands.
func BasedOn(versions ...data.RowVersion) Base { return Base{BasedOn: versions} }

// Outcome is what a change made, beyond its journal entries.
type Outcome struct {
	ID   int64  // the id of what it created (an OU, a service, a role assignment, …); 0 otherwise
	Note string // a remark for the admin that is not a refusal ("levels given to 3 users")
	// After holds the versions of what the change was based on as the change left them, so
	// that a view can tell its own change from someone else's that landed after it.
	After []data.RowVersion
}

// changeCtx is what a command's apply works with.
type changeCtx struct {
	ctx context.Context
	q   *data.Q
	may *permit
	out *Outcome
}

// Do runs a command: in one transaction it checks that what the admin saw is still current,
// lets the command check the acting admin's permission and the rules and write, and
// journals what it did. A refusal or failure leaves the cache as it was.
func (a *App) Do(ctx context.Context, cmd Command) (Outcome, error) {
	if r := a.Remote(); r != nil {
		return r.Do(ctx, cmd)
	}
	var out Outcome
	err := a.change(ctx, func(q *data.Q, may *permit) ([]data.JournalEntry, error) {
		if err := checkBase(q, cmd.Based()); err != nil {
			return nil, err
		}
		entries, err := cmd.apply(&changeCtx{ctx: ctx, q: q, may: may, out: &out})
		if err != nil {
			return nil, err
		}
		out.After, err = versionsNow(q, cmd.Based())
		return entries, err
	})
	if err != nil {
		return Outcome{}, err
	}
	return out, nil
}

// checkBase refuses a change made on a view that someone (another admin, a sync) has
// changed since.
func checkBase(q *data.Q, based []data.RowVersion) error {
	for _, b := range based {
		now, err := q.RowVersionOf(b.Entity, b.Key)
		if err != nil {
			return err
		}
		if now == b.Version {
			continue
		}
		by, at, err := q.LastChange(b.Entity, b.Key)
		if err != nil {
			return err
		}
		if when, perr := time.Parse(time.RFC3339, at); perr == nil && by != "" {
			now := currentValue(q, b)
			if now != "" {
				now = " (now: " + now + ")"
			}
			return refuse("change.stale", "%s was changed after you opened it, by %s at %s%s; look at it again (it shows that change now) and redo yours",
				describeEntity(q, b), by, when.Local().Format("15:04 on 2 Jan"), now)
		}
		return refuse("change.stale", "%s was changed after you opened it (a sync or another change); look at it again and redo your change",
			describeEntity(q, b))
	}
	return nil
}

// versionsNow reads the current version of each entity a change was based on.
func versionsNow(q *data.Q, based []data.RowVersion) ([]data.RowVersion, error) {
	var out []data.RowVersion
	for _, b := range based {
		v, err := q.RowVersionOf(b.Entity, b.Key)
		if err != nil {
			return nil, err
		}
		out = append(out, data.RowVersion{Entity: b.Entity, Key: b.Key, Version: v})
	}
	return out, nil
}

// currentValue says what an entity holds now, for a refused stale change to show next to
// who changed it: a user's licences, a service's or an OU's name; "" for other kinds,
// whose screens show the current state once reloaded.
func currentValue(q *data.Q, v data.RowVersion) string {
	switch v.Entity {
	case "user":
		if u, err := findUser(q, v.Key); err == nil {
			return "licences " + licenceText(u.Licences)
		}
	case "service":
		if id, err := strconv.ParseInt(v.Key, 10, 64); err == nil {
			if s, err := q.Service(id); err == nil {
				return "named " + safetext.Quote(s.Name)
			}
		}
	case "ou":
		if id, err := strconv.ParseInt(v.Key, 10, 64); err == nil {
			if t, err := loadTree(q); err == nil && t.Has(id) {
				return "named " + safetext.Quote(t.Name(id))
			}
		}
	}
	return ""
}

// describeEntity names an entity for a message: the user's name, or its kind and id.
func describeEntity(q *data.Q, v data.RowVersion) string {
	switch v.Entity {
	case "user":
		if u, err := findUser(q, v.Key); err == nil {
			return displayName(u)
		}
	case "service":
		if id, err := strconv.ParseInt(v.Key, 10, 64); err == nil {
			if s, err := q.Service(id); err == nil {
				return fmt.Sprintf("The service %q", s.Name)
			}
		}
	case "tenant":
		return "The tenant settings"
	}
	// Other kinds (OUs, roles, configuration items) are named by what they are; a name
	// that has gone with the item could not be shown anyway.
	return "The " + strings.ReplaceAll(v.Entity, "-", " ") + " you opened"
}
