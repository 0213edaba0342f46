package data

// RowVersionsOf reads the current version of every entity of one kind that was ever
// written, by key, so that a screen listing many items can base each edit on the
// version it showed with one query.
func (q *Q) RowVersionsOf(entity string) (map[string]int64, error) {
	rows, err := q.db.QueryContext(q.ctx, `SELECT key, version FROM row_versions WHERE entity = ?`, entity)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var key string
		var v int64
		if err := rows.Scan(&key, &v); err != nil {
			return nil, err
		}
		out[key] = v
	}
	return out, rows.Err()
}
