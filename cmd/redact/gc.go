package main

import (
	"runtime/debug"
	"time"
)

// Garbage collection. A scan of one story allocates about 11 MB, most of
// it pack data that stays live; the default target (collect when the heap
// doubles, from 4 MB) collected several times for nothing, a third of the
// CPU of a run a writer waits for on every save. So the collector starts
// switched off, bounded by a memory limit that a story stays under. After
// startupPhase a long scan runs with a target of four times its live data
// (about 22 MB for the default packs, whatever the corpus size), capped by
// a soft limit: a fifth less CPU than the defaults on a 24 MB corpus, for a
// flat peak of about 110 MB instead of 75 (issue 6 allows 150). The limit
// is soft: a run whose live data outgrows it collects more often, and Go
// caps the collector's share of the CPU, so it cannot stall.
const (
	startupPhase = 150 * time.Millisecond
	startupLimit = 32 << 20
	longPercent  = 300
	longLimit    = 100 << 20
)

// startupGC applies the above unless the user tuned the collector with
// GOGC or GOMEMLIMIT. It returns the timer that sets the long-run target
// (nil when it left things alone).
func startupGC(getenv func(string) string, phase time.Duration) *time.Timer {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return nil
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(startupLimit)
	return time.AfterFunc(phase, func() {
		debug.SetGCPercent(longPercent)
		debug.SetMemoryLimit(longLimit)
	})
}
