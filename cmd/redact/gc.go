package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// Garbage collection, tuned for what redact keeps live. A scan holds about
// 11 MB of pack data and, per worker, the texts and findings of the files
// in hand: some 35 MB in all for a corpus of stories. Go's default target
// (collect when the heap doubles) collected every 30 MB or so on a corpus,
// a ninth of a corpus scan's instructions (GOGC=off against the default),
// and several times for nothing in the run of one story that a writer
// waits for on every save.
//
// So the collector runs on a memory limit alone: it collects once the
// process's Go memory reaches gcBase (never, for one story). On a corpus
// that is a heap of about 80 MB against the default's 64 MB, so it
// collects a third less often (on the 6 MB corpus: 4.3 % fewer
// instructions, the same peak RSS of about 110 MB; 112 MiB saved 6.4 % at
// 127 MB), and it stays flat as the corpus grows, since what is live does
// not grow with it. A limit alone would make the collector run without
// pause once the live heap nears it (a few very large files hold hundreds
// of MB), so after each collection the limit is raised to twice the live
// heap plus gcSlack when that is more: there the collector paces itself
// about as it does by default.
//
// The limit is of Go's memory, not of the process's RSS, which also counts
// the mapped binary and its embedded packs.
const (
	gcBase  = 96 << 20
	gcSlack = 16 << 20
)

// tuneGC applies the above unless the user tuned the collector with GOGC or
// GOMEMLIMIT. It returns the tuner (nil when it left things alone).
func tuneGC(getenv func(string) string) *gcTuner {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return nil
	}
	t := &gcTuner{sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(gcBase)
	t.arm()
	return t
}

// gcTuner sets the memory limit after each collection, from a finalizer on
// a sentinel that each collection frees.
type gcTuner struct {
	sample  []metrics.Sample
	stopped atomic.Bool
}

// stop leaves the limit as it is from the next collection on (for tests).
func (t *gcTuner) stop() { t.stopped.Store(true) }

// gcSentinel has a pointer so that it is not packed with other small
// objects (a finalizer on such an object might never run).
type gcSentinel struct{ t *gcTuner }

func (t *gcTuner) arm() {
	runtime.SetFinalizer(&gcSentinel{t}, func(s *gcSentinel) {
		if s.t.stopped.Load() {
			return
		}
		debug.SetMemoryLimit(s.t.limit())
		s.t.arm()
	})
}

// limit is the memory limit for the live heap now.
func (t *gcTuner) limit() int64 {
	metrics.Read(t.sample)
	return gcLimit(t.sample[0].Value.Uint64())
}

// gcLimit is the memory limit for a live heap of live bytes.
func gcLimit(live uint64) int64 {
	return max(gcBase, 2*int64(min(live, 1<<61))+gcSlack)
}
