-- Team mode. replica_state holds what a replica of the team server's data knows of it
-- (the change feed's cursor, the server it follows); replica_changes lists, inside a
-- transaction of the server's working copy, the rows it changed, for the server to write
-- to PostgreSQL before it commits. Both stay empty in a single admin's cache.
CREATE TABLE IF NOT EXISTS replica_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS replica_changes (
    tbl TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (tbl, key)
) WITHOUT ROWID;

