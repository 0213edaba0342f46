-- Sync history: every sync (a run) and, per person, what it changed in the cached
-- directory (joined or left it, renamed, UPN, department or job title changed, account
-- disabled or enabled, joined or left a Team) and what that did in Nimbus (joined, left,
-- kept, role granted or removed). Only what changed is kept; the first sync of an empty
-- cache records the run alone (everyone would have "joined").
CREATE TABLE sync_runs (
    id          INTEGER PRIMARY KEY,             -- the sync's number
    started_at  TEXT    NOT NULL,
    finished_at TEXT    NOT NULL DEFAULT '',     -- '' while it runs, or when it stopped
    full        INTEGER NOT NULL,                -- 1 for a full round, 0 for a delta
    actor       TEXT    NOT NULL DEFAULT '',     -- who asked for it ('' for a schedule)
    users       INTEGER NOT NULL DEFAULT 0,      -- users the round brought
    baseline    INTEGER NOT NULL DEFAULT 0       -- 1: the cache held nobody before it
);
CREATE TABLE sync_changes (
    id      INTEGER PRIMARY KEY,
    sync    INTEGER NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
    user_id TEXT    NOT NULL,
    upn     TEXT    NOT NULL,
    kind    TEXT    NOT NULL,
    old     TEXT    NOT NULL DEFAULT '',
    new     TEXT    NOT NULL DEFAULT '',
    detail  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX sync_changes_sync ON sync_changes (sync, kind);
CREATE INDEX sync_changes_user ON sync_changes (user_id);
