package permissions

import (
	"strings"
	"testing"
)

func TestParseErrorsQuoteAtMostEightyCharacters(t *testing.T) {
	huge := strings.Repeat("\x1b[2Jx", 32<<10)
	for _, s := range []string{huge, "users=" + huge, huge + "=R"} {
		p, err := Parse(s)
		if err == nil {
			_, err = p.Normalise() // an unknown item is named when the set is checked
		}
		if err == nil || len(err.Error()) > 200 || strings.Contains(err.Error(), "\x1b") {
			t.Errorf("%.20q: the error is not one short safe line: %.300q", s, err)
		}
	}
}
