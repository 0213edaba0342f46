package directory

import (
	"bytes"
	"encoding/json"
	"errors"
)

var nextLinkKey = []byte(`"@odata.nextLink"`)

// ScanNextLink finds a page's top-level @odata.nextLink without decoding the page, so
// that the next page can be fetched while this one is decoded. It returns "" when the
// page has none. A key inside a string value cannot match: there its quotes are escaped
// and so follow a backslash, while a top-level key follows '{' or ','. The caller checks
// the result against the full decode.
func ScanNextLink(body []byte) (string, error) {
	for end := len(body); ; {
		i := bytes.LastIndex(body[:end], nextLinkKey)
		if i < 0 {
			return "", nil
		}
		end = i
		j := i - 1
		for j >= 0 && isSpace(body[j]) {
			j--
		}
		if j < 0 || (body[j] != ',' && body[j] != '{') {
			continue
		}
		rest := bytes.TrimLeft(body[i+len(nextLinkKey):], " \t\r\n")
		if len(rest) == 0 || rest[0] != ':' {
			continue
		}
		rest = bytes.TrimLeft(rest[1:], " \t\r\n")
		k := 1
		for k < len(rest) && rest[k] != '"' {
			if rest[k] == '\\' {
				k++
			}
			k++
		}
		if len(rest) == 0 || rest[0] != '"' || k >= len(rest) {
			return "", errors.New("a users page from Microsoft Graph has a malformed next link")
		}
		var link string
		if err := json.Unmarshal(rest[:k+1], &link); err != nil {
			return "", errors.New("a users page from Microsoft Graph has a malformed next link")
		}
		return link, nil
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
