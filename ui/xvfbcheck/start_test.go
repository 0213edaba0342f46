//go:build xvfb

package xvfbcheck

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestAFirstStartShowsTheDemoBeingBuiltAtOnce starts the program on an empty cache with a
// demo tenant large enough to take a while: a window counting the users built must show
// within seconds, and the main window must replace it.
func TestAFirstStartShowsTheDemoBeingBuiltAtOnce(t *testing.T) {
	for _, tool := range []string{"Xvfb", "xdotool"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: make deps installs it (xvfb, xdotool)", tool)
		}
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "nimbusadmin")
	build := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, "nimbusadmin")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	env := append(os.Environ(), "DISPLAY="+startXvfb(t), "LANG=en_US.UTF-8", "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
	ctx, cancel := context.WithCancel(context.Background())
	run := exec.CommandContext(ctx, bin, "--demo", "--demo-users", "10000", "--db", filepath.Join(dir, "demo.db"))
	run.Env = env
	var appLog bytes.Buffer
	run.Stdout, run.Stderr = &appLog, &appLog
	started := time.Now()
	if err := run.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); run.Wait() })
	s := &walkScreen{t: t, env: env, appLog: &appLog}

	s.xdo("search", "--sync", "--onlyvisible", "--name", "starting$")
	if took := time.Since(started); took > 10*time.Second {
		t.Errorf("the window showing the demo being built took %v to appear", took.Round(time.Second))
	}
	s.xdo("search", "--sync", "--onlyvisible", "--name", "^Nimbus Admin$")
	deadline := time.Now().Add(20 * time.Second)
	for {
		c := exec.Command("xdotool", "search", "--onlyvisible", "--name", "starting$")
		c.Env = env
		out, _ := c.Output()
		if strings.TrimSpace(string(out)) == "" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the window showing the demo being built stays open beside the main window")
		}
		time.Sleep(200 * time.Millisecond)
	}
}
