package app

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// lines is an io.Writer that hands each write on, for progress written from another
// goroutine.
type lines chan string

func (l lines) Write(p []byte) (int, error) {
	l <- string(p)
	return len(p), nil
}

// A second process that opens the demo cache while the first generates it says that it
// waits, waits for the whole demo tenant and opens it, instead of failing on a busy
// cache or refusing a cache "that already holds a tenant".
func TestOpeningTheDemoWhileAnotherProcessGeneratesItWaitsForTheWholeDemo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	ctx := context.Background()
	said := make(lines, 10)
	var second sync.WaitGroup
	var other *App
	var otherErr error
	started := false
	first, err := OpenSession(ctx, SessionOptions{Demo: true, DBPath: path, DemoUsers: 200, DemoProgress: func(built, total int) {
		if built == 0 || started {
			return
		}
		started = true // the first is inside its transaction: the second opens now
		second.Add(1)
		go func() {
			defer second.Done()
			other, otherErr = OpenSession(ctx, SessionOptions{Demo: true, DBPath: path, DemoUsers: 200, Progress: said})
		}()
		select {
		case line := <-said:
			if !strings.Contains(line, "Another process is generating the demo tenant") {
				t.Errorf("the second process said %q", line)
			}
		case <-time.After(3 * time.Second):
			t.Error("the second process did not say that it waits for the demo tenant")
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	second.Wait()
	if !started {
		t.Fatal("the demo was generated without progress: the test misses the case")
	}
	if otherErr != nil {
		t.Fatalf("the second process: %v", otherErr)
	}
	defer other.Close()
	n1, _ := first.store.Read(ctx).CountRows("directory_users")
	n2, err := other.store.Read(ctx).CountRows("directory_users")
	if err != nil || n1 != n2 || other.Actor() != first.Actor() {
		t.Fatalf("the second process sees %d directory users as %q (%v), the first %d as %q", n2, other.Actor(), err, n1, first.Actor())
	}
}
