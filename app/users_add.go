package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"nimbusadmin/data"
)

// AddUser makes a person of the cached directory a Nimbus user (origin manual) in an OU
// with licences. Nimbus never creates directory accounts: the person must already be in
// the directory.
type AddUser struct {
	Base
	User     string          `json:"user"` // O365 ID or UPN of a person in the cached directory
	OU       int64           `json:"ou"`
	Licences data.LicenceSet `json:"licences,omitempty"`
}

// Kind names the command.
func (AddUser) Kind() string { return "user.add" }

func (cmd AddUser) apply(c *changeCtx) ([]data.JournalEntry, error) {
	return createAddUser(c.q, c.may, cmd.User, cmd.OU, cmd.Licences)
}

// AddUserFromDirectory adds a person found live in Microsoft Graph whom the cache may not
// hold yet: their directory row is stored first (the directory properties only; a later
// sync keeps it up to date or removes it), then they are added exactly as AddUser adds a
// cached person, with the same rules and journal. A refusal writes nothing, not even the
// directory row.
type AddUserFromDirectory struct {
	Base
	Person   data.DirectoryUser `json:"person"` // as Graph reported them; the O365 ID and UPN are required
	OU       int64              `json:"ou"`
	Licences data.LicenceSet    `json:"licences,omitempty"`
}

// Kind names the command.
func (AddUserFromDirectory) Kind() string { return "user.add-from-directory" }

func (cmd AddUserFromDirectory) apply(c *changeCtx) ([]data.JournalEntry, error) {
	du := cmd.Person
	du.ID = strings.ToLower(strings.TrimSpace(du.ID))
	du.UPN = strings.TrimSpace(du.UPN)
	if du.ID == "" || du.UPN == "" {
		return nil, refuse("add.directory", "a directory user needs an O365 ID and a user principal name")
	}
	if err := c.q.UpsertDirectoryUser(du); err != nil {
		return nil, err
	}
	return createAddUser(c.q, c.may, du.ID, cmd.OU, cmd.Licences)
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

// AddUser is shorthand for Do with AddUser, for code that acts at once.
func (a *App) AddUser(ctx context.Context, directoryID string, ou int64, licences data.LicenceSet) error {
	_, err := a.Do(ctx, AddUser{User: directoryID, OU: ou, Licences: licences})
	return err
}

// AddUserFromDirectory is shorthand for Do with AddUserFromDirectory, for code that acts
// at once.
func (a *App) AddUserFromDirectory(ctx context.Context, du data.DirectoryUser, ou int64, licences data.LicenceSet) error {
	_, err := a.Do(ctx, AddUserFromDirectory{Person: du, OU: ou, Licences: licences})
	return err
}
