// Package demo generates a deterministic demo tenant: a directory of people with Teams,
// and the Nimbus side (OU tree, services, users, roles, skills, profiles, N/A reasons,
// Interact and Assistant settings) that an admin would find in a real one. The directory
// part is pure (Directory) so that a simulated Graph tenant can serve the same people the
// demo store holds.
package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"nimbusadmin/data"
	"nimbusadmin/data/internal/rawsql"
)

// Defaults and limits of Options.
const (
	DefaultUsers = 2000
	DefaultSeed  = 20260115
	MinUsers     = 16 // so that every combination of the four licences can occur
	MaxUsers     = 1_000_000
)

const (
	tenantName  = "Contoso Demo"
	teamsOUName = "Teams Users"
	widgetKey   = "5f3c9a1e7b2d48c6a0e9f1b3d5c7e9a2"
	snippet     = `<script src="https://interact.nimbus.example/widget.js" data-contact-id="{{contactId}}" data-widget-key="{{widgetKey}}" async></script>`
)

// Options says what to generate.
type Options struct {
	Users int    // Nimbus users, MinUsers to MaxUsers; 0 means DefaultUsers
	Seed  uint64 // 0 means DefaultSeed; the same seed always gives the same tenant

	// Progress, when set, is called now and then with how many of the users are built,
	// from 0 at the start to all of them once the tenant is stored.
	Progress func(built, total int)
}

// generator carries the plan and the writers of one Generate call. People are
// addressed by their index in people; the first n are the Nimbus users.
type generator struct {
	q      *data.Q
	w      *writer
	r      *rand.Rand
	n      int
	people []data.DirectoryUser
	rank   []int32 // position of each person when sorted by id (primary-key order)
	byID   []int32 // people indices sorted by id

	ous        []orgUnit
	ouByPath   map[string]int
	teamsOU    int
	divisionOU []int
	regionOU   [][]int   // [division][region]
	homesIn    [][][]int // [division][region] → OUs users are homed in

	home        []int16 // OU a Nimbus user works in (by department and domain)
	ou          []int16 // OU the user is placed in (home, higher, or the Teams OU)
	lic         []uint8
	teamsOrigin []bool

	services []service
	teams    []team

	skills                                []skillItem
	levelByValue                          []map[int]int64 // per skill: level value → id
	profiles, reasons                     []catalogItem
	domainTemplates, systemMessages       []catalogItem
	callTemplates, customRoles            []catalogItem
	skillsFor, profilesFor, reasonsFor    [][]int // per OU: eligible item indices
	domainTemplatesFor, systemMessagesFor [][]int
	callTemplatesFor, customRolesFor      [][]int
	onDuty, offDuty                       int64
	roleIDs                               map[string]int64
	adminGrants                           map[int32][]grant
	membershipStart                       []int32 // per user: offset into memberships
	memberships                           []userMembership
	nimbusUsers, roleAssignments          *batch
	progress                              *progress
}

// Generate fills an EMPTY store (no tenant yet) with a complete demo tenant in one
// transaction; it returns an error if the store already holds a tenant (or directory
// data from a sync), and then writes nothing.
func Generate(ctx context.Context, s *data.Store, o Options) error {
	n, seed := normalize(o.Users, o.Seed)
	if n < MinUsers || n > MaxUsers {
		return fmt.Errorf("a demo tenant has %d to %d users, not %d", MinUsers, MaxUsers, n)
	}
	if err := ensureEmpty(s.Read(ctx)); err != nil { // fail fast, before the directory is built
		return err
	}
	p := &progress{report: o.Progress, total: n}
	if p.report != nil {
		p.report(0, n)
	}
	people := Directory(n, seed)
	err := s.Tx(ctx, func(q *data.Q) error {
		if err := ensureEmpty(q); err != nil {
			return err
		}
		g := &generator{q: q, w: &writer{q: q}, r: rand.New(rand.NewPCG(seed, tenantStream)),
			n: n, people: people, progress: p}
		if err := g.run(); err != nil { // the rollback also closes the prepared statements
			return fmt.Errorf("cannot generate the demo tenant: %w", err)
		}
		return nil
	})
	if err == nil && p.report != nil {
		p.report(n, n)
	}
	return err
}

// ensureEmpty refuses a store that already holds a tenant or any directory data.
func ensureEmpty(q *data.Q) error {
	ts, err := q.TenantSettings()
	if err == nil {
		return fmt.Errorf("the cache already holds tenant %q; a demo tenant needs an empty cache", ts.TenantName)
	}
	if !errors.Is(err, data.ErrNotFound) {
		return err
	}
	stmt, err := rawsql.Prepare(q, `SELECT EXISTS (SELECT 1 FROM organization_units) OR EXISTS (SELECT 1 FROM directory_users)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	var used bool
	if err := stmt.QueryRow().Scan(&used); err != nil {
		return err
	}
	if used {
		return errors.New("the cache already holds directory data; a demo tenant needs an empty cache")
	}
	return nil
}

// run writes the whole tenant; the caller's transaction makes it all or nothing.
func (g *generator) run() error {
	root, err := g.q.InitTenant(data.TenantSettings{
		TenantID: "demo", TenantName: tenantName, IsDemo: true, DemoUsers: g.n,
		InteractEnabled: true, WidgetKey: widgetKey, SnippetTemplate: snippet,
		AdminSecurityGroup: "Nimbus Tenant Admins",
	})
	if err != nil {
		return err
	}
	if err := g.buildOUs(root); err != nil {
		return err
	}
	// Users arriving from Teams land in "Teams Users" until an admin moves them.
	if _, err := rawsql.Exec(g.q, `UPDATE tenant_settings SET default_teams_ou_id = ? WHERE id = 1`, g.ous[g.teamsOU].id); err != nil {
		return err
	}
	if err := g.readBuiltins(); err != nil {
		return err
	}
	g.sortPeople()
	g.writeDirectory()
	g.progress.finished(shareDirectory)
	if err := g.writeCatalogs(); err != nil {
		return err
	}
	g.planUsers()
	g.planServices()
	g.planTeamsMembers()
	g.planSkillMembers()
	g.planTeams()
	g.planAdmins()

	g.nimbusUsers = g.w.batch(nil, "nimbus_users", "id", "ou_id", "origin", "licences", "na_reasons_enabled", "added_at")
	g.roleAssignments = g.w.batch(g.nimbusUsers, "role_assignments", "user_id", "role_id", "scope_ou_id", "auto_granted", "source_service_id")
	g.writeTeams()
	g.progress.finished(shareTeams)
	if err := g.writeServices(); err != nil {
		return err
	}
	g.indexMemberships()
	g.writeUsers()
	g.progress.finished(shareUsers)
	g.writeServiceMembers()
	g.progress.finished(shareMembers)
	g.writeContingents()
	return g.w.close()
}

// readBuiltins reads the ids of the built-in roles and profiles (once each, not per row).
func (g *generator) readBuiltins() error {
	g.roleIDs = map[string]int64{}
	stmt, err := rawsql.Prepare(g.q, `SELECT id, builtin_key FROM roles WHERE builtin_key IS NOT NULL
		UNION ALL SELECT id, builtin FROM responsibility_profiles WHERE builtin IS NOT NULL`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	rows, err := stmt.Query()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var key string
		if err := rows.Scan(&id, &key); err != nil {
			return err
		}
		switch key {
		case "on_duty":
			g.onDuty = id
		case "off_duty":
			g.offDuty = id
		default:
			g.roleIDs[key] = id
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if g.onDuty == 0 || g.offDuty == 0 || g.roleIDs[data.RoleTenantAdmin] == 0 {
		return errors.New("the built-in roles or profiles are missing")
	}
	return nil
}

// sortPeople computes the id order, in which rows are written: inserting in
// primary-key order keeps SQLite's B-trees from splitting all over the file.
func (g *generator) sortPeople() {
	g.byID = make([]int32, len(g.people))
	for i := range g.byID {
		g.byID[i] = int32(i)
	}
	slices.SortFunc(g.byID, func(a, b int32) int { return strings.Compare(g.people[a].ID, g.people[b].ID) })
	g.rank = make([]int32, len(g.people))
	for pos, i := range g.byID {
		g.rank[i] = int32(pos)
	}
}

// writeDirectory writes every person of the directory.
func (g *generator) writeDirectory() {
	b := g.w.batch(nil, "directory_users", "id", "display_name", "given_name", "surname", "upn",
		"mail", "department", "job_title", "account_enabled")
	for k, i := range g.byID {
		g.progress.within(shareDirectory, k, len(g.byID))
		p := &g.people[i]
		var enabled any
		if p.AccountEnabled != nil {
			enabled = boolInt(*p.AccountEnabled)
		}
		b.add(p.ID, p.DisplayName, p.GivenName, p.Surname, p.UPN, p.Mail, p.Department, p.JobTitle, enabled)
	}
	b.flush()
}
