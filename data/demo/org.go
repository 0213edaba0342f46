package demo

import (
	"slices"

	"nimbusadmin/data/internal/rawsql"
)

// orgUnit is one OU of the demo tree, addressed by its index in generator.ous.
type orgUnit struct {
	id       int64
	parent   int // index of the parent, -1 for the root
	name     string
	path     string // "Support/EMEA/London"; "" for the root
	division int    // index into departments, -1 above division level
	region   int    // index into regions, -1 above region level
	leaves   []int  // the home OUs (see homeOU) in its subtree, itself included
}

// supportDivision is the division whose EMEA sites are split into 1st and 2nd level.
const supportDivision = 1

// buildOUs writes the OU tree below the root: "Teams Users" (the default OU for users
// arriving from Teams) and divisions → regions → two sites each, the EMEA support sites
// split once more. Users are homed in the OUs without children.
func (g *generator) buildOUs(rootID int64) error {
	stmt, err := rawsql.Prepare(g.q, `INSERT INTO organization_units (parent_id, name) VALUES (?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	g.ous = []orgUnit{{id: rootID, parent: -1, name: tenantName, division: -1, region: -1}}
	g.ouByPath = map[string]int{"": 0}
	add := func(parent int, name string, div, reg int) int {
		if err != nil {
			return 0
		}
		res, e := stmt.Exec(g.ous[parent].id, name)
		if e != nil {
			err = e
			return 0
		}
		id, _ := res.LastInsertId()
		path := name
		if parent != 0 {
			path = g.ous[parent].path + "/" + name
		}
		g.ous = append(g.ous, orgUnit{id: id, parent: parent, name: name, path: path, division: div, region: reg})
		g.ouByPath[path] = len(g.ous) - 1
		return len(g.ous) - 1
	}

	g.teamsOU = add(0, teamsOUName, -1, -1)
	g.divisionOU = make([]int, divisions)
	g.regionOU = make([][]int, divisions)
	for d := range divisions {
		g.divisionOU[d] = add(0, departments[d].name, d, -1)
		g.regionOU[d] = make([]int, len(regions))
		for ri := range regions {
			reg := add(g.divisionOU[d], regions[ri].name, d, ri)
			g.regionOU[d][ri] = reg
			sites := g.r.Perm(len(regions[ri].cities))[:2]
			slices.Sort(sites)
			for _, c := range sites {
				site := add(reg, regions[ri].cities[c], d, ri)
				if d == supportDivision && regions[ri].name == "EMEA" {
					add(site, "1st Level", d, ri)
					add(site, "2nd Level", d, ri)
				}
			}
		}
	}
	if err != nil {
		return err
	}

	hasChildren := make([]bool, len(g.ous))
	for _, u := range g.ous[1:] {
		hasChildren[u.parent] = true
	}
	g.homesIn = make([][][]int, divisions)
	for d := range divisions {
		g.homesIn[d] = make([][]int, len(regions))
	}
	for i, u := range g.ous {
		if hasChildren[i] || u.region < 0 {
			continue
		}
		g.homesIn[u.division][u.region] = append(g.homesIn[u.division][u.region], i)
		for a := i; a >= 0; a = g.ous[a].parent {
			g.ous[a].leaves = append(g.ous[a].leaves, i)
		}
	}
	return nil
}

// within reports whether OU a is OU b or one of its ancestors: whether an item living
// in a may be assigned to a user in b ("same OU or higher").
func (g *generator) within(a, b int) bool {
	for x := b; x >= 0; x = g.ous[x].parent {
		if x == a {
			return true
		}
	}
	return false
}

// eligible lists, for every OU, the indices of the items (given by the OU each lives
// in) that users of that OU may be assigned.
func (g *generator) eligible(itemOUs []int) [][]int {
	out := make([][]int, len(g.ous))
	for ou := range g.ous {
		for item, itemOU := range itemOUs {
			if g.within(itemOU, ou) {
				out[ou] = append(out[ou], item)
			}
		}
	}
	return out
}

// ou resolves a catalogue path ("Support/EMEA") to an OU index; the paths are constants
// of this package, so a miss is a programming error.
func (g *generator) ouAt(path string) int {
	i, ok := g.ouByPath[path]
	if !ok {
		panic("demo: no OU " + path)
	}
	return i
}
