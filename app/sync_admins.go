package app

import (
	"context"
	"fmt"
	"sync"

	"nimbusadmin/data"
	"nimbusadmin/data/graph/directory"
)

// Journal actions of the Tenant Administrator role following the security group.
const (
	syncAdminGrant  = "sync.admin.grant"  // a Nimbus user in the group became Tenant Administrator
	syncAdminRemove = "sync.admin.remove" // a Tenant Administrator is not in the group any more
)

// adminGroupRead is the tenant administration security group as a sync reads it,
// beside the Teams and before it writes anything.
type adminGroupRead struct {
	group directory.AdminGroup
	err   error
}

// readAdminGroup starts reading the group named in tenant settings, counted by fetching;
// with no group named there is nothing to read.
func readAdminGroup(ctx context.Context, src DirectorySource, name string, fetching *sync.WaitGroup) *adminGroupRead {
	r := &adminGroupRead{group: directory.AdminGroup{Name: name}}
	if name == "" {
		return r
	}
	fetching.Add(1)
	go func() {
		defer fetching.Done()
		r.group, r.err = src.AdminGroup(ctx, name)
	}()
	return r
}

// adminGroupAmbiguous refuses several groups of the name in tenant settings: nobody could
// tell which one makes Tenant Administrators. A sync checks it before it writes anything.
func adminGroupAmbiguous(g directory.AdminGroup) error {
	if g.Matches > 1 {
		return refuse("sync.admin-group-ambiguous", "%d groups in the directory are named %q, so the sync cannot tell which one makes Tenant Administrators: rename all but one in Entra ID, or name another group under Configuration > Tenant settings, then sync again",
			g.Matches, g.Name)
	}
	return nil
}

// syncAdmins stores, in one short transaction of the sync, what the sync read of the
// tenant administration security group, and makes the Tenant Administrator role that the
// group grants (in the root OU, automatically, from no service) follow it: the group's
// members who are Nimbus users hold it, nobody else does. A group nobody has the name of
// has no members; several groups of the name are refused.
func syncAdmins(q *data.Q, g directory.AdminGroup) ([]data.JournalEntry, error) {
	if g.Name == "" {
		return nil, nil
	}
	if err := adminGroupAmbiguous(g); err != nil {
		return nil, err
	}
	found := g.Matches == 1
	if err := q.ReplaceAdminGroup(data.AdminGroup{Name: g.Name, ID: g.ID, Found: found, ReadAt: data.Timestamp(data.Now())}, g.Members); err != nil {
		return nil, err
	}
	role, err := q.BuiltinRole(data.RoleTenantAdmin)
	if err != nil {
		return nil, err
	}
	tree, err := loadTree(q)
	if err != nil {
		return nil, err
	}
	members, err := q.AdminGroupNimbusMembers()
	if err != nil {
		return nil, err
	}
	held, err := q.DirectRoleHolders(role.ID, tree.Root)
	if err != nil {
		return nil, err
	}
	inGroup := map[string]bool{}
	for _, m := range members {
		inGroup[m.ID] = true
	}
	holds := map[string]bool{}
	via := fmt.Sprintf("member of the security group %q", g.Name)
	gone := fmt.Sprintf("removed: not a member of the security group %q", g.Name)
	if !found {
		gone = fmt.Sprintf("removed: the security group %q was not found in the directory", g.Name)
	}
	var entries []data.JournalEntry
	for _, h := range held {
		holds[h.User.ID] = true
		if inGroup[h.User.ID] || !h.AutoGranted {
			continue // a Tenant Administrator given by hand stays one
		}
		if err := q.RemoveRoleAssignment(h.AssignmentID); err != nil {
			return nil, err
		}
		entries = append(entries, entry(syncAdminRemove, h.User.UPN, role.Name+": "+via, gone))
	}
	for _, m := range members {
		if holds[m.ID] {
			continue
		}
		if _, err := q.AssignRole(m.ID, role.ID, tree.Root, true, 0); err != nil {
			return nil, err
		}
		entries = append(entries, entry(syncAdminGrant, m.UPN, "", role.Name+": "+via))
	}
	return entries, nil
}
