package demo

import (
	"math/rand/v2"
	"strconv"
	"strings"

	"nimbusadmin/data"
)

// Streams of the PCG generator: the directory and the Nimbus side draw from separate
// streams, so changing one never reshuffles the other.
const (
	directoryStream = 0x6469726563746f72 // "director"
	tenantStream    = 0x74656e616e742121 // "tenant!!"
)

// normalize applies the defaults: n <= 0 means DefaultUsers and seed 0 means DefaultSeed.
func normalize(n int, seed uint64) (int, uint64) {
	if n <= 0 {
		n = DefaultUsers
	}
	if seed == 0 {
		seed = DefaultSeed
	}
	return n, seed
}

// DirectorySize is how many people Directory returns for n Nimbus users, so that callers
// can size things without generating the directory.
func DirectorySize(n int) int {
	n, _ = normalize(n, 0)
	return n + max(n/4, 200)
}

// Directory returns the deterministic directory people for a tenant with n Nimbus users:
// about n + n/4 (at least 200 more) people; the first n are the future Nimbus users.
// Same input, same output, always. n <= 0 means DefaultUsers and seed 0 means DefaultSeed,
// as in Options.
func Directory(n int, seed uint64) []data.DirectoryUser {
	n, seed = normalize(n, seed)
	m := DirectorySize(n)
	r := rand.New(rand.NewPCG(seed, directoryStream))
	people := make([]data.DirectoryUser, m)
	enabled := make([]bool, m) // one allocation backs every AccountEnabled pointer
	g := directoryGen{r: r, upnCount: make(map[string]int)}
	for i := range people {
		people[i] = g.person(i, i < n, &enabled[i])
	}
	return people
}

// directoryGen holds what generating one person needs from the ones before.
type directoryGen struct {
	r        *rand.Rand
	upnCount map[string]int // how often a first.last@domain base was handed out
}

// person makes the i-th person of the directory; nimbus says the person will become a
// Nimbus user (and so works in one of the contact-center divisions, or has no department).
func (g *directoryGen) person(i int, nimbus bool, enabled *bool) data.DirectoryUser {
	r := g.r
	reg := &regions[pickRegion(r)]
	c := pickCulture(r, reg)
	given := c.given[r.IntN(len(c.given))]
	surname := c.surnames[r.IntN(len(c.surnames))]

	display := given.native + c.sep + surname.native
	if c.familyFirst {
		display = surname.native + c.sep + given.native
	}

	dept := ""
	title := genericTitles[r.IntN(len(genericTitles))]
	if r.IntN(10) != 0 { // about 10% have no department
		var d int
		if nimbus {
			d = pickWeighted(r, 30, 40, 18, 12) // Sales, Support, Operations, Finance
		} else {
			d = r.IntN(len(departments))
		}
		dept = departments[d].name
		title = departments[d].titles[r.IntN(len(departments[d].titles))]
	}

	upn := g.upn(i, given.ascii, surname.ascii, reg.domain)
	mail := upn
	if r.IntN(100) < 3 {
		mail = ""
	}
	if nimbus {
		*enabled = r.IntN(200) != 0
	} else {
		*enabled = r.IntN(25) != 0
	}
	return data.DirectoryUser{
		ID:             uuid(r),
		DisplayName:    display,
		GivenName:      given.native,
		Surname:        surname.native,
		UPN:            upn,
		Mail:           mail,
		Department:     dept,
		JobTitle:       title,
		AccountEnabled: enabled,
	}
}

// upn builds a unique lower-case ASCII first.last@domain, numbering repeats
// (first.last2@domain) and falling back to user<i+1>@domain when a name has no ASCII
// spelling. Bases always contain a dot and fallbacks never do, so they cannot collide.
func (g *directoryGen) upn(i int, given, surname, domain string) string {
	if given == "" || surname == "" {
		return "user" + strconv.Itoa(i+1) + "@" + domain
	}
	local := given + "." + surname
	key := local + "@" + domain
	k := g.upnCount[key]
	g.upnCount[key] = k + 1
	if k == 0 {
		return key
	}
	return local + strconv.Itoa(k+1) + "@" + domain
}

func pickRegion(r *rand.Rand) int {
	return pickWeighted(r, regions[0].weight, regions[1].weight, regions[2].weight)
}

func pickCulture(r *rand.Rand, reg *region) *culture {
	total := 0
	for _, wc := range reg.cultures {
		total += wc.weight
	}
	x := r.IntN(total)
	for _, wc := range reg.cultures {
		if x < wc.weight {
			return wc.c
		}
		x -= wc.weight
	}
	return reg.cultures[len(reg.cultures)-1].c
}

// regionOf tells the region index from a UPN's domain (-1 when it is none of ours).
func regionOf(upn string) int {
	_, domain, _ := strings.Cut(upn, "@")
	for i := range regions {
		if regions[i].domain == domain {
			return i
		}
	}
	return -1
}

// divisionOf tells the division index from a department (-1 for other or no department).
func divisionOf(dept string) int {
	for i := range divisions {
		if departments[i].name == dept {
			return i
		}
	}
	return -1
}

const hexDigits = "0123456789abcdef"

// uuid draws a random version-4-shaped lower-case UUID ("8-4-4-4-12" hex) from r.
func uuid(r *rand.Rand) string {
	hi, lo := r.Uint64(), r.Uint64()
	hi = hi&^0xf000 | 0x4000           // version 4
	lo = lo&^(0xc000<<48) | 0x8000<<48 // RFC 4122 variant
	var b [36]byte
	pos := 0
	for k := 0; k < 32; k++ {
		if k == 8 || k == 12 || k == 16 || k == 20 {
			b[pos] = '-'
			pos++
		}
		var nibble uint64
		if k < 16 {
			nibble = hi >> (60 - 4*k) & 0xf
		} else {
			nibble = lo >> (60 - 4*(k-16)) & 0xf
		}
		b[pos] = hexDigits[nibble]
		pos++
	}
	return string(b[:])
}
