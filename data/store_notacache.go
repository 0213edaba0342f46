package data

import (
	"database/sql"
	"errors"
	"fmt"
	"os"

	"modernc.org/sqlite"
)

// notACache says in the admin's words that the file at path is no cache at all (another
// kind of file given to --db, or a cache damaged beyond reading) instead of SQLite's
// "file is not a database (26)"; other errors stay as they are. Nothing was written to
// the file: SQLite refuses it on the first read.
func notACache(path string, err error) error {
	const sqliteNotADB = 26
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqliteNotADB || errors.Is(err, errAnotherDatabase) {
		return fmt.Errorf("%s is not a Nimbus Admin cache (it is another kind of file, or a damaged cache); give the path of a cache with --db (a sync into a new file makes one)", path)
	}
	return err
}

// errAnotherDatabase is an SQLite database of another program: it holds tables but no
// history of our migrations, so it was never a cache (a cache holds that history from its
// first migration on).
var errAnotherDatabase = errors.New("an SQLite database of another program")

// refuseAnotherDatabase opens an existing file at path for reading only and refuses it
// when it holds tables but not our migrations' history, before anything (the switch to
// WAL, the migrations) writes to it.
func refuseAnotherDatabase(path string) error {
	if st, err := os.Stat(path); err != nil || st.Size() == 0 {
		return nil // a new cache
	}
	db, err := sql.Open("sqlite", fileURI(path)+"?mode=ro")
	if err != nil {
		return nil // the writable open says what is wrong
	}
	defer db.Close()
	var tables, ours int
	err = db.QueryRow(`SELECT count(*), count(*) FILTER (WHERE name = 'schema_migrations') FROM sqlite_master
		WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).Scan(&tables, &ours)
	if err == nil && tables > 0 && ours == 0 {
		return errAnotherDatabase
	}
	return nil
}
