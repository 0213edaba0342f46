package app

import (
	"context"
	"fmt"
	"time"
)

// Freshness says how far an admin can trust what the cache shows, from its last
// completed sync: the window's header colours it and 'status' prints it.
type Freshness string

// The freshness states. A cache turns stale after the admin's chosen age (24 hours unless
// they say otherwise) and very stale after a week, whatever they chose.
const (
	FreshnessFresh     Freshness = "fresh"
	FreshnessStale     Freshness = "stale"
	FreshnessVeryStale Freshness = "very-stale"
	FreshnessNever     Freshness = "never"
)

// DefaultStaleAfter is the age from which the cache is stale unless the admin sets another.
const DefaultStaleAfter = 24 * time.Hour

// VeryStaleAfter is the age from which the cache is very stale, whatever the admin set.
const VeryStaleAfter = 7 * 24 * time.Hour

// CacheAge is the cache's age at a moment: when it was last synced completely, how long
// ago, and how fresh that makes it.
type CacheAge struct {
	LastSync  time.Time // zero when the cache was never synced
	Age       time.Duration
	Freshness Freshness
}

// AgeAt says how fresh a cache last synced at last is at now; a cache is stale once it is
// older than staleAfter (DefaultStaleAfter when not positive) and very stale once it is
// older than a week. A clock that went backwards counts as just synced.
func AgeAt(last, now time.Time, staleAfter time.Duration) CacheAge {
	if last.IsZero() {
		return CacheAge{Freshness: FreshnessNever}
	}
	if staleAfter <= 0 {
		staleAfter = DefaultStaleAfter
	}
	c := CacheAge{LastSync: last, Age: max(now.Sub(last), 0), Freshness: FreshnessFresh}
	switch {
	case c.Age > VeryStaleAfter:
		c.Freshness = FreshnessVeryStale
	case c.Age > staleAfter:
		c.Freshness = FreshnessStale
	}
	return c
}

// CacheAge reads the last completed sync and says how fresh the cache is at now. A replica
// of a team server holds the server's own sync time, so there it is the server's age.
func (a *App) CacheAge(ctx context.Context, now time.Time, staleAfter time.Duration) (CacheAge, error) {
	last, err := a.LastSync(ctx)
	if err != nil {
		return CacheAge{}, err
	}
	return AgeAt(last, now, staleAfter), nil
}

// Line is what the header and 'status' say: "Last synced 14:02 (3 h ago)", the date
// too when it was not today, or "Never synced".
func (c CacheAge) Line(now time.Time) string {
	if c.Freshness == FreshnessNever {
		return "Never synced"
	}
	last, now := c.LastSync.In(now.Location()), now
	when := last.Format("15:04")
	if y, m, d := last.Date(); y != now.Year() || m != now.Month() || d != now.Day() {
		when = last.Format("2 Jan 2006 15:04")
	}
	return fmt.Sprintf("Last synced %s (%s)", when, c.AgeText())
}

// AgeText says the age in the coarsest unit that still helps: "just now", "12 min ago",
// "3 h ago", "9 days ago".
func (c CacheAge) AgeText() string {
	switch a := c.Age; {
	case c.Freshness == FreshnessNever:
		return "never"
	case a < time.Minute:
		return "just now"
	case a < time.Hour:
		return fmt.Sprintf("%d min ago", int(a/time.Minute))
	case a < 48*time.Hour:
		return fmt.Sprintf("%d h ago", int(a/time.Hour))
	default:
		return fmt.Sprintf("%d days ago", int(a/(24*time.Hour)))
	}
}
