package userlist

import (
	"runtime"
	"slices"
	"strings"
	"sync"

	"nimbusadmin/data"
)

// listKey is what the filters check of one row, packed together so that a scan over a
// million rows touches one cache line per row instead of the whole Row.
type listKey struct {
	key, domain string
	ouID        int64
	routing     int32
	department  int32 // into View.departments
	profile     int32 // into View.profiles
	licences    data.LicenceSet
}

// buildKeys packs the filter fields of the rows from the first-th on, and notes their
// distinct departments and profiles.
func (v *View) buildKeys(first int) {
	rows := v.Index.Rows
	v.keys = slices.Grow(v.keys[:first], len(rows)-first)[:len(rows)]
	if v.departmentIDs == nil {
		v.departmentIDs, v.profileIDs = map[string]int32{}, map[string]int32{}
	}
	intern := func(m map[string]int32, list *[]string, s string) int32 {
		id, ok := m[s]
		if !ok {
			id = int32(len(*list))
			m[s] = id
			*list = append(*list, s)
		}
		return id
	}
	// Copy the search keys into one block, in row order, so that a scan reads memory
	// front to back instead of chasing each row's own allocation.
	size := 0
	for i := first; i < len(rows); i++ {
		size += len(rows[i].key) + len(rows[i].domain)
	}
	var block strings.Builder
	block.Grow(size)
	for i := first; i < len(rows); i++ {
		block.WriteString(rows[i].key)
		block.WriteString(rows[i].domain)
	}
	all, at := block.String(), 0
	shared := make([]uint8, len(rows)-first)
	for i := first; i < len(rows); i++ {
		r := &rows[i]
		key := all[at : at+len(r.key)]
		at += len(r.key)
		domain := all[at : at+len(r.domain)]
		at += len(r.domain)
		r.key, r.domain = key, domain // equal strings; the rows' own copies can be freed
		shared[i-first] = r.shareKey()
		v.keys[i] = listKey{key: key, domain: domain, ouID: r.OUID, routing: int32(r.RoutingServices),
			department: intern(v.departmentIDs, &v.departments, r.Department),
			profile:    intern(v.profileIDs, &v.profiles, r.ActiveProfile), licences: r.Licences}
	}
	packTexts(rows[first:], shared)
}

// packTexts copies the display names, and the IDs and addresses their search keys do not
// hold, into one block: the strings the cache gave, one allocation each among others
// freed, would keep half-empty pages of the heap.
func packTexts(rows []Row, shared []uint8) {
	fields := func(r *Row, keyed uint8, each func(*string)) {
		each(&r.DisplayName)
		for bit, f := range []*string{&r.UPN, &r.ID, &r.Mail} {
			if keyed&(1<<bit) == 0 {
				each(f)
			}
		}
	}
	size := 0
	for i := range rows {
		fields(&rows[i], shared[i], func(s *string) { size += len(*s) })
	}
	var block strings.Builder
	block.Grow(size)
	for i := range rows {
		fields(&rows[i], shared[i], func(s *string) { block.WriteString(*s) })
	}
	all, at := block.String(), 0
	for i := range rows {
		fields(&rows[i], shared[i], func(s *string) {
			*s = all[at : at+len(*s)]
			at += len(*s)
		})
	}
}

// filterIn keeps the positions of candidates whose rows match f, in the candidates' order.
func (v *View) filterIn(f Filter, candidates []int) []int {
	words := searchNeedles(f.Search)
	var ous map[int64]bool
	if len(f.OUs) > 0 {
		ous = make(map[int64]bool, len(f.OUs))
		for _, id := range f.OUs {
			ous[id] = true
		}
	}
	deptOK := make([]bool, len(v.departments))
	for i, d := range v.departments {
		deptOK[i] = matchDepartment(d, f.Department)
	}
	profileOK := make([]bool, len(v.profiles))
	for i, p := range v.profiles {
		profileOK[i] = matchProfile(p, f.ActiveProfile)
	}
	out := make([]int, 0, len(candidates)/4+16)
	for _, i := range candidates {
		k := &v.keys[i]
		if ous != nil && !ous[k.ouID] ||
			!k.licences.Has(f.WithLicences) || k.licences&f.WithoutLicences != 0 ||
			!deptOK[k.department] || !profileOK[k.profile] ||
			f.Routing == RoutingNone && k.routing > 0 ||
			f.Routing == RoutingAny && k.routing == 0 ||
			f.Role != nil && !v.roleRows[i] ||
			!matchWords(k.key, k.domain, words) {
			continue
		}
		out = append(out, i)
	}
	return out
}

// prepareRole works out, once per chosen Role filter, which rows hold the role, so that
// a scan tests a flag per row instead of looking the user up in the set.
func (v *View) prepareRole(h *RoleHolders) {
	if h == nil || h == v.roleFor {
		return
	}
	rows := v.Index.Rows
	if len(v.roleRows) != len(rows) {
		v.roleRows = make([]bool, len(rows))
	}
	for i := range rows {
		v.roleRows[i] = h.Has(rows[i].ID)
	}
	v.roleFor = h
}

// searchNeedle is one search word as a scan looks for it: in the key, or, for "@domain",
// at the start of a domain in the domain key.
type searchNeedle struct {
	text     string
	inDomain bool
}

// searchNeedles prepares the words of a search once per scan, not once per row.
func searchNeedles(search string) []searchNeedle {
	words := strings.Fields(strings.ToLower(search))
	out := make([]searchNeedle, len(words))
	for i, w := range words {
		if isDomainWord(w) {
			out[i] = searchNeedle{"\x00" + w[1:], true}
		} else {
			out[i] = searchNeedle{w, false}
		}
	}
	return out
}

// matchWords is Row.matches over a packed key.
func matchWords(key, domain string, words []searchNeedle) bool {
	for _, w := range words {
		if w.inDomain {
			if !strings.Contains(domain, w.text) {
				return false
			}
		} else if !strings.Contains(key, w.text) {
			return false
		}
	}
	return true
}

// parallelScanMin is the number of candidates above which a scan is split over the CPUs.
const parallelScanMin = 50_000

// filterParallel is filterIn split into one chunk per CPU for large lists; the chunks'
// results are joined in order, so the result is the same as filterIn's.
func (v *View) filterParallel(f Filter, candidates []int) []int {
	workers := runtime.GOMAXPROCS(0)
	if len(candidates) < parallelScanMin || workers < 2 {
		return v.filterIn(f, candidates)
	}
	parts := make([][]int, workers)
	size := (len(candidates) + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := min(w*size, len(candidates)), min((w+1)*size, len(candidates))
		wg.Go(func() { parts[w] = v.filterIn(f, candidates[lo:hi]) })
	}
	wg.Wait()
	return slices.Concat(parts...)
}

// shareKey points the row's UPN, O365 ID and mail at their part of its search key where
// they are written the same (already in lower case, as IDs and most addresses are), so
// that the list holds that text once; bits 0, 1 and 2 of the result say which it shared.
func (r *Row) shareKey() uint8 {
	var shared uint8
	_, rest, _ := strings.Cut(r.key, "\x00") // the display name first
	for bit, field := range []*string{&r.UPN, &r.ID, &r.Mail} {
		var part string
		part, rest, _ = strings.Cut(rest, "\x00")
		if *field == part {
			*field, shared = part, shared|1<<bit
		} else if field == &r.Mail && part == "" && r.Mail != "" && r.Mail == r.UPN {
			*field, shared = r.UPN, shared|1<<bit // the key holds the mail as the UPN
		}
	}
	return shared
}
