package data

import (
	"database/sql"
	"errors"
	"time"
)

// Now is the clock used for timestamps; tests may replace it.
var Now = func() time.Time { return time.Now().UTC() }

// Timestamp formats t the way the cache stores times (RFC 3339, UTC).
func Timestamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// InitTenant makes an empty cache a tenant: its settings row, the root OU named after the
// tenant, and the built-in On Duty and Off Duty profiles. It returns the root OU's id.
func (q *Q) InitTenant(s TenantSettings) (int64, error) {
	res, err := q.exec(`INSERT INTO organization_units (parent_id, name) VALUES (NULL, ?)`, s.TenantName)
	if err != nil {
		return 0, err
	}
	root, _ := res.LastInsertId()
	if s.DefaultTeamsOUID == 0 {
		s.DefaultTeamsOUID = root
	}
	_, err = q.exec(`INSERT INTO tenant_settings (id, tenant_id, tenant_name, is_demo, demo_users,
		interact_enabled, widget_key, snippet_template, default_teams_ou_id, admin_security_group)
		VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		s.TenantID, s.TenantName, s.IsDemo, s.DemoUsers, s.InteractEnabled, s.WidgetKey,
		s.SnippetTemplate, s.DefaultTeamsOUID, s.AdminSecurityGroup)
	if err != nil {
		return 0, err
	}
	_, err = q.exec(`INSERT INTO responsibility_profiles (name, ou_id, builtin) VALUES
		('On Duty', ?, 'on_duty'), ('Off Duty', ?, 'off_duty')`, root, root)
	return root, err
}

// TenantSettings reads the tenant's settings; ErrNotFound when the cache holds no tenant yet.
func (q *Q) TenantSettings() (TenantSettings, error) {
	var s TenantSettings
	var defOU sql.NullInt64
	err := q.db.QueryRowContext(q.ctx, `SELECT tenant_id, tenant_name, is_demo, demo_users,
		interact_enabled, widget_key, snippet_template, default_teams_ou_id, admin_security_group
		FROM tenant_settings WHERE id = 1`).Scan(&s.TenantID, &s.TenantName, &s.IsDemo, &s.DemoUsers,
		&s.InteractEnabled, &s.WidgetKey, &s.SnippetTemplate, &defOU, &s.AdminSecurityGroup)
	if errors.Is(err, sql.ErrNoRows) {
		return s, ErrNotFound
	}
	s.DefaultTeamsOUID = defOU.Int64
	return s, err
}
