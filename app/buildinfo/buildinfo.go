// Package buildinfo says which build of Nimbus Admin is running, so that an administrator
// can tell support (and the command line can tell a script) exactly what is installed:
// `nimbusadmin version` and the window's About show the same line.
package buildinfo

import (
	"bufio"
	"bytes"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
)

// commit and date are set at link time by release builds made outside a git checkout,
// where Go records no revision:
//
//	-ldflags "-X nimbusadmin/app/buildinfo.commit=5f18b17 -X nimbusadmin/app/buildinfo.date=2026-12-03T18:05:02Z"
//
// When set they win over what Go recorded.
var commit, date string

// Info is one build: the version of FyneApp.toml, the commit it was built from and
// when. Commit and Date are empty when nobody recorded them (go test, -buildvcs=false).
type Info struct {
	Version string `json:"version"`
	Commit  string `json:"commit"`
	Date    string `json:"date"`
}

// String is the line `nimbusadmin version` prints and the About shows:
// "Nimbus Admin 0.1.0 (commit 5f18b17, built 2026-12-03T18:05:02Z)".
func (i Info) String() string {
	version := i.Version
	if version == "" {
		version = "(version unknown)"
	}
	c, d := i.Commit, i.Date
	if c == "" {
		c = "unknown"
	} else if len(strings.TrimSuffix(c, modifiedMark)) > 7 {
		c = shortCommit(c)
	}
	if d == "" {
		d = "at an unknown date"
	}
	return fmt.Sprintf("Nimbus Admin %s (commit %s, built %s)", version, c, d)
}

// shortCommit is a full revision cut to the 7 characters git shows, keeping the
// "-modified" mark of a build from a checkout with uncommitted changes.
func shortCommit(c string) string {
	short := c[:7]
	if strings.HasSuffix(c, modifiedMark) {
		short += modifiedMark
	}
	return short
}

// modifiedMark follows the commit of a build made from a checkout with changes not
// committed: that build is not the commit named.
const modifiedMark = "-modified"

// Read is the build running: version from the FyneApp.toml given (the app's one
// metadata file, embedded by package main), commit and date from the link-time values or
// else from what Go recorded of the git checkout (the commit's revision and time).
func Read(fyneApp []byte) Info {
	i := Info{Version: fyneAppVersion(fyneApp)}
	if bi, ok := debug.ReadBuildInfo(); ok {
		i.Commit, i.Date = fromSettings(bi.Settings)
	}
	if commit != "" {
		i.Commit = commit
	}
	if date != "" {
		i.Date = date
	}
	return i
}

// fromSettings reads the revision and its time that Go records when it builds in a git
// checkout; a revision with uncommitted changes is marked as modified.
func fromSettings(settings []debug.BuildSetting) (rev, at string) {
	modified := false
	for _, s := range settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev != "" && modified {
		rev += modifiedMark
	}
	return rev, at
}

// fyneAppVersion is the Version of FyneApp.toml's [Details] table, the version fyne
// package writes into every package; "" when the file has none.
func fyneAppVersion(toml []byte) string {
	table := ""
	sc := bufio.NewScanner(bytes.NewReader(toml))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			table = strings.Trim(line, "[] ")
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if ok && table == "Details" && strings.TrimSpace(key) == "Version" {
			return strings.Trim(strings.TrimSpace(value), `"`)
		}
	}
	return ""
}

var (
	mu      sync.Mutex
	current Info
)

// Set records the build running; package main calls it first thing, before the command
// line or the window asks.
func Set(i Info) {
	mu.Lock()
	defer mu.Unlock()
	current = i
}

// Current is the build running, as Set recorded it.
func Current() Info {
	mu.Lock()
	defer mu.Unlock()
	return current
}
