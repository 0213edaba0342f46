-- 005: the built-in role set of the product's role matrix: Supervisor comes in two kinds
-- (User and Service), and Skill-Based user is a role of its own. A custom role that
-- already uses one of these names keeps working under a name marked as custom.
UPDATE roles SET name = name || ' (custom)'
    WHERE kind = 'custom' AND lower(name) IN ('supervisor (user)', 'supervisor (service)', 'skill-based user');
UPDATE roles SET builtin_key = 'supervisor_service', name = 'Supervisor (Service)',
    description = 'Supervises the services in its scope and sees their user-state reporting (Contact Center licence).'
    WHERE builtin_key = 'supervisor';
INSERT INTO roles (builtin_key, kind, name, description) VALUES
    ('supervisor_user',  'portal', 'Supervisor (User)', 'Supervises the users in its scope and sees their user states (Contact Center licence).'),
    ('skill_based_user', 'portal', 'Skill-Based user',  'Takes tasks distributed by skills and responsibilities (Contact Center licence).');
