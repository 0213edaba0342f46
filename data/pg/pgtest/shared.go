package pgtest

import (
	"sync"
	"testing"
)

// One cluster serves every test of a test binary: starting one takes seconds.
var shared struct {
	sync.Mutex
	cluster *Cluster
	err     error
	main    bool // Main runs the tests, so the cluster is stopped when they end
}

// Main runs a package's tests and then stops the cluster Shared started; call it from
// TestMain: func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }.
func Main(m *testing.M) int {
	shared.Lock()
	shared.main = true
	shared.Unlock()
	code := m.Run()
	shared.Lock()
	defer shared.Unlock()
	if shared.cluster != nil {
		shared.cluster.remove()
		shared.cluster = nil
	}
	return code
}

// Shared is the test binary's one cluster, started on first use; tests take a fresh
// database each (CreateDB). The package's TestMain must call Main, which removes it.
func Shared(t testing.TB) *Cluster {
	t.Helper()
	shared.Lock()
	defer shared.Unlock()
	if !shared.main {
		t.Fatal("pgtest.Shared needs func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) } in the package, which stops the cluster after the tests")
	}
	if shared.cluster == nil && shared.err == nil {
		shared.cluster, shared.err = start()
	}
	if shared.err == errNotInstalled {
		t.Skip("PostgreSQL is not installed: make test installs postgresql")
	}
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.cluster
}

// NewDB is a fresh database on the shared cluster, named after the test; it returns its URL.
func NewDB(t testing.TB) string {
	t.Helper()
	return Shared(t).CreateDB(t, t.Name())
}
