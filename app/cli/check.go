package cli

import (
	"context"
	"errors"
	"fmt"

	"nimbusadmin/app"
)

// errFound ends 'check' with exit code 1 when it found an inconsistency, so that a
// scheduled job can alert on the exit code alone.
var errFound = errors.New("the checks found inconsistencies, listed on standard output")

// runCheck prints every finding of the integrity checks: one row per user, service or
// licence a finding names, or the findings as a JSON array. It exits 1 when it finds
// anything and 0 when the cache is consistent.
func runCheck(ctx context.Context, e env, args []string) error {
	fs := newFlags("check")
	f := formatFlag(fs, "table, csv or json")
	prov := provenanceFlag(fs)
	if _, err := parse(fs, args, 0, ""); err != nil {
		return err
	}
	return withApp(e, func(a *app.App) error {
		findings, err := a.Checks(ctx)
		if err != nil {
			return err
		}
		switch {
		case len(findings) == 0 && *f == "table":
			_, err = fmt.Fprintln(e.stdout, "Every check passes: nothing in the cache is inconsistent.")
		case *f == "json":
			if findings == nil {
				findings = []app.Finding{}
			}
			err = writeJSON(e.stdout, findings)
		default:
			err = writeTable(e.stdout, *f, []string{"Check", "Kind", "Id", "Name", "Found", "Rule", "Fix", "Fix button"}, checkRows(findings))
		}
		if err == nil {
			err = writeProvenance(ctx, a, fs, *prov, len(findings))
		}
		if err != nil || len(findings) == 0 {
			return err
		}
		return fmt.Errorf("%w (%s)", errFound, countOf(len(findings), "check"))
	})
}

// checkRows is one row per item a finding names.
func checkRows(findings []app.Finding) [][]string {
	var rows [][]string
	for _, fd := range findings {
		button := ""
		if fd.Action != nil {
			button = fd.Action.Label
		}
		for _, it := range fd.Items {
			name := it.Name
			if it.UPN != "" && it.UPN != it.Name {
				name += " <" + it.UPN + ">"
			}
			rows = append(rows, []string{fd.Check, it.Kind, it.ID, name, it.Detail, fd.Rule, fd.Fix, button})
		}
	}
	return rows
}

// countOf says "1 check" or "3 checks".
func countOf(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
