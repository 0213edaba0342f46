package demo

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"nimbusadmin/data"
)

var (
	uuidShape = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	upnShape  = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]*@[a-z0-9-]+(\.[a-z0-9-]+)+$`)
)

func TestDirectoryIsDeterministic(t *testing.T) {
	a, b := Directory(500, 7), Directory(500, 7)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same n and seed gave different directories")
	}
	if len(a) != 700 || DirectorySize(500) != 700 {
		t.Fatalf("500 Nimbus users: got %d people (DirectorySize %d), want 500 + 200", len(a), DirectorySize(500))
	}
	if c := Directory(500, 8); reflect.DeepEqual(a, c) {
		t.Error("different seeds gave the same directory")
	}
	if !reflect.DeepEqual(Directory(0, 0), Directory(DefaultUsers, DefaultSeed)) {
		t.Error("n 0 and seed 0 should mean the defaults")
	}
	if got := len(Directory(8000, 1)); got != 10000 {
		t.Errorf("8000 Nimbus users: got %d people, want 10000", got)
	}
}

func TestDirectoryPeopleLookReal(t *testing.T) {
	people := Directory(4000, 3)
	ids, upns, domains := map[string]bool{}, map[string]bool{}, map[string]int{}
	var nonASCII, fallback, noMail, noDept, disabled int
	for _, p := range people {
		if !uuidShape.MatchString(p.ID) || ids[p.ID] {
			t.Fatalf("id %q is not a new UUID-shaped id", p.ID)
		}
		ids[p.ID] = true
		if !upnShape.MatchString(p.UPN) || upns[p.UPN] {
			t.Fatalf("UPN %q is not a new lower-case ASCII UPN", p.UPN)
		}
		upns[p.UPN] = true
		_, domain, _ := strings.Cut(p.UPN, "@")
		domains[domain]++
		if strings.HasPrefix(p.UPN, "user") && !strings.Contains(strings.Split(p.UPN, "@")[0], ".") {
			fallback++
		}
		if p.DisplayName == "" || p.GivenName == "" || p.Surname == "" {
			t.Fatalf("%s has no name: %+v", p.ID, p)
		}
		if !isASCII(p.DisplayName) {
			nonASCII++
		}
		if p.Mail == "" {
			noMail++
		} else if p.Mail != p.UPN {
			t.Errorf("mail %q differs from UPN %q", p.Mail, p.UPN)
		}
		if p.Department == "" {
			noDept++
		}
		if p.AccountEnabled == nil {
			t.Fatalf("%s: accountEnabled unknown", p.UPN)
		} else if !*p.AccountEnabled {
			disabled++
		}
	}
	if len(domains) < 2 {
		t.Errorf("UPN domains %v, want at least two", domains)
	}
	if nonASCII < len(people)/10 || fallback == 0 {
		t.Errorf("%d non-ASCII display names and %d user<N> UPNs of %d people; want both", nonASCII, fallback, len(people))
	}
	within(t, "people without mail", noMail, len(people), 1, 6)
	within(t, "people without department", noDept, len(people), 5, 15)
	if disabled == 0 || disabled > len(people)/20 {
		t.Errorf("%d disabled accounts of %d, want a few", disabled, len(people))
	}
	for _, want := range []string{"José", "Łukasz", "Søren", "Мария", "李", "محمد", "Αλέξανδρος", "O'Brien", "Ana-María"} {
		found := false
		for _, p := range people {
			if strings.Contains(p.DisplayName, want) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no display name contains %q", want)
		}
	}
}

func TestTransliterate(t *testing.T) {
	for in, want := range map[string]string{"Łukasz": "lukasz", "O'Brien": "obrien", "Ana-María": "ana-maria",
		"Søren": "soren", "Groß": "gross", "Zoë": "zoe", "İlker": "ilker", "민준": "", "Мария": ""} {
		if got := transliterate(in); got != want {
			t.Errorf("transliterate(%q) = %q, want %q", in, got, want)
		}
	}
}

func isASCII(s string) bool { return utf8.RuneCountInString(s) == len(s) }

// within fails unless part is between lo and hi percent of whole.
func within(t *testing.T, what string, part, whole int, lo, hi float64) {
	t.Helper()
	if pct := 100 * float64(part) / float64(whole); pct < lo || pct > hi {
		t.Errorf("%s: %d of %d (%.1f%%), want %g–%g%%", what, part, whole, pct, lo, hi)
	}
}

// generated generates a demo tenant into a fresh file and returns the store and a
// separate read-only connection for the assertions.
func generated(t testing.TB, o Options) (*data.Store, *sql.DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := Generate(context.Background(), s, o); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return s, db
}

func count(t testing.TB, db *sql.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%v\n%s", err, query)
	}
	return n
}

// none fails when query (a COUNT) finds any row.
func none(t *testing.T, db *sql.DB, what, query string) {
	t.Helper()
	if n := count(t, db, query); n != 0 {
		t.Errorf("%s: %d rows", what, n)
	}
}

// some fails when query (a COUNT) finds no row.
func some(t *testing.T, db *sql.DB, what, query string, args ...any) {
	t.Helper()
	if n := count(t, db, query, args...); n == 0 {
		t.Errorf("%s: none", what)
	}
}

// tableCounts counts the rows of every table, to show that nothing was written.
func tableCounts(t *testing.T, db *sql.DB) string {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		rows.Scan(&name)
		tables = append(tables, name)
	}
	rows.Close()
	var b strings.Builder
	for _, name := range tables {
		fmt.Fprintf(&b, "%s=%d ", name, count(t, db, `SELECT COUNT(*) FROM `+name))
	}
	return b.String()
}

func TestGenerateRefusesAStoreWithATenant(t *testing.T) {
	s, db := generated(t, Options{Users: 100})
	before := tableCounts(t, db)
	if err := Generate(context.Background(), s, Options{Users: 100}); err == nil {
		t.Fatal("a second Generate into the same store succeeded")
	}
	if after := tableCounts(t, db); after != before {
		t.Errorf("the refused Generate wrote:\nbefore %s\nafter  %s", before, after)
	}

	path := filepath.Join(t.TempDir(), "real.db")
	real, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer real.Close()
	ctx := context.Background()
	if err := real.Tx(ctx, func(q *data.Q) error {
		_, err := q.InitTenant(data.TenantSettings{TenantID: "t1", TenantName: "Fabrikam"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	rdb, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer rdb.Close()
	before = tableCounts(t, rdb)
	err = Generate(ctx, real, Options{Users: 100})
	if err == nil || !strings.Contains(err.Error(), "Fabrikam") {
		t.Errorf("Generate into a real tenant: error %v, want one naming the tenant", err)
	}
	if after := tableCounts(t, rdb); after != before {
		t.Errorf("the refused Generate wrote:\nbefore %s\nafter  %s", before, after)
	}
}

func TestGenerateRejectsImpossibleSizes(t *testing.T) {
	s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, n := range []int{MinUsers - 1, MaxUsers + 1} {
		if err := Generate(context.Background(), s, Options{Users: n}); err == nil {
			t.Errorf("Generate with %d users succeeded", n)
		}
	}
}
