package graph

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/microsoftgraph/msgraph-sdk-go/users"

	"nimbusadmin/data/graph/directory"
)

// maxPageSize is the largest page Graph hands out for users delta and member listings.
const maxPageSize = 999

// UserDelta runs one users delta round: from deltaLink when it is not "" (the changes
// since), or from scratch (everyone). It calls each for every page in order and returns
// the new delta link once the last page was handled. Fetching and decoding page N+1
// overlaps each(page N). Nothing is returned for a round cut short: the caller keeps
// its previous delta link.
func (c *Client) UserDelta(ctx context.Context, deltaLink string, each func(directory.UserPage) error) (string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type fetched struct {
		page directory.UserPage
		err  error
	}
	pages := make(chan fetched, 1)
	go func() {
		defer close(pages)
		link := deltaLink
		for first := true; first || link != ""; first = false {
			page, err := c.userPage(ctx, link, first)
			select {
			case pages <- fetched{page, err}:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
			link = page.NextLink
		}
	}()
	for f := range pages {
		if f.err != nil {
			return "", f.err
		}
		if err := each(f.page); err != nil {
			return "", err
		}
		if f.page.NextLink == "" {
			if f.page.DeltaLink == "" {
				return "", errors.New("the last users page from Microsoft Graph has no delta link")
			}
			return f.page.DeltaLink, nil
		}
	}
	if err := ctx.Err(); err != nil {
		return "", err
	}
	return "", errors.New("the users delta round from Microsoft Graph ended early")
}

// userPage fetches and decodes one page: the first of a round from the request builder
// (or the saved delta link), the others from the previous page's next link.
func (c *Client) userPage(ctx context.Context, link string, first bool) (directory.UserPage, error) {
	var rb *users.DeltaRequestBuilder
	var cfg *users.DeltaRequestBuilderGetRequestConfiguration
	if link == "" {
		rb = c.sdk.Users().Delta()
		cfg = &users.DeltaRequestBuilderGetRequestConfiguration{
			QueryParameters: &users.DeltaRequestBuilderGetQueryParameters{Select: directory.UserSelect}}
	} else {
		rb = users.NewDeltaRequestBuilder(link, c.adapter)
	}
	ri, err := rb.ToGetRequestInformation(ctx, cfg)
	if err != nil {
		return directory.UserPage{}, err
	}
	body, err := c.get(ctx, ri, fmt.Sprintf("odata.maxpagesize=%d", maxPageSize))
	if err != nil {
		var ge *Error
		if first && link != "" && errors.As(err, &ge) && (ge.Status == http.StatusGone ||
			ge.Code == "syncStateNotFound" || ge.Code == "resyncRequired") {
			return directory.UserPage{}, directory.ErrDeltaExpired
		}
		return directory.UserPage{}, err
	}
	return directory.DecodeUserPage(body)
}
