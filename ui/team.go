package ui

import (
	"errors"
	"fmt"

	"nimbusadmin/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Texts of the header in team mode.
const (
	badgeTeam          = "Team server %s · up to date"
	badgeTeamSignedOut = "Team server %s · sign in to follow it"
	syncByTheTeam      = "The server syncs"
	teamSyncButton     = "Sync"
)

// TeamFollower is an Online over a replica of a team server: it keeps the replica caught
// up with the server while the window is open and calls changed, from any goroutine,
// each time other admins' changes have reached the replica and each time the server
// goes away or answers again.
type TeamFollower interface {
	FollowTeam(changed func())
}

// followTeam starts following the team server when the window shows its replica.
func (m *mainWindow) followTeam() {
	if f, ok := m.online.(TeamFollower); ok {
		f.FollowTeam(func() { fyne.Do(m.teamChanged) })
	}
}

// teamChanged shows what the replica holds now: the header (up to date, or offline and
// read-only), the list, and the user the detail view shows, whose unsaved edits stay;
// when another admin changed that user, the view says so as it does after a sync, and
// the server refuses a Save based on what the admin saw before.
func (m *mainWindow) teamChanged() {
	m.bar.refresh()
	m.load(m.selectedID())
}

// showTeamBadge says where the data comes from in team mode: the server and that the
// replica is up to date, that it is unreachable and the window read-only, or that the
// admin must sign in to its tenant before the replica can follow it.
func (b *onlineBar) showTeamBadge(st OnlineStatus) {
	switch {
	case st.TeamOffline != "":
		b.badge.Importance = widget.WarningImportance
		b.badge.SetText(st.TeamOffline)
	case st.SignedInAs == "":
		b.badge.Importance = widget.WarningImportance
		b.badge.SetText(fmt.Sprintf(badgeTeamSignedOut, st.TeamServer))
	default:
		b.badge.Importance = widget.MediumImportance
		b.badge.SetText(fmt.Sprintf(badgeTeam, st.TeamServer))
	}
	showCacheLine(b.m.cacheLine, b.m.nimbus, st.TeamOffline)
	if !st.TeamSyncs {
		b.sync.SetText(syncByTheTeam) // the server syncs the directory on its own schedule
		b.sync.Disable()
		return
	}
	b.sync.SetText(teamSyncButton)
	enableWhen(b.sync, st.TeamOffline == "" && b.stop == nil)
}

// emptyReplicaLine is what a replica that holds nothing yet says instead of an error.
const emptyReplicaLine = "This computer holds none of the team server's data yet: sign in (Sign in… above) and it loads"

// emptyReplica tells a replica of a team server that holds no tenant yet (nobody signed
// in to load it) from a cache that cannot be read.
func (m *mainWindow) emptyReplica(err error) bool {
	_, team := m.online.(TeamFollower)
	return team && errors.Is(err, data.ErrNotFound)
}
