package app

import "nimbusadmin/app/permissions"

// normalisePermissions checks a role's permissions against the tree before they are
// stored: every item must be in it and hold only the four bits; Read comes with any of
// the others and an item that follows another takes that item's bits.
func normalisePermissions(p permissions.Set) (permissions.Set, error) {
	out, err := p.Normalise()
	if err != nil {
		return nil, refuse("role.permission-item", "%s", err)
	}
	return out, nil
}
