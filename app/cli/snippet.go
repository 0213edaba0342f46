package cli

import (
	"context"
	"fmt"

	"nimbusadmin/app"
)

// runUserSnippet prints exactly the snippet the GUI's Copy button puts on the clipboard.
func runUserSnippet(ctx context.Context, e env, args []string) error {
	fs := newFlags("user snippet")
	pos, err := parse(fs, args, 1, "one user (O365 ID or UPN)")
	if err != nil {
		return err
	}
	return withApp(e, func(a *app.App) error {
		s, err := a.UserSnippet(ctx, pos[0])
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(e.stdout, s)
		return err
	})
}
