package app

import (
	"fmt"
	"html"
	"strings"

	"nimbusadmin/data"
)

// SnippetPreview renders the markup the user's Interact widget shows a web site visitor,
// so that an admin can check what the snippet will offer before pasting it into a page:
// who is contacted, which modalities are on, and whether the widget is live at all.
func SnippetPreview(d UserDetail, tenantEnabled bool) string {
	ia := d.Interact
	if ia == nil {
		return ""
	}
	state := "active"
	switch {
	case !tenantEnabled:
		state = "off for the tenant"
	case !ia.Active:
		state = "inactive"
	}
	var b strings.Builder
	esc := html.EscapeString
	fmt.Fprintf(&b, "<div class=\"nimbus-interact-widget\" data-contact-id=\"%s\" data-state=\"%s\">\n", esc(ia.ContactID), esc(state))
	fmt.Fprintf(&b, "  <header>Contact %s</header>\n", esc(displayName(d.User)))
	if ia.AudioVideo {
		b.WriteString("  <button data-modality=\"audio-video\">Call</button>\n")
	}
	if ia.InstantMessaging {
		b.WriteString("  <button data-modality=\"instant-messaging\">Chat</button>\n")
	}
	if !ia.AudioVideo && !ia.InstantMessaging {
		b.WriteString("  <p class=\"unavailable\">No way to get in touch is switched on</p>\n")
	}
	if ia.RestrictAccess {
		b.WriteString("  <footer>Only on the web sites of the chosen domain template</footer>\n")
	}
	b.WriteString("</div>")
	return b.String()
}

// SnippetWidgetState says in words what a visitor would see, for the preview's caption.
func SnippetWidgetState(s *data.InteractSettings, tenantEnabled bool) string {
	switch {
	case s == nil:
		return "no Interact settings yet"
	case !tenantEnabled:
		return "Interact is off for the tenant: the widget shows nothing"
	case !s.Active:
		return "Interact is not active for this user: the widget shows nothing"
	}
	return "the widget is live"
}
