package app

import (
	"fmt"
	"sort"
	"strings"
)

// The CRUD bits of a custom role's permission item, as role_permissions stores them.
const (
	PermCreate = 1
	PermRead   = 2
	PermUpdate = 4
	PermDelete = 8
)

// PermBits lists the four bits in the order the permission tree shows them.
var PermBits = []int{PermCreate, PermRead, PermUpdate, PermDelete}

// PermName is a bit's column title ("Create").
func PermName(bit int) string {
	return map[int]string{PermCreate: "Create", PermRead: "Read", PermUpdate: "Update", PermDelete: "Delete"}[bit]
}

// PermissionNode is one item of the custom-role permission tree (seed 004): an area, a
// tab or a detail setting; each has its own Create/Read/Update/Delete.
type PermissionNode struct {
	Key      string
	Name     string
	Children []PermissionNode
}

func pn(key, name string, children ...PermissionNode) PermissionNode {
	return PermissionNode{Key: key, Name: name, Children: children}
}

// permissionTree is seed 004's Services and Users areas.
var permissionTree = []PermissionNode{
	pn("services", "Services",
		pn("services.list", "Services List"),
		pn("services.general", "General Tab",
			pn("services.general.info", "General info"),
			pn("services.general.opening_hours", "Opening Hours"),
			pn("services.general.reporting", "Reporting"),
			pn("services.general.sla", "SLAs and Thresholds"),
			pn("services.general.visibility", "Visibility"),
			pn("services.general.licences", "Licenses and Addons")),
		pn("services.modalities", "Modalities Tab",
			pn("services.modalities.info", "General info"),
			pn("services.modalities.audio_video", "Audio Video"),
			pn("services.modalities.instant_messaging", "Instant Messaging"),
			pn("services.modalities.external_task", "External Task"),
			pn("services.modalities.email", "Email")),
		pn("services.distribution", "Distribution Tab",
			pn("services.distribution.users", "Users"),
			pn("services.distribution.assignment_type", "User Assignment Type"),
			pn("services.distribution.new_users_active", "New users immediately active"),
			pn("services.distribution.conversations", "Conversations Distribution"),
			pn("services.distribution.task_priority", "Task Priority"),
			pn("services.distribution.acw", "ACW"),
			pn("services.distribution.rona", "Persistent RONA"),
			pn("services.distribution.emergency", "Emergency Routing")),
		pn("services.extensions", "Extensions Tab",
			pn("services.extensions.codes", "Codes"),
			pn("services.extensions.assistant", "Assistant"),
			pn("services.extensions.attendant_console", "Attendant Console"),
			pn("services.extensions.my_sessions", "My Sessions",
				pn("services.extensions.my_sessions.context_urls", "Conversation Context URLs"),
				pn("services.extensions.my_sessions.store_context", "Store Conversation Context Data"),
				pn("services.extensions.my_sessions.keep_context", "Keep Custom Context Parameter on Transfer"),
				pn("services.extensions.my_sessions.widgets", "Widgets"))),
		pn("services.interact", "Interact Tab"),
		pn("services.users", "Users Tab (MS Teams-based services)",
			pn("services.users.default_owner_role", "Default Team Owner Role"),
			pn("services.users.member_active_state", "Team member can change active state"),
			pn("services.users.list", "Users list"),
			pn("services.users.users", "Users"),
			pn("services.users.role", "Role"),
			pn("services.users.active_state", "Active State")),
		pn("services.permissions", "Permissions Tab (Skill-based services)"),
		pn("services.companion", "Companion Tab")),
	pn("users", "Users",
		pn("users.list", "Users List"),
		pn("users.general", "General Tab",
			pn("users.general.info", "General Info"),
			pn("users.general.licences", "Licenses and Modalities")),
		pn("users.services", "Services Tab"),
		pn("users.roles", "Roles Tab"),
		pn("users.skills", "Skills Tab",
			pn("users.skills.assignment", "Skill Assignment"),
			pn("users.skills.levels", "Skill Levels")),
		pn("users.profiles", "Profiles Tab"),
		pn("users.na_reasons", "N/A Reasons Tab"),
		pn("users.interact", "Interact Tab"),
		pn("users.assistant", "Assistant Tab")),
}

// permissionIndex maps every key to its node.
var permissionIndex = func() map[string]PermissionNode {
	idx := map[string]PermissionNode{}
	var walk func(ns []PermissionNode)
	walk = func(ns []PermissionNode) {
		for _, n := range ns {
			idx[n.Key] = n
			walk(n.Children)
		}
	}
	walk(permissionTree)
	return idx
}()

// PermissionTree gives the permission tree's areas.
func PermissionTree() []PermissionNode { return permissionTree }

// PermissionItem finds a node of the tree by key.
func PermissionItem(key string) (PermissionNode, bool) { n, ok := permissionIndex[key]; return n, ok }

// PermissionSet is a custom role's permissions: item key → CRUD bits.
type PermissionSet map[string]int

// Clone copies the set, so that an editor can change it and still cancel.
func (p PermissionSet) Clone() PermissionSet {
	out := PermissionSet{}
	for k, v := range p {
		if v != 0 {
			out[k] = v
		}
	}
	return out
}

// Set turns one bit on or off on an item and, when the item is a group, on all its
// children. Turning Create, Update or Delete on also turns Read on; turning Read off
// turns the others off, since none of them works without it.
func (p PermissionSet) Set(key string, bit int, on bool) {
	n, ok := permissionIndex[key]
	if !ok {
		return
	}
	var walk func(n PermissionNode)
	walk = func(n PermissionNode) {
		v := p[n.Key]
		switch {
		case on:
			v |= bit
		case bit == PermRead:
			v = 0
		default:
			v &^= bit
		}
		v = impliedRead(v)
		if v == 0 {
			delete(p, n.Key)
		} else {
			p[n.Key] = v
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(n)
}

// impliedRead adds Read to any of Create, Update or Delete.
func impliedRead(v int) int {
	if v&(PermCreate|PermUpdate|PermDelete) != 0 {
		v |= PermRead
	}
	return v
}

// CheckState is the state of a checkbox in the permission tree.
type CheckState int

// The three states: a group with only some of its items set is Partial.
const (
	CheckOff CheckState = iota
	CheckOn
	CheckPartial
)

// State is the checkbox state of one bit on an item: On when the item and all its
// descendants have it, Partial when only some do, Off when none do.
func (p PermissionSet) State(key string, bit int) CheckState {
	n, ok := permissionIndex[key]
	if !ok {
		return CheckOff
	}
	set, total := 0, 0
	var walk func(n PermissionNode)
	walk = func(n PermissionNode) {
		total++
		if p[n.Key]&bit != 0 {
			set++
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(n)
	switch set {
	case 0:
		return CheckOff
	case total:
		return CheckOn
	}
	return CheckPartial
}

// normalise checks that every item is in the tree and applies the implied Read.
func (p PermissionSet) normalise() (PermissionSet, error) {
	out := PermissionSet{}
	for k, v := range p {
		if _, ok := permissionIndex[k]; !ok {
			return nil, refuse("role.permission-item", "%q is not an item of the permission tree", k)
		}
		if v < 0 || v > 15 {
			return nil, refuse("role.permission-item", "the permissions of %q must be a combination of Create, Read, Update and Delete", k)
		}
		if v = impliedRead(v); v != 0 {
			out[k] = v
		}
	}
	return out, nil
}

// PermText writes bits as "CRUD" letters ("-R--" for read only).
func PermText(v int) string {
	var b strings.Builder
	for i, bit := range PermBits {
		if v&bit != 0 {
			b.WriteByte("CRUD"[i])
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}

// String lists the set as "item CRUD" pairs by key, for the journal and the CLI.
func (p PermissionSet) String() string {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %s", k, PermText(p[k]))
	}
	if len(parts) == 0 {
		return "no permissions"
	}
	return strings.Join(parts, ", ")
}

// ParsePermissions reads "users.skills=CRU,users.list=R" as the command line writes it.
func ParsePermissions(s string) (PermissionSet, error) {
	out := PermissionSet{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		key, letters, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("permission %q: write ITEM=CRUD, e.g. users.skills=RU", part)
		}
		v := 0
		for _, c := range strings.ToUpper(strings.TrimSpace(letters)) {
			i := strings.IndexRune("CRUD", c)
			if i < 0 {
				return nil, fmt.Errorf("permission %q: use the letters C, R, U and D", part)
			}
			v |= PermBits[i]
		}
		out[strings.TrimSpace(key)] |= v
	}
	return out, nil
}
