//go:build xvfb

package xvfbcheck

import (
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
	bin, dir := buildApp(t, "Xvfb", "xdotool")
	env := appEnv(startXvfb(t), dir)
	started := time.Now()
	appLog, _ := startApp(t, bin, env, "--demo", "--demo-users", "10000", "--db", filepath.Join(dir, "demo.db"))
	s := &walkScreen{t: t, env: env, appLog: appLog}

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
