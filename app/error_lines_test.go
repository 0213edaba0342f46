package app

import (
	"strings"
	"testing"

	"nimbusadmin/data"
)

// An error line quotes at most 80 characters of what was typed, however much was typed,
// and stays one line that cannot act on a terminal.
func TestErrorLinesQuoteAtMostEightyCharactersOfInput(t *testing.T) {
	f := newFixture(t)
	huge := strings.Repeat("\x1b[2Jx\u202e", 16<<10) // 128 KiB
	short := func(what string, err error) {
		t.Helper()
		if err == nil {
			t.Fatalf("%s: accepted", what)
		}
		if msg := err.Error(); len(msg) > 300 || strings.ContainsAny(msg, "\x1b\u202e\n") || !strings.Contains(msg, "…") {
			t.Errorf("%s: %d bytes, not one short safe line: %.300q", what, len(msg), msg)
		}
	}
	_, err := f.app.UserDetail(ctx, huge)
	short("unknown user", err)
	_, err = f.app.FindConfigItem(ctx, data.ConfigSkills, huge)
	short("unknown skill", err)
	_, err = f.app.ServiceByName(ctx, huge)
	short("unknown service", err)
	f.refused("service.type", func() error {
		err := do(f.app, CreateService{Type: data.AssignmentType(huge), OU: f.ou["root"]})()
		short("unknown service type", err)
		return err
	})
	tree, err := f.app.OUTree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, err = tree.Resolve(huge)
	short("unknown organization unit", err)
}
