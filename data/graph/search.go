package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/microsoftgraph/msgraph-sdk-go/users"

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
	qp := &users.UsersRequestBuilderGetQueryParameters{Select: directory.UserSelect, Top: &n}
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
	ri, err := c.sdk.Users().ToGetRequestInformation(ctx, &users.UsersRequestBuilderGetRequestConfiguration{QueryParameters: qp})
	if err != nil {
		return nil, err
	}
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

// decodeSearch reads a users listing with encoding/json (not the SDK's generic parse).
func decodeSearch(body []byte) ([]data.DirectoryUser, error) {
	var raw struct {
		Value *[]struct {
			ID                string  `json:"id"`
			DisplayName       *string `json:"displayName"`
			GivenName         *string `json:"givenName"`
			Surname           *string `json:"surname"`
			UserPrincipalName *string `json:"userPrincipalName"`
			Mail              *string `json:"mail"`
			Department        *string `json:"department"`
			JobTitle          *string `json:"jobTitle"`
			AccountEnabled    *bool   `json:"accountEnabled"`
		} `json:"value"`
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		return nil, fmt.Errorf("a users search answer from Microsoft Graph is not valid: %w", err)
	}
	if raw.Value == nil {
		return nil, fmt.Errorf("a users search answer from Microsoft Graph has no value")
	}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	out := make([]data.DirectoryUser, 0, len(*raw.Value))
	for _, u := range *raw.Value {
		if u.ID == "" || str(u.UserPrincipalName) == "" {
			continue // cannot be cached: the cache keys on the id and requires a UPN
		}
		out = append(out, data.DirectoryUser{ID: u.ID, DisplayName: str(u.DisplayName), GivenName: str(u.GivenName),
			Surname: str(u.Surname), UPN: str(u.UserPrincipalName), Mail: str(u.Mail), Department: str(u.Department),
			JobTitle: str(u.JobTitle), AccountEnabled: u.AccountEnabled})
	}
	return out, nil
}
