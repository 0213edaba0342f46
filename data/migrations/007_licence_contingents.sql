-- 007: the tenant's contingent per licence: how many Nimbus users may hold it. A licence
-- without a row here is unlimited.
CREATE TABLE licence_contingents (
    licence    INTEGER PRIMARY KEY CHECK (licence IN (1, 2, 4, 8)),
    contingent INTEGER NOT NULL CHECK (contingent >= 0)
);
-- Who holds a skill at a level, asked before a level is removed: index lookups, not
-- scans of every user's skills.
CREATE INDEX IF NOT EXISTS config_user_skills_level ON user_skills (level_id);
CREATE INDEX IF NOT EXISTS config_profile_skills_level ON profile_skills (level_id);
