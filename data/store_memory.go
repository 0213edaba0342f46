package data

// ReleaseMemory closes the connections no one is using, and with them the pages each
// kept cached: the window calls it once a large read, run on several connections at
// once, is done. The pool opens connections again as reads need them.
func (s *Store) ReleaseMemory() {
	s.db.SetMaxIdleConns(0)
	s.db.SetMaxIdleConns(2) // database/sql's default
}
