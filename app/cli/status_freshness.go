package cli

import (
	"context"
	"flag"
	"time"

	"nimbusadmin/app"
)

// staleAfterEnv sets the age from which 'status' calls the cache stale when --stale-after
// is not given, so that a scheduled job sets it once.
const staleAfterEnv = "NIMBUSADMIN_STALE_AFTER"

// staleAfterFlag adds --stale-after to a verb's flags; its default is the environment's
// value, else a day. A bad value in the environment is a usage error, as a bad flag is.
func staleAfterFlag(fs *flag.FlagSet, getenv func(string) string) (*time.Duration, error) {
	def := app.DefaultStaleAfter
	if getenv != nil {
		if v := getenv(staleAfterEnv); v != "" {
			d, err := time.ParseDuration(v)
			if err != nil || d <= 0 {
				return nil, usagef("%s=%q: give a positive duration such as 24h or 90m", staleAfterEnv, v)
			}
			def = d
		}
	}
	return fs.Duration("stale-after", def, "age from which the cache is stale (e.g. 24h; a week is always very stale)"), nil
}

// freshnessOf adds to the status how fresh the cache is at now.
func freshnessOf(ctx context.Context, a *app.App, st *authStatusJSON, now time.Time, staleAfter time.Duration) error {
	age, err := a.CacheAge(ctx, now, staleAfter)
	if err != nil {
		return err
	}
	st.Freshness, st.freshLine = string(age.Freshness), age.Line(now)
	if age.Freshness != app.FreshnessNever {
		secs := int64(age.Age / time.Second)
		st.Age = &secs
	}
	return nil
}

// freshnessRow is the status table's line on the cache's age, with what to do when it
// is stale.
func freshnessRow(st authStatusJSON) []string {
	line := st.freshLine
	switch app.Freshness(st.Freshness) {
	case app.FreshnessStale:
		line += " — stale: run 'nimbusadmin sync'"
	case app.FreshnessVeryStale:
		line += " — more than a week old: run 'nimbusadmin sync' before trusting it"
	}
	return []string{"Freshness", line}
}
