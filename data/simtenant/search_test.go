package simtenant

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"testing"

	"nimbusadmin/data"
)

// searchPeople is a small directory with known names, UPNs and mails.
var searchPeople = []data.DirectoryUser{
	{ID: "11111111-1111-4111-8111-111111111111", DisplayName: "Ada Lovelace", UPN: "ada.lovelace@contoso.com", Mail: "ada@contoso.com"},
	{ID: "22222222-2222-4222-8222-222222222222", DisplayName: "Alan Turing", UPN: "alan@fabrikam.com", Mail: "a.turing@contoso.com"},
	{ID: "33333333-3333-4333-8333-333333333333", DisplayName: "Grace Hopper", UPN: "grace@fabrikam.com"},
}

type searchAnswer struct {
	Count *int `json:"@odata.count"`
	Value []map[string]any
	Error struct{ Code string }
}

// searchGet sends GET /users with the query, with or without ConsistencyLevel: eventual.
func searchGet(t *testing.T, s *Server, q url.Values, eventual bool) (int, searchAnswer) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.GraphURL()+"/users?"+q.Encode(), nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer test")
	if eventual {
		req.Header.Set("ConsistencyLevel", "eventual")
	}
	res, err := s.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	var a searchAnswer
	if err := json.Unmarshal(body, &a); err != nil {
		t.Fatalf("%s: %v", body, err)
	}
	return res.StatusCode, a
}

func searchStart(t *testing.T) *Server {
	t.Helper()
	s, err := Start(Options{People: searchPeople})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

func searchNames(a searchAnswer) []string {
	var out []string
	for _, v := range a.Value {
		name, _ := v["displayName"].(string)
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

func TestSearchMatchesQuotedClausesJoinedByOR(t *testing.T) {
	s := searchStart(t)
	cases := []struct {
		search string
		want   []string
	}{
		{`"displayName:ada" OR "userPrincipalName:ada" OR "mail:ada"`, []string{"Ada Lovelace"}},
		{`"displayName:tur"`, []string{"Alan Turing"}},              // a prefix of the second word
		{`"mail:contoso"`, []string{"Ada Lovelace", "Alan Turing"}}, // a word of the mail's domain
		{`"displayName:grace hop" OR "mail:grace hop"`, []string{"Grace Hopper"}},
		{`"displayName:race"`, nil}, // not the start of a word
		{`"userPrincipalName:fabrikam" OR "displayName:ada"`, []string{"Ada Lovelace", "Alan Turing", "Grace Hopper"}},
	}
	for _, c := range cases {
		status, a := searchGet(t, s, url.Values{"$search": {c.search}, "$count": {"true"}, "$select": {"id,displayName"}}, true)
		if status != http.StatusOK {
			t.Fatalf("%s: status %d %s", c.search, status, a.Error.Code)
		}
		if got := searchNames(a); !slices.Equal(got, c.want) {
			t.Errorf("%s finds %v, want %v", c.search, got, c.want)
		}
		if a.Count == nil || *a.Count != len(c.want) {
			t.Errorf("%s: @odata.count %v, want %d", c.search, a.Count, len(c.want))
		}
		for _, v := range a.Value {
			if _, ok := v["userPrincipalName"]; ok {
				t.Errorf("%s: a property outside $select was sent: %v", c.search, v)
			}
		}
	}
}

func TestSearchNeedsConsistencyLevelEventual(t *testing.T) {
	s := searchStart(t)
	status, a := searchGet(t, s, url.Values{"$search": {`"displayName:ada"`}}, false)
	if status != http.StatusBadRequest || a.Error.Code != "Request_UnsupportedQuery" {
		t.Fatalf("$search without the header answers %d %q, want 400 Request_UnsupportedQuery", status, a.Error.Code)
	}
	q := url.Values{"$filter": {"endswith(userPrincipalName,'@fabrikam.com')"}, "$count": {"true"}}
	if status, _ := searchGet(t, s, q, false); status != http.StatusBadRequest {
		t.Fatalf("endswith without the header answers %d, want 400", status)
	}
	q.Del("$count")
	if status, _ := searchGet(t, s, q, true); status != http.StatusBadRequest {
		t.Fatalf("endswith without $count=true answers %d, want 400", status)
	}
	for _, bad := range []string{`displayName:ada`, `"displayName:ada" AND "mail:ada"`, `"jobTitle2:x"`, `"displayName:ada`} {
		if status, _ := searchGet(t, s, url.Values{"$search": {bad}}, true); status != http.StatusBadRequest {
			t.Errorf("$search=%s answers %d, want 400", bad, status)
		}
	}
}

func TestSearchFiltersByIDAndDomain(t *testing.T) {
	s := searchStart(t)
	status, a := searchGet(t, s, url.Values{"$filter": {"id eq '" + searchPeople[2].ID + "'"}}, false)
	if status != http.StatusOK || !slices.Equal(searchNames(a), []string{"Grace Hopper"}) {
		t.Fatalf("the id filter answers %d %v", status, searchNames(a))
	}
	q := url.Values{"$filter": {"endswith(userPrincipalName,'@fabrikam.com')"}, "$count": {"true"}}
	status, a = searchGet(t, s, q, true)
	if status != http.StatusOK || !slices.Equal(searchNames(a), []string{"Alan Turing", "Grace Hopper"}) {
		t.Fatalf("the domain filter answers %d %v", status, searchNames(a))
	}
	q.Set("$top", "1")
	if _, a = searchGet(t, s, q, true); len(a.Value) != 1 || *a.Count != 2 {
		t.Fatalf("$top=1 answers %d users, count %v", len(a.Value), a.Count)
	}
	if err := s.RemoveUser(searchPeople[2].ID, "deleted"); err != nil {
		t.Fatal(err)
	}
	if _, a = searchGet(t, s, url.Values{"$filter": {"id eq '" + searchPeople[2].ID + "'"}}, false); len(a.Value) != 0 {
		t.Fatal("a removed user is still found")
	}
}
