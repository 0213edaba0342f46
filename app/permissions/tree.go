// Package permissions is the permission tree of a custom role: its items (areas, tabs and
// detail settings), the Create/Read/Update/Delete bits of each, how a group's bits reach
// the items below it, and the text form the command line reads and writes.
package permissions

import (
	"fmt"

	"nimbusadmin/app/safetext"
)

// The CRUD bits of a custom role's permission item, as role_permissions stores them.
const (
	Create = 1
	Read   = 2
	Update = 4
	Delete = 8
)

// Bits lists the four bits in the order the permission tree shows them.
var Bits = []int{Create, Read, Update, Delete}

// BitName is a bit's column title ("Create").
func BitName(bit int) string {
	return map[int]string{Create: "Create", Read: "Read", Update: "Update", Delete: "Delete"}[bit]
}

// Item is one item of the custom-role permission tree: an area, a tab or a
// detail setting; each has its own Create/Read/Update/Delete.
type Item struct {
	Key      string
	Name     string
	Children []Item
}

func item(key, name string, children ...Item) Item {
	return Item{Key: key, Name: name, Children: children}
}

// tree is the Services and Users areas of a custom role's permissions.
var tree = []Item{
	item("services", "Services",
		item("services.list", "Services List"),
		item("services.general", "General Tab",
			item("services.general.info", "General info"),
			item("services.general.opening_hours", "Opening Hours"),
			item("services.general.reporting", "Reporting"),
			item("services.general.sla", "SLAs and Thresholds"),
			item("services.general.visibility", "Visibility"),
			item("services.general.licences", "Licenses and Addons")),
		item("services.modalities", "Modalities Tab",
			item("services.modalities.info", "General info"),
			item("services.modalities.audio_video", "Audio Video"),
			item("services.modalities.instant_messaging", "Instant Messaging"),
			item("services.modalities.external_task", "External Task"),
			item("services.modalities.email", "Email")),
		item("services.distribution", "Distribution Tab",
			item("services.distribution.users", "Users"),
			item("services.distribution.assignment_type", "User Assignment Type"),
			item("services.distribution.new_users_active", "New users immediately active"),
			item("services.distribution.conversations", "Conversations Distribution"),
			item("services.distribution.task_priority", "Task Priority"),
			item("services.distribution.acw", "ACW"),
			item("services.distribution.rona", "Persistent RONA"),
			item("services.distribution.emergency", "Emergency Routing")),
		item("services.extensions", "Extensions Tab",
			item("services.extensions.codes", "Codes"),
			item("services.extensions.assistant", "Assistant"),
			item("services.extensions.attendant_console", "Attendant Console"),
			item("services.extensions.my_sessions", "My Sessions",
				item("services.extensions.my_sessions.context_urls", "Conversation Context URLs"),
				item("services.extensions.my_sessions.store_context", "Store Conversation Context Data"),
				item("services.extensions.my_sessions.keep_context", "Keep Custom Context Parameter on Transfer"),
				item("services.extensions.my_sessions.widgets", "Widgets"))),
		item("services.interact", "Interact Tab"),
		item("services.users", "Users Tab (MS Teams-based services)",
			item("services.users.default_owner_role", "Default Team Owner Role"),
			item("services.users.member_active_state", "Team member can change active state"),
			item("services.users.list", "Users list"),
			item("services.users.users", "Users"),
			item("services.users.role", "Role"),
			item("services.users.active_state", "Active State")),
		item("services.permissions", "Permissions Tab (Skill-based services)"),
		item("services.companion", "Companion Tab")),
	item("users", "Users",
		item("users.list", "Users List"),
		item("users.general", "General Tab",
			item("users.general.info", "General Info"),
			item("users.general.licences", "Licenses and Modalities")),
		item("users.services", "Services Tab"),
		item("users.roles", "Roles Tab"),
		item("users.skills", "Skills Tab",
			item("users.skills.assignment", "Skill Assignment"),
			item("users.skills.levels", "Skill Levels")),
		item("users.profiles", "Profiles Tab"),
		item("users.na_reasons", "N/A Reasons Tab"),
		item("users.interact", "Interact Tab"),
		item("users.assistant", "Assistant Tab")),
}

// index maps every key to its node, and depth to its
// depth in the tree (0 for an area).
var index, depth = func() (map[string]Item, map[string]int) {
	idx, depth := map[string]Item{}, map[string]int{}
	var walk func(ns []Item, d int)
	walk = func(ns []Item, d int) {
		for _, n := range ns {
			idx[n.Key], depth[n.Key] = n, d
			walk(n.Children, d+1)
		}
	}
	walk(tree, 0)
	return idx, depth
}()

// follows maps each item that cannot be set on its own to the item whose
// permissions it always has: a Teams-based service's "Users" follow its "Users list".
var follows = map[string]string{"services.users.users": "services.users.list"}

// Follows names the item whose permissions key always has, so that the window
// can show key as following it instead of offering its own boxes.
func Follows(key string) (leader string, ok bool) {
	leader, ok = follows[key]
	return leader, ok
}

// eachBelow calls fn for n and every item below it.
func eachBelow(n Item, fn func(Item)) {
	fn(n)
	for _, c := range n.Children {
		eachBelow(c, fn)
	}
}

// Follow gives every following item the permissions of the item it follows.
func (p Set) Follow() {
	for follower, leader := range follows {
		if v := p[leader]; v != 0 {
			p[follower] = v
		} else {
			delete(p, follower)
		}
	}
}

// Tree gives the permission tree's areas.
func Tree() []Item { return tree }

// Lookup finds a node of the tree by key.
func Lookup(key string) (Item, bool) {
	n, ok := index[key]
	return n, ok
}

// Set is a custom role's permissions: item key → CRUD bits.
type Set map[string]int

// Clone copies the set, so that an editor can change it and still cancel.
func (p Set) Clone() Set {
	out := Set{}
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
func (p Set) Set(key string, bit int, on bool) {
	n, ok := index[key]
	if _, follows := follows[key]; !ok || follows {
		return
	}
	defer p.Follow()
	eachBelow(n, func(n Item) {
		v := p[n.Key]
		switch {
		case on:
			v |= bit
		case bit == Read:
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
	})
}

// impliedRead adds Read to any of Create, Update or Delete.
func impliedRead(v int) int {
	if v&(Create|Update|Delete) != 0 {
		v |= Read
	}
	return v
}

// Check is the state of a checkbox in the permission tree.
type Check int

// The three states: a group with only some of its items set is Partial.
const (
	Off Check = iota
	On
	Partial
)

// State is the checkbox state of one bit on an item: On when the item and all its
// descendants have it, Partial when only some do, Off when none do.
func (p Set) State(key string, bit int) Check {
	n, ok := index[key]
	if !ok {
		return Off
	}
	set, total := 0, 0
	var walk func(n Item)
	walk = func(n Item) {
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
		return Off
	case total:
		return On
	}
	return Partial
}

// Normalise checks that every item is in the tree, applies the implied Read and makes
// every following item ("Users") equal to the item it follows ("Users list").
func (p Set) Normalise() (Set, error) {
	out := Set{}
	for k, v := range p {
		if _, ok := index[k]; !ok {
			return nil, fmt.Errorf("%s is not an item of the permission tree", safetext.Quote(k))
		}
		if v < 0 || v > 15 {
			return nil, fmt.Errorf("the permissions of %s must be a combination of Create, Read, Update and Delete", safetext.Quote(k))
		}
		if v = impliedRead(v); v != 0 {
			out[k] = v
		}
	}
	out.Follow()
	return out, nil
}
