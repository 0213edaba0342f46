package cli

import "nimbusadmin/data"

// verbGroup is a heading of the help and the verbs listed under it.
type verbGroup struct {
	heading string
	verbs   []verb
}

// verbGroups is every verb of the command line, in the order 'help' lists them: the user
// list, one user (as the detail view's tabs go), services, the configuration, the
// directory and sync, signing in, and the journal. Each verb's run function lives in the
// file of its area.
var verbGroups = []verbGroup{
	{"Getting help", []verb{
		{"help", "[VERB]", "list every verb, or say what one verb does and which flags it takes (also: VERB --help)", nil},
		{"version", "[--format table|json]", "the version of Nimbus Admin, the commit it was built from and when (the window's Help > About says the same)", runVersion},
	}},
	{"The Nimbus user list", []verb{
		{"users", "[--search Q] [--ou OU] [--ou-only] [--licence NAME]... [--department D] [--role ROLE] [--format table|csv|json]",
			"the Nimbus user list with its eight columns; the filters combine (AND); --role keeps the holders of a role in any scope", runUsers},
		{"users add", "ID|UPN --ou OU [--from-graph] [--licence NAME]... [--format table|json]",
			"make a person of the directory a Nimbus user (added by hand), in an OU (--ou / for the tenant root), with licences; --from-graph finds someone who joined since the last sync", runUsersAdd},
		{"users delete", "ID|UPN", "remove a manually added user from Nimbus (never from the directory or Teams)", runUsersDelete},
	}},
	{"One user", []verb{
		{"user show", "ID|UPN [--format table|json]", "everything the user detail view shows", runUserShow},
		{"user licence", "ID|UPN --grant NAME|--revoke NAME", "grant or revoke a licence (contact-center, attendant-console, interact, assistant)", runUserLicence},
		{"user move", "ID|UPN --ou OU [--drop-out-of-scope]",
			"move a user to another OU; what they hold from outside the new OU's path is listed in the refusal, or removed in the same change with --drop-out-of-scope", runUserMove},
		{"user role add", "ID|UPN ROLE --ou OU",
			`give a user a role in an OU scope; ROLE is its name as written ("Supervisor (User)", a custom role's name) or its id`, runUserRoleAdd},
		{"user role remove", "ID|UPN ROLE [--ou OU]",
			"take a role from a user; --ou names the scope when they hold the role in more than one", runUserRoleRemove},
		{"user role scope", "ID|UPN ROLE --to OU [--ou OU]",
			"move a role a user holds to another OU scope; --ou names the scope it has now when they hold the role in more than one", runUserRoleScope},
		{"user skill add", "ID|UPN SKILL [--level LEVEL]",
			"give a user a skill at a level of its category (or change the level of a skill they hold); SKILL is a name or id", runUserSkillAdd},
		{"user skill remove", "ID|UPN SKILL", "take a skill from a user", runUserSkillRemove},
		{"user profile add", "ID|UPN PROFILE", "assign a responsibility profile (name or id) to a user", runUserProfile(profileAdd)},
		{"user profile remove", "ID|UPN PROFILE", "take a responsibility profile from a user (not On Duty, Off Duty or the active one)", runUserProfile(profileRemove)},
		{"user profile activate", "ID|UPN PROFILE", "make one of the user's profiles the active one", runUserProfile(profileActivate)},
		{"user na-reasons", "ID|UPN [--enable|--disable] [--set REASON,...]",
			"switch a user's not-available reasons on or off and set them, in the order given (names or ids; --set none empties the list)", runUserNAReasons},
		{"user interact", "ID|UPN [--active on|off] [--av on|off] [--im on|off] [--system-message M] [--restrict-access on|off] [--domain-template T]",
			"change a user's Interact settings; what is not given keeps its value; M and T are names or ids, none clears them", runUserInteract},
		{"user snippet", "ID|UPN", "print the user's Interact widget snippet, ready to paste into a web page", runUserSnippet},
		{"user assistant", "ID|UPN --set TEMPLATE,...",
			"set a user's Assistant direct call templates, in the order given (names or ids; --set none empties the list)", runUserAssistant},
	}},
	{"Services", []verb{
		{"services", "[--format table|csv|json]", "the services with their user assignment type, licence, Team, OU and user count", runServices},
		{"services add-team", "TEAM_ID --ou OU [--licence contact-center|enterprise-routing|advanced-routing]",
			"provision a Team as an MS Teams-based service (advanced-routing unless given): its members and owners become Nimbus users", runServicesAddTeam},
		{"services add", "--type skill|none --name NAME --ou OU [--licence contact-center|enterprise-routing|advanced-routing]",
			"create a Skill-based or None (IVR) service; its licence is contact-center for skill, advanced-routing for none unless given", runServicesAdd},
		{"services rename", "SERVICE NAME", "rename a Skill-based or None service (SERVICE is its name or id); MS Teams-based ones take their Team's name", runServicesRename},
		{"services delete", "SERVICE [--yes]", "delete a Skill-based or None service; one with agents or owners only with --yes, after naming them", runServicesDelete},
		{"services licence", "SERVICE contact-center|enterprise-routing|advanced-routing", "change the licence a service carries", runServicesLicence},
		{"services settings", "SERVICE [--default-owner-role full|limited] [--members-can-change-active on|off] [--format table|csv|json]",
			"show or change an MS Teams-based service's settings", runServicesSettings},
		{"services members", "SERVICE [--format table|csv|json]",
			"a service's users: display name, UPN, O365 ID, membership, and for MS Teams-based services active and owner role", runServicesMembers},
		{"services members add", "SERVICE ID|UPN --role agent|owner", "add an agent or owner to a Skill-based Contact Center service", runServicesMembersAdd},
		{"services members remove", "SERVICE ID|UPN --role agent|owner", "take an agent or owner off a Skill-based service", runServicesMembersRemove},
		{"services members active", "SERVICE ID|UPN on|off", "switch call distribution to a user of an MS Teams-based service on or off", runServicesMembersActive},
		{"services members owner-role", "SERVICE ID|UPN full|limited", "switch an owner of an MS Teams-based service between Team Owner and Team Owner (limited)", runServicesMembersOwnerRole},
	}},
	{"Organization units and configuration", []verb{
		{"ous", "[--format table|csv|json]", "the organization unit tree", runOUs},
		{"config ous", "list|add NAME --parent OU|rename OU NAME|move OU --to OU|delete OU [--format table|csv|json]",
			"the organization unit tree: what each OU holds; create, rename, move (no cycles), delete (only when empty)", runConfigOUs},
		configVerb(data.ConfigSkillCategories, "add NAME --ou OU [--level NAME=NUMBER]...|levels CATEGORY [--add NAME=NUMBER]... [--rename OLD=NEW]... [--remove NAME]... [--order NAME,...]",
			"skill categories with their ordered levels (or none); levels lists who holds each level and changes them: removals, renames, additions, then the order (the levels keep their numbers and take them in that order); a level someone holds cannot be removed"),
		configVerb(data.ConfigSkills, "add NAME --category CATEGORY --ou OU", "skills, each in one category"),
		configVerb(data.ConfigProfiles, "add NAME --ou OU --skill SKILL[=LEVEL]...", "responsibility profiles (On Duty and Off Duty are built in)"),
		configVerb(data.ConfigNAReasons, "add NAME --ou OU", "not-available reasons"),
		configVerb(data.ConfigDomainTemplates, "add NAME --ou OU --origin https://HOST...", "Interact domain templates: the web sites (CORS origins) allowed to embed a widget"),
		configVerb(data.ConfigSystemMessages, "add NAME --ou OU --display-name TEXT [--welcome TEXT]", "Interact direct system messages"),
		configVerb(data.ConfigCallTemplates, "add NAME --ou OU --url URL [--description TEXT]", "Assistant direct call templates"),
		configVerb(data.ConfigCustomRoles, "add NAME --ou OU [--description TEXT] [--permissions ITEM=CRUD,...]|show ID|NAME|permissions ID|NAME --set ITEM=CRUD,...",
			"custom roles: show prints the permission tree and the holders; permissions replaces it; a group's letters go to every item below it and items given below a group override them (users=RU,users.roles=R); C, U and D bring R; Users (services.users.users) follows Users list"),
		{"config settings",
			"show [--format table|json] | set [--interact on|off] [--snippet-template T] [--default-ou OU] [--admin-group G] [--contingent LICENCE=N|unlimited]... | regenerate-widget-key --yes",
			"tenant settings: Interact, the Widget Key (every snippet changes when it is regenerated), the snippet template, the OU for users from Teams, the admin group, and the licence contingents (how many users may hold each licence; show lists in use / contingent)",
			runConfigSettings},
	}},
	{"The directory and sync", []verb{
		{"directory users", "[--search Q] [--format table|csv|json]", "the cached directory (JSON with Graph's field names; absent values as null)", runDirectoryUsers},
		{"directory teams", "[--format table|csv|json]", "the cached Teams with the ids of their members and owners", runDirectoryTeams},
		{"check", "[--format table|csv|json] [--provenance FILE]", "list what is inconsistent in the cache and cannot be prevented by the rules (it comes from the directory or from time), with what to do; exits 1 when it finds something", runCheck},
		{"sync", "[--full]", "read the directory and its Teams from Microsoft Graph into the cache (incremental once a delta link is saved)", runSync},
		{"changes", "[--since DATE | --sync N] [--user ID|UPN] [--kind KIND]... [--format table|csv|json] [--provenance FILE]",
			"what the syncs changed, per person: joined or left the directory, renamed, UPN, department or job title changed, disabled or enabled, joined or left a Team, and what that did in Nimbus (joined, left, kept, role granted or removed); newest sync first", runChanges},
	}},
	{"Signing in", []verb{
		{"signin", "", "sign in to the tenant with a device code (silent when already signed in)", runSignIn},
		{"signout", "", "forget the signed-in account: its tokens, the encrypted cache file and its keyring key", runSignOut},
		{"status", "[--format table|json]", "tenant, signed-in account, cloud, cache paths, last sync, counts and licences in use / contingent (never a token)", runAuthStatus},
	}},
	{"Team mode", []verb{
		{"serve", "--postgres URL --tenant-id ID --client-id ID (--tls-cert FILE --tls-key FILE | --behind-proxy) [--listen ADDR] [--scope NAME] [--data-dir DIR] [--sync-every 15m] [--sync-client-id ID] [--sync-secret-file FILE | --sync-cert FILE --sync-key FILE]",
			"run the tenant's Nimbus Admin server on PostgreSQL, which every admin's desktop replicates with --server URL; it syncs the directory itself with its app's own credentials (the secret from a file or NIMBUSADMIN_SYNC_SECRET)", runServe},
		{"server connect", "URL | --forget [URL]",
			"check a team server and remember it for its tenant, so that later command lines and the window use it without --server; --forget forgets it (every remembered server when none is named)", runServerConnect},
		{"server import", "--db FILE", "load a single admin's cache into a new team server given with --server (a Tenant Administrator; refused once the server holds a tenant)", runServerImport},
	}},
	{"The journal", []verb{
		{"journal", "[--user ID|UPN] [--admin UPN] [--kind K] [--since DATE] [--until DATE] [--limit N] [--format table|csv|json] [--provenance FILE]", "the newest accepted changes: who, when, what, old -> new; only those about a user, by an admin, of a kind (user.licences, or user for every user.…) or between dates (2006-01-02 or RFC 3339)", runJournal},
	}},
}

// verbs is every verb in help order, without the headings, for finding a verb by name.
var verbs = allVerbs(verbGroups)

func allVerbs(groups []verbGroup) []verb {
	var all []verb
	for _, g := range groups {
		all = append(all, g.verbs...)
	}
	return all
}
