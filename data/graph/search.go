package graph

import (
	"context"
	"regexp"
	"strings"

	"nimbusadmin/data"
	"nimbusadmin/data/graph/directory"
)

// maxSearchTop is the largest $top Graph accepts on a users listing.
const maxSearchTop = 999

// searchGUID recognises an O365 object ID, which is looked up by id rather than searched.
var searchGUID = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// SearchUsers finds at most top directory users live in Graph, so that the Create dialog
// can offer people the cache does not hold yet: an O365 ID is looked up with
// $filter=id eq '…', "@domain" with endswith(userPrincipalName,'@domain'), anything else
// with $search on displayName, userPrincipalName and mail. The advanced queries carry
// ConsistencyLevel: eventual and $count=true, as Graph requires. Blank text finds nobody.
func (c *Client) SearchUsers(ctx context.Context, text string, top int) ([]data.DirectoryUser, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, nil
	}
	if top <= 0 || top > maxSearchTop {
		top = maxSearchTop
	}
	n := int32(top)
	qp := query{Select: directory.UserSelect, Top: &n}
	eventual := true
	switch {
	case searchGUID.MatchString(text):
		f := "id eq '" + strings.ToLower(text) + "'"
		qp.Filter, eventual = &f, false
	case strings.HasPrefix(text, "@") && !strings.ContainsAny(text, " \t"):
		f := "endswith(userPrincipalName,'" + strings.ReplaceAll(text, "'", "''") + "')"
		qp.Filter = &f
	default:
		s := SearchClauses(text)
		qp.Search = &s
	}
	if eventual {
		count := true
		qp.Count = &count
	}
	ri := c.request(usersURL, "", qp)
	if eventual {
		ri.Headers.Add("ConsistencyLevel", "eventual")
	}
	body, err := c.get(ctx, ri, "")
	if err != nil {
		return nil, err
	}
	return decodeSearch(body)
}

// SearchClauses is the $search value for text: the same words looked for in the display
// name, the UPN and the mail, as quoted clauses joined by OR. Double quotes and
// backslashes in the text are dropped, since they would end a clause.
func SearchClauses(text string) string {
	text = strings.Join(strings.Fields(strings.NewReplacer(`"`, " ", `\`, " ").Replace(text)), " ")
	var clauses []string
	for _, prop := range []string{"displayName", "userPrincipalName", "mail"} {
		clauses = append(clauses, `"`+prop+":"+text+`"`)
	}
	return strings.Join(clauses, " OR ")
}

// decodeSearch reads a users listing with the same standard-library decoder as the
// delta pages (not the SDK's generic parse) and keeps the people the cache can hold.
func decodeSearch(body []byte) ([]data.DirectoryUser, error) {
	page, err := directory.DecodeUserPage(body)
	if err != nil {
		return nil, err
	}
	out := make([]data.DirectoryUser, 0, len(page.Users))
	for _, u := range page.Users {
		if du := u.DirectoryUser(); du.UPN != "" { // the cache keys on the id and requires a UPN
			out = append(out, du)
		}
	}
	return out, nil
}
