package safetext

import "testing"

func TestTerminalShowsWhatWouldActOnATerminal(t *testing.T) {
	for in, want := range map[string]string{
		"Anna Åberg":           "Anna Åberg",
		"佐藤 花子":                "佐藤 花子",
		"\x1b[2J\x1b[31mEvil":  `\x1b[2J\x1b[31mEvil`,
		"ok\rFAKE":             `ok\x0dFAKE`,
		"a\tb\nc":              `a\x09b\x0ac`,
		"bank\u202egnp.exe":    `bank\u202egnp.exe`,
		"x\u2066y\u2069":       `x\u2066y\u2069`,
		"bad\xffbyte":          `bad\xffbyte`,
		"c1\u009bcontrol":      `c1\u009bcontrol`,
		"שלום":                 "שלום",
		"Ελληνικά and العربية": "Ελληνικά and العربية",
	} {
		if got := Terminal(in); got != want {
			t.Errorf("Terminal(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCSVCellKeepsFormulasFromRunning(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://x","y")`: `'=HYPERLINK("http://x","y")`,
		"+1+1":                       "'+1+1",
		"-2+3":                       "'-2+3",
		"@SUM(A1)":                   "'@SUM(A1)",
		"\t=1":                       "'\t=1",
		"\r=1":                       "'\r=1",
		"Sales":                      "Sales",
		"":                           "",
		"a=b":                        "a=b",
	} {
		if got := CSVCell(in); got != want {
			t.Errorf("CSVCell(%q) = %q, want %q", in, got, want)
		}
	}
}
