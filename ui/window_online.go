package ui

import (
	"context"
	"time"
)

// Online is what the main window needs from sign-in and sync; main wires the real one.
type Online interface {
	Status() OnlineStatus
	Sync(ctx context.Context, progress func(SyncProgress)) error
	SignIn(ctx context.Context) error
	SignOut(ctx context.Context) error
}

// OnlineStatus is the account and cache state the window's header shows.
type OnlineStatus struct {
	SignedInAs string    // the admin's UPN; "" when nobody is signed in
	Demo       bool      // the cache holds the simulated demo tenant
	Offline    bool      // Graph cannot be reached; the cache is shown as last synced
	LastSync   time.Time // zero when the cache was never synced

	// Team mode: the cache is a replica of a team server.
	TeamServer  string // the server's host name; "" in the single-admin mode
	TeamOffline string // while the server is unreachable, what the header says; "" when it answers
	TeamSyncs   bool   // the server can be asked for a directory sync from the window
}

// SyncProgress is how far a running sync has come, for the progress bar.
type SyncProgress struct {
	Pages, Users       int
	Elapsed, Remaining time.Duration
}

// OnlineWatcher is an Online whose status can change by itself (the network going or
// coming back); the window refreshes its header each time changed is called.
type OnlineWatcher interface {
	WatchStatus(changed func())
}

// ListWatcher is an Online that hears each time the window has put rows in its user
// list, so that a start-up check can time the list the admin really sees: shown rows
// match the search and filters, loaded of total users are read so far.
type ListWatcher interface {
	ListShown(shown, loaded, total int)
}
