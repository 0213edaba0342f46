-- The History view and `journal` filter the journal by the user an entry is about, by the
-- admin who made it, by kind and by date, newest first, over hundreds of thousands of
-- entries. user_upn names the user an entry is about (empty for a change of a service's
-- settings, an OU or a configuration item): the target of a user's change, the member in
-- a change of a service's members. Older entries get it from the same rule.
ALTER TABLE journal ADD COLUMN user_upn TEXT NOT NULL DEFAULT '';

UPDATE journal SET user_upn = target
WHERE action LIKE 'user.%' OR action LIKE 'sync.user.%' OR action LIKE 'sync.admin.%';

UPDATE journal SET user_upn = CASE WHEN old_value <> '' THEN old_value ELSE new_value END
WHERE action LIKE 'service.member.%' OR action LIKE 'sync.member.%' OR action = 'service.owner-role';
UPDATE journal SET user_upn = substr(user_upn, 1, instr(user_upn, ' ') - 1)
WHERE instr(user_upn, ' ') > 0
  AND (action LIKE 'service.member.%' OR action LIKE 'sync.member.%' OR action = 'service.owner-role');

CREATE INDEX IF NOT EXISTS journal_user ON journal (user_upn COLLATE NOCASE, id);
CREATE INDEX IF NOT EXISTS journal_actor ON journal (actor COLLATE NOCASE, id);
CREATE INDEX IF NOT EXISTS journal_action ON journal (action, id);
CREATE INDEX IF NOT EXISTS journal_at ON journal (at);
