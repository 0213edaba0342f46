package ui

import (
	"math"
	"runtime/debug"
	"runtime/metrics"
)

// memoryPhase is how far the window's list has loaded, for the window's use of memory.
type memoryPhase int

const (
	// memoryFirstPart: the first part of the list is read; it is at most firstPartRows
	// users, so the heap may grow further between collections and the list shows sooner.
	memoryFirstPart memoryPhase = iota
	// memoryLoading: the rest of the list or a reload is read; the old and the new list
	// may both be held, so nothing limits the heap but the usual collections.
	memoryLoading
	// memoryLoaded: the list is loaded; what the load needed goes back to the system.
	memoryLoaded
)

// loadingGCPercent is how far the heap may grow between collections while the first part
// of the list is read: fewer collections of a heap that only grows.
const loadingGCPercent = 400

// memoryPhase tells the window's memory policy where the load is; it settles off the UI
// goroutine, since handing memory back collects the whole heap.
func (m *mainWindow) memoryPhase(p memoryPhase) {
	if m.memory == nil {
		return
	}
	if p == memoryLoaded {
		m.background(func() { m.memory(p) })
		return
	}
	m.memory(p)
}

// setMemoryPhase keeps the window's memory near what the list and the window need. Once
// the list is loaded it returns to the system what the Go heap holds beyond that and sets
// a soft memory limit a little above it, so that the heap does not grow back to twice
// the list between collections; a load lifts the limit while it reads.
func setMemoryPhase(p memoryPhase) {
	debug.SetMemoryLimit(math.MaxInt64)
	switch p {
	case memoryFirstPart:
		debug.SetGCPercent(loadingGCPercent)
		return
	case memoryLoading:
		debug.SetGCPercent(100)
		return
	}
	debug.SetGCPercent(100)
	debug.FreeOSMemory()
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	used := s[0].Value.Uint64() - s[1].Value.Uint64()
	debug.SetMemoryLimit(int64(used + used/8 + 16<<20))
}
