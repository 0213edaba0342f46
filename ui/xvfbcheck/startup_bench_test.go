//go:build xvfb

package xvfbcheck

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkWindowStart100k times a cold start of the window as the admin sees it: from
// the exec of the built program on a ready 100,000-user demo cache until the window has
// put the whole sorted list in its table (target: 1 s), and the window's resident memory
// once it has settled (target: 250 MB). The program says when it shows its list on
// stderr (NIMBUSADMIN_REPORT_LIST=1), from where it sets the table's rows. Run it with
//
//	go test -tags 'migrated_fynedo xvfb' -run '^$' -bench WindowStart100k -benchtime 5x ./ui/xvfbcheck/
//
// It reports the medians of the runs: ms to the whole list, first-ms to the first rows
// shown (the same on a list of this size), and RSS-MB.
func BenchmarkWindowStart100k(b *testing.B) { benchWindowStart(b, 100_000) }

// BenchmarkWindowStart1M is BenchmarkWindowStart100k on 1,000,000 users, where the list
// shows its first part sorted and usable (target: 5 s, first-ms) and says how much is
// loaded while the rest arrives (ms). Making its demo cache takes minutes: with
// STARTUP_BENCH_CACHES=folder the caches are kept there for the next run.
//
//	go test -tags 'migrated_fynedo xvfb' -run '^$' -bench WindowStart1M -benchtime 3x -timeout 30m ./ui/xvfbcheck/
func BenchmarkWindowStart1M(b *testing.B) { benchWindowStart(b, 1_000_000) }

func benchWindowStart(b *testing.B, users int) {
	bin, dir := buildApp(b, "Xvfb")
	caches := os.Getenv("STARTUP_BENCH_CACHES")
	if caches == "" {
		caches = dir
	}
	db := filepath.Join(caches, fmt.Sprintf("demo-%d.db", users))
	demo := []string{"--demo", "--demo-users", strconv.Itoa(users), "--db", db}
	gen := exec.Command(bin, append(demo, "ous")...)
	gen.Env = appEnv("", filepath.Join(dir, "gen"))
	if out, err := gen.CombinedOutput(); err != nil {
		b.Fatalf("making the %d-user demo cache: %v\n%s", users, err, out)
	}
	display := startXvfb(b)
	var full, first, rss []float64
	b.ResetTimer()
	for i := range b.N {
		f, w, r := startWindowOnce(b, bin, appEnv(display, filepath.Join(dir, fmt.Sprint("home", i))), demo, users)
		first, full, rss = append(first, f), append(full, w), append(rss, r)
	}
	b.StopTimer()
	b.ReportMetric(medianOf(full), "ms")
	b.ReportMetric(medianOf(first), "first-ms")
	b.ReportMetric(medianOf(rss), "RSS-MB")
	b.ReportMetric(0, "ns/op") // the exec-to-list time is ms; ns/op also counts the settling
}

// listShown is the line the program writes each time it shows its user list.
var listShown = regexp.MustCompile(`list shown: (\d+) rows, (\d+) of (\d+) users loaded`)

// startWindowOnce starts the program on a fresh home, waits for the list the window shows
// first and for the whole list, then three seconds for the window to settle, and reads
// its resident memory.
func startWindowOnce(b *testing.B, bin string, env, args []string, users int) (firstMS, fullMS, rssMB float64) {
	b.Helper()
	run := exec.Command(bin, args...)
	run.Env = append(env, "NIMBUSADMIN_REPORT_LIST=1")
	stderr, err := run.StderrPipe()
	if err != nil {
		b.Fatal(err)
	}
	started := time.Now()
	if err := run.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { run.Process.Kill(); run.Wait() }()
	lines := bufio.NewScanner(stderr)
	var said []string
	for fullMS == 0 && lines.Scan() {
		m := listShown.FindStringSubmatch(lines.Text())
		if m == nil {
			said = append(said, lines.Text())
			continue
		}
		took := float64(time.Since(started).Microseconds()) / 1000
		if firstMS == 0 {
			firstMS = took
		}
		if m[2] == m[3] {
			if m[3] != strconv.Itoa(users) {
				b.Fatalf("the window loaded %s users, want %d", m[3], users)
			}
			fullMS = took
		}
	}
	if fullMS == 0 {
		b.Fatalf("the window never showed its whole list: %s", strings.Join(said, "\n"))
	}
	go func() {
		for lines.Scan() { // keep the pipe drained while the window settles
		}
	}()
	time.Sleep(3 * time.Second)
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", run.Process.Pid))
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if kb, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(kb), "kB")))
			rssMB = float64(n) / 1024
		}
	}
	b.Logf("run: first rows %.0f ms, whole list %.0f ms, RSS %.0f MB", firstMS, fullMS, rssMB)
	return firstMS, fullMS, rssMB
}

// medianOf is the median of the runs' figures.
func medianOf(xs []float64) float64 {
	xs = slices.Clone(xs)
	slices.Sort(xs)
	if len(xs)%2 == 1 {
		return xs[len(xs)/2]
	}
	return (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
}
