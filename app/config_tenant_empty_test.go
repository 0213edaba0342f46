package app

import "testing"

// A tenant setting given empty is refused as a blank one is, by the setting's own rule:
// neither the snippet template nor the admin security group may be cleared (no snippet
// could reach a user; nobody could administer the tenant). A setting not given (nil)
// stays as it is.
func TestEmptyTenantSettingsAreRefusedLikeBlankOnes(t *testing.T) {
	f := newFixture(t)
	for _, blank := range []string{"", "   ", "\t\n", "\u00a0", "\u200b\ufeff"} {
		f.refused("snippet.template", do(f.app, ChangeTenantSettings{SnippetTemplate: ptr(blank)}))
		f.refused("tenant.admin-group", do(f.app, ChangeTenantSettings{AdminSecurityGroup: ptr(blank)}), "name the security group")
	}
	before := f.digest()
	if err := do(f.app, ChangeTenantSettings{})(); err != nil || f.digest() != before {
		t.Errorf("settings not given changed something: %v", err)
	}
}
