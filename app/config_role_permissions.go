package app

import "nimbusadmin/app/permissions"

// PermissionSet is a custom role's permissions as its commands carry them: item key →
// Create/Read/Update/Delete bits of the permission tree.
type PermissionSet = permissions.Set

// The Create/Read/Update/Delete bits of an item, as the role commands are written with them.
const (
	PermCreate = permissions.Create
	PermRead   = permissions.Read
	PermUpdate = permissions.Update
	PermDelete = permissions.Delete
)

// normalisePermissions checks a role's permissions against the tree before they are
// stored: every item must be in it and hold only the four bits; Read comes with any of
// the others and an item that follows another takes that item's bits.
func normalisePermissions(p PermissionSet) (PermissionSet, error) {
	out, err := p.Normalise()
	if err != nil {
		return nil, refuse("role.permission-item", "%s", err)
	}
	return out, nil
}
