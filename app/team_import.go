package app

import (
	"context"
	"errors"
	"fmt"

	"nimbusadmin/data"
)

// ExportRows gives every row of the cache, for `server import`.
func (a *App) ExportRows(ctx context.Context, fn func(data.Row) error) error {
	return a.store.Read(ctx).ExportRows(fn)
}

// Import loads a single admin's cache into a team server that holds no tenant yet, in
// one transaction: afterwards the server holds exactly those rows. Only a Tenant
// Administrator of the imported tenant may do it, and only once.
func (a *App) Import(ctx context.Context, rows []data.Row) (int, error) {
	err := a.store.Tx(ctx, func(q *data.Q) error {
		settings, err := q.TenantSettings()
		switch {
		case err == nil:
			return refuse("server.not_empty", "this server already holds the tenant %q: import only into a new server, before anyone works on it", settings.TenantName)
		case !errors.Is(err, data.ErrNotFound):
			return err
		}
		if err := q.ReplaceAll(rows); err != nil {
			return err
		}
		if _, err := q.TenantSettings(); err != nil {
			return refuse("server.import_empty", "the cache sent holds no tenant: sync it before you import it")
		}
		rights, err := rightsOf(q, a.Actor())
		if err != nil {
			return err
		}
		if rights.FirstUse {
			// Alone, the first admin of a tenant nobody administers yet acts as its Tenant
			// Administrator; on a server that would make every admin of the tenant one.
			return refuse("server.import_no_admin", "the cache names no Tenant Administrator (no role holder, no member of the tenant administration security group): give yourself the Tenant Administrator role in it, then import it")
		}
		if rights.Level != TenantAdministrator {
			return refuse("admin.tenant_only", "only a Tenant Administrator of the imported tenant may import it; %s is not one there", a.Actor())
		}
		return a.journal(q, []data.JournalEntry{entry("server.import", "the whole tenant", "", fmt.Sprintf("%d rows", len(rows)))})
	})
	return len(rows), err
}
