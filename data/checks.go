package data

import (
	"sort"
	"strings"
)

// CheckedUser is a Nimbus user an integrity check names: who they are, the version of
// what they hold (so that a fix made from the finding is refused if the user changed
// since), and what the check found about them.
type CheckedUser struct {
	ID          string
	UPN         string
	DisplayName string
	Version     int64
	Licences    LicenceSet
	Detail      string // what the check found, in the admin's words; "" when the check says it all
	HoldsOnDuty bool   // the built-in On Duty profile is assigned (checked only for users without an active profile)
}

// CheckedService is a service an integrity check names.
type CheckedService struct {
	ID     int64
	Name   string
	TeamID string
}

// checkedUserColumns are the columns scanCheckedUsers reads, in order, over nimbus_users n
// and directory_users d; each query adds the detail and the On Duty mark.
const checkedUserColumns = `n.id, d.upn, ifnull(d.display_name, ''), ifnull((SELECT version FROM row_versions
	WHERE entity = 'user' AND key = n.id), 0), n.licences`

// ContactCenterUsersWithoutActiveProfile lists the Contact Center users none of whose
// profiles is active: Nimbus routes no call to them.
func (q *Q) ContactCenterUsersWithoutActiveProfile() ([]CheckedUser, error) {
	return q.checkedUsers(`SELECT ` + checkedUserColumns + `, '', EXISTS (SELECT 1 FROM user_profiles up
			JOIN responsibility_profiles p ON p.id = up.profile_id WHERE up.user_id = n.id AND p.builtin = 'on_duty')
		FROM nimbus_users n JOIN directory_users d ON d.id = n.id
		WHERE n.licences & 1 <> 0 AND NOT EXISTS (SELECT 1 FROM user_profiles WHERE user_id = n.id AND active)`)
}

// NAReasonsEnabledWithoutReasons lists the Contact Center users whose N/A reasons are
// enabled with no reason in their list.
func (q *Q) NAReasonsEnabledWithoutReasons() ([]CheckedUser, error) {
	return q.checkedUsers(`SELECT ` + checkedUserColumns + `, '', 0
		FROM nimbus_users n JOIN directory_users d ON d.id = n.id
		WHERE n.licences & 1 <> 0 AND n.na_reasons_enabled AND NOT EXISTS (SELECT 1 FROM user_na_reasons WHERE user_id = n.id)`)
}

// InteractRestrictedWithoutTemplate lists the users with the Interact and Contact Center
// licences whose Interact is active with Restrict Access on but no domain template.
func (q *Q) InteractRestrictedWithoutTemplate() ([]CheckedUser, error) {
	return q.checkedUsers(`SELECT ` + checkedUserColumns + `, '', 0
		FROM interact_users i JOIN nimbus_users n ON n.id = i.user_id JOIN directory_users d ON d.id = n.id
		WHERE n.licences & 5 = 5 AND i.active AND i.restrict_access
		  AND NOT EXISTS (SELECT 1 FROM domain_templates t WHERE t.id = i.domain_template_id)`)
}

// DisabledAccountsWithLicences lists the Nimbus users whose directory account is
// disabled and who still hold a licence.
func (q *Q) DisabledAccountsWithLicences() ([]CheckedUser, error) {
	return q.checkedUsers(`SELECT ` + checkedUserColumns + `, '', 0
		FROM nimbus_users n JOIN directory_users d ON d.id = n.id
		WHERE d.account_enabled = 0 AND n.licences <> 0`)
}

// AssignmentsOutsideOUPath lists, one row per assignment, what users hold from an OU that
// is neither their own nor above it (skills, profiles, N/A reasons, direct call templates,
// Interact's domain template and direct system message, custom roles); Detail names the
// item and its OU's id as "kind\x1fname\x1fouID".
func (q *Q) AssignmentsOutsideOUPath() ([]CheckedUser, error) {
	return q.checkedUsers(`WITH RECURSIVE above (ou, a) AS MATERIALIZED (
			SELECT id, id FROM organization_units
			UNION ALL SELECT above.ou, o.parent_id FROM above JOIN organization_units o ON o.id = above.a WHERE o.parent_id IS NOT NULL),
		root (id) AS (SELECT id FROM organization_units WHERE parent_id IS NULL),
		held (user_id, kind, name, ou_id) AS (
			SELECT us.user_id, 'skill', s.name, s.ou_id FROM skills s JOIN user_skills us ON us.skill_id = s.id
				WHERE s.ou_id NOT IN root
			UNION ALL SELECT up.user_id, 'responsibility profile', p.name, p.ou_id FROM responsibility_profiles p JOIN user_profiles up ON up.profile_id = p.id
				WHERE p.ou_id NOT IN root
			UNION ALL SELECT ur.user_id, 'N/A reason', r.name, r.ou_id FROM na_reasons r JOIN user_na_reasons ur ON ur.reason_id = r.id
				WHERE r.ou_id NOT IN root
			UNION ALL SELECT uc.user_id, 'direct call template', c.name, c.ou_id FROM direct_call_templates c JOIN user_call_templates uc ON uc.template_id = c.id
				WHERE c.ou_id NOT IN root
			UNION ALL SELECT i.user_id, 'domain template', t.name, t.ou_id FROM domain_templates t JOIN interact_users i ON i.domain_template_id = t.id
				WHERE t.ou_id NOT IN root
			UNION ALL SELECT i.user_id, 'direct system message', m.name, m.ou_id FROM direct_system_messages m JOIN interact_users i ON i.direct_system_message_id = m.id
				WHERE m.ou_id NOT IN root
			UNION ALL SELECT ra.user_id, 'custom role', r.name, r.ou_id FROM roles r JOIN role_assignments ra ON ra.role_id = r.id
				WHERE r.kind = 'custom' AND r.ou_id NOT IN root)
		SELECT ` + checkedUserColumns + `, h.kind || char(31) || h.name || char(31) || h.ou_id, 0
		FROM held h JOIN nimbus_users n ON n.id = h.user_id JOIN directory_users d ON d.id = n.id
		LEFT JOIN above ON above.ou = n.ou_id AND above.a = h.ou_id
		WHERE above.ou IS NULL
		ORDER BY n.id, h.kind, h.name`)
}

// checkedUsers runs a check's query over users and sorts them by UPN (the rows of one
// user stay in the query's order).
func (q *Q) checkedUsers(query string) ([]CheckedUser, error) {
	rows, err := q.db.QueryContext(q.ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CheckedUser
	for rows.Next() {
		var u CheckedUser
		if err := rows.Scan(&u.ID, &u.UPN, &u.DisplayName, &u.Version, &u.Licences, &u.Detail, &u.HoldsOnDuty); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	// Sorted here rather than in SQL: an ORDER BY on the UPN makes SQLite walk every
	// directory user in UPN order instead of the few the check finds.
	sort.SliceStable(out, func(i, j int) bool {
		a, b := strings.ToLower(out[i].UPN), strings.ToLower(out[j].UPN)
		return a < b || a == b && out[i].ID < out[j].ID
	})
	return out, rows.Err()
}

// TeamsServicesWithoutTeam lists the MS Teams-based services whose Team is no longer in
// the cached directory.
func (q *Q) TeamsServicesWithoutTeam() ([]CheckedService, error) {
	return q.checkedServices(`SELECT s.id, s.name, ifnull(s.team_id, '') FROM services s
		WHERE s.assignment_type = 'teams' AND NOT EXISTS (SELECT 1 FROM teams t WHERE t.id = s.team_id)
		ORDER BY s.name COLLATE NOCASE`)
}

// SkillServicesWithoutOwner lists the Skill-based services nobody owns.
func (q *Q) SkillServicesWithoutOwner() ([]CheckedService, error) {
	return q.checkedServices(`SELECT s.id, s.name, '' FROM services s
		WHERE s.assignment_type = 'skill' AND NOT EXISTS (SELECT 1 FROM service_members m WHERE m.service_id = s.id AND m.membership = 'owner')
		ORDER BY s.name COLLATE NOCASE`)
}

// checkedServices runs a check's query over services.
func (q *Q) checkedServices(query string) ([]CheckedService, error) {
	rows, err := q.db.QueryContext(q.ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CheckedService
	for rows.Next() {
		var s CheckedService
		if err := rows.Scan(&s.ID, &s.Name, &s.TeamID); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
