package main

import (
	"math"
	"runtime/debug"
	"testing"
	"time"
)

func TestStartupGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))

	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	for _, v := range []string{"GOGC", "GOMEMLIMIT"} {
		if startupGC(env(map[string]string{v: "200"}), time.Millisecond) != nil {
			t.Errorf("%s set: the collector was tuned anyway", v)
		}
		if got := debug.SetGCPercent(100); got != 100 {
			t.Errorf("%s set: GC percent %d", v, got)
		}
	}

	timer := startupGC(env(nil), 20*time.Millisecond)
	if timer == nil {
		t.Fatal("no timer")
	}
	if got := debug.SetMemoryLimit(-1); got != startupLimit {
		t.Errorf("memory limit during start-up %d, want %d", got, startupLimit)
	}
	// Wait for the defaults to come back.
	deadline := time.Now().Add(5 * time.Second)
	for debug.SetMemoryLimit(-1) != math.MaxInt64 {
		if time.Now().After(deadline) {
			t.Fatal("memory limit not restored")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GC percent after start-up %d, want 100", got)
	}
}
