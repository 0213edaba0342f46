package data_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strconv"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/graph/directory"
	"nimbusadmin/data/testkit"
)

// openCache opens a fresh cache file with a tenant.
func openCache(t testing.TB) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Tx(context.Background(), func(q *data.Q) error {
		_, err := q.InitTenant(data.TenantSettings{TenantID: "t", TenantName: "Contoso"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return s
}

// applied is what one round did: the users written, and the UPNs of those removed by id.
type applied struct {
	Written int
	Removed map[string]string
}

// apply writes the users of one JSON page as a round of the given kind; a full round
// then removes whoever it did not bring, as the sync does.
func apply(t *testing.T, s *data.Store, full bool, body string) applied {
	t.Helper()
	page, err := directory.DecodeUserPage([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	w := applied{Removed: map[string]string{}}
	err = s.Tx(context.Background(), func(q *data.Q) error {
		round, cached, err := q.NextSyncRound()
		if err != nil {
			return err
		}
		changes := make([]data.DirectoryUserChange, len(page.Users))
		for i, u := range page.Users {
			changes[i] = u.Change()
		}
		written, removed, err := q.WriteDirectoryUsers(changes, round, full)
		if err != nil {
			return err
		}
		w.Written = written
		for _, u := range removed {
			w.Removed[u.ID] = u.UPN
		}
		if !full || cached == 0 {
			return nil
		}
		brought := map[string]bool{}
		for _, c := range changes {
			brought[c.User.ID] = true
		}
		var ids []string
		err = q.EachDirectoryUserBeforeRound(round, func(u data.UserRef) error {
			if !brought[u.ID] {
				ids = append(ids, u.ID)
				w.Removed[u.ID] = u.UPN
			}
			return nil
		})
		if err != nil {
			return err
		}
		_, err = q.RemoveDirectoryUsersBeforeRound(ids, round)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// row reads a cached user's columns, NULL as "<null>".
func row(t *testing.T, s *data.Store, id string) map[string]string {
	t.Helper()
	stmt, err := testkit.Prepare(s.Read(context.Background()), `SELECT display_name, given_name, surname, upn, mail, department, job_title, account_enabled FROM directory_users WHERE id = ?`)
	if err != nil {
		t.Fatal(err)
	}
	defer stmt.Close()
	var v [8]sql.NullString
	if err := stmt.QueryRow(id).Scan(&v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]); err == sql.ErrNoRows {
		return nil
	} else if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for i, name := range []string{"displayName", "givenName", "surname", "userPrincipalName", "mail", "department", "jobTitle", "accountEnabled"} {
		out[name] = "<null>"
		if v[i].Valid {
			out[name] = v[i].String
		}
	}
	return out
}

const adele = `{"value":[{"id":"a1","displayName":"Adele Vance","givenName":"Adele","surname":"Vance",
	"userPrincipalName":"AdeleV@contoso.com","mail":"AdeleV@contoso.com","department":"Retail","jobTitle":"Manager","accountEnabled":true},
	{"id":"b2","displayName":"Ben Walters","userPrincipalName":"BenW@contoso.com"}],
	"@odata.deltaLink":"https://graph.microsoft.com/v1.0/users/delta()?$deltatoken=x"}`

func TestFullRoundStoresAbsentPropertiesAsNull(t *testing.T) {
	s := openCache(t)
	apply(t, s, true, adele)
	got := row(t, s, "b2")
	if got["displayName"] != "Ben Walters" || got["mail"] != "<null>" || got["accountEnabled"] != "<null>" {
		t.Fatalf("b2 = %v; want its absent properties NULL", got)
	}
	if got := row(t, s, "a1"); got["accountEnabled"] != "1" || got["department"] != "Retail" {
		t.Fatalf("a1 = %v", got)
	}
}

func TestPartialUpdateKeepsAbsentPropertiesAndNullClears(t *testing.T) {
	s := openCache(t)
	apply(t, s, true, adele)
	apply(t, s, false, `{"value":[{"id":"a1","department":"Online Sales","mail":null,"accountEnabled":false}]}`)
	got := row(t, s, "a1")
	want := map[string]string{"displayName": "Adele Vance", "givenName": "Adele", "surname": "Vance",
		"userPrincipalName": "AdeleV@contoso.com", "mail": "<null>", "department": "Online Sales", "jobTitle": "Manager", "accountEnabled": "0"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
}

func TestRemovedWithEitherReasonLeavesTheDirectory(t *testing.T) {
	s := openCache(t)
	apply(t, s, true, adele)
	w := apply(t, s, false, `{"value":[{"id":"a1","@removed":{"reason":"changed"}},{"id":"b2","@removed":{"reason":"deleted"}},{"id":"zz","@removed":{"reason":"deleted"}}]}`)
	if row(t, s, "a1") != nil || row(t, s, "b2") != nil {
		t.Fatal("a removed user is still cached")
	}
	if w.Removed["a1"] != "AdeleV@contoso.com" || w.Removed["b2"] != "BenW@contoso.com" || len(w.Removed) != 2 {
		t.Fatalf("Removed = %v", w.Removed)
	}
}

func TestFullRoundSweepsUsersItDidNotBring(t *testing.T) {
	s := openCache(t)
	apply(t, s, true, adele)
	w := apply(t, s, true, `{"value":[{"id":"b2","displayName":"Ben W.","userPrincipalName":"BenW@contoso.com"}]}`)
	if row(t, s, "a1") != nil {
		t.Fatal("a full round kept a user it did not bring")
	}
	if row(t, s, "b2")["displayName"] != "Ben W." || w.Removed["a1"] != "AdeleV@contoso.com" {
		t.Fatalf("b2 = %v, removed = %v", row(t, s, "b2"), w.Removed)
	}
}

func TestIncrementalRoundSweepsNothing(t *testing.T) {
	s := openCache(t)
	apply(t, s, true, adele)
	apply(t, s, false, `{"value":[{"id":"b2","jobTitle":"VP Sales"}]}`)
	if row(t, s, "a1") == nil {
		t.Fatal("an incremental round removed a user it did not mention")
	}
}

func TestManyUsersSpanSeveralStatements(t *testing.T) {
	s := openCache(t)
	body := `{"value":[`
	for i := range 250 {
		if i > 0 {
			body += ","
		}
		body += `{"id":"u` + string(rune('a'+i%26)) + strconv.Itoa(i) + `","userPrincipalName":"u` + strconv.Itoa(i) + `@contoso.com"}`
	}
	w := apply(t, s, true, body+`]}`)
	if w.Written != 250 {
		t.Fatalf("wrote %d users, want 250", w.Written)
	}
	n, err := countUsers(s)
	if err != nil || n != 250 {
		t.Fatalf("cached %d users (%v), want 250", n, err)
	}
}

func countUsers(s *data.Store) (int, error) {
	stmt, err := testkit.Prepare(s.Read(context.Background()), `SELECT count(*) FROM directory_users`)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	var n int
	return n, stmt.QueryRow().Scan(&n)
}

func TestAPageIsAppliedInItsOrder(t *testing.T) {
	s := openCache(t)
	apply(t, s, true, `{"value":[
		{"id":"d1","displayName":"First","userPrincipalName":"d1@contoso.com"},
		{"id":"d2","displayName":"Gone","userPrincipalName":"d2@contoso.com"},
		{"id":"d2","@removed":{"reason":"deleted"}},
		{"id":"d1","displayName":"Second","userPrincipalName":"d1@contoso.com"}]}`)
	if got := row(t, s, "d1")["displayName"]; got != "Second" {
		t.Fatalf("d1 is %q; the later listing must win", got)
	}
	if row(t, s, "d2") != nil {
		t.Fatal("a removal after a listing in the same page did not remove")
	}
}

// A user removed and listed again in one round (restored from the deleted items) is
// stored whole as listed last, and never goes missing meanwhile: a Nimbus user hangs on
// the row.
func TestARemovalFollowedByAListingStoresTheUserWhole(t *testing.T) {
	s := openCache(t)
	apply(t, s, true, adele)
	if err := s.Tx(context.Background(), func(q *data.Q) error {
		return q.AddNimbusUser("a1", 1, data.OriginManual, 0)
	}); err != nil {
		t.Fatal(err)
	}
	w := apply(t, s, false, `{"value":[{"id":"a1","@removed":{"reason":"changed"}},{"id":"a1","department":"Returns"}]}`)
	got := row(t, s, "a1")
	if got == nil || got["department"] != "Returns" || got["displayName"] != "<null>" || len(w.Removed) != 0 {
		t.Fatalf("a1 = %v, removed %v; want it stored whole as listed last", got, w.Removed)
	}
}
