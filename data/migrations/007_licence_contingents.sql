-- 007: who holds a skill at a level, asked before a level is removed: index lookups, not
-- scans of every user's skills.
CREATE INDEX IF NOT EXISTS config_user_skills_level ON user_skills (level_id);
CREATE INDEX IF NOT EXISTS config_profile_skills_level ON profile_skills (level_id);
