package app

import (
	"context"
	"strings"
	"testing"

	"nimbusadmin/data/testkit"
)

// snippetAttrs are the two placeholders in quoted attributes, as every good template has them.
const snippetAttrs = `data-contact-id="{{contactId}}" data-widget-key="{{widgetKey}}"`

// The default template of a new tenant (the demo's) passes, and so do the usual shapes of
// a widget snippet.
func TestSnippetTemplatesAWebPageCanEmbedAreAccepted(t *testing.T) {
	s, err := testkit.DemoStore(t, 16).Read(context.Background()).TenantSettings()
	if err != nil {
		t.Fatal(err)
	}
	for _, good := range []string{
		s.SnippetTemplate,
		`<script src="https://interact.nimbus.example/widget.js" ` + snippetAttrs + ` async></script>`,
		`<script data-c="{{contactId}}" data-k="{{widgetKey}}"></script>`,
		"<div class='nimbus' " + snippetAttrs + ">\n  <a href=\"https://contoso.example/contact?id={{contactId}}\">Contact us</a><br>\n" +
			`  <img src="https://cdn.contoso.example/logo.png" alt="Contoso" />` + "\n" +
			`  <script src="https://INTERACT.nimbus.example:443/widget.js?key={{widgetKey}}" defer></script>` + "\n</div>",
		`<!-- the Nimbus widget --><span ` + snippetAttrs + `>Chat with {{contactId}}</span>`,
		`<svg viewBox="0 0 1 1"><path d="M0 0"/></svg><p ` + snippetAttrs + `>a &amp; b</p>`,
		`<a href="#chat" style="color: red; background: url('https://cdn.contoso.example/x.png')" ` + snippetAttrs + `></a>`,
	} {
		if err := CheckSnippetTemplate(good); err != nil {
			t.Errorf("%s\nrefused: %v", good, err)
		}
	}
}

// Each template is refused for its own reason, on its own line, with a message that says
// what to write instead.
func TestSnippetTemplatesThatCouldHarmThePageAreRefused(t *testing.T) {
	for _, c := range []struct{ template, want string }{
		{`<script data-c="{{contactId}}"></script>`, "must contain {{widgetKey}}"},
		{`<div ` + snippetAttrs + ` data-x="{{ userName }}"></div>`, "unknown placeholder {{ userName }}"},
		{"<div " + snippetAttrs + ">\n<script src=\"http://interact.nimbus.example/widget.js\"></script></div>",
			"line 2 of the snippet template: <script> loads from http://interact.nimbus.example/widget.js; the widget's script comes from https://interact.nimbus.example"},
		{`<script src="https://evil.example/widget.js" ` + snippetAttrs + `></script>`, "<script> loads from https://evil.example/widget.js"},
		{`<script src="https://interact.nimbus.example@evil.example/w.js" ` + snippetAttrs + `></script>`, "<script> loads from https://interact.nimbus.example@evil"},
		{`<script src="//interact.nimbus.example/w.js" ` + snippetAttrs + `></script>`, "<script> loads from //interact"},
		{`<script src="https://interact.nimbus.example:8443/w.js" ` + snippetAttrs + `></script>`, "<script> loads from"},
		{`<iframe src="https://evil.example/" ` + snippetAttrs + `></iframe>`, "<iframe> loads from"},
		{`<link rel="modulepreload" href="https://evil.example/m.js"><i ` + snippetAttrs + `></i>`, "<link> loads from"},
		{`<img src="http://cdn.contoso.example/logo.png" ` + snippetAttrs + `>`, `<img src> is "http://cdn.contoso.example/logo.png"`},
		{`<img src="logo.png" ` + snippetAttrs + `>`, `<img src> is "logo.png"`},
		{`<img srcset="https://a.example/1.png 1x, http://a.example/2.png 2x" ` + snippetAttrs + `>`, `"http://a.example/2.png"`},
		{"<div " + snippetAttrs + "></div>\n<script>alert(1)</script>", "line 2 of the snippet template: <script> holds inline script"},
		{`<div ` + snippetAttrs + ` onclick="go()"></div>`, "<div onclick> is an event handler"},
		{`<img ` + snippetAttrs + ` src="https://a.example/x.png" OnError="go()">`, "<img onerror> is an event handler"},
		{`<a href="javascript:go()" ` + snippetAttrs + `>x</a>`, "<a href> holds a javascript: URL"},
		{`<a href=" JaVa&#x09;ScRipt:go()" ` + snippetAttrs + `>x</a>`, "<a href> holds a javascript: URL"},
		{`<form action="data:text/html,x" ` + snippetAttrs + `></form>`, "<form action> holds a data: URL"},
		{`<div ` + snippetAttrs + `>`, "line 1 of the snippet template: <div> is never closed: add </div>"},
		{"<div " + snippetAttrs + "><span>\n</div></span>", "line 2 of the snippet template: </div> comes before </span>, which closes the <span> of line 1"},
		{`<div ` + snippetAttrs + `></div></p>`, "</p> closes nothing"},
		{`<div ` + snippetAttrs + `/>`, "<div/> does not close in HTML"},
		{`<script src="https://interact.nimbus.example/w.js" ` + snippetAttrs, "is not finished"},
		{`<div data-contact-id="{{contactId}} data-widget-key="{{widgetKey}}"></div>`, "needs a blank before it"},
		{`<div data-contact-id="{{contactId}}" data-widget-key="{{widgetKey}}" a"b="x"></div>`, "is not an attribute name"},
		{`<div data-a=x ` + snippetAttrs + `></div>`, `the value of <div data-a> is not in quotes: write data-a="…"`},
		{`<div data-contact-id={{contactId}} data-widget-key="{{widgetKey}}"></div>`, "a placeholder in <div> stands outside a quoted attribute value"},
		{`<div {{contactId}} data-widget-key="{{widgetKey}}"></div>`, "a placeholder in <div> stands outside"},
		{`<div{{contactId}} data-widget-key="{{widgetKey}}"></div>`, "a placeholder inside a tag name"},
		{`<{{contactId}} data-widget-key="{{widgetKey}}"></div>`, "a '<' that starts no tag"},
		{`<!-- {{contactId}} --><i data-widget-key="{{widgetKey}}"></i>`, "a placeholder inside a comment"},
		{`<!-- unclosed <i ` + snippetAttrs + `></i>`, "is neither a tag nor a closed <!-- comment -->"},
		{`<i ` + snippetAttrs + `></i> a < b`, "a '<' that starts no tag"},
		{`<style>.x{background:url(http://a.example/x.png)}</style><i ` + snippetAttrs + `></i>`, `loads "http://a.example/x.png"`},
		{`<i style="width: expression(go())" ` + snippetAttrs + `></i>`, `holds "expression("`},
		{`<svg><style><img src=x onerror=go()></style></svg><i ` + snippetAttrs + `></i>`, "<style> holds markup"},
		{`<base href="https://evil.example/"><i ` + snippetAttrs + `></i>`, "<base> changes the whole page"},
		{`<i ` + snippetAttrs + ` data-a="1"data-b="2"></i>`, "needs a blank before it"},
		{`<i ` + snippetAttrs + ` data-a="1" data-a="2"></i>`, "data-a is given twice"},
		{`<!DOCTYPE html><i ` + snippetAttrs + `></i>`, "belongs to a whole page"},
		{`<iframe srcdoc="&lt;script&gt;go()&lt;/script&gt;" ` + snippetAttrs + `></iframe>`, "<iframe srcdoc> is a page of its own"},
		{`<svg><set attributeName="onclick" to="go()"/></svg><i ` + snippetAttrs + `></i>`, "<set> can rewrite any attribute"},
		{`<object data="https://interact.nimbus.example/w.swf" ` + snippetAttrs + `></object>`, "<object> runs a plug-in"},
		{`<style>@import "http://a.example/x.css";</style><i ` + snippetAttrs + `></i>`, `holds "@import"`},
		{`<i style="background: image-set('http://a.example/x.png' 1x)" ` + snippetAttrs + `></i>`, `loads "http://a.example/x.png' 1x)"`},
	} {
		err := CheckSnippetTemplate(c.template)
		if !IsRule(err, "snippet.template") || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s\ngot  %v\nwant a one-line snippet.template refusal with %q", c.template, err, c.want)
		}
	}
}

// A message quotes at most 60 characters of what the admin wrote, and shows control
// characters instead of printing them.
func TestSnippetTemplateRefusalsQuoteLittle(t *testing.T) {
	long := "https://evil.example/" + strings.Repeat("a", 5000) + "\x1b[2J"
	err := CheckSnippetTemplate(`<script src="` + long + `" ` + snippetAttrs + `></script>`)
	if err == nil || len(err.Error()) > 250 || strings.Contains(err.Error(), "\x1b") {
		t.Errorf("refusal of a long address: %v", err)
	}
}
