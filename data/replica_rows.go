package data

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Row is one row of one table of the cache as team mode carries it between the server's
// PostgreSQL store and the desktops' replicas: the same row always has the same Key bytes,
// and a row without Data has been deleted.
type Row struct {
	Table string          `json:"t"`           // e.g. "nimbus_users"
	Key   json.RawMessage `json:"k"`           // the primary key's values, a JSON array: ["abc"], [3]
	Data  json.RawMessage `json:"d,omitempty"` // column → value, a JSON object; nil when deleted
}

// Deleted reports whether the row is the mark of a deleted row.
func (r Row) Deleted() bool { return len(r.Data) == 0 || string(r.Data) == "null" }

// table is what replication needs to know of one table: its columns and primary key, and
// the statements built from them.
type table struct {
	name    string
	cols    []string
	pk      []string
	rank    int    // parents before children: a row is written after what it refers to
	keyExpr string // SQL giving a row's Key from NEW or OLD, e.g. json_array(NEW.id)
	upsert  string // one parameter: the row's Data
	remove  string // one parameter: the row's Key
	read    string // one parameter: the row's Key; gives the Data
	all     string // every row's Key and Data
}

// notReplicated are the tables of this cache alone: its schema history and the
// replication bookkeeping.
var notReplicated = map[string]bool{"schema_migrations": true, "replica_changes": true, "replica_state": true}

// replicatedTables reads the schema: every table but SQLite's own and notReplicated,
// ordered so that a table comes after the tables it refers to.
func replicatedTables(q *Q) ([]*table, error) {
	names, err := q.idList(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	// Reading the columns and keys costs milliseconds, and every cache of one schema has
	// the same: they are read once per set of tables.
	schema := strings.Join(names, ",")
	if cached, ok := tablesOfSchema.Load(schema); ok {
		return cached.([]*table), nil
	}
	tables, err := readTables(q, names)
	if err == nil {
		tablesOfSchema.Store(schema, tables)
	}
	return tables, err
}

// tablesOfSchema caches replicatedTables by the names of a cache's tables.
var tablesOfSchema sync.Map

// readTables reads the columns, keys and foreign keys of the named tables.
func readTables(q *Q, names []string) ([]*table, error) {
	byName := map[string]*table{}
	var tables []*table
	for _, n := range names {
		if notReplicated[n] {
			continue
		}
		t := &table{name: n}
		rows, err := q.db.QueryContext(q.ctx, `SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`, n)
		if err != nil {
			return nil, err
		}
		pks := map[int]string{}
		for rows.Next() {
			var col string
			var pk int
			if err := rows.Scan(&col, &pk); err != nil {
				rows.Close()
				return nil, err
			}
			t.cols = append(t.cols, col)
			if pk > 0 {
				pks[pk] = col
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		for i := 1; i <= len(pks); i++ {
			t.pk = append(t.pk, pks[i])
		}
		if len(t.pk) == 0 {
			return nil, fmt.Errorf("table %s has no primary key, so it cannot be replicated", n)
		}
		t.build()
		byName[n] = t
		tables = append(tables, t)
	}
	if err := rankTables(q, tables, byName); err != nil {
		return nil, err
	}
	sort.SliceStable(tables, func(i, j int) bool { return tables[i].rank < tables[j].rank })
	return tables, nil
}

// build writes the statements of a table from its columns.
func (t *table) build() {
	quoted := func(cols []string, f func(c string) string) string {
		parts := make([]string, len(cols))
		for i, c := range cols {
			parts[i] = f(c)
		}
		return strings.Join(parts, ", ")
	}
	match := make([]string, len(t.pk))
	for i, c := range t.pk {
		match[i] = fmt.Sprintf(`"%s" = json_extract(?1, '$[%d]')`, c, i)
	}
	where := strings.Join(match, " AND ")
	obj := quoted(t.cols, func(c string) string { return fmt.Sprintf(`'%s', "%s"`, c, c) })
	t.keyExpr = "json_array(" + quoted(t.pk, func(c string) string { return `%[1]s."` + c + `"` }) + ")"
	t.read = fmt.Sprintf(`SELECT json_object(%s) FROM "%s" WHERE %s`, obj, t.name, where)
	t.all = fmt.Sprintf(`SELECT json_array(%s), json_object(%s) FROM "%s"`,
		quoted(t.pk, func(c string) string { return `"` + c + `"` }), obj, t.name)
	t.remove = fmt.Sprintf(`DELETE FROM "%s" WHERE %s`, t.name, where)
	var sets []string
	for _, c := range t.cols {
		if !contains(t.pk, c) {
			sets = append(sets, fmt.Sprintf(`"%s" = excluded."%s"`, c, c))
		}
	}
	conflict := "DO NOTHING"
	if len(sets) > 0 {
		conflict = "DO UPDATE SET " + strings.Join(sets, ", ")
	}
	t.upsert = fmt.Sprintf(`INSERT INTO "%s" (%s) SELECT %s ON CONFLICT (%s) %s`, t.name,
		quoted(t.cols, func(c string) string { return `"` + c + `"` }),
		quoted(t.cols, func(c string) string { return fmt.Sprintf(`json_extract(?1, '$."%s"')`, c) }),
		quoted(t.pk, func(c string) string { return `"` + c + `"` }), conflict)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// rankTables orders tables by their foreign keys: a table ranks after every table it
// refers to.
func rankTables(q *Q, tables []*table, byName map[string]*table) error {
	refs := map[string][]string{}
	for _, t := range tables {
		parents, err := q.idList(`SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)`, t.name)
		if err != nil {
			return err
		}
		refs[t.name] = parents
	}
	var depth func(name string, seen map[string]bool) int
	depth = func(name string, seen map[string]bool) int {
		if seen[name] {
			return 0 // a table referring to itself (the OU tree)
		}
		seen[name] = true
		d := 0
		for _, p := range refs[name] {
			if p != name && byName[p] != nil {
				d = max(d, depth(p, seen)+1)
			}
		}
		delete(seen, name)
		return d
	}
	for _, t := range tables {
		t.rank = depth(t.name, map[string]bool{})
	}
	return nil
}
