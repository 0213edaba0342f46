package cli

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// configLevels runs `config skill-categories levels` and reads its JSON.
func configLevels(t *testing.T, run func(...string) (int, string, string), args ...string) []configLevelJSON {
	t.Helper()
	code, stdout, stderr := run(append([]string{"config", "skill-categories", "levels"}, append(args, "--format", "json")...)...)
	if code != 0 {
		t.Fatalf("levels %v: exit %d: %s", args, code, stderr)
	}
	var levels []configLevelJSON
	if err := json.Unmarshal([]byte(stdout), &levels); err != nil {
		t.Fatalf("levels %v: %v", args, err)
	}
	return levels
}

// configLevelsText writes levels as "Basic=1 Fluent=2" for comparisons.
func configLevelsText(levels []configLevelJSON) string {
	parts := make([]string, len(levels))
	for i, l := range levels {
		parts[i] = l.Name + "=" + strconv.Itoa(l.Number)
	}
	return strings.Join(parts, " ")
}

func TestConfigSkillCategoryLevelsListAndEachAction(t *testing.T) {
	run := configDemo(t)
	levels := configLevels(t, run, "Language")
	if configLevelsText(levels) != "Basic=1 Fluent=2 Native=3" || len(levels[1].UsedBy) == 0 {
		t.Fatalf("demo Language levels %+v", levels)
	}
	code, stdout, _ := run("config", "skill-categories", "levels", "language")
	if code != 0 || !strings.HasPrefix(stdout, "ID") || !strings.Contains(stdout, "Fluent") || !strings.Contains(stdout, "users (") {
		t.Errorf("table:\n%s", stdout)
	}

	// add
	after := configLevels(t, run, "Language", "--add", "Conversational=4")
	if configLevelsText(after) != "Basic=1 Fluent=2 Native=3 Conversational=4" {
		t.Errorf("after --add: %s", configLevelsText(after))
	}
	// rename keeps the level and its holders
	after = configLevels(t, run, "Language", "--rename", "basic=Beginner")
	if after[0].Name != "Beginner" || after[0].ID != levels[0].ID || len(after[0].UsedBy) != len(levels[0].UsedBy) {
		t.Errorf("after --rename: %+v", after[0])
	}
	// order: the levels keep the numbers 1..4 and take them in the new order
	after = configLevels(t, run, "Language", "--order", "Beginner,Conversational,Fluent,Native")
	if configLevelsText(after) != "Beginner=1 Conversational=2 Fluent=3 Native=4" || after[2].ID != levels[1].ID {
		t.Errorf("after --order: %+v", after)
	}
	// remove an unused level
	after = configLevels(t, run, "Language", "--remove", "Conversational")
	if configLevelsText(after) != "Beginner=1 Fluent=3 Native=4" {
		t.Errorf("after --remove: %s", configLevelsText(after))
	}
	// a level in use cannot be removed, and the message says by whom
	code, _, stderr := run("config", "skill-categories", "levels", "Language", "--remove", "Fluent")
	if code != 1 || !strings.Contains(stderr, `cannot remove the level "Fluent"`) || !strings.Contains(stderr, levels[1].UsedBy[0].Names[0]) ||
		strings.Count(stderr, "\n") != 1 {
		t.Errorf("remove in use: exit %d %q", code, stderr)
	}
	if got := configLevelsText(configLevels(t, run, "Language")); got != "Beginner=1 Fluent=3 Native=4" {
		t.Errorf("the refused removal changed the levels: %s", got)
	}
	for _, bad := range [][]string{{"--add", "Expert"}, {"--rename", "Basic"}} {
		if code, _, _ := run(append([]string{"config", "skill-categories", "levels", "Language"}, bad...)...); code != 2 {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
	for _, bad := range [][]string{{"--remove", "Nothing"}, {"--order", "Native,Fluent"}, {"--add", "Again=3"}} {
		if code, _, stderr := run(append([]string{"config", "skill-categories", "levels", "Language"}, bad...)...); code != 1 {
			t.Errorf("%v: exit %d %q, want 1", bad, code, stderr)
		}
	}
}

func TestConfigFirstLevelsOfACategorySayWhomTheyGaveALevel(t *testing.T) {
	run := configDemo(t)
	code, stdout, stderr := run("config", "skill-categories", "levels", "Certification", "--add", "Certified=1", "--add", "Expert=2")
	if code != 0 || !strings.Contains(stdout, "Certified") || !strings.Contains(stderr, "without a level and now hold them at Certified (1)") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
