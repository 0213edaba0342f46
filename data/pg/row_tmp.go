package pg

import "encoding/json"

// Row is one row of a table of the cache as it travels between the server, PostgreSQL and
// the replicas: its table, its primary key and its columns, or no columns when it was
// deleted. It is replaced by data.Row once that exists, with the same fields.
type Row struct {
	Table string          `json:"t"`           // table name, e.g. "nimbus_users"
	Key   json.RawMessage `json:"k"`           // the primary key's values, a JSON array, e.g. ["abc"] or [3]
	Data  json.RawMessage `json:"d,omitempty"` // the row as a JSON object column→value; nil/absent = deleted
}
