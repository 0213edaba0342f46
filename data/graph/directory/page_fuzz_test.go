package directory

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// samplePages are the bodies of Microsoft's documented users, groups, members and owners
// answers (see their README; they live beside the project, not in it), to seed the fuzzer
// with shapes no one on the project wrote. None when the folder is absent.
func samplePages(t testing.TB) [][]byte {
	dir := os.Getenv("NIMBUSADMIN_GRAPH_SAMPLES")
	for d, _ := filepath.Abs("."); dir == ""; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "shared", "fixtures", "ms-graph-samples")); err == nil {
			dir = filepath.Join(d, "shared", "fixtures", "ms-graph-samples")
		} else if filepath.Dir(d) == d {
			return nil
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	var bodies [][]byte
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var mocks struct {
			Mocks []struct {
				Request  struct{ URL string }
				Response struct{ Body json.RawMessage }
			}
		}
		if err := json.Unmarshal(raw, &mocks); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, m := range mocks.Mocks {
			u := m.Request.URL
			if strings.Contains(u, "/v1.0/users") || strings.Contains(u, "/v1.0/groups") || strings.Contains(u, "/v1.0/me") {
				bodies = append(bodies, m.Response.Body)
			}
		}
	}
	return bodies
}

// refUser is a user as plain encoding/json reads it: nil for a property absent or null.
type refUser struct {
	ID                                                                   string
	DisplayName, GivenName, Surname, UserPrincipalName, Mail, Department *string
	JobTitle                                                             *string
	AccountEnabled                                                       *bool
}

// sameField says whether a decoded property holds what plain encoding/json reads; one
// absent or null holds the empty value, which is what the cache stores.
func sameField[T comparable](f Field[T], ref *T) bool {
	var zero T
	if !f.Set || f.Null {
		return ref == nil && f.Value == zero
	}
	return ref != nil && *ref == f.Value
}

// FuzzDecodeUserPage checks that the users page decoder never panics, that a page it
// refuses yields nothing (never half a page), and that a page it accepts holds only users
// with an id, each property as encoding/json itself reads it (its fast paths included).
func FuzzDecodeUserPage(f *testing.F) {
	for _, seed := range []string{
		`{"value":[{"id":"a"}`, `{"error":{"code":"x"}}`, `[]`, `{"value":null}`, `{"value":[]}`,
		`{"value":[{"id":"e","displayName":"O\"Brien \\ Ünal","surname":"\u00e9t\u00e9","givenName":"Zoë","accountEnabled":false}]}`,
		`{"@odata.nextLink":"https://g/x?$skiptoken=a\u0026b","value":[]}`,
		`{"value":[{"id":"1","displayName":"\"@odata.nextLink\":\"evil\""}], "@odata.nextLink" : "n"}`,
		`{"value":[{"id":"1","displayName":"x","displayName":null},{"id":"2","mail":null,"mail":"m@x"}]}`,
		`{"value":[{"id":"3","@removed":{"reason":"deleted"}},{"displayName":"no id"},null],"@odata.deltaLink":"d"}`,
		`{"value":[{"id":"4","jobTitle":"\u202eevil\u001b[2J","accountEnabled":"yes"}]}`,
		"{\"value\":[{\"id\":\"5\",\"department\":\"\xff\xfe\"}]}",
	} {
		f.Add([]byte(seed))
	}
	for _, body := range samplePages(f) {
		f.Add(body)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		_, _ = ScanNextLink(body)
		_, _ = DecodePage[Member](body, "members")
		p, err := DecodeUserPage(body)
		if err != nil {
			if len(p.Users) != 0 || p.NextLink != "" || p.DeltaLink != "" {
				t.Fatalf("a refused page (%v) still gave %+v", err, p)
			}
			return
		}
		var ref struct{ Value []refUser }
		if err := json.Unmarshal(body, &ref); err != nil {
			t.Fatalf("accepted a page encoding/json refuses: %v", err)
		}
		i := 0
		for _, r := range ref.Value {
			if r.ID == "" {
				continue
			}
			if i >= len(p.Users) {
				t.Fatalf("the page lost the user %q", r.ID)
			}
			u := p.Users[i]
			i++
			if u.ID != r.ID || !sameField(u.DisplayName, r.DisplayName) || !sameField(u.GivenName, r.GivenName) ||
				!sameField(u.Surname, r.Surname) || !sameField(u.UserPrincipalName, r.UserPrincipalName) ||
				!sameField(u.Mail, r.Mail) || !sameField(u.Department, r.Department) || !sameField(u.JobTitle, r.JobTitle) ||
				!sameField(u.AccountEnabled, r.AccountEnabled) {
				t.Fatalf("decoded %+v, encoding/json reads %+v", u, r)
			}
		}
		if i != len(p.Users) {
			t.Fatalf("the page holds %d users, encoding/json reads %d with an id", len(p.Users), i)
		}
	})
}
