// Package initlog holds back what packages log while they initialise, until main knows
// whether it serves a script or opens the window. Fyne's language setup logs a warning
// at init time when the locale is POSIX's (LANG=C.UTF-8), and a script must get nothing
// on stderr but its own one-line messages.
//
// main imports it for its side effect; Go initialises it before Fyne's packages because
// Fyne depends on "log" and "os", after which this package sorts first (Go spec,
// "Package initialization").
package initlog

import (
	"bytes"
	"io"
	"log"
	"os"
	"sync"
)

var (
	mu   sync.Mutex
	held bytes.Buffer
)

type holder struct{}

func (holder) Write(p []byte) (int, error) {
	mu.Lock()
	defer mu.Unlock()
	return held.Write(p)
}

func init() { log.SetOutput(holder{}) }

// Release writes what was held back to w (io.Discard to drop it) and sends the log to
// stderr from now on.
func Release(w io.Writer) {
	mu.Lock()
	defer mu.Unlock()
	w.Write(held.Bytes())
	held.Reset()
	log.SetOutput(os.Stderr)
}
