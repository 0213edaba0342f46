package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"nimbusadmin/data"
)

// AddUserFromDirectory adds a person found live in Microsoft Graph (the Create dialog's
// search) whom the cache may not hold yet: their directory row is stored first (an upsert
// of the directory properties only; a later sync keeps it up to date or removes it), then
// they are added exactly as AddUser adds a cached person, with the same rules and journal.
// A refusal writes nothing, not even the directory row.
func (a *App) AddUserFromDirectory(ctx context.Context, du data.DirectoryUser, ou int64, licences data.LicenceSet) error {
	du.ID = strings.ToLower(strings.TrimSpace(du.ID))
	du.UPN = strings.TrimSpace(du.UPN)
	if du.ID == "" || du.UPN == "" {
		return refuse("add.directory", "a directory user needs an O365 ID and a user principal name")
	}
	return a.change(ctx, func(q *data.Q, may *permit) ([]data.JournalEntry, error) {
		if err := createUpsertDirectoryUser(q, du); err != nil {
			return nil, err
		}
		return createAddUser(q, may, du.ID, ou, licences)
	})
}

// createUpsertDirectoryUser stores a directory user's properties, inserting them or
// updating the cached row; nothing else of the row (its sync round) changes.
func createUpsertDirectoryUser(q *data.Q, du data.DirectoryUser) error {
	null := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	var enabled any
	if du.AccountEnabled != nil {
		enabled = *du.AccountEnabled
	}
	_, err := q.Exec(`INSERT INTO directory_users (id, display_name, given_name, surname, upn, mail, department,
			job_title, account_enabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, given_name = excluded.given_name,
			surname = excluded.surname, upn = excluded.upn, mail = excluded.mail, department = excluded.department,
			job_title = excluded.job_title, account_enabled = excluded.account_enabled`,
		du.ID, null(du.DisplayName), null(du.GivenName), null(du.Surname), du.UPN, null(du.Mail),
		null(du.Department), null(du.JobTitle), enabled)
	return err
}

// createAddUser is AddUser's rules and writes inside a transaction: the person must be in
// the directory, not already a Nimbus user, and the OU must exist.
func createAddUser(q *data.Q, may *permit, directoryID string, ou int64, licences data.LicenceSet) ([]data.JournalEntry, error) {
	du, err := q.FindDirectoryUser(directoryID)
	if errors.Is(err, data.ErrNotFound) {
		return nil, &NotFoundError{What: "directory user", Key: directoryID}
	} else if err != nil {
		return nil, err
	}
	tree, err := loadTree(q)
	if err != nil {
		return nil, err
	}
	if !tree.Has(ou) {
		return nil, &NotFoundError{What: "organization unit", Key: fmt.Sprint(ou)}
	}
	if err := may.ou(ou, "adding "+du.UPN+" to Nimbus"); err != nil {
		return nil, err
	}
	if _, err := q.NimbusUser(du.ID); err == nil {
		return nil, refuse("add.exists", "%s is already a Nimbus user", du.UPN)
	}
	if err := q.AddNimbusUser(du.ID, ou, data.OriginManual, 0); err != nil {
		return nil, err
	}
	entries := []data.JournalEntry{entry("user.add", du.UPN, "", "Nimbus user in "+tree.Path(ou))}
	more, err := setLicences(q, data.NimbusUser{DirectoryUser: du, OUID: ou, Origin: data.OriginManual}, licences)
	return append(entries, more...), err
}

// CachedDirectoryEntries looks people up in the cache by O365 ID, so that the Create
// dialog can tell, of the people a live Graph search found, who is cached already and
// who is a Nimbus user. IDs the cache does not hold are absent from the map.
func (a *App) CachedDirectoryEntries(ctx context.Context, ids []string) (map[string]data.DirectoryEntry, error) {
	out := map[string]data.DirectoryEntry{}
	q := a.store.Read(ctx)
	for _, id := range ids {
		id = strings.ToLower(id)
		du, err := q.DirectoryUser(id)
		if errors.Is(err, data.ErrNotFound) {
			continue
		} else if err != nil {
			return nil, err
		}
		_, err = q.NimbusUser(id)
		if err != nil && !errors.Is(err, data.ErrNotFound) {
			return nil, err
		}
		out[id] = data.DirectoryEntry{DirectoryUser: du, IsNimbusUser: err == nil}
	}
	return out, nil
}
