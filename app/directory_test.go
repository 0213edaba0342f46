package app

import "testing"

func TestSearchDirectoryHidesNimbusUsersWhenAsked(t *testing.T) {
	f := newFixture(t)
	all, err := f.app.SearchDirectory(ctx, DirectoryQuery{Search: "@contoso.example"})
	if err != nil || len(all) != 6 {
		t.Fatalf("all: %d, %v", len(all), err)
	}
	fresh, _ := f.app.SearchDirectory(ctx, DirectoryQuery{Search: "@contoso.example", ExcludeNimbus: true})
	if len(fresh) != 1 || fresh[0].ID != f.user["frank"] {
		t.Fatalf("excluding Nimbus users: %+v", fresh)
	}
	if one, _ := f.app.SearchDirectory(ctx, DirectoryQuery{Search: "", Limit: 2}); len(one) != 2 {
		t.Errorf("limit: %d", len(one))
	}
	if hit, _ := f.app.SearchDirectory(ctx, DirectoryQuery{Search: "MÜLLER dept"}); len(hit) != 1 || hit[0].ID != f.user["eve"] {
		t.Errorf("words: %+v", hit)
	}
}
