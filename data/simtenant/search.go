package simtenant

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// maxUsersTop is the largest $top Graph accepts on a users listing.
const maxUsersTop = 999

// searchIDFilter and searchEndsWith are the two $filter shapes the tenant understands on
// /users: an id lookup, and a UPN or mail suffix (an advanced query).
var (
	searchIDFilter = regexp.MustCompile(`^id eq '([^']*)'$`)
	searchEndsWith = regexp.MustCompile(`^endswith\((userPrincipalName|mail),'((?:[^']|'')*)'\)$`)
)

// searchMatch reports whether a user answers a users query.
type searchMatch func(u *simUser) bool

// users answers GET /users as Graph does for the queries the Create dialog sends:
// $search of quoted "property:words" clauses joined by OR, $filter=id eq '…', and
// $filter=endswith(userPrincipalName,'…'). $search and endswith are advanced queries:
// without the ConsistencyLevel: eventual header (and, for endswith, $count=true) they
// are refused with 400. At most $top users are answered (100 unless asked), with
// @odata.count when $count=true; no next link is given.
func (s *Server) users(base string, r *http.Request) ([]byte, int) {
	q := r.URL.Query()
	eventual := strings.EqualFold(r.Header.Get("ConsistencyLevel"), "eventual")
	count := q.Get("$count") == "true"
	match := searchMatch(func(*simUser) bool { return true })
	if search := q.Get("$search"); search != "" {
		if !eventual {
			return errorBody("Request_UnsupportedQuery", "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'"), http.StatusBadRequest
		}
		m, msg := parseSearch(search)
		if m == nil {
			return errorBody("Request_UnsupportedQuery", msg), http.StatusBadRequest
		}
		match = m
	}
	if filter := q.Get("$filter"); filter != "" {
		if q.Get("$search") != "" {
			return errorBody("Request_UnsupportedQuery", "the simulated tenant does not combine $search and $filter"), http.StatusBadRequest
		}
		if m := searchIDFilter.FindStringSubmatch(filter); m != nil {
			id := strings.ToLower(m[1])
			match = func(u *simUser) bool { return u.id == id }
		} else if m := searchEndsWith.FindStringSubmatch(filter); m != nil {
			if !eventual || !count {
				return errorBody("Request_UnsupportedQuery", "Operator 'endsWith' is not supported because the required parameters might be missing. Try adding $count with a value of true and set the 'ConsistencyLevel' header to 'eventual'."), http.StatusBadRequest
			}
			field, suffix := fieldIndex(m[1]), strings.ToLower(strings.ReplaceAll(m[2], "''", "'"))
			match = func(u *simUser) bool {
				v, _ := u.vals[field].(string)
				return strings.HasSuffix(strings.ToLower(v), suffix)
			}
		} else {
			return errorBody("Request_UnsupportedQuery", "Unsupported or invalid query filter clause specified: "+filter), http.StatusBadRequest
		}
	}
	top := defaultPageSize
	if v := q.Get("$top"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxUsersTop {
			return errorBody("Request_BadRequest", "Invalid page size specified: '"+v+"'. Must be between 1 and 999 inclusive."), http.StatusBadRequest
		}
		top = n
	}
	mask := selectMask(q.Get("$select"))
	s.mu.Lock()
	defer s.mu.Unlock()
	var hits []*simUser
	for _, u := range s.dir.users {
		if u.removed == 0 && match(u) {
			hits = append(hits, u)
		}
	}
	b := []byte(`{"@odata.context":`)
	b = appendString(b, base+"/$metadata#users")
	if count {
		b = append(b, `,"@odata.count":`...)
		b = strconv.AppendInt(b, int64(len(hits)), 10)
	}
	b = append(b, `,"value":[`...)
	for i, u := range hits[:min(top, len(hits))] {
		if i > 0 {
			b = append(b, ',')
		}
		b, _ = u.appendDelta(b, 0, s.dir.version, mask)
	}
	return append(b, `]}`...), http.StatusOK
}

// parseSearch reads a $search value: quoted "property:words" clauses joined by OR. A
// clause matches when every one of its words starts a word of the property (Graph's
// tokenized prefix search). It returns nil and why when the value is not understood.
func parseSearch(search string) (searchMatch, string) {
	var clauses []searchMatch
	rest := strings.TrimSpace(search)
	for {
		if !strings.HasPrefix(rest, `"`) {
			return nil, "Syntax error: the $search clause must be quoted: " + search
		}
		end := strings.Index(rest[1:], `"`)
		if end < 0 {
			return nil, "Syntax error: unterminated quote in $search: " + search
		}
		prop, words, ok := strings.Cut(rest[1:1+end], ":")
		field := fieldIndex(prop)
		if !ok || field < 0 || field == 7 {
			return nil, "Invalid $search property '" + prop + "'"
		}
		want := searchWords(words)
		clauses = append(clauses, func(u *simUser) bool {
			v, _ := u.vals[field].(string)
			return searchPrefixes(searchWords(v), want)
		})
		rest = strings.TrimSpace(rest[end+2:])
		if rest == "" {
			break
		}
		next, ok := strings.CutPrefix(rest, "OR ")
		if !ok {
			return nil, "Syntax error: clauses of $search must be joined by OR: " + search
		}
		rest = strings.TrimSpace(next)
	}
	return func(u *simUser) bool {
		for _, c := range clauses {
			if c(u) {
				return true
			}
		}
		return false
	}, ""
}

// searchWords splits a value into lower-case words at anything not a letter or digit,
// so that "ada.lovelace@contoso.com" has the words ada, lovelace, contoso and com.
func searchWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// searchPrefixes reports whether every wanted word starts some word of have; nothing
// wanted matches nobody.
func searchPrefixes(have, want []string) bool {
	if len(want) == 0 {
		return false
	}
	for _, w := range want {
		found := false
		for _, h := range have {
			if strings.HasPrefix(h, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
