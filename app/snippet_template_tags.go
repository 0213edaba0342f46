package app

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

var (
	snippetTagName  = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]*$`)
	snippetAttrName = regexp.MustCompile(`^[A-Za-z_:][A-Za-z0-9_:.-]*$`)
)

// snippetTag is a start tag as written: its name and attributes with where each value
// stands in the raw tag and whether it is in quotes.
type snippetTag struct {
	name  string
	void  bool // no end tag follows
	attrs []snippetAttr
}

// snippetAttr is one attribute; start and end delimit its value inside the quotes.
type snippetAttr struct {
	name, value string // the name in lower case, the value as the browser reads it
	quoted      bool
	hasValue    bool
	start, end  int
}

// Attributes whose value is an address the browser loads or follows.
var snippetURLAttrs = map[string]bool{"src": true, "href": true, "action": true, "formaction": true, "data": true,
	"poster": true, "background": true, "cite": true, "xlink:href": true, "codebase": true, "manifest": true,
	"ping": true, "longdesc": true, "srcset": true, "imagesrcset": true}

// Elements a snippet may not hold, with the reason.
var snippetRefusedElements = map[string]string{
	"base": "changes the whole page a snippet is pasted into", "meta": "changes the whole page a snippet is pasted into",
	"object": "runs a plug-in", "embed": "runs a plug-in", "applet": "runs a plug-in", "param": "configures a plug-in",
	"frame": "replaces the page", "frameset": "replaces the page", "portal": "loads another page into this one",
	"set": "can rewrite any attribute, event handlers included", "animate": "can rewrite any attribute, event handlers included",
	"animatemotion": "can rewrite any attribute", "animatetransform": "can rewrite any attribute",
}

// Elements that run code from where their address points.
var snippetCodeElements = map[string]bool{"script": true, "iframe": true, "frame": true, "object": true, "embed": true, "applet": true}

// checkSnippetTag checks one start tag: a plain tag name, attribute values in quotes,
// placeholders only inside them, no event handler, safe addresses.
func checkSnippetTag(line int, raw string, z *html.Tokenizer, inForeign bool) (snippetTag, error) {
	t, err := lexSnippetTag(raw)
	if err != nil {
		return t, snippetRefuse(line, "%s: %v", snippetQuote(raw), err)
	}
	for i := strings.Index(raw, "{{"); i >= 0; i = nextIndex(raw, "{{", i) {
		if !t.inQuotedValue(raw, i) {
			return t, snippetRefuse(line, "a placeholder in <%s> stands outside a quoted attribute value, where its value could change the tag: write name=\"%s\"", t.name, snippetQuote(placeholderAt(raw, i)))
		}
	}
	// The tokenizer's reading must be the one checked here: the same attributes in order.
	var read []string
	for _, more := z.TagName(); more; {
		var key, val []byte
		key, val, more = z.TagAttr()
		read = append(read, string(key), string(val))
	}
	if len(read) != 2*len(t.attrs) {
		return t, snippetRefuse(line, "the attributes of <%s> cannot be read the same way by every browser", t.name)
	}
	for i := range t.attrs {
		if read[2*i] != t.attrs[i].name {
			return t, snippetRefuse(line, "the attributes of <%s> cannot be read the same way by every browser", t.name)
		}
		t.attrs[i].value = read[2*i+1]
	}
	if strings.HasSuffix(raw, "/>") && !t.void && !inForeign {
		return t, snippetRefuse(line, "<%s/> does not close in HTML, so the rest of the page would end up inside it: write <%s …></%s>", t.name, t.name, t.name)
	}
	t.void = t.void || strings.HasSuffix(raw, "/>")
	if why, ok := snippetRefusedElements[t.name]; ok {
		return t, snippetRefuse(line, "<%s> %s; a snippet cannot hold it", t.name, why)
	}
	for _, a := range t.attrs {
		if err := t.checkAttr(line, a); err != nil {
			return t, err
		}
	}
	return t, nil
}

// checkAttr checks one attribute of t.
func (t snippetTag) checkAttr(line int, a snippetAttr) error {
	where := "<" + t.name + " " + a.name + ">"
	switch {
	case a.name == "srcdoc":
		return snippetRefuse(line, "%s is a page of its own that can run any script: load the page from https:// with src instead", where)
	case strings.HasPrefix(a.name, "on"):
		return snippetRefuse(line, "%s is an event handler, which runs script inline: a snippet may only load the widget's script from %s", where, widgetScriptOrigin)
	case a.hasValue && !a.quoted:
		return snippetRefuse(line, "the value of %s is not in quotes: write %s=\"…\"", where, a.name)
	case scriptScheme(a.value) != "":
		return snippetRefuse(line, "%s holds a %s URL, which runs script: use an https:// address", where, scriptScheme(a.value))
	case a.name == "style":
		return checkSnippetCSS(line, where, a.value)
	case !snippetURLAttrs[a.name]:
		return nil
	}
	for _, addr := range snippetAddresses(a.name, a.value) {
		u, ok := httpsURL(addr)
		if t.loadsCode(a.name) && !(ok && fromWidgetOrigin(u)) {
			return snippetRefuse(line, "<%s> loads from %s; the widget's script comes from %s", t.name, snippetQuote(addr), widgetScriptOrigin)
		}
		if !ok && !(a.name == "href" && strings.HasPrefix(addr, "#")) {
			return snippetRefuse(line, "%s is %q: every address in a snippet starts with https://", where, snippetQuote(addr))
		}
	}
	return nil
}

// loadsCode says whether the address in attribute name of t is code the page would run.
func (t snippetTag) loadsCode(name string) bool {
	if snippetCodeElements[t.name] {
		return name == "src" || name == "href" || name == "xlink:href" || name == "data" || name == "codebase"
	}
	if t.name != "link" || name != "href" {
		return false
	}
	for _, a := range t.attrs {
		v := strings.ToLower(a.value)
		if (a.name == "rel" && (strings.Contains(v, "modulepreload") || strings.Contains(v, "import"))) ||
			(a.name == "as" && (strings.Contains(v, "script") || strings.Contains(v, "worker"))) {
			return true
		}
	}
	return false
}

// snippetAddresses splits the value of attribute name into the addresses it holds: a
// srcset names one per candidate, ping several separated by spaces.
func snippetAddresses(name, value string) []string {
	value = strings.TrimSpace(value)
	switch name {
	case "srcset", "imagesrcset":
		var out []string
		for _, c := range strings.Split(value, ",") {
			if f := strings.Fields(c); len(f) > 0 {
				out = append(out, f[0])
			}
		}
		return out
	case "ping":
		return strings.Fields(value)
	}
	return []string{value}
}

// httpsURL reads an absolute https address with a host and no user name in it.
func httpsURL(addr string) (*url.URL, bool) {
	u, err := url.Parse(addr)
	if err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil || !strings.HasPrefix(addr, "https://") {
		return nil, false
	}
	return u, true
}

// fromWidgetOrigin says whether u is on the widget's own script host (on the https port).
func fromWidgetOrigin(u *url.URL) bool {
	return strings.EqualFold(u.Hostname(), strings.TrimPrefix(widgetScriptOrigin, "https://")) && (u.Port() == "" || u.Port() == "443")
}

// scriptScheme is "javascript:" (or "vbscript:", "data:") when a browser would read the
// value as such a URL: it ignores surrounding blanks and controls, and tabs and line
// breaks anywhere.
func scriptScheme(v string) string {
	v = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, strings.TrimFunc(v, func(r rune) bool { return r <= ' ' }))
	v = strings.ToLower(v)
	for _, s := range []string{"javascript:", "vbscript:", "data:"} {
		if strings.HasPrefix(v, s) {
			return s
		}
	}
	return ""
}

// checkSnippetCSS refuses style that loads from anywhere but https, imports more style,
// or runs script; a backslash could hide any of these behind an escape.
func checkSnippetCSS(line int, where, css string) error {
	lower := strings.ToLower(css)
	for _, bad := range []string{"expression(", "javascript:", "behavior:", "-moz-binding", "\\", "@import"} {
		if strings.Contains(lower, bad) {
			return snippetRefuse(line, "the style of %s holds %q, which can run script or hide what it loads", where, bad)
		}
	}
	for rest := lower; ; {
		i := strings.Index(rest, "url(")
		if i < 0 {
			break
		}
		rest = rest[i+len("url("):]
		addr := strings.Trim(strings.TrimSpace(rest[:max(0, strings.IndexByte(rest, ')'))]), `"'`)
		if _, ok := httpsURL(addr); !ok {
			return snippetRefuse(line, "the style of %s loads %q: every address in a snippet starts with https://", where, snippetQuote(addr))
		}
	}
	if i := strings.Index(lower, "http:"); i >= 0 {
		return snippetRefuse(line, "the style of %s loads %q: every address in a snippet starts with https://", where, snippetQuote(lower[i:min(len(lower), i+40)]))
	}
	return nil
}

// inQuotedValue says whether the placeholder at byte i of the raw tag lies wholly inside
// a quoted attribute value.
func (t snippetTag) inQuotedValue(raw string, i int) bool {
	n := len(placeholderAt(raw, i))
	for _, a := range t.attrs {
		if a.quoted && a.start <= i && i+n <= a.end {
			return true
		}
	}
	return false
}

// placeholderAt is the placeholder that starts at byte i of s, or "{{" when none does.
func placeholderAt(s string, i int) string {
	for _, p := range snippetPlaceholders {
		if strings.HasPrefix(s[i:], p) {
			return p
		}
	}
	return "{{"
}

// nextIndex is the byte offset of the next sub in s after the one at after, or -1.
func nextIndex(s, sub string, after int) int {
	if j := strings.Index(s[after+1:], sub); j >= 0 {
		return after + 1 + j
	}
	return -1
}
