// Package pgtest runs a throwaway PostgreSQL cluster for tests: initdb and pg_ctl in a
// temporary folder, listening only on a Unix socket inside it, as the unprivileged user
// postgres when the tests run as root. It is imported from tests only.
package pgtest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
)

// Superuser is the name initdb gives the cluster's superuser; URLs connect as it.
const Superuser = "nimbus"

// Cluster is one running (or stopped) PostgreSQL cluster owned by the tests.
type Cluster struct {
	dir   string // socket folder; the data live in dir/data and the log in dir/log
	bin   string // folder of initdb and pg_ctl
	owner *user.User

	mu      sync.Mutex
	running bool
	dbs     int // databases made so far, to give each a new name
}

// Start makes a new cluster for this test alone and stops and removes it when the test ends.
// It skips the test when PostgreSQL is not installed (make test installs it).
func Start(t testing.TB) *Cluster {
	t.Helper()
	c, err := start()
	if err == errNotInstalled {
		t.Skip("PostgreSQL is not installed: make test installs postgresql")
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.remove)
	return c
}

var errNotInstalled = fmt.Errorf("PostgreSQL is not installed")

func start() (*Cluster, error) {
	bin, err := binaries()
	if err != nil {
		return nil, err
	}
	c := &Cluster{bin: bin}
	if c.owner, err = ownerOf(); err != nil {
		return nil, err
	}
	sweep()
	// A short path: a Unix socket's path must stay under about 100 bytes.
	if c.dir, err = os.MkdirTemp("", tempPrefix); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(c.dir, ownerFile), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		c.remove()
		return nil, err
	}
	if c.owner != nil {
		uid, _ := strconv.Atoi(c.owner.Uid)
		gid, _ := strconv.Atoi(c.owner.Gid)
		if err := os.Chown(c.dir, uid, gid); err != nil {
			c.remove()
			return nil, err
		}
	}
	if err := c.run("initdb", "-D", c.data(), "-A", "trust", "-U", Superuser, "--no-sync",
		"-E", "UTF8", "--locale=C"); err != nil {
		c.remove()
		return nil, err
	}
	if err := c.Start(); err != nil {
		c.remove()
		return nil, err
	}
	return c, nil
}

// ownerOf is the user who runs the cluster's programs: postgres when the tests run as
// root (PostgreSQL refuses to run as root), nil for the user running the tests.
func ownerOf() (*user.User, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("running as root, the test cluster runs as the user postgres, which does not exist: %w", err)
	}
	return u, nil
}

// binaries finds the folder holding initdb and pg_ctl: the PATH first, else the newest
// version of Debian's /usr/lib/postgresql/N/bin.
func binaries() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if q, err := exec.LookPath("pg_ctl"); err == nil && filepath.Dir(p) == filepath.Dir(q) {
			return filepath.Dir(p), nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	version := func(d string) float64 {
		v, _ := strconv.ParseFloat(filepath.Base(filepath.Dir(d)), 64)
		return v
	}
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", errNotInstalled
}

func (c *Cluster) data() string { return filepath.Join(c.dir, "data") }

// run runs one of PostgreSQL's programs, as the user postgres when the tests run as root.
func (c *Cluster) run(program string, args ...string) error {
	path := filepath.Join(c.bin, program)
	var cmd *exec.Cmd
	if c.owner != nil {
		cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--", path}, args...)...)
	} else {
		cmd = exec.Command(path, args...)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.Dir = c.dir
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %v\n%s%s", program, strings.Join(args, " "), err, out.String(), c.log())
	}
	return nil
}

// log is the end of the server's log, for a failure's message.
func (c *Cluster) log() string {
	b, _ := os.ReadFile(filepath.Join(c.dir, "log"))
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}

// Start starts the cluster again after Stop (a test of PostgreSQL restarting under a server).
func (c *Cluster) Start() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.running {
		return nil
	}
	// fsync=off loses nothing when pg_ctl stops the server abruptly, only when the machine
	// stops; synchronous_commit stays on so that a commit survives Stop.
	opts := fmt.Sprintf("-c listen_addresses='' -c unix_socket_directories='%s' -c fsync=off "+
		"-c full_page_writes=off -c max_connections=200", c.dir)
	if err := c.run("pg_ctl", "start", "-w", "-D", c.data(), "-l", filepath.Join(c.dir, "log"), "-o", opts); err != nil {
		return err
	}
	c.running = true
	return nil
}

// Stop stops the cluster at once, as a crash or a killed server would, keeping its data.
func (c *Cluster) Stop() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.running {
		return nil
	}
	c.running = false
	return c.run("pg_ctl", "stop", "-w", "-m", "immediate", "-D", c.data())
}

func (c *Cluster) remove() {
	_ = c.Stop()
	_ = os.RemoveAll(c.dir)
}

// URL is the libpq address of database db on this cluster.
func (c *Cluster) URL(db string) string {
	return fmt.Sprintf("postgres:///%s?host=%s&user=%s&sslmode=disable", db, c.dir, Superuser)
}

// Host is the cluster's socket folder, which errors name as PostgreSQL's host.
func (c *Cluster) Host() string { return c.dir }

var unsafeName = regexp.MustCompile(`[^a-z0-9_]+`)

// CreateDB makes an empty database and returns its URL. Its name starts with name, made
// safe and unique on this cluster.
func (c *Cluster) CreateDB(t testing.TB, name string) string {
	t.Helper()
	c.mu.Lock()
	c.dbs++
	db := fmt.Sprintf("%.40s_%d", unsafeName.ReplaceAllString(strings.ToLower(name), "_"), c.dbs)
	c.mu.Unlock()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, c.URL("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{db}.Sanitize()); err != nil {
		t.Fatal(err)
	}
	return c.URL(db)
}
