package directory

import (
	"context"
	"database/sql"
	"path/filepath"
	"strconv"
	"testing"

	"nimbusadmin/data"
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

// apply writes the users of one JSON page in a round of the given kind.
func apply(t *testing.T, s *data.Store, full bool, body string) *Writer {
	t.Helper()
	page, err := DecodeUserPage([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	var w *Writer
	err = s.Tx(context.Background(), func(q *data.Q) error {
		if w, err = NewWriter(q, full); err != nil {
			return err
		}
		defer w.Close()
		if err := w.WriteUsers(page.Users); err != nil {
			return err
		}
		return w.Sweep()
	})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// row reads a cached user's columns, NULL as "<null>".
func row(t *testing.T, s *data.Store, id string) map[string]string {
	t.Helper()
	stmt, err := s.Read(context.Background()).Prepare(`SELECT display_name, given_name, surname, upn, mail, department, job_title, account_enabled FROM directory_users WHERE id = ?`)
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

func TestDecodeRefusesWhatIsNotAPage(t *testing.T) {
	for _, body := range []string{`{"value":[{"id":"a"}`, `{"error":{"code":"x"}}`, `[]`} {
		if _, err := DecodeUserPage([]byte(body)); err == nil {
			t.Errorf("DecodeUserPage(%s) accepted it", body)
		}
		if _, err := DecodePage[Member]([]byte(body), "members"); err == nil {
			t.Errorf("DecodePage(%s) accepted it", body)
		}
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
	stmt, err := s.Read(context.Background()).Prepare(`SELECT count(*) FROM directory_users`)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	var n int
	return n, stmt.QueryRow().Scan(&n)
}

func TestDecodeKeepsEscapedAndUnicodeText(t *testing.T) {
	p, err := DecodeUserPage([]byte(`{"value":[{"id":"e","displayName":"O\"Brien \\ Ünal","surname":"\u00e9t\u00e9","givenName":"Zoë","accountEnabled":false}]}`))
	if err != nil {
		t.Fatal(err)
	}
	u := p.Users[0]
	if u.DisplayName.Value != `O"Brien \ Ünal` || u.Surname.Value != "été" || u.GivenName.Value != "Zoë" ||
		!u.AccountEnabled.Set || u.AccountEnabled.Value {
		t.Fatalf("decoded %+v", u)
	}
}

func TestScanNextLinkFindsOnlyTheTopLevelKey(t *testing.T) {
	for body, want := range map[string]string{
		`{"@odata.nextLink":"https://g/x?$skiptoken=a\u0026b","value":[]}`:                             "https://g/x?$skiptoken=a&b",
		`{"value":[{"id":"1","displayName":"\"@odata.nextLink\":\"evil\""}], "@odata.nextLink" : "n"}`: "n",
		`{"value":[{"id":"1","displayName":"\"@odata.nextLink\":\"evil\""}],"@odata.deltaLink":"d"}`:   "",
		`{"value":[]}`: "",
	} {
		got, err := ScanNextLink([]byte(body))
		if err != nil || got != want {
			t.Errorf("ScanNextLink(%s) = %q, %v; want %q", body, got, err, want)
		}
		p, err := DecodeUserPage([]byte(body))
		if err != nil || p.NextLink != want {
			t.Errorf("the decode disagrees: %q, %v", p.NextLink, err)
		}
	}
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
