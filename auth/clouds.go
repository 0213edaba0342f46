// Package auth signs the admin in to Microsoft Entra ID and keeps their tokens safe. This
// file names the endpoints of each Microsoft cloud.
package auth

import (
	"fmt"
	"net/url"
	"strings"
)

// Endpoints are where sign-in and Graph live for one cloud or a custom host.
type Endpoints struct {
	Cloud         string // global, usgov, usgovdod, china, or custom
	AuthorityHost string // https://login.microsoftonline.com
	GraphURL      string // https://graph.microsoft.com/v1.0
}

// clouds are Microsoft's national clouds (learn.microsoft.com, "National cloud deployments").
var clouds = map[string]Endpoints{
	"global":   {"global", "https://login.microsoftonline.com", "https://graph.microsoft.com/v1.0"},
	"usgov":    {"usgov", "https://login.microsoftonline.us", "https://graph.microsoft.us/v1.0"},
	"usgovdod": {"usgovdod", "https://login.microsoftonline.us", "https://dod-graph.microsoft.us/v1.0"},
	"china":    {"china", "https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn/v1.0"},
}

// microsoftAuthorityHosts are the authority hosts MSAL's instance discovery knows.
var microsoftAuthorityHosts = []string{"login.microsoftonline.com", "login.microsoftonline.us", "login.chinacloudapi.cn",
	"login.windows.net", "login.microsoft.com", "sts.windows.net"}

// ResolveEndpoints picks the endpoints of a cloud, then applies custom hosts on top:
// --authority and --graph-url override what --cloud sets.
func ResolveEndpoints(cloud, authorityHost, graphURL string) (Endpoints, error) {
	if cloud == "" {
		cloud = "global"
	}
	e, ok := clouds[strings.ToLower(cloud)]
	if !ok {
		return e, fmt.Errorf("unknown cloud %q (use global, usgov, usgovdod or china)", cloud)
	}
	if authorityHost != "" {
		u, err := httpsURL("--authority", authorityHost)
		if err != nil {
			return e, err
		}
		e.AuthorityHost, e.Cloud = strings.TrimRight(u.Scheme+"://"+u.Host, "/"), "custom"
	}
	if graphURL != "" {
		u, err := httpsURL("--graph-url", graphURL)
		if err != nil {
			return e, err
		}
		e.GraphURL, e.Cloud = strings.TrimRight(u.String(), "/"), "custom"
	}
	return e, nil
}

func httpsURL(flag, s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("%s must be an https:// URL, not %q", flag, s)
	}
	return u, nil
}

// IsMicrosoftAuthority reports whether the authority host is one of Microsoft's; MSAL's
// instance discovery must be turned off for any other host (a simulated tenant, a proxy).
func (e Endpoints) IsMicrosoftAuthority() bool {
	u, err := url.Parse(e.AuthorityHost)
	if err != nil {
		return false
	}
	for _, h := range microsoftAuthorityHosts {
		if strings.EqualFold(u.Hostname(), h) {
			return true
		}
	}
	return false
}
