package pg

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"nimbusadmin/data/pg/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// open is a store on a fresh database of the shared cluster, closed when the test ends.
func open(t testing.TB) *DB {
	t.Helper()
	return openURL(t, pgtest.NewDB(t))
}

func openURL(t testing.TB, url string) *DB {
	t.Helper()
	db, err := Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(db.Close)
	return db
}

// row is a row of table nimbus_users with key [id] and the given JSON data ("" = deleted).
func row(id, data string) Row {
	r := Row{Table: "nimbus_users", Key: json.RawMessage(fmt.Sprintf("[%q]", id))}
	if data != "" {
		r.Data = json.RawMessage(data)
	}
	return r
}

// put writes rows in one transaction.
func put(t testing.TB, db *DB, rows ...Row) {
	t.Helper()
	if err := db.Write(context.Background(), func(tx *Tx) error { return tx.Put(rows) }); err != nil {
		t.Fatal(err)
	}
}

// feed reads the feed from cursor and returns its rows and the next cursor.
func feed(t testing.TB, db *DB, cursor uint64) ([]Row, uint64) {
	t.Helper()
	var got []Row
	next, err := db.Feed(context.Background(), cursor, func(r Row) error { got = append(got, r); return nil })
	if err != nil {
		t.Fatal(err)
	}
	return got, next
}

// text shows rows one a line, to compare them whole.
func text(rows []Row) string {
	var s string
	for _, r := range rows {
		s += fmt.Sprintf("%s %s %s (deleted %v)\n", r.Table, r.Key, r.Data, r.Data == nil)
	}
	return s
}

func TestRowsRoundTripByteForByteAndDeletionsStayAsTombstones(t *testing.T) {
	db := open(t)
	// Whitespace, key order and escapes must come back exactly as sent (not jsonb).
	a := row("a", `{"name": "Anna",  "z":1, "a":"\u00e9"}`)
	b := Row{Table: "nimbus_ous", Key: json.RawMessage(`[3, "x"]`), Data: json.RawMessage(`{"id":3}`)}
	put(t, db, a, b)
	put(t, db, row("b", `{}`))
	put(t, db, row("b", "")) // b deleted

	got, next := feed(t, db, 0)
	want := []Row{b, a, row("b", "")} // first transaction by table, then the deletion
	if text(got) != text(want) {
		t.Fatalf("the feed from 0 gives\n%s\nwant\n%s", text(got), text(want))
	}
	if next == 0 {
		t.Fatal("the next cursor is 0")
	}
	if rest, again := feed(t, db, next); len(rest) != 0 || again != next {
		t.Fatalf("reading on from the horizon with nothing new gives %d rows and cursor %d, want none and %d", len(rest), again, next)
	}
}

func TestTheLastOfRowsRepeatingAKeyCounts(t *testing.T) {
	db := open(t)
	put(t, db, row("a", `{"v":1}`), row("b", `{"v":1}`), row("a", `{"v":2}`), row("a", ""))
	got, _ := feed(t, db, 0)
	if want := []Row{row("a", ""), row("b", `{"v":1}`)}; text(got) != text(want) {
		t.Fatalf("got\n%s\nwant\n%s", text(got), text(want))
	}
}

func TestEmptyUntilTheFirstRowAndMetaKeepsServerSettings(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	empty := func() bool {
		var e bool
		if err := db.Write(ctx, func(tx *Tx) (err error) { e, err = tx.Empty(); return err }); err != nil {
			t.Fatal(err)
		}
		return e
	}
	if !empty() {
		t.Fatal("a new database is not empty")
	}
	if _, ok, err := db.Meta(ctx, "tenant"); ok || err != nil {
		t.Fatalf("an unset setting: ok %v, err %v", ok, err)
	}
	if err := db.Write(ctx, func(tx *Tx) error { return tx.SetMeta("tenant", "contoso") }); err != nil {
		t.Fatal(err)
	}
	if !empty() {
		t.Fatal("a server setting made the rows non-empty")
	}
	put(t, db, row("a", ""))
	if empty() {
		t.Fatal("a database holding a tombstone is empty")
	}
	if v, ok, err := db.Meta(ctx, "tenant"); v != "contoso" || !ok || err != nil {
		t.Fatalf("tenant = %q, %v, %v", v, ok, err)
	}
}

func TestTwoServersStartingAtOnceApplyEachMigrationOnce(t *testing.T) {
	url := pgtest.NewDB(t)
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			db, err := Open(context.Background(), url)
			if err == nil {
				db.Close()
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	db := openURL(t, url)
	var applied, versions int
	err := db.pool.QueryRow(context.Background(), "SELECT count(*), count(DISTINCT version) FROM schema_migrations").Scan(&applied, &versions)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := migrations()
	if applied != len(all) || versions != len(all) {
		t.Fatalf("schema_migrations holds %d lines for %d versions, want %d", applied, versions, len(all))
	}
}

func TestAServerRefusesASchemaNewerThanItKnows(t *testing.T) {
	url := pgtest.NewDB(t)
	db := openURL(t, url)
	if _, err := db.pool.Exec(context.Background(), "INSERT INTO schema_migrations (version, name) VALUES (999, 'future')"); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), url)
	if err == nil || !contains(err.Error(), "schema version 999", "newer Nimbus Admin server") {
		t.Fatalf("got %v", err)
	}
}
