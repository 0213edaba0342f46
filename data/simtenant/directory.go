package simtenant

import (
	"fmt"
	"math/rand/v2"

	"nimbusadmin/data"
	"nimbusadmin/data/demo"
)

// userFields are the user properties the tenant serves, in Graph's spelling; a user's
// values and versions are indexed the same way.
var userFields = [...]string{"displayName", "givenName", "surname", "userPrincipalName", "mail",
	"department", "jobTitle", "accountEnabled"}

const fieldCount = len(userFields)

// allFields selects every property.
const allFields = 1<<fieldCount - 1

// simUser is one directory user with the version of every change, so that a delta round
// from any earlier version can be answered: new users in full, changed ones with only
// their changed properties, removed ones as @removed.
type simUser struct {
	id       string
	vals     [fieldCount]any // nil (null), string, or bool (accountEnabled)
	created  uint64
	fieldVer [fieldCount]uint64
	removed  uint64 // the version that removed the user; 0 while they exist
	reason   string // "changed" or "deleted"
}

// directory is the tenant's users in creation order; version counts mutations.
type directory struct {
	version uint64
	users   []*simUser
	byID    map[string]*simUser
	nimbus  int // the first nimbus users are the people Teams draw members from
}

// generate fills the directory with n deterministic people from the demo generator.
func (d *directory) generate(n int, seed uint64) {
	people := max(1, n*4/5)
	for demo.DirectorySize(people) < n {
		people++
	}
	all := demo.Directory(people, seed)[:n]
	d.version = 1
	d.users = make([]*simUser, 0, n)
	d.byID = make(map[string]*simUser, n)
	d.nimbus = min(people, n)
	for _, p := range all {
		d.add(p)
	}
}

// seed fills the directory with the given people.
func (d *directory) seed(people []data.DirectoryUser) {
	d.version = 1
	d.users = make([]*simUser, 0, len(people))
	d.byID = make(map[string]*simUser, len(people))
	d.nimbus = len(people)
	for _, p := range people {
		d.add(p)
	}
}

// add appends a user at the current version.
func (d *directory) add(p data.DirectoryUser) *simUser {
	u := &simUser{id: p.ID, created: d.version}
	for i, v := range []string{p.DisplayName, p.GivenName, p.Surname, p.UPN, p.Mail, p.Department, p.JobTitle} {
		if v != "" {
			u.vals[i] = v
		}
	}
	if p.AccountEnabled != nil {
		u.vals[7] = *p.AccountEnabled
	}
	for i := range u.fieldVer {
		u.fieldVer[i] = d.version
	}
	d.users = append(d.users, u)
	d.byID[u.id] = u
	return u
}

// AddUser adds a person to the directory (a new id is drawn when p.ID is empty) and
// returns their id. Empty strings are stored as null, as Graph does.
func (s *Server) AddUser(p data.DirectoryUser) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p.ID == "" {
		p.ID = newID(rand.New(rand.NewPCG(s.dir.version, uint64(len(s.dir.users)))))
	}
	s.dir.version++
	s.dir.add(p)
	return p.ID
}

// UpdateUser changes some properties of a user, named in Graph's spelling; a nil value
// clears the property. The next delta round sends only the changed properties.
func (s *Server) UpdateUser(id string, changes map[string]any) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.dir.byID[id]
	if !ok || u.removed != 0 {
		return fmt.Errorf("no user %s in the simulated tenant", id)
	}
	s.dir.version++
	for name, v := range changes {
		i := fieldIndex(name)
		if i < 0 {
			return fmt.Errorf("the simulated tenant has no user property %q", name)
		}
		switch v.(type) {
		case nil, string, bool:
		default:
			return fmt.Errorf("property %q: a string, a bool or nil, not %T", name, v)
		}
		u.vals[i], u.fieldVer[i] = v, s.dir.version
	}
	return nil
}

// RemoveUser removes a user; reason is "deleted" (soft-deleted, restorable) or "changed"
// (hard-deleted), as Graph's @removed says.
func (s *Server) RemoveUser(id, reason string) error {
	if reason != "deleted" && reason != "changed" {
		return fmt.Errorf("a removal reason is deleted or changed, not %q", reason)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.dir.byID[id]
	if !ok || u.removed != 0 {
		return fmt.Errorf("no user %s in the simulated tenant", id)
	}
	s.dir.version++
	u.removed, u.reason = s.dir.version, reason
	return nil
}

// Users lists the live directory in creation order, with null properties as "" and an
// unknown accountEnabled as nil, the way the cache reads them back.
func (s *Server) Users() []data.DirectoryUser {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]data.DirectoryUser, 0, len(s.dir.users))
	for _, u := range s.dir.users {
		if u.removed != 0 {
			continue
		}
		str := func(i int) string { v, _ := u.vals[i].(string); return v }
		p := data.DirectoryUser{ID: u.id, DisplayName: str(0), GivenName: str(1), Surname: str(2), UPN: str(3),
			Mail: str(4), Department: str(5), JobTitle: str(6)}
		if b, ok := u.vals[7].(bool); ok {
			p.AccountEnabled = &b
		}
		out = append(out, p)
	}
	return out
}

func fieldIndex(name string) int {
	for i, f := range userFields {
		if f == name {
			return i
		}
	}
	return -1
}

// appendDelta appends to b the user's entry in a delta round that started after version
// since and sees the state of version snap, selecting the properties in mask. It reports
// whether the user has an entry in that round at all.
func (u *simUser) appendDelta(b []byte, since, snap uint64, mask int) ([]byte, bool) {
	if u.created > snap {
		return b, false // born after the round began: the next round brings them
	}
	if u.removed != 0 && u.removed <= snap {
		if since == 0 || u.created > since || u.removed <= since {
			return b, false
		}
		b = append(b, `{"id":`...)
		b = appendString(b, u.id)
		b = append(b, `,"@removed":{"reason":`...)
		b = appendString(b, u.reason)
		return append(b, `}}`...), true
	}
	full := since == 0 || u.created > since
	start := len(b)
	b = append(b, `{"id":`...)
	b = appendString(b, u.id)
	changed := false
	for i := range fieldCount {
		if mask&(1<<i) == 0 || !full && u.fieldVer[i] <= since {
			continue
		}
		changed = true
		b = append(b, ',', '"')
		b = append(b, userFields[i]...)
		b = append(b, '"', ':')
		switch v := u.vals[i].(type) {
		case nil:
			b = append(b, "null"...)
		case string:
			b = appendString(b, v)
		case bool:
			b = fmt.Appendf(b, "%t", v)
		}
	}
	if !full && !changed {
		return b[:start], false
	}
	return append(b, '}'), true
}

// newID draws a lower-case version-4-shaped GUID.
func newID(r *rand.Rand) string {
	hi, lo := r.Uint64(), r.Uint64()
	hi = hi&^0xf000 | 0x4000
	lo = lo&^(0xc000<<48) | 0x8000<<48
	s := fmt.Sprintf("%016x%016x", hi, lo)
	return s[:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:]
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\t':
			b = append(b, '\\', 't')
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

func itoa(n int) string { return fmt.Sprint(n) }
