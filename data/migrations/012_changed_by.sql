-- Who changed an entity last, and when: a change refused because someone changed what the
-- admin saw says who and when. The change sets 'actor' in replica_state for the length of
-- its transaction (the sync names itself); the triggers copy it with the time. A write
-- that names nobody (the demo generator) leaves both empty: unknown, not "now".
-- A replica writes the server's rows as they are, row versions included: while it does
-- (an 'applying' mark in replica_state, inside its transaction), the triggers stand
-- aside, or they would give versions the server does not have.
ALTER TABLE row_versions ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE row_versions ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';
DROP TRIGGER IF EXISTS rv_nimbus_users_user_insert;
CREATE TRIGGER rv_nimbus_users_user_insert AFTER INSERT ON nimbus_users
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_nimbus_users_user_update;
CREATE TRIGGER rv_nimbus_users_user_update AFTER UPDATE ON nimbus_users
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_nimbus_users_user_delete;
CREATE TRIGGER rv_nimbus_users_user_delete AFTER DELETE ON nimbus_users
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', OLD.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_role_assignments_user_insert;
CREATE TRIGGER rv_role_assignments_user_insert AFTER INSERT ON role_assignments
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', NEW.user_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_role_assignments_user_update;
CREATE TRIGGER rv_role_assignments_user_update AFTER UPDATE ON role_assignments
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', NEW.user_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_role_assignments_user_delete;
CREATE TRIGGER rv_role_assignments_user_delete AFTER DELETE ON role_assignments
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', OLD.user_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_user_skills_user_insert;
CREATE TRIGGER rv_user_skills_user_insert AFTER INSERT ON user_skills
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', NEW.user_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_user_skills_user_update;
CREATE TRIGGER rv_user_skills_user_update AFTER UPDATE ON user_skills
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', NEW.user_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_user_skills_user_delete;
CREATE TRIGGER rv_user_skills_user_delete AFTER DELETE ON user_skills
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', OLD.user_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_user_profiles_user_insert;
CREATE TRIGGER rv_user_profiles_user_insert AFTER INSERT ON user_profiles
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', NEW.user_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_user_profiles_user_update;
CREATE TRIGGER rv_user_profiles_user_update AFTER UPDATE ON user_profiles
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', NEW.user_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_user_profiles_user_delete;
CREATE TRIGGER rv_user_profiles_user_delete AFTER DELETE ON user_profiles
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', OLD.user_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_user_na_reasons_user_insert;
CREATE TRIGGER rv_user_na_reasons_user_insert AFTER INSERT ON user_na_reasons
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', NEW.user_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_user_na_reasons_user_update;
CREATE TRIGGER rv_user_na_reasons_user_update AFTER UPDATE ON user_na_reasons
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', NEW.user_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_user_na_reasons_user_delete;
CREATE TRIGGER rv_user_na_reasons_user_delete AFTER DELETE ON user_na_reasons
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', OLD.user_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_interact_users_user_insert;
CREATE TRIGGER rv_interact_users_user_insert AFTER INSERT ON interact_users
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', NEW.user_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_interact_users_user_update;
CREATE TRIGGER rv_interact_users_user_update AFTER UPDATE ON interact_users
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', NEW.user_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_interact_users_user_delete;
CREATE TRIGGER rv_interact_users_user_delete AFTER DELETE ON interact_users
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', OLD.user_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_user_call_templates_user_insert;
CREATE TRIGGER rv_user_call_templates_user_insert AFTER INSERT ON user_call_templates
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', NEW.user_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_user_call_templates_user_update;
CREATE TRIGGER rv_user_call_templates_user_update AFTER UPDATE ON user_call_templates
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', NEW.user_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_user_call_templates_user_delete;
CREATE TRIGGER rv_user_call_templates_user_delete AFTER DELETE ON user_call_templates
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', OLD.user_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_service_members_user_insert;
CREATE TRIGGER rv_service_members_user_insert AFTER INSERT ON service_members
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', NEW.user_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_service_members_user_update;
CREATE TRIGGER rv_service_members_user_update AFTER UPDATE ON service_members
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', NEW.user_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_service_members_user_delete;
CREATE TRIGGER rv_service_members_user_delete AFTER DELETE ON service_members
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('user', OLD.user_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_services_service_insert;
CREATE TRIGGER rv_services_service_insert AFTER INSERT ON services
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('service', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_services_service_update;
CREATE TRIGGER rv_services_service_update AFTER UPDATE ON services
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('service', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_services_service_delete;
CREATE TRIGGER rv_services_service_delete AFTER DELETE ON services
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('service', OLD.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_service_members_service_insert;
CREATE TRIGGER rv_service_members_service_insert AFTER INSERT ON service_members
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('service', NEW.service_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_service_members_service_update;
CREATE TRIGGER rv_service_members_service_update AFTER UPDATE ON service_members
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('service', NEW.service_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_service_members_service_delete;
CREATE TRIGGER rv_service_members_service_delete AFTER DELETE ON service_members
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('service', OLD.service_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_organization_units_ou_insert;
CREATE TRIGGER rv_organization_units_ou_insert AFTER INSERT ON organization_units
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('ou', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_organization_units_ou_update;
CREATE TRIGGER rv_organization_units_ou_update AFTER UPDATE ON organization_units
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('ou', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_organization_units_ou_delete;
CREATE TRIGGER rv_organization_units_ou_delete AFTER DELETE ON organization_units
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('ou', OLD.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_roles_role_insert;
CREATE TRIGGER rv_roles_role_insert AFTER INSERT ON roles
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('role', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_roles_role_update;
CREATE TRIGGER rv_roles_role_update AFTER UPDATE ON roles
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('role', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_roles_role_delete;
CREATE TRIGGER rv_roles_role_delete AFTER DELETE ON roles
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('role', OLD.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_role_permissions_role_insert;
CREATE TRIGGER rv_role_permissions_role_insert AFTER INSERT ON role_permissions
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('role', NEW.role_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_role_permissions_role_update;
CREATE TRIGGER rv_role_permissions_role_update AFTER UPDATE ON role_permissions
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('role', NEW.role_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_role_permissions_role_delete;
CREATE TRIGGER rv_role_permissions_role_delete AFTER DELETE ON role_permissions
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('role', OLD.role_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_skill_categories_skill_category_insert;
CREATE TRIGGER rv_skill_categories_skill_category_insert AFTER INSERT ON skill_categories
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('skill-category', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_skill_categories_skill_category_update;
CREATE TRIGGER rv_skill_categories_skill_category_update AFTER UPDATE ON skill_categories
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('skill-category', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_skill_categories_skill_category_delete;
CREATE TRIGGER rv_skill_categories_skill_category_delete AFTER DELETE ON skill_categories
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('skill-category', OLD.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_skill_levels_skill_category_insert;
CREATE TRIGGER rv_skill_levels_skill_category_insert AFTER INSERT ON skill_levels
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('skill-category', NEW.category_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_skill_levels_skill_category_update;
CREATE TRIGGER rv_skill_levels_skill_category_update AFTER UPDATE ON skill_levels
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('skill-category', NEW.category_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_skill_levels_skill_category_delete;
CREATE TRIGGER rv_skill_levels_skill_category_delete AFTER DELETE ON skill_levels
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('skill-category', OLD.category_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_skills_skill_insert;
CREATE TRIGGER rv_skills_skill_insert AFTER INSERT ON skills
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('skill', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_skills_skill_update;
CREATE TRIGGER rv_skills_skill_update AFTER UPDATE ON skills
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('skill', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_skills_skill_delete;
CREATE TRIGGER rv_skills_skill_delete AFTER DELETE ON skills
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('skill', OLD.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_responsibility_profiles_profile_insert;
CREATE TRIGGER rv_responsibility_profiles_profile_insert AFTER INSERT ON responsibility_profiles
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('profile', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_responsibility_profiles_profile_update;
CREATE TRIGGER rv_responsibility_profiles_profile_update AFTER UPDATE ON responsibility_profiles
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('profile', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_responsibility_profiles_profile_delete;
CREATE TRIGGER rv_responsibility_profiles_profile_delete AFTER DELETE ON responsibility_profiles
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('profile', OLD.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_profile_skills_profile_insert;
CREATE TRIGGER rv_profile_skills_profile_insert AFTER INSERT ON profile_skills
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('profile', NEW.profile_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_profile_skills_profile_update;
CREATE TRIGGER rv_profile_skills_profile_update AFTER UPDATE ON profile_skills
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('profile', NEW.profile_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_profile_skills_profile_delete;
CREATE TRIGGER rv_profile_skills_profile_delete AFTER DELETE ON profile_skills
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('profile', OLD.profile_id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_na_reasons_na_reason_insert;
CREATE TRIGGER rv_na_reasons_na_reason_insert AFTER INSERT ON na_reasons
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('na-reason', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_na_reasons_na_reason_update;
CREATE TRIGGER rv_na_reasons_na_reason_update AFTER UPDATE ON na_reasons
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('na-reason', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_na_reasons_na_reason_delete;
CREATE TRIGGER rv_na_reasons_na_reason_delete AFTER DELETE ON na_reasons
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('na-reason', OLD.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_domain_templates_domain_template_insert;
CREATE TRIGGER rv_domain_templates_domain_template_insert AFTER INSERT ON domain_templates
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('domain-template', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_domain_templates_domain_template_update;
CREATE TRIGGER rv_domain_templates_domain_template_update AFTER UPDATE ON domain_templates
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('domain-template', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_domain_templates_domain_template_delete;
CREATE TRIGGER rv_domain_templates_domain_template_delete AFTER DELETE ON domain_templates
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('domain-template', OLD.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_direct_system_messages_system_message_insert;
CREATE TRIGGER rv_direct_system_messages_system_message_insert AFTER INSERT ON direct_system_messages
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('system-message', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_direct_system_messages_system_message_update;
CREATE TRIGGER rv_direct_system_messages_system_message_update AFTER UPDATE ON direct_system_messages
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('system-message', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_direct_system_messages_system_message_delete;
CREATE TRIGGER rv_direct_system_messages_system_message_delete AFTER DELETE ON direct_system_messages
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('system-message', OLD.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_direct_call_templates_call_template_insert;
CREATE TRIGGER rv_direct_call_templates_call_template_insert AFTER INSERT ON direct_call_templates
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('call-template', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_direct_call_templates_call_template_update;
CREATE TRIGGER rv_direct_call_templates_call_template_update AFTER UPDATE ON direct_call_templates
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('call-template', NEW.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_direct_call_templates_call_template_delete;
CREATE TRIGGER rv_direct_call_templates_call_template_delete AFTER DELETE ON direct_call_templates
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('call-template', OLD.id, 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_tenant_settings_tenant_insert;
CREATE TRIGGER rv_tenant_settings_tenant_insert AFTER INSERT ON tenant_settings
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('tenant', '', 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_tenant_settings_tenant_update;
CREATE TRIGGER rv_tenant_settings_tenant_update AFTER UPDATE ON tenant_settings
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('tenant', '', 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_tenant_settings_tenant_delete;
CREATE TRIGGER rv_tenant_settings_tenant_delete AFTER DELETE ON tenant_settings
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('tenant', '', 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_licence_contingents_tenant_insert;
CREATE TRIGGER rv_licence_contingents_tenant_insert AFTER INSERT ON licence_contingents
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('tenant', '', 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_licence_contingents_tenant_update;
CREATE TRIGGER rv_licence_contingents_tenant_update AFTER UPDATE ON licence_contingents
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('tenant', '', 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
DROP TRIGGER IF EXISTS rv_licence_contingents_tenant_delete;
CREATE TRIGGER rv_licence_contingents_tenant_delete AFTER DELETE ON licence_contingents
WHEN NOT EXISTS (SELECT 1 FROM replica_state WHERE key = 'applying') BEGIN
    INSERT INTO row_versions (entity, key, version, changed_by, changed_at)
    VALUES ('tenant', '', 1, coalesce((SELECT value FROM replica_state WHERE key = 'actor'), ''),
        CASE WHEN EXISTS (SELECT 1 FROM replica_state WHERE key = 'actor') THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
END;
