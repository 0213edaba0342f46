package auth

import (
	"bytes"
	"encoding/json"
	"maps"
)

// mergeTokenCaches merges MSAL's serialized token cache the way a three-way merge does:
// base is what this process last read or wrote, ours what it holds now, theirs what the
// file holds now (written by another process meanwhile). Every entry (access, refresh
// and ID token, account, app metadata) this process added, changed or removed since
// base is taken from ours; every other entry stays as theirs has it, so two processes
// that sign in or refresh at once both keep what they got.
func mergeTokenCaches(base, ours, theirs []byte) ([]byte, error) {
	b, err := jsonObject(base)
	if err != nil {
		return nil, err
	}
	o, err := jsonObject(ours)
	if err != nil {
		return nil, err
	}
	t, err := jsonObject(theirs)
	if err != nil {
		return nil, err
	}
	out := maps.Clone(t)
	for name := range keysOfEither(b, o) {
		baseSection, ourSection := b[name], o[name]
		bm, errB := jsonObject(baseSection)
		om, errO := jsonObject(ourSection)
		tm, errT := jsonObject(t[name])
		if errB != nil || errO != nil || errT != nil { // not a section of entries: a value of its own
			mergeEntry(out, name, baseSection, ourSection)
			continue
		}
		section := maps.Clone(tm)
		for key := range keysOfEither(bm, om) {
			mergeEntry(section, key, bm[key], om[key])
		}
		if len(section) == 0 {
			delete(out, name)
			continue
		}
		raw, err := json.Marshal(section)
		if err != nil {
			return nil, err
		}
		out[name] = raw
	}
	// A sign-in here replaces whoever another process signed in meanwhile: one admin is
	// signed in at a time, the last to sign in. Tokens of an account no longer signed in
	// (replaced, or signed out here while another process refreshed) are dropped.
	accounts := out[accountSection]
	if signedInHere(b[accountSection], o[accountSection]) {
		accounts = o[accountSection]
	}
	if err := keepOnlyAccounts(out, accounts); err != nil {
		return nil, err
	}
	return json.Marshal(out)
}

// accountSection is the section of MSAL's cache that lists the signed-in accounts.
const accountSection = "Account"

// signedInHere tells whether this process added an account since base: a sign-in.
func signedInHere(base, ours json.RawMessage) bool {
	bm, errB := jsonObject(base)
	om, errO := jsonObject(ours)
	if errB != nil || errO != nil {
		return false
	}
	for key := range om {
		if _, ok := bm[key]; !ok {
			return true
		}
	}
	return false
}

// keepOnlyAccounts makes accounts the only ones in out, and drops the entries of out
// that belong to any other account.
func keepOnlyAccounts(out map[string]json.RawMessage, accounts json.RawMessage) error {
	signedIn, err := jsonObject(accounts)
	if err != nil {
		return err
	}
	kept := map[string]bool{}
	for _, raw := range signedIn {
		kept[homeAccountOf(raw)] = true
	}
	delete(out, accountSection)
	if len(signedIn) > 0 {
		out[accountSection] = accounts
	}
	for name, raw := range out {
		entries, err := jsonObject(raw)
		if name == accountSection || err != nil {
			continue
		}
		changed := false
		for key, entry := range entries {
			if home := homeAccountOf(entry); home != "" && !kept[home] {
				delete(entries, key)
				changed = true
			}
		}
		switch {
		case !changed:
		case len(entries) == 0:
			delete(out, name)
		default:
			if out[name], err = json.Marshal(entries); err != nil {
				return err
			}
		}
	}
	return nil
}

// homeAccountOf is the account an entry of MSAL's cache belongs to, or "" for none.
func homeAccountOf(entry json.RawMessage) string {
	var e struct {
		HomeAccountID string `json:"home_account_id"`
	}
	json.Unmarshal(entry, &e)
	return e.HomeAccountID
}

// mergeEntry puts into m this process's change of one entry from base to ours (nil:
// absent), and leaves m alone when this process did not change it.
func mergeEntry(m map[string]json.RawMessage, key string, base, ours json.RawMessage) {
	if (base == nil) == (ours == nil) && bytes.Equal(base, ours) {
		return
	}
	if ours == nil {
		delete(m, key)
		return
	}
	m[key] = ours
}

// jsonObject reads a JSON object into its members; nothing (or null) is an empty object.
func jsonObject(raw []byte) (map[string]json.RawMessage, error) {
	m := map[string]json.RawMessage{}
	if len(bytes.TrimSpace(raw)) == 0 {
		return m, nil
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	if m == nil {
		m = map[string]json.RawMessage{}
	}
	return m, nil
}

// keysOfEither is the set of keys of a and b.
func keysOfEither(a, b map[string]json.RawMessage) map[string]bool {
	keys := make(map[string]bool, len(a)+len(b))
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	return keys
}
