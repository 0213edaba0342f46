package data

// OrganizationUnits lists every OU of the tree, parents before children is not promised.
func (q *Q) OrganizationUnits() ([]OrganizationUnit, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT id, ifnull(parent_id, 0), name FROM organization_units ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ous []OrganizationUnit
	for rows.Next() {
		var ou OrganizationUnit
		if err := rows.Scan(&ou.ID, &ou.ParentID, &ou.Name); err != nil {
			return nil, err
		}
		ous = append(ous, ou)
	}
	return ous, rows.Err()
}

// CreateOU adds an OU below parent and returns its id.
func (q *Q) CreateOU(parent int64, name string) (int64, error) {
	res, err := q.exec(`INSERT INTO organization_units (parent_id, name) VALUES (?, ?)`, parent, name)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// MoveOU re-parents an OU; the caller has checked that no cycle results.
func (q *Q) MoveOU(id, parent int64) error {
	_, err := q.exec(`UPDATE organization_units SET parent_id = ? WHERE id = ?`, parent, id)
	return err
}

// RenameOU renames an OU.
func (q *Q) RenameOU(id int64, name string) error {
	_, err := q.exec(`UPDATE organization_units SET name = ? WHERE id = ?`, name, id)
	return err
}

// DeleteOU removes an OU; the caller has checked that it is empty.
func (q *Q) DeleteOU(id int64) error {
	_, err := q.exec(`DELETE FROM organization_units WHERE id = ?`, id)
	return err
}

// OUContent counts what lives directly in one OU, by kind, for the non-empty-OU message.
type OUContent struct {
	Kind  string
	Count int
}

// OUContents counts the child OUs, users, services and configuration items that live
// directly in the OU; only kinds with a non-zero count are returned.
func (q *Q) OUContents(id int64) ([]OUContent, error) {
	kinds := []struct{ kind, table string }{
		{"child organization unit", "organization_units WHERE parent_id = ?"},
		{"user", "nimbus_users WHERE ou_id = ?"},
		{"service", "services WHERE ou_id = ?"},
		{"custom role", "roles WHERE ou_id = ?"},
		{"skill category", "skill_categories WHERE ou_id = ?"},
		{"skill", "skills WHERE ou_id = ?"},
		{"responsibility profile", "responsibility_profiles WHERE ou_id = ?"},
		{"N/A reason", "na_reasons WHERE ou_id = ?"},
		{"domain template", "domain_templates WHERE ou_id = ?"},
		{"direct system message", "direct_system_messages WHERE ou_id = ?"},
		{"direct call template", "direct_call_templates WHERE ou_id = ?"},
		{"role assignment", "role_assignments WHERE scope_ou_id = ?"},
		{"tenant default for Teams users", "tenant_settings WHERE default_teams_ou_id = ?"},
	}
	var out []OUContent
	for _, k := range kinds {
		var n int
		if err := q.db.QueryRowContext(q.ctx, `SELECT count(*) FROM `+k.table, id).Scan(&n); err != nil {
			return nil, err
		}
		if n > 0 {
			out = append(out, OUContent{Kind: k.kind, Count: n})
		}
	}
	return out, nil
}
