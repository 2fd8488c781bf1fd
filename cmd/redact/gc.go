package main

import (
	"math"
	"runtime/debug"
	"time"
)

// Garbage collection for short runs. A scan of one story allocates about
// 11 MB, most of it pack data that stays live; the default target (collect
// when the heap doubles, from 4 MB) collected several times for nothing, a
// third of the CPU of a run a writer waits for on every save. So the
// collector starts switched off, bounded by a memory limit that a story
// stays under, and is switched back to the defaults after startupPhase: a
// long scan runs with the usual target and stays as flat in memory as its
// live data (a 96 MB limit raised the peak of a corpus scan by 30 MB; this
// one leaves it as it was).
const (
	startupPhase = 150 * time.Millisecond
	startupLimit = 32 << 20
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
