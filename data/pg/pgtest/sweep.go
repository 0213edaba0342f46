package pgtest

import (
	"os"
	"path/filepath"
	"strconv"
)

const (
	tempPrefix = "pgtest"    // the clusters' folders in the temporary folder
	ownerFile  = "owner.pid" // the test process that made a cluster
)

// sweep stops and removes the clusters left behind by test processes that were killed
// (a timeout, Ctrl-C) before they could stop them; the clusters of running tests stay.
func sweep() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), tempPrefix+"*"))
	for _, dir := range dirs {
		text, err := os.ReadFile(filepath.Join(dir, ownerFile))
		if err != nil {
			continue // not one of ours, or still being made
		}
		pid, err := strconv.Atoi(string(text))
		if err != nil || pid <= 0 || alive(pid) {
			continue
		}
		bin, err := binaries()
		if err != nil {
			return
		}
		c := &Cluster{dir: dir, bin: bin, running: true}
		c.owner, _ = ownerOf()
		c.remove()
	}
}
