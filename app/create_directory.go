package app

import (
	"context"
	"errors"
	"strings"

	"nimbusadmin/data"
)

// CachedDirectoryEntries looks people up in the cache by O365 ID, so that the Create
// dialog can tell, of the people a live Graph search found, who is cached already and
// who is a Nimbus user. IDs the cache does not hold are absent from the map.
func (a *App) CachedDirectoryEntries(ctx context.Context, ids []string) (map[string]data.DirectoryEntry, error) {
	out := map[string]data.DirectoryEntry{}
	q := a.store.Read(ctx)
	for _, id := range ids {
		id = strings.ToLower(id)
		du, err := q.DirectoryUser(id)
		if errors.Is(err, data.ErrNotFound) {
			continue
		} else if err != nil {
			return nil, err
		}
		_, err = q.NimbusUser(id)
		if err != nil && !errors.Is(err, data.ErrNotFound) {
			return nil, err
		}
		out[id] = data.DirectoryEntry{DirectoryUser: du, IsNimbusUser: err == nil}
	}
	return out, nil
}
