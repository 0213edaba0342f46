package safetext

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestShortKeepsAtMostEightyCharacters(t *testing.T) {
	for in, want := range map[string]string{
		"":                         "",
		"Sales":                    "Sales",
		strings.Repeat("x", 80):    strings.Repeat("x", 80),
		strings.Repeat("x", 81):    strings.Repeat("x", 80) + "…",
		strings.Repeat("é", 1000):  strings.Repeat("é", 80) + "…",
		strings.Repeat("\xff", 90): strings.Repeat("\xff", 80) + "…",
	} {
		if got := Short(in); got != want {
			t.Errorf("Short(%.20q…) = %.20q…, want %.20q…", in, got, want)
		}
	}
}

func TestQuoteIsShortAndSafeOnATerminal(t *testing.T) {
	got := Quote(strings.Repeat("\x1b[2J\u202e", 128<<10))
	if strings.ContainsAny(got, "\x1b\u202e\n") || len(got) > 400 || !strings.HasSuffix(got, `…"`) {
		t.Errorf("Quote = %q", got)
	}
}

func TestSprintfShortensOnlyWhatItQuotes(t *testing.T) {
	long := strings.Repeat("y", 128<<10)
	got := Sprintf("no user %q; %s %d%% %v", long, "Sales/EMEA", 3, 4)
	want := `no user "` + strings.Repeat("y", 80) + `…"; Sales/EMEA 3% 4`
	if got != want {
		t.Errorf("Sprintf = %.200q", got)
	}
	if got := Sprintf("%-10q|%s|%+q", long, "plain", long); utf8.RuneCountInString(got) > 200 || !strings.Contains(got, "|plain|") {
		t.Errorf("flags and widths: %.300q", got)
	}
	if got := Sprintf("%s then %q", long[:100], long); len(got) != 100+len(" then ")+len(`"`+strings.Repeat("y", 80)+`…"`) {
		t.Errorf("a %%s argument was shortened or the %%q one was not: %d bytes", len(got))
	}
	if got := Sprintf("%[1]q", "short"); got != `"short"` {
		t.Errorf("explicit index: %q", got)
	}
}

type licenceName string

type shouting string

func (s shouting) String() string { return strings.ToUpper(string(s)) }

type nilStringer struct{ name string }

func (n *nilStringer) String() string { return n.name }

func TestSprintfShortensTextOfEveryKind(t *testing.T) {
	long := strings.Repeat("z", 500)
	want := `"` + strings.Repeat("z", 80) + `…"`
	if got := Sprintf("%q", licenceName(long)); got != want {
		t.Errorf("a named string type: %.120q", got)
	}
	if got := Sprintf("%q", shouting(long)); got != strings.ToUpper(want) {
		t.Errorf("a Stringer: %.120q", got)
	}
	if got := Sprintf("%q", errors.New(long)); got != want {
		t.Errorf("an error: %.120q", got)
	}
	var none *nilStringer
	if got := Sprintf("%q", none); got != fmt.Sprintf("%q", none) {
		t.Errorf("a nil Stringer prints as fmt prints it: %q", got)
	}
}
