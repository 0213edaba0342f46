package app

import (
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"nimbusadmin/app/safetext"
)

// widgetScriptOrigin is where the Interact widget's script is served from, the only place
// a snippet may load script from: a web page that embeds a user's snippet runs that
// script with the page's own rights.
const widgetScriptOrigin = "https://interact.nimbus.example"

var configSnippetPlaceholder = regexp.MustCompile(`\{\{\s*([^{}]*?)\s*\}\}`)

// snippetPlaceholders are the only placeholders a snippet template may hold; both are
// filled in with letters, digits and dashes.
var snippetPlaceholders = []string{"{{contactId}}", "{{widgetKey}}"}

// CheckSnippetTemplate is the snippet template rule: it must contain {{contactId}} and
// {{widgetKey}} (or no snippet could reach a user) and no other placeholder, and it must
// be HTML a web page can embed safely (see checkSnippetHTML), with the placeholders only
// where the values filled in cannot change what the markup means.
func CheckSnippetTemplate(tmpl string) error {
	if strings.TrimSpace(tmpl) == "" {
		return refuse("snippet.template", "the snippet template is empty: it must contain {{contactId}} and {{widgetKey}}")
	}
	for _, m := range configSnippetPlaceholder.FindAllStringSubmatch(tmpl, -1) {
		if m[0] != "{{contactId}}" && m[0] != "{{widgetKey}}" {
			return refuse("snippet.template", "the snippet template has the unknown placeholder %s: only {{contactId}} and {{widgetKey}} are filled in", snippetQuote(m[0]))
		}
	}
	for _, p := range snippetPlaceholders {
		if !strings.Contains(tmpl, p) {
			return refuse("snippet.template", "the snippet template must contain %s, or the widget cannot find the user", p)
		}
	}
	return checkSnippetHTML(tmpl)
}

// snippetOpen is an element whose end tag is still to come.
type snippetOpen struct {
	name string
	line int
}

// voidElements never have an end tag.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// rawTextElements hold text up to their end tag that the HTML tokenizer does not read as
// markup; inside <svg> a browser does, so none of them may contain '<'.
var rawTextElements = map[string]bool{"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true}

// checkSnippetHTML is the markup rule for a snippet (a template or a filled-in snippet):
// well-formed HTML (every tag closed in order, attribute values in quotes, no stray '<'),
// script only from the widget's own origin and never inline, no event-handler attributes,
// every address https, no javascript: URL, and placeholders only in quoted attribute
// values and in text outside script and style.
func checkSnippetHTML(text string) error {
	src := newSnippetSource(text)
	z := html.NewTokenizer(strings.NewReader(text))
	var open []snippetOpen
	foreign := 0 // how many of the open elements are <svg> or <math>
	off := 0
	for {
		tt := z.Next()
		raw := string(z.Raw())
		at := off
		off += len(raw)
		line := src.line(at)
		var err error
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF || raw != "" {
				return snippetRefuse(line, "%s is not finished: every tag ends with '>' and every quote is closed", snippetQuote(raw))
			}
			if len(open) > 0 {
				o := open[len(open)-1]
				return snippetRefuse(o.line, "<%s> is never closed: add </%s>", o.name, o.name)
			}
			return nil
		case html.TextToken:
			err = checkSnippetText(src, at, raw, open)
		case html.CommentToken:
			err = checkSnippetComment(line, raw)
		case html.DoctypeToken:
			err = snippetRefuse(line, "%s belongs to a whole page, not to a snippet inside one", snippetQuote(raw))
		case html.EndTagToken:
			if open, err = closeSnippetTag(line, raw, open); err == nil {
				foreign -= foreignElement(raw[len("</"):])
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			var t snippetTag
			if t, err = checkSnippetTag(line, raw, z, foreign > 0); err == nil && !t.void {
				open = append(open, snippetOpen{t.name, line})
				foreign += foreignElement(t.name)
			}
		}
		if err != nil {
			return err
		}
	}
}

// checkSnippetText refuses inline script, markup the tokenizer took for text ('<' that
// starts no tag, or anything that is markup inside <svg>), and placeholders in a script
// or style body.
func checkSnippetText(src snippetSource, at int, raw string, open []snippetOpen) error {
	if len(open) > 0 && rawTextElements[open[len(open)-1].name] {
		name := open[len(open)-1].name
		line := src.line(at + len(raw) - len(strings.TrimLeft(raw, " \t\r\n\f")))
		switch {
		case name == "script" && strings.TrimSpace(raw) != "":
			return snippetRefuse(line, "<script> holds inline script: a snippet may only load the widget's script from %s", widgetScriptOrigin)
		case strings.Contains(raw, "<"):
			return snippetRefuse(src.line(at+strings.Index(raw, "<")), "<%s> holds markup: its text may not contain '<' (write &lt;)", name)
		case name == "style":
			if err := checkSnippetCSS(line, "<style>", raw); err != nil {
				return err
			}
		}
		if (name == "script" || name == "style") && strings.Contains(raw, "{{") {
			return snippetRefuse(line, "a placeholder inside <%s> could change what it does: put it in a quoted attribute", name)
		}
		return nil
	}
	if i := strings.Index(raw, "<"); i >= 0 {
		return snippetRefuse(src.line(at+i), "%s: a '<' that starts no tag; write &lt; for the character", snippetQuote(raw[i:]))
	}
	return nil
}

// checkSnippetComment refuses what the tokenizer reads as a comment but is not one
// (<!x>, <?x>, </ x>, an unclosed <!--), and placeholders in comments.
func checkSnippetComment(line int, raw string) error {
	if !strings.HasPrefix(raw, "<!--") || !strings.HasSuffix(raw, "-->") || len(raw) < len("<!---->") {
		return snippetRefuse(line, "%s is neither a tag nor a closed <!-- comment -->", snippetQuote(raw))
	}
	if strings.Contains(raw, "{{") {
		return snippetRefuse(line, "a placeholder inside a comment is never filled in where anything reads it: move it out of <!-- -->")
	}
	return nil
}

// closeSnippetTag takes an end tag off the open elements; it must close the innermost.
func closeSnippetTag(line int, raw string, open []snippetOpen) ([]snippetOpen, error) {
	name := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(raw, "</"), ">"))
	if !snippetTagName.MatchString(name) {
		return open, snippetRefuse(line, "%s is not an end tag: write </name>", snippetQuote(raw))
	}
	name = strings.ToLower(name)
	if len(open) == 0 {
		return open, snippetRefuse(line, "</%s> closes nothing: no <%s> is open", name, name)
	}
	if top := open[len(open)-1]; top.name != name {
		return open, snippetRefuse(line, "</%s> comes before </%s>, which closes the <%s> of line %d", name, top.name, top.name, top.line)
	}
	return open[:len(open)-1], nil
}

// snippetRefuse is a refusal of the snippet template that says on which line it is wrong.
func snippetRefuse(line int, format string, args ...any) error {
	return refuse("snippet.template", "line %d of the snippet template: "+format, append([]any{line}, args...)...)
}

// snippetSource is the text checked, with where its lines start.
type snippetSource struct {
	newlines []int // the byte offset of each '\n'
}

func newSnippetSource(text string) snippetSource {
	var s snippetSource
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			s.newlines = append(s.newlines, i)
		}
	}
	return s
}

// line is the line (from 1) on which byte at stands.
func (s snippetSource) line(at int) int { return 1 + sort.SearchInts(s.newlines, at) }

// foreignElement is 1 for <svg> and <math>, inside which a browser reads markup as XML
// (a tag may close itself), 0 for any other name.
func foreignElement(name string) int {
	switch strings.ToLower(strings.TrimSpace(strings.TrimSuffix(name, ">"))) {
	case "svg", "math":
		return 1
	}
	return 0
}

// snippetQuote shows a piece of the template in a message: at most 60 characters, with
// control characters and direction overrides made visible.
func snippetQuote(s string) string {
	const most = 60
	if utf8.RuneCountInString(s) > most {
		s = string([]rune(s)[:most]) + "…"
	}
	return safetext.Terminal(s)
}
