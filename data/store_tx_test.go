package data_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/testkit"
)

func TestAssignmentTypeIsFixedInTheSchema(t *testing.T) {
	s := testkit.Store(t)
	ctx := context.Background()
	err := s.Tx(ctx, func(q *data.Q) error {
		root, err := q.InitTenant(data.TenantSettings{TenantID: "t", TenantName: "T"})
		if err != nil {
			return err
		}
		id, err := q.CreateService("IVR", data.NoUsers, "", root)
		if err != nil {
			return err
		}
		_, err = testkit.Exec(q, `UPDATE services SET assignment_type = 'skill' WHERE id = ?`, id)
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "cannot be changed") {
		t.Errorf("assignment type change: %v", err)
	}
}

func TestTxRollsBackOnError(t *testing.T) {
	s := testkit.Store(t)
	ctx := context.Background()
	s.Tx(ctx, func(q *data.Q) error {
		q.InitTenant(data.TenantSettings{TenantID: "t", TenantName: "T"})
		return os.ErrInvalid
	})
	if _, err := s.Read(ctx).TenantSettings(); err != data.ErrNotFound {
		t.Errorf("failed transaction left a tenant: %v", err)
	}
}
