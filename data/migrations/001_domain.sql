-- 001: the whole Nimbus domain model. Directory tables mirror Microsoft Graph and are
-- written only by the sync (or the demo generator); everything else is Nimbus's own.

-- Directory (read-only for admins; Graph field names in comments).
CREATE TABLE directory_users (
    id              TEXT PRIMARY KEY,         -- id (O365 object id)
    display_name    TEXT,                     -- displayName
    given_name      TEXT,                     -- givenName
    surname         TEXT,                     -- surname
    upn             TEXT NOT NULL,            -- userPrincipalName
    mail            TEXT,                     -- mail
    department      TEXT,                     -- department
    job_title       TEXT,                     -- jobTitle
    account_enabled INTEGER                   -- accountEnabled (NULL when unknown)
) WITHOUT ROWID;
CREATE INDEX directory_users_upn ON directory_users (upn COLLATE NOCASE);

CREATE TABLE teams (
    id           TEXT PRIMARY KEY,            -- group id
    display_name TEXT NOT NULL
) WITHOUT ROWID;

-- Members and owners of a Team; an owner need not be a member. No foreign key to
-- directory_users: Graph lists non-user members (groups, devices) too.
CREATE TABLE team_members (
    team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    role    TEXT NOT NULL CHECK (role IN ('member', 'owner')),
    PRIMARY KEY (team_id, user_id, role)
) WITHOUT ROWID;
CREATE INDEX team_members_user ON team_members (user_id);

-- Organization units: one tree whose root (parent_id NULL) is the tenant.
CREATE TABLE organization_units (
    id        INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES organization_units (id),
    name      TEXT NOT NULL CHECK (trim(name) <> '')
);
CREATE UNIQUE INDEX organization_units_single_root ON organization_units ((parent_id IS NULL)) WHERE parent_id IS NULL;
CREATE UNIQUE INDEX organization_units_sibling_name ON organization_units (parent_id, name COLLATE NOCASE);

-- Tenant settings: exactly one row.
CREATE TABLE tenant_settings (
    id                    INTEGER PRIMARY KEY CHECK (id = 1),
    tenant_id             TEXT NOT NULL,
    tenant_name           TEXT NOT NULL,
    is_demo               INTEGER NOT NULL DEFAULT 0,
    demo_users            INTEGER NOT NULL DEFAULT 0,
    interact_enabled      INTEGER NOT NULL DEFAULT 0,
    widget_key            TEXT NOT NULL DEFAULT '',
    snippet_template      TEXT NOT NULL DEFAULT '',
    default_teams_ou_id   INTEGER REFERENCES organization_units (id),
    admin_security_group  TEXT NOT NULL DEFAULT ''
);

-- Nimbus users: a subset of the directory. licences is a bit set:
-- 1 Contact Center, 2 Attendant Console, 4 Interact, 8 Assistant.
CREATE TABLE nimbus_users (
    id                 TEXT PRIMARY KEY REFERENCES directory_users (id),
    ou_id              INTEGER NOT NULL REFERENCES organization_units (id),
    origin             TEXT NOT NULL CHECK (origin IN ('teams', 'manual')),
    licences           INTEGER NOT NULL DEFAULT 0 CHECK (licences BETWEEN 0 AND 15),
    na_reasons_enabled INTEGER NOT NULL DEFAULT 0,
    added_at           TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX nimbus_users_ou ON nimbus_users (ou_id);

-- Services. The assignment type is fixed at creation (a trigger below refuses a change).
CREATE TABLE services (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL CHECK (trim(name) <> ''),
    assignment_type TEXT NOT NULL CHECK (assignment_type IN ('teams', 'skill', 'none')),
    team_id         TEXT UNIQUE,              -- the backing Team; kept after the Team is gone
    ou_id           INTEGER NOT NULL REFERENCES organization_units (id),
    CHECK ((assignment_type = 'teams') = (team_id IS NOT NULL))
);
CREATE INDEX services_ou ON services (ou_id);
CREATE TRIGGER services_assignment_type_fixed BEFORE UPDATE OF assignment_type ON services
WHEN NEW.assignment_type <> OLD.assignment_type
BEGIN
    SELECT RAISE(ABORT, 'the user assignment type of a service cannot be changed after creation');
END;

-- Who belongs to a service: member/owner for Teams-based, agent/owner for Skill-based.
CREATE TABLE service_members (
    service_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL REFERENCES nimbus_users (id) ON DELETE CASCADE,
    membership TEXT NOT NULL CHECK (membership IN ('member', 'owner', 'agent')),
    PRIMARY KEY (service_id, user_id, membership)
) WITHOUT ROWID;
CREATE INDEX service_members_user ON service_members (user_id);

-- Roles: built-in admin and portal roles (builtin_key set) and custom roles (seed 004).
CREATE TABLE roles (
    id          INTEGER PRIMARY KEY,
    builtin_key TEXT UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('admin', 'portal', 'custom')),
    name        TEXT NOT NULL CHECK (trim(name) <> ''),
    ou_id       INTEGER REFERENCES organization_units (id),
    description TEXT NOT NULL DEFAULT '',
    CHECK ((kind = 'custom') = (builtin_key IS NULL)),
    CHECK (kind <> 'custom' OR ou_id IS NOT NULL)
);
CREATE UNIQUE INDEX roles_name ON roles (name COLLATE NOCASE);

-- A custom role's permission tree: one row per item with a CRUD bit set
-- (1 Create, 2 Read, 4 Update, 8 Delete).
CREATE TABLE role_permissions (
    role_id     INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    item        TEXT NOT NULL,
    permissions INTEGER NOT NULL CHECK (permissions BETWEEN 0 AND 15),
    PRIMARY KEY (role_id, item)
) WITHOUT ROWID;

-- Role assignments with an OU scope. Auto-granted ones follow from Teams membership or
-- ownership (source_service_id) or the tenant admin security group.
CREATE TABLE role_assignments (
    id                INTEGER PRIMARY KEY,
    user_id           TEXT NOT NULL REFERENCES nimbus_users (id) ON DELETE CASCADE,
    role_id           INTEGER NOT NULL REFERENCES roles (id),
    scope_ou_id       INTEGER NOT NULL REFERENCES organization_units (id),
    auto_granted      INTEGER NOT NULL DEFAULT 0,
    source_service_id INTEGER REFERENCES services (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX role_assignments_unique ON role_assignments (user_id, role_id, scope_ou_id, ifnull(source_service_id, 0));
CREATE INDEX role_assignments_role ON role_assignments (role_id);

-- Skills and responsibilities.
CREATE TABLE skill_categories (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL CHECK (trim(name) <> ''),
    ou_id INTEGER NOT NULL REFERENCES organization_units (id)
);
CREATE TABLE skill_levels (
    id          INTEGER PRIMARY KEY,
    category_id INTEGER NOT NULL REFERENCES skill_categories (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    value       INTEGER NOT NULL,
    UNIQUE (category_id, value)
);
CREATE TABLE skills (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (trim(name) <> ''),
    category_id INTEGER NOT NULL REFERENCES skill_categories (id),
    ou_id       INTEGER NOT NULL REFERENCES organization_units (id)
);
CREATE TABLE user_skills (
    user_id  TEXT NOT NULL REFERENCES nimbus_users (id) ON DELETE CASCADE,
    skill_id INTEGER NOT NULL REFERENCES skills (id),
    level_id INTEGER REFERENCES skill_levels (id),
    PRIMARY KEY (user_id, skill_id)
) WITHOUT ROWID;
CREATE INDEX user_skills_skill ON user_skills (skill_id);

-- Responsibility profiles; builtin is 'on_duty' or 'off_duty' for the two built-ins.
CREATE TABLE responsibility_profiles (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL CHECK (trim(name) <> ''),
    ou_id   INTEGER NOT NULL REFERENCES organization_units (id),
    builtin TEXT UNIQUE CHECK (builtin IN ('on_duty', 'off_duty'))
);
CREATE TABLE profile_skills (
    profile_id INTEGER NOT NULL REFERENCES responsibility_profiles (id) ON DELETE CASCADE,
    skill_id   INTEGER NOT NULL REFERENCES skills (id),
    level_id   INTEGER REFERENCES skill_levels (id),
    PRIMARY KEY (profile_id, skill_id)
) WITHOUT ROWID;
CREATE TABLE user_profiles (
    user_id    TEXT NOT NULL REFERENCES nimbus_users (id) ON DELETE CASCADE,
    profile_id INTEGER NOT NULL REFERENCES responsibility_profiles (id),
    active     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, profile_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX user_profiles_one_active ON user_profiles (user_id) WHERE active;
CREATE INDEX user_profiles_profile ON user_profiles (profile_id);

-- Not-available reasons and each user's ordered list.
CREATE TABLE na_reasons (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL CHECK (trim(name) <> ''),
    ou_id INTEGER NOT NULL REFERENCES organization_units (id)
);
CREATE TABLE user_na_reasons (
    user_id   TEXT NOT NULL REFERENCES nimbus_users (id) ON DELETE CASCADE,
    reason_id INTEGER NOT NULL REFERENCES na_reasons (id),
    position  INTEGER NOT NULL,
    PRIMARY KEY (user_id, reason_id)
) WITHOUT ROWID;
CREATE INDEX user_na_reasons_reason ON user_na_reasons (reason_id);

-- Interact catalogues and per-user settings.
CREATE TABLE domain_templates (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL CHECK (trim(name) <> ''),
    ou_id   INTEGER NOT NULL REFERENCES organization_units (id),
    origins TEXT NOT NULL DEFAULT ''          -- allowed CORS origins, one per line
);
CREATE TABLE direct_system_messages (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (trim(name) <> ''),
    ou_id        INTEGER NOT NULL REFERENCES organization_units (id),
    display_name TEXT NOT NULL DEFAULT '',   -- how the user's name appears in chat
    welcome      TEXT NOT NULL DEFAULT ''    -- the message sent when a chat starts
);
CREATE TABLE interact_users (
    user_id                   TEXT PRIMARY KEY REFERENCES nimbus_users (id) ON DELETE CASCADE,
    contact_id                TEXT NOT NULL UNIQUE,
    active                    INTEGER NOT NULL DEFAULT 0,
    audio_video               INTEGER NOT NULL DEFAULT 0,
    instant_messaging         INTEGER NOT NULL DEFAULT 0,
    direct_system_message_id  INTEGER REFERENCES direct_system_messages (id),
    restrict_access           INTEGER NOT NULL DEFAULT 0,
    domain_template_id        INTEGER REFERENCES domain_templates (id)
) WITHOUT ROWID;

-- Assistant: direct call templates and each user's ordered list.
CREATE TABLE direct_call_templates (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (trim(name) <> ''),
    ou_id       INTEGER NOT NULL REFERENCES organization_units (id),
    description TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT ''     -- the context page opened on a direct call
);
CREATE TABLE user_call_templates (
    user_id     TEXT NOT NULL REFERENCES nimbus_users (id) ON DELETE CASCADE,
    template_id INTEGER NOT NULL REFERENCES direct_call_templates (id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (user_id, template_id)
) WITHOUT ROWID;

-- Sync state per Graph resource ('users', 'teams'): the delta link and the last completion.
CREATE TABLE sync_state (
    resource     TEXT PRIMARY KEY,
    delta_link   TEXT NOT NULL DEFAULT '',
    completed_at TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- Change journal: who, when, what, old -> new.
CREATE TABLE journal (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    target    TEXT NOT NULL DEFAULT '',
    old_value TEXT NOT NULL DEFAULT '',
    new_value TEXT NOT NULL DEFAULT ''
);

-- The built-in roles (seed 000).
INSERT INTO roles (builtin_key, kind, name, description) VALUES
    ('tenant_admin',       'admin',  'Tenant Administrator',            'Administers the whole tenant; granted through the tenant administration security group.'),
    ('ou_admin',           'admin',  'Organization Unit Administrator', 'Administers users, services and configuration within its OU scope.'),
    ('workflow_admin',     'admin',  'Workflow Administrator',          'Manages workflows, resources and opening hours within its OU scope.'),
    ('team_owner',         'portal', 'Team Owner',                      'Fully manages a Teams-based service; follows Team ownership.'),
    ('team_owner_limited', 'portal', 'Team Owner (limited)',            'Manages a Teams-based service with limited rights.'),
    ('team_member',        'portal', 'Team Member',                     'Takes part in a Teams-based service; follows Team membership.'),
    ('agent',              'portal', 'Agent',                           'Takes part in a Skill-based service (Contact Center licence).'),
    ('service_owner',      'portal', 'Service Owner',                   'Manages a Skill-based service (Contact Center licence).'),
    ('supervisor',         'portal', 'Supervisor',                      'Supervises services and sees user-state reporting (Contact Center licence).');
