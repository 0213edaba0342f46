package data_test

import (
	"context"
	"errors"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/testkit"
)

func TestServiceLookupsFindTeamsServicesAndMemberships(t *testing.T) {
	s := testkit.Store(t)
	err := s.Tx(context.Background(), func(q *data.Q) error {
		root, err := q.InitTenant(data.TenantSettings{TenantID: "t", TenantName: "T"})
		if err != nil {
			return err
		}
		if _, err := q.TeamName("t-1"); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("a Team not in the cache: %v", err)
		}
		for _, stmt := range []string{
			`INSERT INTO teams (id, display_name) VALUES ('t-1', 'Hotline Team'), ('t-2', 'Book Club')`,
			`INSERT INTO directory_users (id, display_name, upn) VALUES ('u-1', 'Ann', 'ann@t.example')`,
		} {
			if _, err := testkit.Exec(q, stmt); err != nil {
				return err
			}
		}
		if name, err := q.TeamName("t-1"); name != "Hotline Team" || err != nil {
			t.Errorf("Team name %q, %v", name, err)
		}
		if _, err := q.CreateService("Hotline", data.TeamsBased, "t-1", root); err != nil {
			return err
		}
		desk, err := q.CreateService("Desk", data.SkillBased, "", root)
		if err != nil {
			return err
		}
		if name, err := q.ServiceOfTeam("t-1"); name != "Hotline" || err != nil {
			t.Errorf("service of t-1: %q, %v", name, err)
		}
		if _, err := q.ServiceOfTeam("t-2"); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("a Team backing no service: %v", err)
		}
		if err := q.AddNimbusUser("u-1", root, data.OriginManual, data.ContactCenter); err != nil {
			return err
		}
		if err := q.AddServiceMember(desk, "u-1", data.Agent); err != nil {
			return err
		}
		for m, want := range map[data.Membership]bool{data.Agent: true, data.Owner: false} {
			if held, err := q.HasServiceMembership(desk, "u-1", m); held != want || err != nil {
				t.Errorf("u-1 as %s of Desk: %v, %v; want %v", m, held, err, want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
