// Package app is the core of Nimbus Admin: the use cases the GUI and the command line
// call, and the business rules they enforce, written once. It does not import Fyne.
package app

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"nimbusadmin/app/safetext"
	"nimbusadmin/data"
)

// App is one open tenant cache and the admin working on it.
type App struct {
	store *data.Store

	mu     sync.Mutex
	actor  string
	remote Remote // the team server changes go to; nil in single-admin mode
}

// New wraps an open store; actor names the admin in the change journal.
func New(store *data.Store, actor string) *App {
	if actor == "" {
		actor = "unknown admin"
	}
	return &App{store: store, actor: actor}
}

// Store gives the underlying cache, for the sync and the demo generator.
func (a *App) Store() *data.Store { return a.store }

// Close closes the tenant cache, so that whoever opened the App ends it without reaching
// the store; the App is unusable afterwards.
func (a *App) Close() error { return a.store.Close() }

// Actor is the account acting: named in the journal, its roles decide what it may change.
func (a *App) Actor() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.actor
}

// ActAs changes who acts, when someone signs in or out while the cache stays open; with
// "" the local user acts (and holds no administrator role of the tenant).
func (a *App) ActAs(actor string) {
	if actor == "" {
		actor = actorName()
	}
	a.mu.Lock()
	a.actor = actor
	a.mu.Unlock()
}

// RuleError is a refused change: the message says, in the admin's words, which rule
// refused it and what to do instead. Nothing was written.
type RuleError struct {
	Rule    string // a stable key, for tests and scripts
	Message string
}

func (e *RuleError) Error() string { return e.Message }

// refuse builds a RuleError. What it quotes with %q is cut to safetext.QuoteLimit
// characters, so that a refusal stays one readable line whatever was typed.
func refuse(rule, format string, args ...any) error {
	return &RuleError{Rule: rule, Message: safetext.Sprintf(format, args...)}
}

// IsRule reports whether err is a refusal by the named rule.
func IsRule(err error, rule string) bool {
	var re *RuleError
	return errors.As(err, &re) && re.Rule == rule
}

// NotFoundError says that a user, OU or item named by the admin does not exist. Its
// message quotes at most safetext.QuoteLimit characters of the key.
type NotFoundError struct{ What, Key string }

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("no %s %s in this tenant", e.What, safetext.Quote(e.Key))
}

// change runs fn in one transaction and journals what it returns; a refusal or failure
// in fn leaves the cache as it was. fn gets the acting admin's permit and must ask it
// before writing: a change that never asked is not committed.
func (a *App) change(ctx context.Context, fn func(q *data.Q, may *permit) ([]data.JournalEntry, error)) error {
	if err := a.refuseReadOnly(); err != nil {
		return err
	}
	actor := a.Actor()
	return a.store.Tx(ctx, func(q *data.Q) error {
		rights, err := rightsOf(q, actor)
		if err != nil {
			return err
		}
		if err := q.SetActor(actor); err != nil {
			return err
		}
		may := &permit{rights: rights}
		entries, err := fn(q, may)
		if err != nil {
			return err
		}
		if !may.asked {
			return errUnchecked
		}
		if err := a.journal(q, entries); err != nil {
			return err
		}
		return q.SetActor("")
	})
}

// errUnchecked stops a change whose code forgot to ask for the admin's permission.
var errUnchecked = errors.New("internal error: the change did not check the acting admin's permission, so nothing was saved")

// systemChange runs a change that no admin chooses, in one journaled transaction: the
// sync mirroring the directory and applying the rules that follow from it.
func (a *App) systemChange(ctx context.Context, fn func(q *data.Q) ([]data.JournalEntry, error)) error {
	if err := a.refuseReadOnly(); err != nil {
		return err
	}
	return a.store.Tx(ctx, func(q *data.Q) error {
		if err := q.SetActor("the directory sync"); err != nil {
			return err
		}
		entries, err := fn(q)
		if err != nil {
			return err
		}
		if err := a.journal(q, entries); err != nil {
			return err
		}
		return q.SetActor("")
	})
}

func (a *App) journal(q *data.Q, entries []data.JournalEntry) error {
	for _, e := range entries {
		e.Actor = a.Actor()
		e.UserUPN = journalSubject(e)
		if err := q.Journal(e); err != nil {
			return err
		}
	}
	return nil
}

// entry is shorthand for a journal entry.
func entry(action, target, old, new string) data.JournalEntry {
	return data.JournalEntry{Action: action, Target: target, Old: old, New: new}
}

// JournalEntry is one accepted change as scripts see it.
type JournalEntry struct {
	At     string `json:"at"`
	Actor  string `json:"actor"`
	Action string `json:"action"`
	Target string `json:"target"`
	Old    string `json:"old"`
	New    string `json:"new"`
	// User is the UPN of the user the change is about, empty when it is about no user.
	User string `json:"userPrincipalName"`
	// Source is SourceJournal for a change made through Nimbus Admin, SourceDirectory
	// for one the directory made (from the sync history).
	Source string `json:"source"`
}

// Journal lists the newest accepted changes first.
func (a *App) Journal(ctx context.Context, limit int) ([]JournalEntry, error) {
	rows, err := a.store.Read(ctx).JournalEntries(limit)
	if err != nil {
		return nil, err
	}
	out := make([]JournalEntry, len(rows))
	for i, r := range rows {
		out[i] = journalEntryOf(r)
	}
	return out, nil
}
