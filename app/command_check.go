package app

import (
	"context"
	"errors"

	"nimbusadmin/data"
)

// errCheckOnly ends the transaction of a dry check: the change was accepted and is rolled back.
var errCheckOnly = errors.New("dry check: rolled back")

// Check runs a command exactly as Do would (stale view, permission, rules) and rolls it
// back: it returns the refusal Do would give, or nil when Do would accept it now. The
// window checks first and asks "Are you sure?" only about a change the rules allow.
func (a *App) Check(ctx context.Context, cmd Command) error {
	if r := a.Remote(); r != nil {
		return r.Check(ctx, cmd)
	}
	err := a.change(ctx, func(q *data.Q, may *permit) ([]data.JournalEntry, error) {
		if err := checkBase(q, cmd.Based()); err != nil {
			return nil, err
		}
		if _, err := cmd.apply(&changeCtx{ctx: ctx, q: q, may: may, out: &Outcome{}}); err != nil {
			return nil, err
		}
		if !may.asked {
			return nil, errUnchecked
		}
		return nil, errCheckOnly
	})
	if errors.Is(err, errCheckOnly) {
		return nil
	}
	return err
}
