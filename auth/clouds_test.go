package auth

import "testing"

func TestResolveEndpoints(t *testing.T) {
	e, err := ResolveEndpoints("usgovdod", "", "")
	if err != nil || e.AuthorityHost != "https://login.microsoftonline.us" || e.GraphURL != "https://dod-graph.microsoft.us/v1.0" || !e.IsMicrosoftAuthority() {
		t.Errorf("usgovdod: %+v %v", e, err)
	}
	e, err = ResolveEndpoints("global", "https://127.0.0.1:8443/", "https://127.0.0.1:8443/v1.0/")
	if err != nil || e.Cloud != "custom" || e.AuthorityHost != "https://127.0.0.1:8443" || e.GraphURL != "https://127.0.0.1:8443/v1.0" || e.IsMicrosoftAuthority() {
		t.Errorf("custom: %+v %v", e, err)
	}
	if _, err := ResolveEndpoints("mars", "", ""); err == nil {
		t.Error("unknown cloud accepted")
	}
	if _, err := ResolveEndpoints("", "http://login.example", ""); err == nil {
		t.Error("plain http authority accepted")
	}
}
