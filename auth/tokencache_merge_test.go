package auth

import (
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/AzureAD/microsoft-authentication-library-for-go/apps/cache"
)

var (
	replaceHints = cache.ReplaceHints{}
	exportHints  = cache.ExportHints{}
)

// memoryCache stands for MSAL's in-memory cache: what Replace loads and Export saves.
type memoryCache struct{ json []byte }

func (m *memoryCache) Marshal() ([]byte, error) { return m.json, nil }
func (m *memoryCache) Unmarshal(b []byte) error { m.json = b; return nil }

// TestTwoProcessesSavingAtOnceKeepBothTheirTokens has two processes read the same token
// cache, then each save a token of its own, the second without reading the first's: both
// tokens must be in the file. A token one of them removes afterwards stays removed, and
// the other's stays.
func TestTwoProcessesSavingAtOnceKeepBothTheirTokens(t *testing.T) {
	ctx := context.Background()
	dir, keys := t.TempDir(), newFakeKeyring(windowsEntryLimit)
	first := newEncryptedCache(dir, "msal-test", timedKeyring{keys, DefaultKeyringTimeout})
	second := newEncryptedCache(dir, "msal-test", timedKeyring{keys, DefaultKeyringTimeout})
	shared := `{"Account":{"u":{"name":"Anna"}},"AccessToken":{"old":{"secret":"0"}}}`
	if err := first.Export(ctx, &memoryCache{[]byte(shared)}, exportHints); err != nil {
		t.Fatal(err)
	}
	mine, theirs := &memoryCache{}, &memoryCache{}
	if err := first.Replace(ctx, mine, replaceHints); err != nil {
		t.Fatal(err)
	}
	if err := second.Replace(ctx, theirs, replaceHints); err != nil {
		t.Fatal(err)
	}
	mine.json = []byte(`{"Account":{"u":{"name":"Anna"}},"AccessToken":{"old":{"secret":"0"},"a":{"secret":"1"}}}`)
	theirs.json = []byte(`{"Account":{"u":{"name":"Anna"}},"AccessToken":{"old":{"secret":"0"},"b":{"secret":"2"}}}`)
	if err := first.Export(ctx, mine, exportHints); err != nil {
		t.Fatal(err)
	}
	if err := second.Export(ctx, theirs, exportHints); err != nil {
		t.Fatal(err)
	}
	if got := accessTokensIn(t, dir, keys); got != "a=1 b=2 old=0" {
		t.Fatalf("after two saves at once the file holds access tokens %q, want both a and b", got)
	}

	// The first process drops its own token and the old one; the second's stays.
	if err := first.Replace(ctx, mine, replaceHints); err != nil {
		t.Fatal(err)
	}
	mine.json = []byte(`{"Account":{"u":{"name":"Anna"}},"AccessToken":{"b":{"secret":"2"}}}`)
	if err := first.Export(ctx, mine, exportHints); err != nil {
		t.Fatal(err)
	}
	if got := accessTokensIn(t, dir, keys); got != "b=2" {
		t.Fatalf("after a removal the file holds access tokens %q, want only b", got)
	}
}

func TestMergeTakesThisProcessChangesAndKeepsTheOthers(t *testing.T) {
	base := `{"AccessToken":{"x":{"v":1},"y":{"v":1},"z":{"v":1}},"AppMetadata":{"m":{"v":1}},"Version":"1"}`
	ours := `{"AccessToken":{"x":{"v":2},"z":{"v":1},"n":{"v":1}},"AppMetadata":{"m":{"v":1}},"Version":"2"}`
	theirs := `{"AccessToken":{"x":{"v":3},"y":{"v":1},"z":{"v":3},"t":{"v":1}},"IdToken":{"i":{"v":1}},"Version":"1"}`
	got, err := mergeTokenCaches([]byte(base), []byte(ours), []byte(theirs))
	if err != nil {
		t.Fatal(err)
	}
	// x changed here: ours; y removed here: gone; z changed only there: theirs; n and t
	// added on either side; IdToken only there; AppMetadata removed there, unchanged here.
	want := `{"AccessToken":{"n":{"v":1},"t":{"v":1},"x":{"v":2},"z":{"v":3}},"IdToken":{"i":{"v":1}},"Version":"2"}`
	if string(got) != want {
		t.Errorf("merged\n%s\nwant\n%s", got, want)
	}
	if _, err := mergeTokenCaches(nil, []byte(ours), []byte("not json")); err == nil {
		t.Error("a file that is not a token cache was merged")
	}
}

// Two processes signing in two different admins at once end with one of them signed in,
// the last to save, and no tokens of the other left behind; a refresh elsewhere meanwhile
// by the other admin's process does not bring that admin back, nor does one after a
// sign-out.
func TestASignInMergedWithAnotherSignInKeepsOnlyTheLastAdmin(t *testing.T) {
	theirs := `{"Account":{"anna":{"home_account_id":"anna"}},"AccessToken":{"a":{"home_account_id":"anna"}},"RefreshToken":{"ra":{"home_account_id":"anna"}},"AppMetadata":{"app":{"client_id":"c"}}}`
	ours := `{"Account":{"ben":{"home_account_id":"ben"}},"AccessToken":{"b":{"home_account_id":"ben"}},"RefreshToken":{"rb":{"home_account_id":"ben"}},"AppMetadata":{"app":{"client_id":"c"}}}`
	got, err := mergeTokenCaches(nil, []byte(ours), []byte(theirs))
	if err != nil {
		t.Fatal(err)
	}
	if !jsonEqual(t, got, ours) {
		t.Errorf("a sign-in merged with another admin's gave\n%s\nwant only the last admin's\n%s", got, ours)
	}

	// Anna's process, which has not seen Ben's sign-in yet, refreshes her token: Ben stays
	// the one signed in, and no token of Anna's is left in the file.
	refreshed := `{"Account":{"anna":{"home_account_id":"anna"}},"AccessToken":{"a":{"home_account_id":"anna","v":2}},"RefreshToken":{"ra":{"home_account_id":"anna"}},"AppMetadata":{"app":{"client_id":"c"}}}`
	got, err = mergeTokenCaches([]byte(theirs), []byte(refreshed), []byte(ours))
	if err != nil {
		t.Fatal(err)
	}
	if !jsonEqual(t, got, ours) {
		t.Errorf("a refresh merged with another admin's sign-in gave\n%s\nwant Ben's file as it was\n%s", got, ours)
	}

	// Signed out here while another process refreshed: nobody is signed in, no token stays.
	signedOut := `{"AppMetadata":{"app":{"client_id":"c"}}}`
	got, err = mergeTokenCaches([]byte(ours), []byte(signedOut), []byte(strings.Replace(ours, `"b":{`, `"b2":{"v":3,`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	if !jsonEqual(t, got, signedOut) {
		t.Errorf("a sign-out merged with another process's refresh gave\n%s\nwant\n%s", got, signedOut)
	}
}

func jsonEqual(t *testing.T, a []byte, b string) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(b), &y); err != nil {
		t.Fatal(err)
	}
	return reflect.DeepEqual(x, y)
}

// accessTokensIn reads the token cache file as a new process would and lists its
// access tokens as "key=secret", sorted.
func accessTokensIn(t *testing.T, dir string, keys *fakeKeyring) string {
	t.Helper()
	m := &memoryCache{}
	c := newEncryptedCache(dir, "msal-test", timedKeyring{keys, DefaultKeyringTimeout})
	if err := c.Replace(context.Background(), m, replaceHints); err != nil {
		t.Fatal(err)
	}
	var contract struct {
		AccessToken map[string]struct{ Secret string } `json:"AccessToken"`
	}
	if err := json.Unmarshal(m.json, &contract); err != nil {
		t.Fatalf("%v: %s", err, m.json)
	}
	keysSorted := make([]string, 0, len(contract.AccessToken))
	for k, v := range contract.AccessToken {
		keysSorted = append(keysSorted, k+"="+v.Secret)
	}
	slices.Sort(keysSorted)
	return strings.Join(keysSorted, " ")
}
