-- Every row of every table of the cache, compacted: one line per primary key holding its
-- latest columns (data NULL when the row was deleted) and the transaction that wrote it.
-- Key and data are the exact JSON text the server sent, so bytes come back unchanged.
CREATE TABLE rows (
    tbl  text NOT NULL,
    key  text NOT NULL,
    data text,
    xid  xid8 NOT NULL DEFAULT pg_current_xact_id(),
    PRIMARY KEY (tbl, key)
);

-- The change feed reads the rows written at or after a transaction id.
CREATE INDEX rows_xid ON rows (xid);

-- The server's own settings, such as the tenant it serves.
CREATE TABLE server_meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);
