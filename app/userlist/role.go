package userlist

import "nimbusadmin/data"

// RoleHolders is the set of users who hold one role in any scope. The user index holds
// no roles, so the Role filter loads this set once when it is chosen and then only tests
// membership per row, which keeps search-as-you-type as fast as without it.
type RoleHolders struct {
	Role data.Role
	ids  map[string]bool
}

// NewRoleHolders builds the set from the holders' O365 IDs, as read from the store.
func NewRoleHolders(role data.Role, userIDs []string) *RoleHolders {
	h := &RoleHolders{Role: role, ids: make(map[string]bool, len(userIDs))}
	for _, id := range userIDs {
		h.ids[id] = true
	}
	return h
}

// Has reports whether the user holds the role.
func (h *RoleHolders) Has(userID string) bool { return h.ids[userID] }

// Len is the number of users holding the role.
func (h *RoleHolders) Len() int { return len(h.ids) }
