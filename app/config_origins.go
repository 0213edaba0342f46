package app

import (
	"net/url"
	"strings"
)

// CheckCORSOrigins checks the web sites of a domain template and returns them in their
// canonical form. A CORS origin is a scheme and a host with an optional port, nothing
// else; it must use https (plain http only for localhost, for testing), and a wildcard
// may only stand for the leftmost label ("https://*.contoso.com").
func CheckCORSOrigins(origins []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, raw := range origins {
		o := strings.TrimSpace(raw)
		if o == "" {
			continue
		}
		clean, err := configCheckOrigin(o)
		if err != nil {
			return nil, err
		}
		if seen[clean] {
			return nil, refuse("config.origin", "the origin %s is listed twice", clean)
		}
		seen[clean] = true
		out = append(out, clean)
	}
	if len(out) == 0 {
		return nil, refuse("config.origin", "a domain template needs at least one allowed web site, such as https://www.contoso.com")
	}
	return out, nil
}

func configCheckOrigin(o string) (string, error) {
	bad := func(why string) error {
		return refuse("config.origin", "%q is not a valid CORS origin: %s (write it like https://www.contoso.com)", o, why)
	}
	u, err := url.Parse(strings.TrimSuffix(o, "/"))
	if err != nil || u.Scheme == "" || u.Host == "" {
		return "", bad("it needs https:// and a host name")
	}
	if u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.ForceQuery {
		return "", bad("an origin has no path, query or user name")
	}
	host := strings.ToLower(u.Hostname())
	scheme := strings.ToLower(u.Scheme)
	local := host == "localhost" || host == "127.0.0.1" || host == "::1"
	switch {
	case scheme == "http" && !local:
		return "", bad("use https; plain http is allowed only for localhost")
	case scheme != "https" && scheme != "http":
		return "", bad("only https web sites can embed the widget")
	}
	labels := strings.Split(strings.TrimPrefix(host, "*."), ".")
	if strings.Contains(strings.TrimPrefix(host, "*."), "*") {
		return "", bad("a wildcard may only stand for the leftmost part of the host name")
	}
	if !local && len(labels) < 2 {
		return "", bad("the host name needs a domain")
	}
	for _, l := range labels {
		if l == "" || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") || strings.Trim(l, "abcdefghijklmnopqrstuvwxyz0123456789-:[]") != "" {
			return "", bad("the host name has an invalid part")
		}
	}
	if p := u.Port(); p != "" && (scheme == "https" && p == "443" || scheme == "http" && p == "80") {
		u.Host = strings.TrimSuffix(u.Host, ":"+p)
	}
	return scheme + "://" + strings.ToLower(u.Host), nil
}

// configCheckURL checks a direct call template's page address.
func configCheckURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return refuse("config.url", "%q is not a web address: a direct call template opens a page such as https://crm.contoso.com/lookup?phone={callerId}", s)
	}
	return nil
}
