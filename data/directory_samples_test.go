package data_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/graph/directory"
)

// fixtureDir finds the Microsoft-written sample payloads (see their README): in
// $NIMBUSADMIN_GRAPH_SAMPLES, or in shared/fixtures/ms-graph-samples beside the project
// or any folder above it.
func fixtureDir() string {
	if d := os.Getenv("NIMBUSADMIN_GRAPH_SAMPLES"); d != "" {
		return d
	}
	dir, _ := filepath.Abs(".")
	for {
		d := filepath.Join(dir, "shared", "fixtures", "ms-graph-samples")
		if _, err := os.Stat(d); err == nil {
			return d
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "../shared/fixtures/ms-graph-samples"
		}
		dir = parent
	}
}

type mockFile struct {
	Mocks []struct {
		Request struct {
			URL    string `json:"url"`
			Method string `json:"method"`
		} `json:"request"`
		Response struct {
			StatusCode int             `json:"statusCode"`
			Body       json.RawMessage `json:"body"`
		} `json:"response"`
	} `json:"mocks"`
}

var (
	usersURL   = regexp.MustCompile(`/v1\.0/users(/delta)?(\?|$)`)
	groupsURL  = regexp.MustCompile(`/v1\.0/groups(\?|$)`)
	membersURL = regexp.MustCompile(`/v1\.0/groups/\*/(members|owners)(\?|$)`)
)

// TestMicrosoftSamplePayloadsAreAccepted decodes every users, users delta, groups,
// members and owners sample of Microsoft's documentation and writes the users into a
// cache, in a full and in an incremental round.
func TestMicrosoftSamplePayloadsAreAccepted(t *testing.T) {
	dir := fixtureDir()
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) == 0 {
		t.Skipf("the Microsoft sample payloads are not in %s (they live beside the project, not in it; set NIMBUSADMIN_GRAPH_SAMPLES)", dir)
	}
	s := openCache(t)
	var usersPages, groupPages, memberPages, users int
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var mf mockFile
		if err := json.Unmarshal(raw, &mf); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, m := range mf.Mocks {
			if (m.Request.Method != "" && m.Request.Method != "GET") || m.Response.StatusCode != 200 || len(m.Response.Body) == 0 {
				continue
			}
			url, body := m.Request.URL, []byte(m.Response.Body)
			switch {
			case usersURL.MatchString(url):
				page, err := directory.DecodeUserPage(body)
				if err != nil {
					t.Errorf("%s: %v", url, err)
					continue
				}
				usersPages++
				users += len(page.Users)
				for _, full := range []bool{true, false} {
					if err := s.Tx(context.Background(), func(q *data.Q) error {
						round, _, err := q.NextSyncRound()
						if err != nil {
							return err
						}
						changes := make([]data.DirectoryUserChange, len(page.Users))
						for i, u := range page.Users {
							changes[i] = u.Change()
						}
						_, _, err = q.WriteDirectoryUsers(changes, round, full)
						return err
					}); err != nil {
						t.Errorf("%s (full %v): %v", url, full, err)
					}
				}
			case groupsURL.MatchString(url):
				if _, err := directory.DecodePage[directory.Team](body, "groups"); err != nil {
					t.Errorf("%s: %v", url, err)
				}
				groupPages++
			case membersURL.MatchString(url):
				p, err := directory.DecodePage[directory.Member](body, "members")
				if err != nil {
					t.Errorf("%s: %v", url, err)
				}
				var ids []string
				for _, m := range p.Value {
					ids = append(ids, m.ID)
				}
				if err := s.Tx(context.Background(), func(q *data.Q) error {
					return q.WriteDirectoryTeams([]data.Team{{ID: "g", DisplayName: "Sample", Members: ids, Owners: ids}})
				}); err != nil {
					t.Errorf("%s: %v", url, err)
				}
				memberPages++
			}
		}
	}
	if usersPages < 5 || groupPages < 3 || memberPages < 2 || users == 0 {
		t.Fatalf("only %d users pages (%d users), %d groups pages and %d member pages matched: the samples changed shape", usersPages, users, groupPages, memberPages)
	}
	t.Logf("accepted %d users pages (%d users with an id), %d groups pages, %d member pages", usersPages, users, groupPages, memberPages)
}
