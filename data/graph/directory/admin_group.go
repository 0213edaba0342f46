package directory

// Group is one entry of a groups listing: its id and display name.
type Group struct {
	ID          string `json:"id"`
	DisplayName string `json:"displayName"`
}

// AdminGroup is the tenant administration security group as the directory holds it: a
// sync needs to know whether exactly one group has the name in tenant settings, and who
// its users are, so that they act as Tenant Administrators.
type AdminGroup struct {
	Name    string   // the display name looked for
	Matches int      // groups of that name: 0 when none, more than 1 when it is ambiguous
	ID      string   // the group's object id when exactly one matches
	Members []string // when exactly one matches: the directory ids of its users, nested groups' users included
}
