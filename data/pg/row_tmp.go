package pg

import "nimbusadmin/data"

// Row is one row of a table of the cache as it travels between the server, PostgreSQL and
// the replicas: its table, its primary key and its columns, or no columns when it was
// deleted.
type Row = data.Row
