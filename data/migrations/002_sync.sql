-- 002: what the directory sync needs. sync_round numbers the sync that last saw a user,
-- so that a full round can remove, in the same transaction, everyone it did not bring.
ALTER TABLE directory_users ADD COLUMN sync_round INTEGER NOT NULL DEFAULT 0;
