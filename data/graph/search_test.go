package graph_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/graph"
	"nimbusadmin/data/simtenant"
)

func searchUPNs(found []data.DirectoryUser) []string {
	var out []string
	for _, u := range found {
		out = append(out, u.UPN)
	}
	slices.Sort(out)
	return out
}

func TestSearchUsersFindsByNameUPNMailDomainAndID(t *testing.T) {
	enabled := true
	people := []data.DirectoryUser{
		{ID: "11111111-1111-4111-8111-111111111111", DisplayName: "Ada Lovelace", GivenName: "Ada", Surname: "Lovelace",
			UPN: "ada.lovelace@contoso.com", Mail: "ada@contoso.com", Department: "Sales", JobTitle: "Agent", AccountEnabled: &enabled},
		{ID: "22222222-2222-4222-8222-222222222222", DisplayName: "Alan Turing", UPN: "alan@fabrikam.com", Mail: "a.turing@contoso.com"},
		{ID: "33333333-3333-4333-8333-333333333333", DisplayName: "Grace Hopper", UPN: "grace@fabrikam.com"},
	}
	s, c := startTenant(t, simtenant.Options{People: people})
	ctx := context.Background()
	cases := []struct {
		text string
		want []string
	}{
		{"ada", []string{"ada.lovelace@contoso.com"}},
		{"turing", []string{"alan@fabrikam.com"}},          // by the mail's words and the name
		{"lovelace", []string{"ada.lovelace@contoso.com"}}, // by the UPN
		{"@fabrikam.com", []string{"alan@fabrikam.com", "grace@fabrikam.com"}},
		{"33333333-3333-4333-8333-333333333333", []string{"grace@fabrikam.com"}},
		{`grace "hop`, []string{"grace@fabrikam.com"}}, // a quote cannot break the clause
		{"nobody", nil},
		{"  ", nil},
	}
	for _, cs := range cases {
		found, err := c.SearchUsers(ctx, cs.text, 50)
		if err != nil {
			t.Fatalf("%q: %v", cs.text, err)
		}
		if got := searchUPNs(found); !slices.Equal(got, cs.want) {
			t.Errorf("%q finds %v, want %v", cs.text, got, cs.want)
		}
	}
	found, err := c.SearchUsers(ctx, "Ada Lovelace", 50)
	if err != nil || len(found) != 1 {
		t.Fatalf("%v %v", found, err)
	}
	got := found[0]
	if got.ID != people[0].ID || got.DisplayName != "Ada Lovelace" || got.GivenName != "Ada" || got.Surname != "Lovelace" ||
		got.Mail != "ada@contoso.com" || got.Department != "Sales" || got.JobTitle != "Agent" ||
		got.AccountEnabled == nil || !*got.AccountEnabled {
		t.Fatalf("the cached fields do not all come back: %+v", got)
	}
	if found, err := c.SearchUsers(ctx, "@fabrikam.com", 1); err != nil || len(found) != 1 {
		t.Fatalf("top=1 answers %d users, %v", len(found), err)
	}
	if found, err := c.SearchUsers(ctx, "@fabrikam.com", 0); err != nil || len(found) != 2 {
		t.Fatalf("top=0 (the most Graph gives) answers %d users, %v", len(found), err)
	}
	if s.Stats().Requests == 0 {
		t.Fatal("the searches never reached the tenant")
	}
}

func TestSearchUsersReportsGraphRefusals(t *testing.T) {
	s, c := startTenant(t, simtenant.Options{Users: 20})
	s.Inject(simtenant.Fault{Path: "/users", Status: http.StatusForbidden})
	_, err := c.SearchUsers(context.Background(), "ada", 10)
	var ge *graph.Error
	if !errors.As(err, &ge) || ge.Status != http.StatusForbidden {
		t.Fatalf("a 403 comes back as %v", err)
	}
}

func TestSearchClausesQuoteEachProperty(t *testing.T) {
	got := graph.SearchClauses(` ada  "love\lace `)
	want := `"displayName:ada love lace" OR "userPrincipalName:ada love lace" OR "mail:ada love lace"`
	if got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}
