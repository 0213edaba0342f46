package app

import "testing"

func TestCountsInWordsUseThousandsSeparators(t *testing.T) {
	for n, want := range map[int]string{1: "1 user", 3014: "3,014 users", 34686: "34,686 role assignments"} {
		kind := "user"
		if n == 34686 {
			kind = "role assignment"
		}
		if got := plural(n, kind); got != want {
			t.Errorf("plural(%d, %q) = %q, want %q", n, kind, got, want)
		}
	}
	if got := plural(12000, "responsibility"); got != "12,000 responsibilities" {
		t.Errorf("plural of a kind ending in y: %q", got)
	}
}
