package graph

import (
	"context"

	abs "github.com/microsoft/kiota-abstractions-go"

	"nimbusadmin/data/graph/directory"
)

// The URL templates of the requests the app makes, spelled exactly as msgraph-sdk-go's
// request builders spell them (users.DeltaRequestBuilder, users.UsersRequestBuilder,
// groups.GroupsRequestBuilder, groups.ItemMembersRequestBuilder and its owners and
// transitive members siblings). The client fills them in itself, with the SDK's kiota
// request adapter, rather than through the builders: importing the builders' packages
// compiles and links every Graph model, which would make the program several times larger
// and its first build minutes longer, for five GET requests.
const (
	usersDeltaURL             = "{+baseurl}/users/delta(){?%24count,%24expand,%24filter,%24orderby,%24search,%24select,%24skip,%24top}"
	usersURL                  = "{+baseurl}/users{?%24count,%24expand,%24filter,%24orderby,%24search,%24select,%24top}"
	groupsURL                 = "{+baseurl}/groups{?%24count,%24expand,%24filter,%24orderby,%24search,%24select,%24skip,%24top}"
	groupMembersURL           = "{+baseurl}/groups/{group%2Did}/members{?%24count,%24expand,%24filter,%24orderby,%24search,%24select,%24skip,%24top}"
	groupOwnersURL            = "{+baseurl}/groups/{group%2Did}/owners{?%24count,%24expand,%24filter,%24orderby,%24search,%24select,%24skip,%24top}"
	groupTransitiveMembersURL = "{+baseurl}/groups/{group%2Did}/transitiveMembers{?%24count,%24expand,%24filter,%24orderby,%24search,%24select,%24skip,%24top}"
)

// query holds the OData query options a request may carry, named as the URL templates
// name them; options left nil are not sent.
type query struct {
	Count  *bool    `uriparametername:"%24count"`
	Filter *string  `uriparametername:"%24filter"`
	Search *string  `uriparametername:"%24search"`
	Select []string `uriparametername:"%24select"`
	Top    *int32   `uriparametername:"%24top"`
}

// request is the GET of one URL template on the client's Graph endpoint, for the group
// groupID when the template names one, with the query options q.
func (c *Client) request(template, groupID string, q query) *abs.RequestInformation {
	params := map[string]string{"baseurl": c.base}
	if groupID != "" {
		params["group%2Did"] = groupID
	}
	ri := abs.NewRequestInformationWithMethodAndUrlTemplateAndPathParameters(abs.GET, template, params)
	ri.AddQueryParameters(q)
	ri.Headers.TryAdd("Accept", "application/json")
	return ri
}

// linkRequest is the GET of a next or delta link exactly as Graph handed it out; template
// is the request the link continues (the link replaces it whole).
func linkRequest(template, link string) *abs.RequestInformation {
	ri := abs.NewRequestInformationWithMethodAndUrlTemplateAndPathParameters(abs.GET, template, map[string]string{"request-raw-url": link})
	ri.Headers.TryAdd("Accept", "application/json")
	return ri
}

// listAll reads a whole listing: the GET of template (for groupID, with q) and every
// page its next links lead to, handing each entry to keep in order. what names the
// listing in errors.
func listAll[T any](ctx context.Context, c *Client, template, groupID string, q query, what string, keep func(T)) error {
	for ri := c.request(template, groupID, q); ri != nil; {
		body, err := c.get(ctx, ri, "")
		if err != nil {
			return err
		}
		p, err := directory.DecodePage[T](body, what)
		if err != nil {
			return err
		}
		for _, v := range p.Value {
			keep(v)
		}
		ri = nil
		if p.NextLink != "" {
			ri = linkRequest(template, p.NextLink)
		}
	}
	return nil
}

// sdkVersion is the version of msgraph-sdk-go in go.mod, which Graph's telemetry header
// names as the SDK's request builders would (a test keeps the two equal).
const sdkVersion = "1.89.0"
