-- 006: what a service carries besides its users. Its licence (Contact Center, Enterprise
-- Routing or Advanced Routing): only a Contact Center service takes agents and owners by
-- hand, so the Skill-based services that exist already become Contact Center services and
-- the others Advanced Routing. The settings of an MS Teams-based service: which Team Owner
-- role new Team owners get (full or limited) and whether Team members may change their
-- own Active state; and, per member, whether Nimbus distributes calls to them (Active).
ALTER TABLE services ADD COLUMN licence TEXT NOT NULL DEFAULT 'advanced-routing'
    CHECK (licence IN ('contact-center', 'enterprise-routing', 'advanced-routing'));
UPDATE services SET licence = 'contact-center' WHERE assignment_type = 'skill';
ALTER TABLE services ADD COLUMN default_owner_role TEXT NOT NULL DEFAULT 'full'
    CHECK (default_owner_role IN ('full', 'limited'));
ALTER TABLE services ADD COLUMN members_can_change_active INTEGER NOT NULL DEFAULT 1;
-- Active belongs to a user in a service; a member who is also an owner has one state,
-- kept equal on both rows.
ALTER TABLE service_members ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
