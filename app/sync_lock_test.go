package app

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"testing"
	"time"

	"nimbusadmin/data"
	"nimbusadmin/data/graph/directory"
	"nimbusadmin/data/testkit"
)

// pausingSource is a directory that stops after its first users page until told to go
// on, as a slow Graph would; pause is called there.
type pausingSource struct {
	*memorySource
	pause func(where string)
}

// UserDelta serves the pages of the directory, pausing after the first.
func (p *pausingSource) UserDelta(ctx context.Context, link string, each func(directory.UserPage) error) (string, error) {
	first := true
	return p.memorySource.UserDelta(ctx, link, func(page directory.UserPage) error {
		if err := each(page); err != nil {
			return err
		}
		if first {
			first = false
			p.pause("reading")
		}
		return nil
	})
}

// openApp opens the cache at path as another process would, closed when the test ends.
func openApp(t *testing.T, path string) *App {
	t.Helper()
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return New(s, "another admin")
}

// refusedAsRunning checks that err refuses a second sync at once, naming the process
// that syncs.
func refusedAsRunning(t *testing.T, where string, err error, pid int) {
	t.Helper()
	var running *SyncRunning
	want := regexp.MustCompile(fmt.Sprintf(`^a sync is already running \(started \d\d:\d\d by PID %d\); `, pid))
	if !errors.As(err, &running) || !want.MatchString(err.Error()) {
		t.Fatalf("%s: a second sync ended with %v, want %v", where, err, want)
	}
}

// While a sync runs, reading the users it is writing (mid-read) or has part-written
// (mid-write), another process opens the cache and reads at once, the previous complete
// state while the sync reads; a second sync is refused at once with the PID of the one
// that runs. Once the sync ends, the next one goes through.
func TestWhileASyncRunsOthersReadAtOnceAndASecondSyncIsRefused(t *testing.T) {
	defer smallSyncChunks()()
	path, src := syncedTenantAndChanges(t)
	syncing := openApp(t, path)
	before := syncedState(t, syncing)
	paused, resume := make(chan string), make(chan struct{})
	pause := func(where string) { paused <- where; <-resume }
	done := make(chan error, 1)
	go func() {
		wrote := false
		_, err := syncing.Sync(context.Background(), &pausingSource{src, pause}, SyncOptions{Full: true, Progress: func(p SyncProgress) {
			if p.Phase == SyncSaving && p.Users > 0 && !wrote {
				wrote = true
				pause("writing")
			}
		}})
		done <- err
	}()
	for _, want := range []string{"reading", "writing"} {
		if where := <-paused; where != want {
			t.Fatalf("the sync paused %s, want %s", where, want)
		}
		start := time.Now()
		other := openApp(t, path)
		state := syncedState(t, other)
		_, err := other.Sync(context.Background(), src, SyncOptions{Full: true})
		took := time.Since(start)
		refusedAsRunning(t, "while the sync is "+want, err, os.Getpid())
		switch {
		case took > 2*time.Second:
			t.Fatalf("while the sync is %s, opening, reading and the refusal took %v", want, took)
		case want == "reading" && state != before:
			t.Fatalf("while the sync is reading, another process reads\n%s\nwant the previous state\n%s", state, before)
		case want == "writing" && state == before:
			t.Fatal("the sync paused while writing before it wrote anything: the test misses the case")
		}
		resume <- struct{}{}
	}
	if err := <-done; err != nil {
		t.Fatalf("the sync: %v", err)
	}
	if _, err := openApp(t, path).Sync(context.Background(), src, SyncOptions{Full: true}); err != nil {
		t.Fatalf("a sync after the sync ended: %v", err)
	}
}

// syncChildEnv names the cache a child test process syncs, pausing forever mid-read.
const syncChildEnv = "NIMBUSADMIN_TEST_SYNC_CHILD"

// TestMain lets the test binary run as a second process that syncs a cache and pauses.
func TestMain(m *testing.M) {
	if path := os.Getenv(syncChildEnv); path != "" {
		os.Exit(syncAsChild(path))
	}
	os.Exit(m.Run())
}

// syncAsChild syncs the cache at path from its own directory, says "syncing" on stdout
// once the sync has started reading, and waits there until it is killed.
func syncAsChild(path string) int {
	s, err := data.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	a := New(s, "child")
	src, err := directoryOf(a)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	_, err = a.Sync(context.Background(), &pausingSource{src, func(string) {
		fmt.Println("syncing")
		select {}
	}}, SyncOptions{Full: true})
	fmt.Fprintln(os.Stderr, "the child's sync ended:", err)
	return 1
}

// A sync in another process is refused at once with that process's PID, and a sync
// killed with kill -9 leaves no lock behind: the next sync goes through at once.
func TestASyncInAnotherProcessIsNamedAndItsKillFreesTheLock(t *testing.T) {
	store := testkit.DemoStore(t, 16)
	a := New(store, "sync test")
	src, err := directoryOf(a)
	if err != nil {
		t.Fatal(err)
	}
	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), syncChildEnv+"="+store.Path())
	child.Stderr = os.Stderr
	out, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	defer child.Process.Kill()
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "syncing\n" {
		t.Fatalf("the child process said %q, %v", line, err)
	}
	start := time.Now()
	_, err = a.Sync(context.Background(), src, SyncOptions{Full: true})
	refusedAsRunning(t, "while another process syncs", err, child.Process.Pid)
	if took := time.Since(start); took > 2*time.Second {
		t.Fatalf("the refusal took %v", took)
	}
	if err := child.Process.Kill(); err != nil { // SIGKILL: nothing of the child runs again
		t.Fatal(err)
	}
	child.Wait()
	if _, err := a.Sync(context.Background(), src, SyncOptions{Full: true}); err != nil {
		t.Fatalf("a sync after the syncing process was killed: %v", err)
	}
}
