package cli

import (
	"context"
	"fmt"

	"nimbusadmin/app"
)

func runUserMove(ctx context.Context, e env, args []string) error {
	fs := newFlags("user move")
	ou := fs.String("ou", "", "the OU id or path to move them to")
	drop := fs.Bool("drop-out-of-scope", false, "also remove what they hold from outside the new OU and the OUs above it")
	pos, err := parse(fs, args, 1, "one user (O365 ID or UPN)")
	if err != nil {
		return err
	}
	if *ou == "" {
		return usagef("user move needs --ou OU (an OU id or path; see 'ous')")
	}
	return withApp(e, func(a *app.App) error {
		tree, err := a.OUTree(ctx)
		if err != nil {
			return err
		}
		to, err := tree.Resolve(*ou)
		if err != nil {
			return err
		}
		out, err := a.OutOfScope(ctx, pos[0], to)
		if err != nil {
			return err
		}
		if _, err := a.Do(ctx, app.MoveUser{User: pos[0], OU: to, DropOutOfScope: *drop}); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "%s is now in %s.\n", pos[0], tree.Path(to))
		for _, it := range out {
			fmt.Fprintf(e.stderr, "Removed with the move: %s.\n", it)
		}
		return nil
	})
}
