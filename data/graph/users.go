package graph

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"

	"nimbusadmin/data/graph/directory"
)

// maxPageSize is the largest page Graph hands out for users delta and member listings.
const maxPageSize = 999

// UserDelta runs one users delta round: from deltaLink when it is not "" (the changes
// since), or from scratch (everyone). It calls each for every page in order and returns
// the new delta link once the last page was handled. Fetch, decode and each run as a
// pipeline of three goroutines, a page or two apart: the next link is scanned from the raw
// page (and checked against the decoded one), so the chain of fetches never waits for a
// decode, and decoding overlaps storing. Nothing is returned for a round cut short: the
// caller keeps its previous delta link.
func (c *Client) UserDelta(ctx context.Context, deltaLink string, each func(directory.UserPage) error) (string, error) {
	ctx, cancel := context.WithCancel(ctx)
	var stages sync.WaitGroup
	defer stages.Wait() // after cancel (deferred below, so run first): no stage outlives the round
	defer cancel()
	type fetched struct {
		body []byte
		next string // the next link as scanned before decoding; "" on the last page
		err  error
	}
	bodies := make(chan fetched, 1)
	stages.Add(2)
	go func() {
		defer stages.Done()
		defer close(bodies)
		link := deltaLink
		for first := true; first || link != ""; first = false {
			body, err := c.userPage(ctx, link, first)
			next := ""
			if err == nil {
				next, err = directory.ScanNextLink(body)
			}
			select {
			case bodies <- fetched{body, next, err}:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
			link = next
		}
	}()
	// Decoding runs in a stage of its own, so that it overlaps both the next fetch and
	// the store of the previous page.
	type decoded struct {
		page directory.UserPage
		err  error
	}
	pages := make(chan decoded, 1)
	go func() {
		defer stages.Done()
		defer close(pages)
		for f := range bodies {
			d := decoded{err: f.err}
			if d.err == nil {
				d.page, d.err = directory.DecodeUserPage(f.body)
			}
			if d.err == nil && d.page.NextLink != f.next {
				d.err = errors.New("a users page from Microsoft Graph has a next link the scan misread")
			}
			select {
			case pages <- d:
			case <-ctx.Done():
				return
			}
			if d.err != nil {
				return
			}
		}
	}()
	for d := range pages {
		if d.err != nil {
			return "", d.err
		}
		if err := each(d.page); err != nil {
			return "", err
		}
		if d.page.NextLink == "" {
			if d.page.DeltaLink == "" {
				return "", errors.New("the last users page from Microsoft Graph has no delta link")
			}
			return d.page.DeltaLink, nil
		}
	}
	if err := ctx.Err(); err != nil {
		return "", err
	}
	return "", errors.New("the users delta round from Microsoft Graph ended early")
}

// userPage fetches the raw body of one page: the first of a round from the users delta
// URL template (or the saved delta link), the others from the previous page's next link.
func (c *Client) userPage(ctx context.Context, link string, first bool) ([]byte, error) {
	ri := linkRequest(usersDeltaURL, link)
	if link == "" {
		ri = c.request(usersDeltaURL, "", query{Select: directory.UserSelect})
	}
	body, err := c.get(ctx, ri, fmt.Sprintf("odata.maxpagesize=%d", maxPageSize))
	if err != nil {
		var ge *Error
		if first && link != "" && errors.As(err, &ge) && (ge.Status == http.StatusGone ||
			ge.Code == "syncStateNotFound" || ge.Code == "resyncRequired") {
			return nil, directory.ErrDeltaExpired
		}
		return nil, err
	}
	return body, nil
}
