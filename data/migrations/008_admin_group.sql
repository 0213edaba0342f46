-- 008: the tenant administration security group as the last sync read it. Its members
-- are Tenant Administrators whether or not they are Nimbus users, so the sync keeps
-- their directory ids (users of nested groups included), replaced on every sync, and
-- whether a group of the name in tenant settings was found at all.
CREATE TABLE admin_group (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    name     TEXT NOT NULL,               -- the display name the sync looked for
    group_id TEXT NOT NULL DEFAULT '',    -- the group's object id; '' when not found
    found    INTEGER NOT NULL,
    read_at  TEXT NOT NULL
);
CREATE TABLE admin_group_members (
    user_id TEXT PRIMARY KEY              -- directory id; no foreign key: the group is read apart from the users
) WITHOUT ROWID;
