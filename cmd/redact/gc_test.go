package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))

	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	for _, v := range []string{"GOGC", "GOMEMLIMIT"} {
		if tuneGC(env(map[string]string{v: "200"})) != nil {
			t.Errorf("%s set: the collector was tuned anyway", v)
		}
		if got := debug.SetGCPercent(100); got != 100 {
			t.Errorf("%s set: GC percent %d", v, got)
		}
		if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
			t.Errorf("%s set: memory limit %d", v, got)
		}
	}

	tuner := tuneGC(env(nil))
	if tuner == nil {
		t.Fatal("not tuned")
	}
	defer tuner.stop()
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("GC percent %d, want -1 (off)", got)
	}
	if got := debug.SetMemoryLimit(-1); got != gcBase {
		t.Errorf("memory limit %d, want %d", got, gcBase)
	}
	// A live heap above half the base raises the limit at the next
	// collection.
	big := make([]byte, gcBase/2+gcSlack)
	deadline := time.Now().Add(5 * time.Second)
	for debug.SetMemoryLimit(-1) == gcBase {
		if time.Now().After(deadline) {
			t.Fatal("memory limit not raised for a large live heap")
		}
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
	if got, want := debug.SetMemoryLimit(-1), int64(2*len(big)); got < want {
		t.Errorf("memory limit %d with %d bytes live, want at least %d", got, len(big), want)
	}
	runtime.KeepAlive(big)
	// Once that is gone, the limit comes back down to the base.
	big = nil
	deadline = time.Now().Add(5 * time.Second)
	for debug.SetMemoryLimit(-1) != gcBase {
		if time.Now().After(deadline) {
			t.Fatal("memory limit not lowered again")
		}
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
}

func TestGCLimit(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int64
	}{
		{0, gcBase},
		{10 << 20, gcBase},
		{(gcBase - gcSlack) / 2, gcBase},
		{500 << 20, 1000<<20 + gcSlack},
		{math.MaxUint64, 1<<62 + gcSlack},
	} {
		if got := gcLimit(c.live); got != c.want {
			t.Errorf("gcLimit(%d) = %d, want %d", c.live, got, c.want)
		}
	}
}
