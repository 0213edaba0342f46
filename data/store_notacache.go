package data

import (
	"errors"
	"fmt"

	"modernc.org/sqlite"
)

// notACache says in the admin's words that the file at path is no cache at all (another
// kind of file given to --db, or a cache damaged beyond reading) instead of SQLite's
// "file is not a database (26)"; other errors stay as they are. Nothing was written to
// the file: SQLite refuses it on the first read.
func notACache(path string, err error) error {
	const sqliteNotADB = 26
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqliteNotADB {
		return fmt.Errorf("%s is not a Nimbus Admin cache (it is another kind of file, or a damaged cache); give the path of a cache with --db (a sync into a new file makes one)", path)
	}
	return err
}
