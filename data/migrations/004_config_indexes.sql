-- 004: indexes for the configuration screens' "where is it used" counts, so that they
-- stay index lookups in tenants with hundreds of thousands of users.
CREATE INDEX IF NOT EXISTS config_user_call_templates_template ON user_call_templates (template_id);
CREATE INDEX IF NOT EXISTS config_interact_users_domain_template ON interact_users (domain_template_id);
CREATE INDEX IF NOT EXISTS config_interact_users_system_message ON interact_users (direct_system_message_id);
CREATE INDEX IF NOT EXISTS config_profile_skills_skill ON profile_skills (skill_id);
CREATE INDEX IF NOT EXISTS config_skills_category ON skills (category_id);
