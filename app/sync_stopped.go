package app

import (
	"context"
	"fmt"
	"time"
)

// syncPart is the part of the cache a sync is writing; the parts are written in this
// order, each in short transactions of its own.
type syncPart int

const (
	partUsers    syncPart = iota // the users of the directory, a chunk at a time
	partSweep                    // after a full round, the users gone from the directory
	partTeams                    // the Teams with their members and owners
	partServices                 // the Teams-based services, and who joins or leaves Nimbus through them
	partAdmins                   // the Tenant Administrators from the security group
	partFinish                   // the delta link and the time the sync completed
)

// SyncCancelled is a sync stopped by its caller, in words that say what the cache holds:
// as it was at the last completed sync when nothing had been written yet, or which parts
// were saved. It is a context.Canceled, so that callers can tell it from a failure.
type SyncCancelled struct {
	Message string
	PartWay bool // some parts were saved; the next sync completes them
}

// Error says that the sync was cancelled and what the cache holds.
func (e *SyncCancelled) Error() string { return e.Message }

// Unwrap makes the cancellation recognisable with errors.Is(err, context.Canceled).
func (e *SyncCancelled) Unwrap() error { return context.Canceled }

// SyncCancelledBeforeWriting is the cancellation of a sync stopped before it wrote
// anything (while signing in to the tenant, say), as App.Sync words it; last is the
// last completed sync (zero for never).
func SyncCancelledBeforeWriting(last time.Time) *SyncCancelled {
	return &SyncCancelled{Message: "Sync cancelled; the cache is as it was " + asOf(last) + "."}
}

// stopped says why the sync stopped and what the cache holds. Whatever err a cancel
// caused (the caller's context, an interrupted request or statement), a sync whose
// context was cancelled is reported as cancelled, never as a failure.
func (s *syncRun) stopped(ctx context.Context, err error) error {
	cancelled := ctx.Err() != nil
	switch {
	case cancelled && !s.written:
		return SyncCancelledBeforeWriting(s.last)
	case cancelled:
		return &SyncCancelled{Message: "Sync cancelled part-way: " + s.partWay() + ".", PartWay: true}
	case !s.written:
		return fmt.Errorf("%w; the cache is as it was %s", err, asOf(s.last))
	}
	return fmt.Errorf("%w; %s", err, s.partWay())
}

// partWay says which parts of the cache a stopped sync saved and which are as they were
// at the last completed sync; the next sync completes them all (the delta link is saved
// last, so it reads the same changes again).
func (s *syncRun) partWay() string {
	var saved, rest string
	switch s.part {
	case partUsers:
		saved = fmt.Sprintf("%s of %s users of the directory are saved", Thousands(s.saved), Thousands(s.total))
		rest = "the other users, the Teams, the Teams-based services and the Tenant Administrators are"
	case partSweep:
		saved = "the users of the directory are saved but those gone from it only partly removed"
		rest = "the Teams, the Teams-based services and the Tenant Administrators are"
	case partTeams:
		saved = "the users of the directory are saved and the Teams only in part"
		rest = "the Teams-based services and the Tenant Administrators are"
	case partServices:
		saved = "the users of the directory and the Teams are saved, the Teams-based services only in part"
		rest = "the Tenant Administrators are"
	case partAdmins:
		saved = "the users of the directory, the Teams and the Teams-based services are saved"
		rest = "the Tenant Administrators are"
	default:
		return "everything is saved but the time of the sync; sync again to finish"
	}
	return saved + "; " + rest + " as they were " + asOf(s.last) + "; sync again to finish"
}

// asOf names the last completed sync for "as it was …".
func asOf(last time.Time) string {
	if last.IsZero() {
		return "before this sync (it was never synced completely)"
	}
	return "at " + last.Local().Format("2 Jan 2006 15:04") + ", the last completed sync"
}
