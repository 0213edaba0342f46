package simtenant

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// defaultPageSize is what a page holds when the client asks for no size, as in Graph.
const defaultPageSize = 100

// graph answers one Graph request (already authorized) with its body and status.
func (s *Server) graph(r *http.Request) ([]byte, int) {
	if r.Method != http.MethodGet {
		return errorBody("Request_BadRequest", "the simulated tenant only reads"), http.StatusMethodNotAllowed
	}
	path := strings.TrimPrefix(r.URL.Path, "/v1.0")
	q := r.URL.Query()
	base := "https://" + r.Host + "/v1.0"
	switch {
	case path == "/users/delta" || path == "/users/delta()" || path == "/users/microsoft.graph.delta()":
		return s.usersDelta(base, q, pageSize(r, s.opts.MaxPageSize))
	case path == "/users":
		return s.users(base, r)
	case path == "/groups":
		return s.groups(base, q, s.opts.MaxPageSize)
	case strings.HasPrefix(path, "/groups/"):
		id, rel, _ := strings.Cut(strings.TrimPrefix(path, "/groups/"), "/")
		switch rel {
		case "members", "owners":
			return s.groupLinks(base+path, id, rel, q, s.opts.MaxPageSize)
		case "transitiveMembers":
			return s.transitiveMembers(r, base+path, id, false, q, s.opts.MaxPageSize)
		case "transitiveMembers/graph.user", "transitiveMembers/microsoft.graph.user":
			return s.transitiveMembers(r, base+path, id, true, q, s.opts.MaxPageSize)
		}
	}
	return errorBody("Request_ResourceNotFound", "the simulated tenant does not serve "+path), http.StatusNotFound
}

// pageSize reads Prefer: odata.maxpagesize=N, capped at the tenant's largest page.
func pageSize(r *http.Request, largest int) int {
	for _, pref := range strings.Split(r.Header.Get("Prefer"), ",") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(pref), "odata.maxpagesize="); ok {
			if n, err := strconv.Atoi(v); err == nil && n > 0 {
				return min(n, largest)
			}
		}
	}
	return min(defaultPageSize, largest)
}

// usersDelta serves one page of a users delta round. A round starts without a token (the
// whole directory) or with a $deltatoken (the changes since it); its pages are chained
// by $skiptoken, which carries the round's start, its snapshot, the position and the
// selected properties, as Graph's opaque tokens do.
func (s *Server) usersDelta(base string, q url.Values, size int) ([]byte, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var since, snap uint64
	var pos, mask int
	switch {
	case q.Get("$skiptoken") != "":
		var ok bool
		if since, snap, pos, size, mask, ok = decodeSkip(q.Get("$skiptoken")); !ok {
			return errorBody("Request_BadRequest", "the $skiptoken is not valid"), http.StatusBadRequest
		}
	case q.Get("$deltatoken") != "":
		var ok bool
		if since, mask, ok = decodeDelta(q.Get("$deltatoken")); !ok {
			return errorBody("Request_BadRequest", "the $deltatoken is not valid"), http.StatusBadRequest
		}
		if since < s.expired {
			return errorBody("syncStateNotFound", "The sync state for this delta token is no longer available; start a new round."), http.StatusGone
		}
		snap = s.dir.version
		s.stats.IncrementalRounds++
	default:
		snap, mask = s.dir.version, selectMask(q.Get("$select"))
		s.stats.FullRounds++
	}
	s.stats.DeltaPages++
	b := make([]byte, 0, 64+size*320)
	b = append(b, `{"@odata.context":`...)
	b = appendString(b, base+"/$metadata#users")
	b = append(b, `,"value":[`...)
	n := 0
	for ; pos < len(s.dir.users) && n < size; pos++ {
		if n > 0 {
			b = append(b, ',')
		}
		var ok bool
		if b, ok = s.dir.users[pos].appendDelta(b, since, snap, mask); ok {
			n++
		} else if n > 0 {
			b = b[:len(b)-1]
		}
	}
	b = append(b, ']', ',')
	if pos < len(s.dir.users) {
		b = append(b, `"@odata.nextLink":`...)
		b = appendString(b, base+"/users/delta()?$skiptoken="+encodeToken(since, snap, uint64(pos), uint64(size), uint64(mask)))
	} else {
		b = append(b, `"@odata.deltaLink":`...)
		b = appendString(b, base+"/users/delta()?$deltatoken="+encodeToken(snap, uint64(mask)))
	}
	return append(b, '}'), http.StatusOK
}

// selectMask turns $select into a property mask; every property when absent.
func selectMask(sel string) int {
	if sel == "" {
		return allFields
	}
	mask := 0
	for _, name := range strings.Split(sel, ",") {
		if i := fieldIndex(strings.TrimSpace(name)); i >= 0 {
			mask |= 1 << i
		}
	}
	return mask
}

func encodeToken(parts ...uint64) string {
	var sb strings.Builder
	for i, p := range parts {
		if i > 0 {
			sb.WriteByte('.')
		}
		sb.WriteString(strconv.FormatUint(p, 10))
	}
	return base64.RawURLEncoding.EncodeToString([]byte(sb.String()))
}

func decodeToken(tok string, n int) ([]uint64, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil {
		return nil, false
	}
	parts := strings.Split(string(raw), ".")
	if len(parts) != n {
		return nil, false
	}
	out := make([]uint64, n)
	for i, p := range parts {
		if out[i], err = strconv.ParseUint(p, 10, 64); err != nil {
			return nil, false
		}
	}
	return out, true
}

func decodeSkip(tok string) (since, snap uint64, pos, size, mask int, ok bool) {
	v, ok := decodeToken(tok, 5)
	if !ok || v[3] == 0 {
		return 0, 0, 0, 0, 0, false
	}
	return v[0], v[1], int(v[2]), int(v[3]), int(v[4]), true
}

func decodeDelta(tok string) (since uint64, mask int, ok bool) {
	v, ok := decodeToken(tok, 2)
	if !ok {
		return 0, 0, false
	}
	return v[0], int(v[1]), true
}

// groups lists groups: only Teams when $filter asks for resourceProvisioningOptions
// containing 'Team', only those of one name when it asks for displayName eq '…'; paged
// by $top and $skiptoken.
func (s *Server) groups(base string, q url.Values, largest int) ([]byte, int) {
	match, ok := groupFilter(q.Get("$filter"))
	if !ok {
		return errorBody("Request_UnsupportedQuery", "the simulated tenant does not support the filter "+q.Get("$filter")), http.StatusBadRequest
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var list []*simTeam
	for _, t := range s.teams {
		if match(t) {
			list = append(list, t)
		}
	}
	b := []byte(`{"@odata.context":`)
	b = appendString(b, base+"/$metadata#groups")
	b = append(b, `,"value":[`...)
	start, end, next := window(q, len(list), largest)
	for i, t := range list[start:end] {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = appendString(b, t.id)
		b = append(b, `,"displayName":`...)
		b = appendString(b, t.name)
		b = append(b, `,"resourceProvisioningOptions":[`...)
		if t.team {
			b = append(b, `"Team"`...)
		}
		b = append(b, `]}`...)
	}
	b = append(b, ']')
	if next != "" {
		b = append(b, `,"@odata.nextLink":`...)
		b = appendString(b, base+"/groups?"+next)
	}
	return append(b, '}'), http.StatusOK
}

// groupLinks lists a group's members or owners as directory objects, paged: the users,
// then the nested groups among the members.
func (s *Server) groupLinks(self, id, rel string, q url.Values, largest int) ([]byte, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.group(id)
	if t == nil {
		return errorBody("Request_ResourceNotFound", fmt.Sprintf("Resource '%s' does not exist or one of its queried reference-property objects are not present.", id)), http.StatusNotFound
	}
	s.stats.TeamListings++
	ids, users := t.members, len(t.members)
	if rel == "owners" {
		ids, users = t.owners, len(t.owners)
	} else if len(t.groups) > 0 {
		ids = append(slices.Clone(t.members), t.groups...)
	}
	b := []byte(`{"@odata.context":`)
	b = appendString(b, strings.SplitN(self, "/groups/", 2)[0]+"/$metadata#directoryObjects")
	b = append(b, `,"value":[`...)
	start, end, next := window(q, len(ids), largest)
	for i := start; i < end; i++ {
		if i > start {
			b = append(b, ',')
		}
		b = appendLink(b, ids[i], i >= users)
	}
	b = append(b, ']')
	if next != "" {
		b = append(b, `,"@odata.nextLink":`...)
		b = appendString(b, self+"?"+next)
	}
	return append(b, '}'), http.StatusOK
}

// window picks the page of a list that $top and $skiptoken name, and the query of the
// next page ("" on the last).
func window(q url.Values, n, largest int) (start, end int, next string) {
	size := defaultPageSize
	if t, err := strconv.Atoi(q.Get("$top")); err == nil && t > 0 {
		size = t
	}
	size = min(size, largest)
	if v, ok := decodeToken(q.Get("$skiptoken"), 1); ok {
		start = min(int(v[0]), n)
	}
	end = min(start+size, n)
	if end < n {
		nq := url.Values{}
		for k, v := range q {
			nq[k] = v
		}
		nq.Set("$top", strconv.Itoa(size))
		nq.Set("$skiptoken", encodeToken(uint64(end)))
		next = nq.Encode()
	}
	return start, end, next
}

func errorBody(code, message string) []byte {
	b := []byte(`{"error":{"code":`)
	b = appendString(b, code)
	b = append(b, `,"message":`...)
	b = appendString(b, message)
	return append(b, `}}`...)
}
