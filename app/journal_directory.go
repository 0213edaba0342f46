package app

import (
	"slices"
	"strconv"
	"strings"

	"nimbusadmin/data"
)

// directoryKinds are the kinds of the sync history a user's History interleaves with the
// journal: what the directory did to them. What that did in Nimbus (joined, left, kept,
// roles) is in the journal already, as the sync's own entries.
var directoryKinds = []string{data.ChangeJoinedDirectory, data.ChangeLeftDirectory, data.ChangeRenamed,
	data.ChangeUPN, data.ChangeDepartment, data.ChangeJobTitle, data.ChangeDisabled, data.ChangeEnabled,
	data.ChangeJoinedTeam, data.ChangeLeftTeam}

// directoryRows are the directory's changes to the one user the query names, newest
// first, as History rows marked as the directory's; none when the query names no user,
// names an admin (the directory is nobody's), or a kind that is not the directory's.
func directoryRows(q *data.Q, jq JournalQuery) ([]JournalEntry, error) {
	user, kind := strings.TrimSpace(jq.User), strings.TrimSpace(jq.Kind)
	if user == "" || strings.TrimSpace(jq.Admin) != "" {
		return nil, nil
	}
	kinds := directoryKinds
	switch {
	case kind == "" || kind == SourceDirectory:
	case slices.Contains(directoryKinds, kind):
		kinds = []string{kind}
	default:
		return nil, nil
	}
	if strings.Contains(user, "@") { // by O365 ID, so that the changes before a new UPN show too
		if du, err := q.FindDirectoryUser(user); err == nil {
			user = du.ID
		}
	}
	f := data.SyncChangeFilter{User: user, Kinds: kinds}
	if !jq.From.IsZero() {
		f.Since = data.Timestamp(jq.From)
	}
	changes, err := q.SyncChanges(f)
	if err != nil {
		return nil, err
	}
	out := make([]JournalEntry, 0, len(changes))
	for _, c := range changes {
		if !jq.Before.IsZero() && c.At >= data.Timestamp(jq.Before) {
			continue
		}
		out = append(out, JournalEntry{At: c.At, Actor: "the directory (sync " + strconv.FormatInt(c.Sync, 10) + ")", Action: c.Kind,
			Target: c.UPN, Old: c.Old, New: c.New, User: c.UPN, Source: SourceDirectory})
	}
	return out, nil
}

// interleave merges the directory's rows into journal entries, both newest first.
func interleave(journal, directory []JournalEntry) []JournalEntry {
	if len(directory) == 0 {
		return journal
	}
	out := make([]JournalEntry, 0, len(journal)+len(directory))
	for len(journal) > 0 || len(directory) > 0 {
		if len(directory) == 0 || len(journal) > 0 && journal[0].At >= directory[0].At {
			out, journal = append(out, journal[0]), journal[1:]
		} else {
			out, directory = append(out, directory[0]), directory[1:]
		}
	}
	return out
}
