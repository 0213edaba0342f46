package app

import (
	"errors"
	"fmt"
	"strings"
)

// lexSnippetTag reads a start tag as written, more strictly than a browser: a plain tag
// name, attributes separated by blanks with plain names, each at most once, and a value
// either in quotes or (refused later, with the attribute's name) without. It keeps where
// each value stands, so that placeholders can be checked to be inside quotes.
func lexSnippetTag(raw string) (snippetTag, error) {
	var t snippetTag
	end := len(raw) - len(">")
	i := len("<")
	for i < end && !htmlSpace(raw[i]) && raw[i] != '/' {
		i++
	}
	name := raw[1:i]
	if strings.Contains(name, "{{") {
		return t, errors.New("a placeholder inside a tag name would make the value the tag")
	}
	if !snippetTagName.MatchString(name) {
		return t, fmt.Errorf("<%s> is not a tag name (letters, digits and dashes)", snippetQuote(name))
	}
	t.name = strings.ToLower(name)
	t.void = voidElements[t.name]
	seen := map[string]bool{}
	for {
		j := i
		for j < end && htmlSpace(raw[j]) {
			j++
		}
		if j == end || (j == end-1 && raw[j] == '/') {
			return t, nil
		}
		if j == i {
			return t, fmt.Errorf("%s needs a blank before it", snippetQuote(raw[j:end]))
		}
		k := j
		for k < end && !htmlSpace(raw[k]) && raw[k] != '=' && raw[k] != '/' {
			k++
		}
		a := snippetAttr{name: strings.ToLower(raw[j:k])}
		if strings.Contains(a.name, "{{") {
			return t, fmt.Errorf("a placeholder in <%s> stands outside a quoted attribute value, where its value could change the tag: write name=\"%s\"", t.name, placeholderAt(raw, j+strings.Index(raw[j:k], "{{")))
		}
		if !snippetAttrName.MatchString(a.name) {
			return t, fmt.Errorf("%s is not an attribute name", snippetQuote(raw[j:max(k, j+1)]))
		}
		if seen[a.name] {
			return t, fmt.Errorf("%s is given twice", a.name)
		}
		seen[a.name] = true
		i = k
		for k < end && htmlSpace(raw[k]) {
			k++
		}
		if k < end && raw[k] == '=' {
			k++
			for k < end && htmlSpace(raw[k]) {
				k++
			}
			a.hasValue = true
			if k < end && (raw[k] == '"' || raw[k] == '\'') {
				q := strings.IndexByte(raw[k+1:end], raw[k])
				if q < 0 {
					return t, fmt.Errorf("the quote of %s is never closed", a.name)
				}
				a.quoted, a.start, a.end = true, k+1, k+1+q
				i = a.end + 1
			} else {
				for i = k; i < end && !htmlSpace(raw[i]); i++ {
				}
				a.start, a.end = k, i
			}
		}
		t.attrs = append(t.attrs, a)
	}
}

// htmlSpace is a blank between attributes, as HTML counts them.
func htmlSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
