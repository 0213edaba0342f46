package app

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

// PermissionNode is one item of the custom-role permission tree: an area, a tab or a
// detail setting; each has its own Create/Read/Update/Delete.
type PermissionNode struct {
	Key      string
	Name     string
	Children []PermissionNode
}

func configNode(key, name string, children ...PermissionNode) PermissionNode {
	return PermissionNode{Key: key, Name: name, Children: children}
}

// configPermissionTree is the Services and Users areas of a custom role's permissions.
var configPermissionTree = []PermissionNode{
	configNode("services", "Services",
		configNode("services.list", "Services List"),
		configNode("services.general", "General Tab",
			configNode("services.general.info", "General info"),
			configNode("services.general.opening_hours", "Opening Hours"),
			configNode("services.general.reporting", "Reporting"),
			configNode("services.general.sla", "SLAs and Thresholds"),
			configNode("services.general.visibility", "Visibility"),
			configNode("services.general.licences", "Licenses and Addons")),
		configNode("services.modalities", "Modalities Tab",
			configNode("services.modalities.info", "General info"),
			configNode("services.modalities.audio_video", "Audio Video"),
			configNode("services.modalities.instant_messaging", "Instant Messaging"),
			configNode("services.modalities.external_task", "External Task"),
			configNode("services.modalities.email", "Email")),
		configNode("services.distribution", "Distribution Tab",
			configNode("services.distribution.users", "Users"),
			configNode("services.distribution.assignment_type", "User Assignment Type"),
			configNode("services.distribution.new_users_active", "New users immediately active"),
			configNode("services.distribution.conversations", "Conversations Distribution"),
			configNode("services.distribution.task_priority", "Task Priority"),
			configNode("services.distribution.acw", "ACW"),
			configNode("services.distribution.rona", "Persistent RONA"),
			configNode("services.distribution.emergency", "Emergency Routing")),
		configNode("services.extensions", "Extensions Tab",
			configNode("services.extensions.codes", "Codes"),
			configNode("services.extensions.assistant", "Assistant"),
			configNode("services.extensions.attendant_console", "Attendant Console"),
			configNode("services.extensions.my_sessions", "My Sessions",
				configNode("services.extensions.my_sessions.context_urls", "Conversation Context URLs"),
				configNode("services.extensions.my_sessions.store_context", "Store Conversation Context Data"),
				configNode("services.extensions.my_sessions.keep_context", "Keep Custom Context Parameter on Transfer"),
				configNode("services.extensions.my_sessions.widgets", "Widgets"))),
		configNode("services.interact", "Interact Tab"),
		configNode("services.users", "Users Tab (MS Teams-based services)",
			configNode("services.users.default_owner_role", "Default Team Owner Role"),
			configNode("services.users.member_active_state", "Team member can change active state"),
			configNode("services.users.list", "Users list"),
			configNode("services.users.users", "Users"),
			configNode("services.users.role", "Role"),
			configNode("services.users.active_state", "Active State")),
		configNode("services.permissions", "Permissions Tab (Skill-based services)"),
		configNode("services.companion", "Companion Tab")),
	configNode("users", "Users",
		configNode("users.list", "Users List"),
		configNode("users.general", "General Tab",
			configNode("users.general.info", "General Info"),
			configNode("users.general.licences", "Licenses and Modalities")),
		configNode("users.services", "Services Tab"),
		configNode("users.roles", "Roles Tab"),
		configNode("users.skills", "Skills Tab",
			configNode("users.skills.assignment", "Skill Assignment"),
			configNode("users.skills.levels", "Skill Levels")),
		configNode("users.profiles", "Profiles Tab"),
		configNode("users.na_reasons", "N/A Reasons Tab"),
		configNode("users.interact", "Interact Tab"),
		configNode("users.assistant", "Assistant Tab")),
}

// configPermissionIndex maps every key to its node, and configPermissionDepth to its
// depth in the tree (0 for an area).
var configPermissionIndex, configPermissionDepth = func() (map[string]PermissionNode, map[string]int) {
	idx, depth := map[string]PermissionNode{}, map[string]int{}
	var walk func(ns []PermissionNode, d int)
	walk = func(ns []PermissionNode, d int) {
		for _, n := range ns {
			idx[n.Key], depth[n.Key] = n, d
			walk(n.Children, d+1)
		}
	}
	walk(configPermissionTree, 0)
	return idx, depth
}()

// configPermissionFollows maps each item that cannot be set on its own to the item whose
// permissions it always has: a Teams-based service's "Users" follow its "Users list".
var configPermissionFollows = map[string]string{"services.users.users": "services.users.list"}

// PermissionFollows names the item whose permissions key always has, so that the window
// can show key as following it instead of offering its own boxes.
func PermissionFollows(key string) (leader string, ok bool) {
	leader, ok = configPermissionFollows[key]
	return leader, ok
}

// configEachBelow calls fn for n and every item below it.
func configEachBelow(n PermissionNode, fn func(PermissionNode)) {
	fn(n)
	for _, c := range n.Children {
		configEachBelow(c, fn)
	}
}

// follow gives every following item the permissions of the item it follows.
func (p PermissionSet) follow() {
	for follower, leader := range configPermissionFollows {
		if v := p[leader]; v != 0 {
			p[follower] = v
		} else {
			delete(p, follower)
		}
	}
}

// PermissionTree gives the permission tree's areas.
func PermissionTree() []PermissionNode { return configPermissionTree }

// PermissionItem finds a node of the tree by key.
func PermissionItem(key string) (PermissionNode, bool) {
	n, ok := configPermissionIndex[key]
	return n, ok
}

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
// turns the others off, since none of them works without it. An item that follows
// another cannot be set on its own: it changes with the item it follows.
func (p PermissionSet) Set(key string, bit int, on bool) {
	n, ok := configPermissionIndex[key]
	if _, follows := configPermissionFollows[key]; !ok || follows {
		return
	}
	defer p.follow()
	configEachBelow(n, func(n PermissionNode) {
		v := p[n.Key]
		switch {
		case on:
			v |= bit
		case bit == PermRead:
			v = 0
		default:
			v &^= bit
		}
		v = configImpliedRead(v)
		if v == 0 {
			delete(p, n.Key)
		} else {
			p[n.Key] = v
		}
	})
}

// configImpliedRead adds Read to any of Create, Update or Delete.
func configImpliedRead(v int) int {
	if v&(PermCreate|PermUpdate|PermDelete) != 0 {
		v |= PermRead
	}
	return v
}

// PermissionState is the state of a checkbox in the permission tree.
type PermissionState int

// The three states: a group with only some of its items set is Partial.
const (
	PermissionOff PermissionState = iota
	PermissionOn
	PermissionPartial
)

// State is the checkbox state of one bit on an item: On when the item and all its
// descendants have it, Partial when only some do, Off when none do.
func (p PermissionSet) State(key string, bit int) PermissionState {
	n, ok := configPermissionIndex[key]
	if !ok {
		return PermissionOff
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
		return PermissionOff
	case total:
		return PermissionOn
	}
	return PermissionPartial
}

// normalise checks that every item is in the tree, applies the implied Read and makes
// every following item ("Users") equal to the item it follows ("Users list").
func (p PermissionSet) normalise() (PermissionSet, error) {
	out := PermissionSet{}
	for k, v := range p {
		if _, ok := configPermissionIndex[k]; !ok {
			return nil, refuse("role.permission-item", "%q is not an item of the permission tree", k)
		}
		if v < 0 || v > 15 {
			return nil, refuse("role.permission-item", "the permissions of %q must be a combination of Create, Read, Update and Delete", k)
		}
		if v = configImpliedRead(v); v != 0 {
			out[k] = v
		}
	}
	out.follow()
	return out, nil
}
