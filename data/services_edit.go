package data

// RenameService gives a service a new name.
func (q *Q) RenameService(id int64, name string) error {
	_, err := q.exec(`UPDATE services SET name = ? WHERE id = ?`, name, id)
	return err
}

// DeleteService deletes a service; its memberships and the roles they granted go with it.
func (q *Q) DeleteService(id int64) error {
	_, err := q.exec(`DELETE FROM services WHERE id = ?`, id)
	return err
}

// SetServiceLicence changes the licence a service carries.
func (q *Q) SetServiceLicence(id int64, l ServiceLicence) error {
	_, err := q.exec(`UPDATE services SET licence = ? WHERE id = ?`, l, id)
	return err
}

// SetTeamsServiceSettings sets an MS Teams-based service's default owner role and whether
// its members may change their own Active state.
func (q *Q) SetTeamsServiceSettings(id int64, defaultOwner OwnerRole, membersCanChangeActive bool) error {
	_, err := q.exec(`UPDATE services SET default_owner_role = ?, members_can_change_active = ? WHERE id = ?`,
		defaultOwner, membersCanChangeActive, id)
	return err
}

// SetServiceMemberActive sets whether a service distributes calls to one of its users.
func (q *Q) SetServiceMemberActive(serviceID int64, userID string, active bool) error {
	_, err := q.exec(`UPDATE service_members SET active = ? WHERE service_id = ? AND user_id = ?`, active, serviceID, userID)
	return err
}

// SetServiceOwnerRole switches the Team Owner role that an owner holds from an MS
// Teams-based service to the other variant; it stays granted automatically by the
// service.
func (q *Q) SetServiceOwnerRole(serviceID int64, userID string, to OwnerRole) error {
	_, err := q.exec(`UPDATE role_assignments SET role_id = (SELECT id FROM roles WHERE builtin_key = ?)
		WHERE user_id = ? AND source_service_id = ? AND role_id IN
			(SELECT id FROM roles WHERE builtin_key IN ('team_owner', 'team_owner_limited'))`,
		to.RoleKey(), userID, serviceID)
	return err
}

// RemoveServiceRoles takes away every role a user holds because of a service: the Team
// Member, either Team Owner, Agent or Service Owner role it granted.
func (q *Q) RemoveServiceRoles(userID string, serviceID int64, roleKeys ...string) error {
	for _, k := range roleKeys {
		if _, err := q.exec(`DELETE FROM role_assignments WHERE user_id = ? AND source_service_id = ?
			AND role_id = (SELECT id FROM roles WHERE builtin_key = ?)`, userID, serviceID, k); err != nil {
			return err
		}
	}
	return nil
}

// ServiceMember is one membership of a user in a service with what the Services screen
// shows of it: for an MS Teams-based service, whether the user is active, and for an
// owner which Team Owner role they hold ("" when none).
type ServiceMember struct {
	UserID      string
	DisplayName string
	UPN         string
	Membership  Membership
	Licences    LicenceSet
	Active      bool
	OwnerRole   OwnerRole
}

// ServiceMembers lists a service's memberships by display name (a user who is both
// member and owner is listed twice).
func (q *Q) ServiceMembers(serviceID int64) ([]ServiceMember, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT m.user_id, ifnull(d.display_name, ''), d.upn, m.membership, n.licences, m.active,
			CASE WHEN m.membership <> 'owner' THEN ''
				ELSE ifnull((SELECT CASE r.builtin_key WHEN 'team_owner_limited' THEN 'limited' ELSE 'full' END
					FROM role_assignments a JOIN roles r ON r.id = a.role_id
					WHERE a.user_id = m.user_id AND a.source_service_id = m.service_id
					AND r.builtin_key IN ('team_owner', 'team_owner_limited') ORDER BY a.id LIMIT 1), '') END
		FROM service_members m JOIN nimbus_users n ON n.id = m.user_id JOIN directory_users d ON d.id = m.user_id
		WHERE m.service_id = ? ORDER BY d.display_name COLLATE NOCASE, d.upn, m.membership`, serviceID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []ServiceMember{}
	for rows.Next() {
		var m ServiceMember
		if err := rows.Scan(&m.UserID, &m.DisplayName, &m.UPN, &m.Membership, &m.Licences, &m.Active, &m.OwnerRole); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
