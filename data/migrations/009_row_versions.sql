-- Row versions: every entity an admin edits (a Nimbus user with everything assigned to them,
-- a service with its members, an OU, a role with its permissions, a configuration item, the
-- tenant settings) has a version that any write to it raises. A change names the versions
-- it was based on; one made on a stale view is refused instead of overwriting a newer one.
-- Triggers keep the versions, so no writer can forget them. An entity never written has
-- version 0 (no row).
CREATE TABLE row_versions (
    entity  TEXT    NOT NULL,
    key     TEXT    NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (entity, key)
) WITHOUT ROWID;

CREATE TRIGGER rv_nimbus_users_user_insert AFTER INSERT ON nimbus_users BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_nimbus_users_user_update AFTER UPDATE ON nimbus_users BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_nimbus_users_user_delete AFTER DELETE ON nimbus_users BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', OLD.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_role_assignments_user_insert AFTER INSERT ON role_assignments BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', NEW.user_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_role_assignments_user_update AFTER UPDATE ON role_assignments BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', NEW.user_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_role_assignments_user_delete AFTER DELETE ON role_assignments BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', OLD.user_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_user_skills_user_insert AFTER INSERT ON user_skills BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', NEW.user_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_user_skills_user_update AFTER UPDATE ON user_skills BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', NEW.user_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_user_skills_user_delete AFTER DELETE ON user_skills BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', OLD.user_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_user_profiles_user_insert AFTER INSERT ON user_profiles BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', NEW.user_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_user_profiles_user_update AFTER UPDATE ON user_profiles BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', NEW.user_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_user_profiles_user_delete AFTER DELETE ON user_profiles BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', OLD.user_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_user_na_reasons_user_insert AFTER INSERT ON user_na_reasons BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', NEW.user_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_user_na_reasons_user_update AFTER UPDATE ON user_na_reasons BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', NEW.user_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_user_na_reasons_user_delete AFTER DELETE ON user_na_reasons BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', OLD.user_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_interact_users_user_insert AFTER INSERT ON interact_users BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', NEW.user_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_interact_users_user_update AFTER UPDATE ON interact_users BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', NEW.user_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_interact_users_user_delete AFTER DELETE ON interact_users BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', OLD.user_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_user_call_templates_user_insert AFTER INSERT ON user_call_templates BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', NEW.user_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_user_call_templates_user_update AFTER UPDATE ON user_call_templates BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', NEW.user_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_user_call_templates_user_delete AFTER DELETE ON user_call_templates BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', OLD.user_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_service_members_user_insert AFTER INSERT ON service_members BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', NEW.user_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_service_members_user_update AFTER UPDATE ON service_members BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', NEW.user_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_service_members_user_delete AFTER DELETE ON service_members BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('user', OLD.user_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_services_service_insert AFTER INSERT ON services BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('service', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_services_service_update AFTER UPDATE ON services BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('service', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_services_service_delete AFTER DELETE ON services BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('service', OLD.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_service_members_service_insert AFTER INSERT ON service_members BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('service', NEW.service_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_service_members_service_update AFTER UPDATE ON service_members BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('service', NEW.service_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_service_members_service_delete AFTER DELETE ON service_members BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('service', OLD.service_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_organization_units_ou_insert AFTER INSERT ON organization_units BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('ou', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_organization_units_ou_update AFTER UPDATE ON organization_units BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('ou', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_organization_units_ou_delete AFTER DELETE ON organization_units BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('ou', OLD.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_roles_role_insert AFTER INSERT ON roles BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('role', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_roles_role_update AFTER UPDATE ON roles BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('role', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_roles_role_delete AFTER DELETE ON roles BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('role', OLD.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_role_permissions_role_insert AFTER INSERT ON role_permissions BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('role', NEW.role_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_role_permissions_role_update AFTER UPDATE ON role_permissions BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('role', NEW.role_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_role_permissions_role_delete AFTER DELETE ON role_permissions BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('role', OLD.role_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_skill_categories_skill_category_insert AFTER INSERT ON skill_categories BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('skill-category', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_skill_categories_skill_category_update AFTER UPDATE ON skill_categories BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('skill-category', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_skill_categories_skill_category_delete AFTER DELETE ON skill_categories BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('skill-category', OLD.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_skill_levels_skill_category_insert AFTER INSERT ON skill_levels BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('skill-category', NEW.category_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_skill_levels_skill_category_update AFTER UPDATE ON skill_levels BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('skill-category', NEW.category_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_skill_levels_skill_category_delete AFTER DELETE ON skill_levels BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('skill-category', OLD.category_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_skills_skill_insert AFTER INSERT ON skills BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('skill', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_skills_skill_update AFTER UPDATE ON skills BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('skill', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_skills_skill_delete AFTER DELETE ON skills BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('skill', OLD.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_responsibility_profiles_profile_insert AFTER INSERT ON responsibility_profiles BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('profile', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_responsibility_profiles_profile_update AFTER UPDATE ON responsibility_profiles BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('profile', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_responsibility_profiles_profile_delete AFTER DELETE ON responsibility_profiles BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('profile', OLD.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_profile_skills_profile_insert AFTER INSERT ON profile_skills BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('profile', NEW.profile_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_profile_skills_profile_update AFTER UPDATE ON profile_skills BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('profile', NEW.profile_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_profile_skills_profile_delete AFTER DELETE ON profile_skills BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('profile', OLD.profile_id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_na_reasons_na_reason_insert AFTER INSERT ON na_reasons BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('na-reason', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_na_reasons_na_reason_update AFTER UPDATE ON na_reasons BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('na-reason', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_na_reasons_na_reason_delete AFTER DELETE ON na_reasons BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('na-reason', OLD.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_domain_templates_domain_template_insert AFTER INSERT ON domain_templates BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('domain-template', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_domain_templates_domain_template_update AFTER UPDATE ON domain_templates BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('domain-template', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_domain_templates_domain_template_delete AFTER DELETE ON domain_templates BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('domain-template', OLD.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_direct_system_messages_system_message_insert AFTER INSERT ON direct_system_messages BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('system-message', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_direct_system_messages_system_message_update AFTER UPDATE ON direct_system_messages BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('system-message', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_direct_system_messages_system_message_delete AFTER DELETE ON direct_system_messages BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('system-message', OLD.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_direct_call_templates_call_template_insert AFTER INSERT ON direct_call_templates BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('call-template', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_direct_call_templates_call_template_update AFTER UPDATE ON direct_call_templates BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('call-template', NEW.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_direct_call_templates_call_template_delete AFTER DELETE ON direct_call_templates BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('call-template', OLD.id, 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_tenant_settings_tenant_insert AFTER INSERT ON tenant_settings BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('tenant', '', 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_tenant_settings_tenant_update AFTER UPDATE ON tenant_settings BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('tenant', '', 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_tenant_settings_tenant_delete AFTER DELETE ON tenant_settings BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('tenant', '', 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_licence_contingents_tenant_insert AFTER INSERT ON licence_contingents BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('tenant', '', 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_licence_contingents_tenant_update AFTER UPDATE ON licence_contingents BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('tenant', '', 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER rv_licence_contingents_tenant_delete AFTER DELETE ON licence_contingents BEGIN
    INSERT INTO row_versions (entity, key, version) VALUES ('tenant', '', 1)
    ON CONFLICT (entity, key) DO UPDATE SET version = version + 1;
END;
