package data

import (
	"database/sql"
	"errors"
	"fmt"
)

// assignable reports whether items of the kind are assigned to users one by one (an
// N/A reason, a domain template, a direct system message, a direct call template) and
// names the table that holds them.
func assignable(k ConfigKind) (string, error) {
	switch k {
	case ConfigNAReasons, ConfigDomainTemplates, ConfigSystemMessages, ConfigCallTemplates:
		return configTables[k].table, nil
	}
	return "", fmt.Errorf("%q items are not assigned to users one by one", string(k))
}

// AssignableItems lists the items of a kind that users are assigned, by name.
func (q *Q) AssignableItems(k ConfigKind) ([]AssignableItem, error) {
	table, err := assignable(k)
	if err != nil {
		return nil, err
	}
	return q.assignableItems(`SELECT id, name, ou_id FROM ` + table + ` ORDER BY name COLLATE NOCASE`)
}

// assignableItems runs a query whose columns are id, name and ou_id.
func (q *Q) assignableItems(query string, args ...any) ([]AssignableItem, error) {
	rows, err := q.db.QueryContext(q.ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AssignableItem
	for rows.Next() {
		var it AssignableItem
		if err := rows.Scan(&it.ID, &it.Name, &it.OUID); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// AssignableItem reads one item of a kind that users are assigned.
func (q *Q) AssignableItem(k ConfigKind, id int64) (AssignableItem, error) {
	var it AssignableItem
	table, err := assignable(k)
	if err != nil {
		return it, err
	}
	err = q.db.QueryRowContext(q.ctx, `SELECT id, name, ou_id FROM `+table+` WHERE id = ?`, id).Scan(&it.ID, &it.Name, &it.OUID)
	if errors.Is(err, sql.ErrNoRows) {
		return it, ErrNotFound
	}
	return it, err
}

// orderedList describes a per-user ordered list table.
type orderedList struct{ table, column string }

var (
	userNAReasons     = orderedList{"user_na_reasons", "reason_id"}
	userCallTemplates = orderedList{"user_call_templates", "template_id"}
)

func (q *Q) listItems(l orderedList, k ConfigKind, userID string) ([]AssignableItem, error) {
	return q.assignableItems(`SELECT c.id, c.name, c.ou_id FROM `+l.table+` u
		JOIN `+configTables[k].table+` c ON c.id = u.`+l.column+` WHERE u.user_id = ? ORDER BY u.position`, userID)
}

// setList replaces a user's ordered list with ids, in that order.
func (q *Q) setList(l orderedList, userID string, ids []int64) error {
	if _, err := q.exec(`DELETE FROM `+l.table+` WHERE user_id = ?`, userID); err != nil {
		return err
	}
	for i, id := range ids {
		if _, err := q.exec(`INSERT INTO `+l.table+` (user_id, `+l.column+`, position) VALUES (?, ?, ?)`, userID, id, i); err != nil {
			return err
		}
	}
	return nil
}

// UserNAReasons lists a user's N/A reasons in their order.
func (q *Q) UserNAReasons(userID string) ([]AssignableItem, error) {
	return q.listItems(userNAReasons, ConfigNAReasons, userID)
}

// SetUserNAReasons replaces a user's ordered N/A reasons.
func (q *Q) SetUserNAReasons(userID string, ids []int64) error {
	return q.setList(userNAReasons, userID, ids)
}

// SetNAReasonsEnabled turns a user's N/A reasons on or off.
func (q *Q) SetNAReasonsEnabled(userID string, on bool) error {
	_, err := q.exec(`UPDATE nimbus_users SET na_reasons_enabled = ? WHERE id = ?`, on, userID)
	return err
}

// UserCallTemplates lists a user's direct call templates in their order.
func (q *Q) UserCallTemplates(userID string) ([]AssignableItem, error) {
	return q.listItems(userCallTemplates, ConfigCallTemplates, userID)
}

// SetUserCallTemplates replaces a user's ordered direct call templates.
func (q *Q) SetUserCallTemplates(userID string, ids []int64) error {
	return q.setList(userCallTemplates, userID, ids)
}

// UserInteract reads a user's Interact settings; ErrNotFound when they have none yet.
func (q *Q) UserInteract(userID string) (InteractSettings, error) {
	var s InteractSettings
	err := q.db.QueryRowContext(q.ctx, `SELECT contact_id, active, audio_video, instant_messaging,
		ifnull(direct_system_message_id, 0), restrict_access, ifnull(domain_template_id, 0)
		FROM interact_users WHERE user_id = ?`, userID).Scan(&s.ContactID, &s.Active, &s.AudioVideo,
		&s.InstantMessaging, &s.DirectSystemMessageID, &s.RestrictAccess, &s.DomainTemplateID)
	if errors.Is(err, sql.ErrNoRows) {
		return s, ErrNotFound
	}
	return s, err
}

// SetUserInteract writes a user's Interact settings.
func (q *Q) SetUserInteract(userID string, s InteractSettings) error {
	nullable := func(id int64) any {
		if id == 0 {
			return nil
		}
		return id
	}
	_, err := q.exec(`INSERT INTO interact_users (user_id, contact_id, active, audio_video, instant_messaging,
		direct_system_message_id, restrict_access, domain_template_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (user_id) DO UPDATE SET contact_id = excluded.contact_id, active = excluded.active,
		audio_video = excluded.audio_video, instant_messaging = excluded.instant_messaging,
		direct_system_message_id = excluded.direct_system_message_id,
		restrict_access = excluded.restrict_access, domain_template_id = excluded.domain_template_id`,
		userID, s.ContactID, s.Active, s.AudioVideo, s.InstantMessaging, nullable(s.DirectSystemMessageID),
		s.RestrictAccess, nullable(s.DomainTemplateID))
	return err
}

// CountRows counts the rows of a table, for tests and status lines.
func (q *Q) CountRows(table string) (int, error) {
	var n int
	err := q.db.QueryRowContext(q.ctx, `SELECT count(*) FROM "`+table+`"`).Scan(&n)
	return n, err
}
