package simtenant

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"testing"
)

type groupsAnswer struct {
	Value []struct {
		ID   string `json:"id"`
		Type string `json:"@odata.type"`
		Name string `json:"displayName"`
	}
	NextLink string `json:"@odata.nextLink"`
	Error    struct{ Code string }
}

// groupsGet sends one GET to a Graph URL of the tenant (a path under /v1.0 or a next link).
func groupsGet(t *testing.T, s *Server, link string, header http.Header) (int, groupsAnswer) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, link, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header = header.Clone()
	if req.Header == nil {
		req.Header = http.Header{}
	}
	req.Header.Set("Authorization", "Bearer test")
	res, err := s.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	var a groupsAnswer
	if err := json.Unmarshal(body, &a); err != nil {
		t.Fatalf("%s: %v", body, err)
	}
	return res.StatusCode, a
}

// A security group is found by its display name (a quote in it doubled, case ignored),
// lists its users and nested groups, and stays out of the Teams listing.
func TestSecurityGroupsAreFoundByNameAndStayOutOfTheTeamsListing(t *testing.T) {
	s, err := Start(Options{People: searchPeople, TeamList: []Team{}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	ada, alan, grace := searchPeople[0].ID, searchPeople[1].ID, searchPeople[2].ID
	inner := s.AddGroup("Night Shift", []string{grace})
	admins := s.AddGroup("O'Brien's Admins", []string{ada, inner})
	team := s.AddTeam("Sales", []string{alan}, nil)

	filter := func(f string) string { return s.GraphURL() + "/groups?" + url.Values{"$filter": {f}}.Encode() }
	status, a := groupsGet(t, s, filter("displayName eq 'o''brien''s admins'"), nil)
	if status != http.StatusOK || len(a.Value) != 1 || a.Value[0].ID != admins {
		t.Fatalf("by name: %d %+v", status, a)
	}
	if status, _ := groupsGet(t, s, filter("displayName eq 'O'Brien's Admins'"), nil); status != http.StatusBadRequest {
		t.Errorf("an undoubled quote: %d, want 400", status)
	}
	if status, _ := groupsGet(t, s, filter("startswith(displayName,'O')"), nil); status != http.StatusBadRequest {
		t.Errorf("an unsupported filter: %d, want 400", status)
	}
	_, a = groupsGet(t, s, filter("resourceProvisioningOptions/Any(x:x eq 'Team')"), nil)
	if len(a.Value) != 1 || a.Value[0].ID != team || len(s.Teams()) != 1 {
		t.Errorf("the Teams listing shows security groups: %+v, Teams() %+v", a.Value, s.Teams())
	}

	_, a = groupsGet(t, s, s.GraphURL()+"/groups/"+admins+"/members", nil)
	var direct []string
	for _, v := range a.Value {
		direct = append(direct, v.Type+" "+v.ID)
	}
	if !slices.Equal(direct, []string{"#microsoft.graph.user " + ada, "#microsoft.graph.group " + inner}) {
		t.Errorf("direct members: %v", direct)
	}
}

// Transitive members count the users of nested groups once each (a cycle of groups ends),
// come in pages, and the cast to users is, as in Graph, an advanced query only.
func TestTransitiveMembersFollowNestedGroupsInPages(t *testing.T) {
	s, err := Start(Options{People: searchPeople, TeamList: []Team{}, MaxPageSize: 2, Groups: []Group{
		{ID: "g-outer", DisplayName: "Outer", Members: []string{searchPeople[0].ID, "g-inner"}},
		{ID: "g-inner", DisplayName: "Inner", Members: []string{searchPeople[1].ID, searchPeople[2].ID, searchPeople[0].ID, "g-outer"}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	var got []string
	pages := 0
	for link := s.GraphURL() + "/groups/g-outer/transitiveMembers"; link != ""; pages++ {
		status, a := groupsGet(t, s, link, nil)
		if status != http.StatusOK {
			t.Fatalf("%s: %d %+v", link, status, a.Error)
		}
		for _, v := range a.Value {
			got = append(got, v.Type+" "+v.ID)
		}
		link = a.NextLink
	}
	want := []string{"#microsoft.graph.user " + searchPeople[0].ID, "#microsoft.graph.user " + searchPeople[1].ID,
		"#microsoft.graph.user " + searchPeople[2].ID, "#microsoft.graph.group g-inner"}
	if !slices.Equal(got, want) || pages != 2 {
		t.Errorf("transitive members in %d pages: %v, want %v in 2", pages, got, want)
	}

	cast := s.GraphURL() + "/groups/g-outer/transitiveMembers/microsoft.graph.user"
	if status, a := groupsGet(t, s, cast, nil); status != http.StatusBadRequest || a.Error.Code != "Request_UnsupportedQuery" {
		t.Errorf("a cast without advanced query: %d %+v", status, a.Error)
	}
	status, a := groupsGet(t, s, cast+"?$count=true", http.Header{"Consistencylevel": {"eventual"}})
	if status != http.StatusOK || len(a.Value) != 2 || a.NextLink == "" {
		t.Errorf("the cast as an advanced query: %d %+v", status, a)
	}
	if status, _ := groupsGet(t, s, s.GraphURL()+"/groups/g-missing/transitiveMembers", nil); status != http.StatusNotFound {
		t.Errorf("a missing group: %d, want 404", status)
	}
}
