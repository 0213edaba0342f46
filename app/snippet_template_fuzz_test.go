package app

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// FuzzCheckSnippetTemplate checks that the snippet rule never panics, that every refusal
// is one line of the snippet.template rule, that a template it accepts, filled in with a
// Contact ID and a Widget Key, is a snippet the markup rule accepts again (the
// placeholders stand only where their values cannot change what the markup means), and
// that no markup it accepts runs script other than the widget's once a browser's HTML
// parser builds it into a page.
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
		`<iframe srcdoc="&lt;script&gt;go()&lt;/script&gt;" ` + snippetAttrs + `></iframe>`,
		`<svg><set attributeName="onclick" to="go()"/></svg><i ` + snippetAttrs + `></i>`,
		`<i style="background: image-set('http://a.example/x.png' 1x)" ` + snippetAttrs + `></i>`,
		`<svg><script href="https://evil.example/x.js"></script></svg><i ` + snippetAttrs + `></i>`,
		`<table><i ` + snippetAttrs + `></i></table>`,
		"",
	} {
		f.Add(seed)
	}
	const contactID, widgetKey = "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f", "5f3c9a1e7b2d48c6a0e9f1b3d5c7e9a2"
	f.Fuzz(func(t *testing.T, tmpl string) {
		if checkSnippetHTML(tmpl) == nil { // the markup rule alone, which far more inputs pass
			if harm := snippetHarm(t, tmpl); harm != "" {
				t.Fatalf("accepted markup %q builds a page where %s", tmpl, harm)
			}
		}
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
		if harm := snippetHarm(t, filled); harm != "" {
			t.Fatalf("accepted template %q builds a page where %s", tmpl, harm)
		}
	})
}

// snippetHarm reads a snippet with the HTML parser a browser follows (tree building,
// <svg> included) inside a page's body, and names the first thing in it that would run
// script other than the widget's: an event handler, inline script, script from elsewhere.
func snippetHarm(t *testing.T, snippet string) string {
	nodes, err := html.ParseFragment(strings.NewReader(snippet), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		t.Fatalf("the HTML parser refuses %q: %v", snippet, err)
	}
	var harm func(n *html.Node) string
	harm = func(n *html.Node) string {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					return "<" + n.Data + "> has the event handler " + a.Key
				}
				if n.Data == "script" && (a.Key == "src" || a.Key == "href") {
					if u, ok := httpsURL(a.Val); !ok || !fromWidgetOrigin(u) {
						return "<script> loads " + a.Val
					}
				}
			}
			if n.Data == "script" && n.FirstChild != nil && strings.TrimSpace(n.FirstChild.Data) != "" {
				return "<script> runs " + n.FirstChild.Data
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if h := harm(c); h != "" {
				return h
			}
		}
		return ""
	}
	for _, n := range nodes {
		if h := harm(n); h != "" {
			return h
		}
	}
	return ""
}
