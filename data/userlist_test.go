package data_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/testkit"
)

// UserListRows merges four scans in memory; it must give exactly what one plain SQL join
// gives, row for row.
func TestUserListRowsEqualsThePlainJoin(t *testing.T) {
	ctx := context.Background()
	s := testkit.DemoStore(t, 500)
	got, err := s.Read(ctx).UserListRows()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]data.UserListRow{}
	err = s.Tx(ctx, func(q *data.Q) error {
		stmt, err := testkit.Prepare(q, `SELECT n.id, ifnull(d.display_name, ''), d.upn, ifnull(d.mail, ''), ifnull(d.department, ''), ifnull(d.job_title, ''),
			n.ou_id, n.origin, n.licences,
			ifnull((SELECT p.name FROM user_profiles up JOIN responsibility_profiles p ON p.id = up.profile_id
				WHERE up.user_id = n.id AND up.active), ''),
			(SELECT count(DISTINCT service_id) FROM service_members m WHERE m.user_id = n.id)
			FROM nimbus_users n JOIN directory_users d ON d.id = n.id`)
		if err != nil {
			return err
		}
		rows, err := stmt.Query()
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r data.UserListRow
			if err := rows.Scan(&r.ID, &r.DisplayName, &r.UPN, &r.Mail, &r.Department, &r.JobTitle, &r.OUID, &r.Origin,
				&r.Licences, &r.ActiveProfile, &r.RoutingServices); err != nil {
				return err
			}
			want[r.ID] = r
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(got) != 500 {
		t.Fatalf("%d rows, the join gives %d", len(got), len(want))
	}
	profiles, routed, titled := 0, 0, 0
	for i, r := range got {
		if !reflect.DeepEqual(r, want[r.ID]) {
			t.Fatalf("row %s:\ngot  %+v\nwant %+v", r.ID, r, want[r.ID])
		}
		if i > 0 && strings.ToLower(got[i-1].DisplayName) > strings.ToLower(r.DisplayName) {
			t.Fatalf("not in display-name order: %q before %q", got[i-1].DisplayName, r.DisplayName)
		}
		if r.ActiveProfile != "" {
			profiles++
		}
		if r.RoutingServices > 0 {
			routed++
		}
		if r.JobTitle != "" {
			titled++
		}
	}
	if profiles == 0 || routed == 0 || titled == 0 {
		t.Errorf("the demo should have active profiles (%d), routed users (%d) and job titles (%d)", profiles, routed, titled)
	}
}

// UserListRowsAfter reads the same list in parts: each part in display-name order, the
// parts together every user once, exactly as the whole list reads them.
func TestUserListRowsAfterReadsTheListInParts(t *testing.T) {
	ctx := context.Background()
	s := testkit.DemoStore(t, 500)
	q := s.Read(ctx)
	whole, err := q.UserListRows()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]data.UserListRow{}
	for _, r := range whole {
		want[r.ID] = r
	}
	seen, parts, after := map[string]bool{}, 0, ""
	for {
		part, last, err := q.UserListRowsAfter(after, 120)
		if err != nil {
			t.Fatal(err)
		}
		if len(part) == 0 {
			if last != "" {
				t.Fatalf("an empty part continues from %q", last)
			}
			break
		}
		if parts++; len(part) > 120 || last <= after {
			t.Fatalf("part %d: %d rows up to %q after %q", parts, len(part), last, after)
		}
		for i, r := range part {
			if seen[r.ID] || r.ID <= after || r.ID > last {
				t.Fatalf("part %d lists %s (after %q, up to %q) twice or outside its range", parts, r.ID, after, last)
			}
			seen[r.ID] = true
			if !reflect.DeepEqual(r, want[r.ID]) {
				t.Fatalf("row %s:\ngot  %+v\nwant %+v", r.ID, r, want[r.ID])
			}
			if i > 0 && strings.ToLower(part[i-1].DisplayName) > strings.ToLower(r.DisplayName) {
				t.Fatalf("part %d is not in display-name order: %q before %q", parts, part[i-1].DisplayName, r.DisplayName)
			}
		}
		after = last
	}
	if len(seen) != len(whole) || parts != 5 {
		t.Fatalf("%d parts held %d users, want 5 parts of the %d", parts, len(seen), len(whole))
	}
}
