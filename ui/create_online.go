package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// DirectorySearcher is an Online that can also search Microsoft Graph itself; the Create
// dialog then offers people who joined the directory since the last sync.
type DirectorySearcher interface {
	SearchDirectory(ctx context.Context, text string) ([]data.DirectoryUser, error)
}

// createLiveTimeout bounds one live search, so a stalled network cannot hold the note.
const createLiveTimeout = 30 * time.Second

// createLiveMark follows a person whom only the live search found.
const createLiveMark = " — from Microsoft Graph, not yet synced"

// liveSearcher is the window's live directory search, or nil when it has none.
func (c *createDialog) liveSearcher() DirectorySearcher {
	s, _ := c.m.online.(DirectorySearcher)
	return s
}

// line is a person's row in the results, marked when they are not in the cache yet.
func (c *createDialog) line(e data.DirectoryEntry) string {
	if c.live[e.ID] {
		return directoryLine(e) + createLiveMark
	}
	return directoryLine(e)
}

// searchLive runs, on the background goroutine, after the cached search of the same
// generation: it asks Graph, learns which of the people found are cached or already
// Nimbus users, and hands the results to the UI goroutine to merge.
func (c *createDialog) searchLive(gen int64, text string) {
	s := c.liveSearcher()
	if s == nil || strings.TrimSpace(text) == "" || gen != c.generation.Load() {
		return
	}
	fyne.Do(func() {
		if gen == c.generation.Load() {
			c.showNote("Searching Microsoft Graph…")
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), createLiveTimeout)
	defer cancel()
	found, err := s.SearchDirectory(ctx, text)
	var cached map[string]data.DirectoryEntry
	if err == nil && gen == c.generation.Load() {
		ids := make([]string, len(found))
		for i, du := range found {
			ids[i] = du.ID
		}
		cached, err = c.m.nimbus.CachedDirectoryEntries(ctx, ids)
	}
	fyne.Do(func() {
		if gen != c.generation.Load() {
			return // the admin typed on
		}
		if err != nil {
			c.showNote(widgets.Failed("Microsoft Graph could not be searched", err, "the list shows who the cache holds; type again to retry"))
			return
		}
		c.mergeLive(found, cached)
	})
}

// mergeLive adds the people Graph found to the cached results: once each, never a Nimbus
// user, a cached person as the cache knows them, anyone else marked as not yet synced.
func (c *createDialog) mergeLive(found []data.DirectoryUser, cached map[string]data.DirectoryEntry) {
	listed := make(map[string]bool, len(c.found))
	for _, e := range c.found {
		listed[strings.ToLower(e.ID)] = true
	}
	added := 0
	for _, du := range found {
		id := strings.ToLower(du.ID)
		e, known := cached[id]
		if listed[id] || e.IsNimbusUser || len(c.found) >= createLimit {
			continue
		}
		listed[id] = true
		if !known {
			du.ID = id
			e = data.DirectoryEntry{DirectoryUser: du}
			c.live[id] = true
		}
		c.found = append(c.found, e)
		added++
	}
	if added > 0 {
		c.results.Refresh()
	}
	fromGraph := len(c.live)
	switch {
	case len(c.found) == 0:
		c.foundNote.SetText("Nobody in the directory or in Microsoft Graph matches who is not already a Nimbus user.")
	case fromGraph > 0:
		c.foundNote.SetText(fmt.Sprintf("%d matches, %d of them only in Microsoft Graph (not yet synced).", len(c.found), fromGraph))
	default:
		c.showNote("Microsoft Graph found nobody else.")
	}
}

// showNote appends a word on the live search to the cached search's note.
func (c *createDialog) showNote(live string) {
	c.foundNote.SetText(strings.TrimSpace(c.cachedNote + " " + live))
}

// addChosen adds the chosen person: one only Graph knows through AddUserFromDirectory,
// which caches them first; anyone else through AddUser.
func (c *createDialog) addChosen(who data.DirectoryEntry, ou int64, lic data.LicenceSet) error {
	if c.live[who.ID] {
		_, err := c.m.nimbus.Do(context.Background(), app.AddUserFromDirectory{Person: who.DirectoryUser, OU: ou, Licences: lic})
		return err
	}
	_, err := c.m.nimbus.Do(context.Background(), app.AddUser{User: who.ID, OU: ou, Licences: lic})
	return err
}
