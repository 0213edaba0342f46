//go:build xvfb

package xvfbcheck

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// TestClosingTheWindowEndsTheProgram starts the program on a demo cache that exists
// already (so nothing is generated and no start window is needed), closes its window
// as a window manager does, and expects the process to end: a program left running
// without a window would keep the cache open and be found only in a process list.
func TestClosingTheWindowEndsTheProgram(t *testing.T) {
	bin, dir := buildApp(t, "Xvfb", "xdotool")
	display := startXvfb(t)
	env := appEnv(display, dir)
	db := filepath.Join(dir, "demo.db")
	prepare := exec.Command(bin, "--demo", "--demo-users", "2000", "--db", db, "ous")
	prepare.Env = env
	if out, err := prepare.CombinedOutput(); err != nil {
		t.Fatalf("making the demo cache: %v\n%s", err, out)
	}

	run := exec.Command(bin, "--demo", "--demo-users", "2000", "--db", db)
	run.Env = env
	appLog := new(bytes.Buffer)
	run.Stdout, run.Stderr = appLog, appLog
	if err := run.Start(); err != nil {
		t.Fatal(err)
	}
	ended := make(chan struct{})
	var runErr error
	go func() { runErr = run.Wait(); close(ended) }()
	t.Cleanup(func() { run.Process.Kill(); <-ended })

	s := &walkScreen{t: t, env: env, appLog: appLog}
	id, err := strconv.ParseUint(s.xdo("search", "--sync", "--onlyvisible", "--name", "^Nimbus Admin$"), 10, 32)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second) // the list loads; closing asks nothing when no edit is pending
	x, err := dialX(display)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if err := x.closeWindow(uint32(id)); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ended:
		if runErr != nil {
			t.Fatalf("the program ended with %v after its window closed: %s", runErr, appLog)
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("the program still runs 15 s after its window closed: %s", appLog)
	}
}
