package buildinfo

import (
	"runtime/debug"
	"testing"
)

func TestVersionComesFromTheDetailsOfFyneApp(t *testing.T) {
	toml := []byte("Website = \"https://example.com\"\nVersion = \"9.9.9\"\n\n[Details]\n  Icon = \"assets/icon.png\"\n  Version = \"0.1.0\"\n  Build = 1\n")
	if got := fyneAppVersion(toml); got != "0.1.0" {
		t.Errorf("version %q, want 0.1.0 (the [Details] one)", got)
	}
	if got := fyneAppVersion([]byte("[Details]\nName = \"x\"\n")); got != "" {
		t.Errorf("version %q of a file without one, want empty", got)
	}
}

func TestTheLineNamesVersionShortCommitAndDate(t *testing.T) {
	for _, c := range []struct {
		info Info
		want string
	}{
		{Info{"0.1.0", "5f18b17c0ffee5f18b17c0ffee5f18b17c0ffee0", "2026-12-03T18:05:02Z"}, "Nimbus Admin 0.1.0 (commit 5f18b17, built 2026-12-03T18:05:02Z)"},
		{Info{"0.1.0", "5f18b17c0ffee5f18b17c0ffee5f18b17c0ffee0-modified", "2026-12-03T18:05:02Z"}, "Nimbus Admin 0.1.0 (commit 5f18b17-modified, built 2026-12-03T18:05:02Z)"},
		{Info{"0.1.0", "5f18b17", ""}, "Nimbus Admin 0.1.0 (commit 5f18b17, built at an unknown date)"},
		{Info{"0.1.0", "", ""}, "Nimbus Admin 0.1.0 (commit unknown, built at an unknown date)"},
	} {
		if got := c.info.String(); got != c.want {
			t.Errorf("%+v:\n got %q\nwant %q", c.info, got, c.want)
		}
	}
}

func TestGitSettingsGiveCommitAndDateMarkingUncommittedChanges(t *testing.T) {
	settings := []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "abc"}, {Key: "vcs.time", Value: "2026-12-03T18:05:02Z"}, {Key: "vcs.modified", Value: "true"}}
	rev, at := fromSettings(settings)
	if rev != "abc-modified" || at != "2026-12-03T18:05:02Z" {
		t.Errorf("got %q %q", rev, at)
	}
	settings[3].Value = "false"
	if rev, _ := fromSettings(settings); rev != "abc" {
		t.Errorf("a clean checkout gave %q, want abc", rev)
	}
}

func TestLinkTimeValuesWinOverWhatGoRecorded(t *testing.T) {
	commit, date = "1234567", "2026-01-02T03:04:05Z"
	defer func() { commit, date = "", "" }()
	got := Read([]byte("[Details]\nVersion = \"1.2.3\"\n"))
	if got != (Info{"1.2.3", "1234567", "2026-01-02T03:04:05Z"}) {
		t.Errorf("got %+v", got)
	}
}
