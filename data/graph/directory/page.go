// Package directory holds the shapes of Microsoft Graph's directory pages (users delta,
// Teams, members and owners) and their fast decoding. It does not import the Graph SDK,
// so that the application core and its tests can use it without compiling the SDK; the
// cache's side of a sync is in package data.
package directory

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"

	"nimbusadmin/data"
)

// UserSelect are the user properties the cache keeps, in Graph's spelling.
var UserSelect = []string{"id", "displayName", "givenName", "surname", "userPrincipalName", "mail",
	"department", "jobTitle", "accountEnabled"}

// Field is one property of a user in a delta page: Set says it was in the payload at
// all (a partial update leaves out what did not change), Null that it was sent as null.
type Field[T any] struct {
	Set   bool
	Null  bool
	Value T
}

// UnmarshalJSON records that the property was present, and whether it was null. A
// property given twice holds its last value only, as encoding/json reads any other.
func (f *Field[T]) UnmarshalJSON(b []byte) error {
	*f = Field[T]{Set: true}
	if string(b) == "null" {
		f.Null = true
		return nil
	}
	// Fast paths for the common shapes: a string without escapes in valid UTF-8 (the
	// decoder replaces invalid bytes with U+FFFD, and so must the fast path), true,
	// false. The decoder has already checked that b is valid JSON.
	switch v := any(&f.Value).(type) {
	case *string:
		if len(b) >= 2 && b[0] == '"' && bytes.IndexByte(b, '\\') < 0 && utf8.Valid(b) {
			*v = string(b[1 : len(b)-1])
			return nil
		}
	case *bool:
		switch string(b) {
		case "true":
			*v = true
			return nil
		case "false":
			*v = false
			return nil
		}
	}
	return json.Unmarshal(b, &f.Value)
}

// User is one entry of a users delta page.
type User struct {
	ID                string         `json:"id"`
	DisplayName       Field[string]  `json:"displayName"`
	GivenName         Field[string]  `json:"givenName"`
	Surname           Field[string]  `json:"surname"`
	UserPrincipalName Field[string]  `json:"userPrincipalName"`
	Mail              Field[string]  `json:"mail"`
	Department        Field[string]  `json:"department"`
	JobTitle          Field[string]  `json:"jobTitle"`
	AccountEnabled    Field[bool]    `json:"accountEnabled"`
	Removed           *RemovedReason `json:"@removed"`
}

// DirectoryUser is the user as the cache keeps it; absent and null values are empty.
func (u User) DirectoryUser() data.DirectoryUser {
	du := data.DirectoryUser{ID: u.ID, DisplayName: u.DisplayName.Value, GivenName: u.GivenName.Value,
		Surname: u.Surname.Value, UPN: u.UserPrincipalName.Value, Mail: u.Mail.Value,
		Department: u.Department.Value, JobTitle: u.JobTitle.Value}
	if u.AccountEnabled.Set && !u.AccountEnabled.Null {
		v := u.AccountEnabled.Value
		du.AccountEnabled = &v
	}
	return du
}

// Change is the entry as the cache stores it: the user with the properties the page
// carried, or their removal.
func (u User) Change() data.DirectoryUserChange {
	c := data.DirectoryUserChange{User: u.DirectoryUser(), Removed: u.Removed != nil}
	note := func(f data.DirectoryFields, set, null bool) {
		if set {
			c.Carried |= f
		}
		if null {
			c.Null |= f
		}
	}
	note(data.FieldDisplayName, u.DisplayName.Set, u.DisplayName.Null)
	note(data.FieldGivenName, u.GivenName.Set, u.GivenName.Null)
	note(data.FieldSurname, u.Surname.Set, u.Surname.Null)
	note(data.FieldUPN, u.UserPrincipalName.Set, u.UserPrincipalName.Null)
	note(data.FieldMail, u.Mail.Set, u.Mail.Null)
	note(data.FieldDepartment, u.Department.Set, u.Department.Null)
	note(data.FieldJobTitle, u.JobTitle.Set, u.JobTitle.Null)
	note(data.FieldAccountEnabled, u.AccountEnabled.Set, u.AccountEnabled.Null)
	return c
}

// RemovedReason is Graph's @removed annotation: "changed" (soft-deleted, restorable)
// or "deleted" (gone for good). Both remove the user from the cached directory.
type RemovedReason struct {
	Reason string `json:"reason"`
}

// UserPage is one decoded page of a users delta round.
type UserPage struct {
	Users     []User // entries with an id; those without one cannot be stored and are dropped
	NextLink  string
	DeltaLink string
}

// DecodeUserPage decodes a users (or users delta) page with the standard library, far
// cheaper than the SDK's generic parse (DESIGN.md). Properties the cache does not keep
// are ignored.
func DecodeUserPage(body []byte) (UserPage, error) {
	var raw struct {
		Value     *[]User `json:"value"`
		NextLink  string  `json:"@odata.nextLink"`
		DeltaLink string  `json:"@odata.deltaLink"`
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		return UserPage{}, fmt.Errorf("a users page from Microsoft Graph is not valid JSON: %w", err)
	}
	if raw.Value == nil {
		return UserPage{}, errors.New("a users page from Microsoft Graph has no value list")
	}
	p := UserPage{Users: (*raw.Value)[:0], NextLink: raw.NextLink, DeltaLink: raw.DeltaLink}
	for _, u := range *raw.Value {
		if u.ID != "" {
			p.Users = append(p.Users, u)
		}
	}
	return p, nil
}

// ErrDeltaExpired says Graph no longer knows the saved delta link; a full round is due.
//
//lint:ignore ST1005 the message begins with a product's name, shown to the admin as is
var ErrDeltaExpired = errors.New("Microsoft Graph no longer knows the saved delta link")

// Member is a member or owner of a Team: a user, or another directory object (a group,
// a device, a service principal) that the cache keeps but Nimbus ignores.
type Member struct {
	ID   string `json:"id"`
	Type string `json:"@odata.type"` // "#microsoft.graph.user"; absent in some answers
}

// IsUser reports whether the member may be a user; Graph leaves out @odata.type in some
// answers, and then the cached directory decides.
func (m Member) IsUser() bool { return m.Type == "" || m.Type == "#microsoft.graph.user" }

// Team is a group that is a Team, with its members and owners.
type Team struct {
	ID          string   `json:"id"`
	DisplayName string   `json:"displayName"`
	Members     []Member `json:"-"`
	Owners      []Member `json:"-"`
}

// Page is the envelope of a Graph collection page.
type Page[T any] struct {
	Value    []T    `json:"value"`
	NextLink string `json:"@odata.nextLink"`
}

// DecodePage decodes a collection page (groups, members, owners), refusing a body that
// is not a collection.
func DecodePage[T any](body []byte, what string) (Page[T], error) {
	var raw struct {
		Value    *[]T   `json:"value"`
		NextLink string `json:"@odata.nextLink"`
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		return Page[T]{}, fmt.Errorf("a %s page from Microsoft Graph is not valid: %w", what, err)
	}
	if raw.Value == nil {
		return Page[T]{}, fmt.Errorf("a %s page from Microsoft Graph is not a collection", what)
	}
	return Page[T]{Value: *raw.Value, NextLink: raw.NextLink}, nil
}
