package ui

import "runtime/debug"

// memoryPhase is how far the window's list has loaded, for the window's use of memory.
type memoryPhase int

const (
	// memoryFirstPart: the first part of the list is read; it is at most firstPartRows
	// users, so the heap may grow further between collections and the list shows sooner.
	memoryFirstPart memoryPhase = iota
	// memoryLoading: the rest of the list or a reload is read; the old and the new list
	// may both be held, so the heap grows between collections as usual.
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
		m.background(func() {
			m.nimbus.ReleaseMemory()
			m.memory(p)
		})
		return
	}
	m.memory(p)
}

// settledGCPercent is how far the heap may grow between collections once the list is
// loaded: a quarter above what the window holds, so that the window keeps near what it
// needs and the allowance grows with the list, without a fixed limit that a larger list
// or a further window would outgrow.
const settledGCPercent = 25

// setMemoryPhase keeps the window's memory near what the list and the window need: while
// the first part is read the heap may grow more between collections, so that the list
// shows sooner; once the list is loaded, what the load needed goes back to the system and
// the heap may grow only a quarter above what the window holds.
func setMemoryPhase(p memoryPhase) {
	switch p {
	case memoryFirstPart:
		debug.SetGCPercent(loadingGCPercent)
	case memoryLoading:
		debug.SetGCPercent(100)
	case memoryLoaded:
		debug.SetGCPercent(settledGCPercent)
		debug.FreeOSMemory()
	}
}
