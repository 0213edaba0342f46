package cli

import (
	"fmt"
	"io"
	"strings"

	"nimbusadmin/app"
)

// readsOnly names every verb that only reads the cache, with how to tell from its
// arguments when a verb both shows and changes ("config ous list" reads, "config ous add"
// changes). Such a command line opens the cache for reading only: a mistyped --db creates
// nothing and says there is no cache there, and nothing in the cache changes. Every verb
// is either here or changes the cache (the test checks that none is forgotten).
var readsOnly = map[string]func(args []string) bool{
	"users":             always,
	"user show":         always,
	"user snippet":      always,
	"services":          always,
	"services members":  always,
	"services settings": func(args []string) bool { return !givesFlag(args, "default-owner-role", "members-can-change-active") },
	"ous":               always,
	"config ous":        action("list"),
	"config settings":   action("show"),
	"directory users":   always,
	"directory teams":   always,
	"check":             always,
	"status":            always,
	"journal":           always,
	"changes":           always,
	"version":           always,
}

// configKindReads tells the reading actions of a configuration kind's verb: list, a
// custom role's show, and a skill category's levels when no level changes.
func configKindReads(args []string) bool {
	if len(args) == 0 {
		return true
	}
	switch args[0] {
	case "list", "show":
		return true
	case "levels":
		return !givesFlag(args[1:], "add", "rename", "remove", "order")
	}
	return false
}

// onlyReads reports whether the command line of v only reads the cache.
func onlyReads(v verb, args []string) bool {
	if strings.HasPrefix(v.name, "config ") {
		if reads, ok := readsOnly[v.name]; ok {
			return reads(args)
		}
		return configKindReads(args)
	}
	reads, ok := readsOnly[v.name]
	return ok && reads(args)
}

func always([]string) bool { return true }

// action reads when the verb's first argument, its action, is one of those named (or
// none is given, which only shows the verb's usage).
func action(names ...string) func(args []string) bool {
	return func(args []string) bool {
		if len(args) == 0 {
			return true
		}
		for _, n := range names {
			if args[0] == n {
				return true
			}
		}
		return false
	}
}

// givesFlag reports whether args give any of the named flags (-name, --name, --name=v).
func givesFlag(args []string, names ...string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if !strings.HasPrefix(a, "-") {
			continue
		}
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		for _, n := range names {
			if name == n {
				return true
			}
		}
	}
	return false
}

// sayCacheNotes prints on stderr, one line each, what the admin should fix about the
// open cache's permissions.
func sayCacheNotes(w io.Writer, a *app.App) {
	if a == nil {
		return
	}
	for _, n := range a.CacheNotes() {
		fmt.Fprintf(w, "nimbusadmin: %s\n", n)
	}
}
