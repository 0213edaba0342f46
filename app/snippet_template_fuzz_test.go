package app

import (
	"strings"
	"testing"
)

// FuzzCheckSnippetTemplate checks that the snippet rule never panics, that every refusal
// is one line of the snippet.template rule, and that a template it accepts, filled in with
// a Contact ID and a Widget Key, is a snippet the markup rule accepts again: the
// placeholders stand only where their values cannot change what the markup means.
func FuzzCheckSnippetTemplate(f *testing.F) {
	for _, seed := range []string{
		`<script src="https://interact.nimbus.example/widget.js" data-contact-id="{{contactId}}" data-widget-key="{{widgetKey}}" async></script>`,
		`<script data-c="{{contactId}}" data-k="{{widgetKey}}"></script>`,
		"<div class='n' " + snippetAttrs + ">\n<a href=\"https://contoso.example/?id={{contactId}}\">Us</a><br>\n<img src=\"https://a.example/l.png\" />\n</div>",
		`<!-- w --><span ` + snippetAttrs + `>{{contactId}}</span>`,
		`<svg><path d="M0 0"/></svg><p ` + snippetAttrs + `>a &amp; b</p>`,
		`<a href="#c" style="background: url('https://a.example/x.png')" ` + snippetAttrs + `></a>`,
		`<div data-contact-id={{contactId}} data-widget-key="{{widgetKey}}"></div>`,
		`<div{{contactId}} data-widget-key="{{widgetKey}}"></div>`,
		`<script src="https://interact.nimbus.example@evil.example/w.js" ` + snippetAttrs + `></script>`,
		`<a href=" JaVa&#x09;ScRipt:go()" ` + snippetAttrs + `>x</a>`,
		`<svg><style><img src=x onerror=go()></style></svg><i ` + snippetAttrs + `></i>`,
		`<i ` + snippetAttrs + ` data-a="1"data-b="2"></i>`,
		`<!-- {{contactId}} --><i data-widget-key="{{widgetKey}}"></i>`,
		`<div ` + snippetAttrs + `><span></div></span>`,
		`<script src="https://interact.nimbus.example/w.js" ` + snippetAttrs,
		"<title " + snippetAttrs + ">{{contactId}}</title>",
		"<i " + snippetAttrs + " data-x=\"\x1b[2J\u202e\xff\"></i>",
		"",
	} {
		f.Add(seed)
	}
	const contactID, widgetKey = "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f", "5f3c9a1e7b2d48c6a0e9f1b3d5c7e9a2"
	f.Fuzz(func(t *testing.T, tmpl string) {
		err := CheckSnippetTemplate(tmpl)
		if err != nil {
			if !IsRule(err, "snippet.template") || strings.Contains(err.Error(), "\n") {
				t.Fatalf("refusal %q is not one line of the snippet.template rule", err)
			}
			return
		}
		filled := strings.NewReplacer("{{contactId}}", contactID, "{{widgetKey}}", widgetKey).Replace(tmpl)
		if err := checkSnippetHTML(filled); err != nil {
			t.Fatalf("accepted template %q fills in to a snippet the rule refuses: %v", tmpl, err)
		}
	})
}
