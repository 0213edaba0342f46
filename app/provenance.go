package app

import (
	"context"
	"encoding/json"
	"os"
	"time"
)

// Provenance says where an export comes from, so that an auditor handed the file can
// tell whose tenant it shows, how old the cache was, when and by whom it was exported and
// what narrowed it. It is written as a side-car JSON file next to the export
// (ProvenancePath), never into it: a comment line is not CSV and breaks spreadsheets and
// CSV readers, a first record with other columns breaks sorting and filtering, and the
// JSON exports stay the arrays scripts already read.
type Provenance struct {
	TenantName string            `json:"tenantName"`
	TenantID   string            `json:"tenantId"`
	LastSync   *time.Time        `json:"lastSync"`  // null when the cache was never synced
	Freshness  Freshness         `json:"freshness"` // at the time of the export, with the default age
	ExportedAt time.Time         `json:"exportedAt"`
	ExportedBy string            `json:"exportedBy"`
	Command    string            `json:"command"` // the verb, or the window's view
	Format     string            `json:"format"`  // csv, json or table
	Filters    map[string]string `json:"filters"` // what narrowed or ordered the rows, as given; empty for none
	Rows       int               `json:"rows"`
}

// ProvenancePath is the side-car file of an export: users.csv → users.csv.provenance.json.
func ProvenancePath(export string) string { return export + ".provenance.json" }

// Provenance describes an export made now by the acting admin of rows rows, with the
// command and filters that made it.
func (a *App) Provenance(ctx context.Context, now time.Time, command, format string, filters map[string]string, rows int) (Provenance, error) {
	settings, err := a.ConfigTenantSettings(ctx)
	if err != nil {
		return Provenance{}, err
	}
	age, err := a.CacheAge(ctx, now, DefaultStaleAfter)
	if err != nil {
		return Provenance{}, err
	}
	if filters == nil {
		filters = map[string]string{}
	}
	p := Provenance{TenantName: settings.TenantName, TenantID: settings.TenantID, Freshness: age.Freshness,
		ExportedAt: now.UTC().Truncate(time.Second), ExportedBy: a.Actor(), Command: command, Format: format, Filters: filters, Rows: rows}
	if !age.LastSync.IsZero() {
		last := age.LastSync.UTC()
		p.LastSync = &last
	}
	return p, nil
}

// JSON is the side-car's content: indented, ending in a new line.
func (p Provenance) JSON() []byte {
	b, _ := json.MarshalIndent(p, "", "  ") // only strings, numbers and times: it cannot fail
	return append(b, '\n')
}

// WriteFile writes the side-car to path, readable by its owner only, as the cache is.
func (p Provenance) WriteFile(path string) error {
	return os.WriteFile(path, p.JSON(), 0o600)
}
