package main

import (
	"math"
	"runtime/debug"
	"time"
)

// Garbage collection for short runs. A scan of one story allocates about
// 30 MB, most of it while the packs load, and most of that stays live; the
// default target (collect when the heap doubles, from 4 MB) collected six
// or seven times for nothing, a third of the CPU of a run a writer waits
// for on every save. So the collector starts switched off, bounded by a
// memory limit, and is switched back to the defaults after startupPhase:
// a long scan runs with the usual target and stays as flat in memory as
// its live data.
const (
	startupPhase = 150 * time.Millisecond
	startupLimit = 96 << 20
)

// startupGC applies the above unless the user tuned the collector with
// GOGC or GOMEMLIMIT. It returns the timer that restores the defaults (nil
// when it left things alone).
func startupGC(getenv func(string) string, phase time.Duration) *time.Timer {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return nil
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(startupLimit)
	return time.AfterFunc(phase, func() {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	})
}
