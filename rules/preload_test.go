package rules

import (
	"sync"
	"testing"
	"unsafe"
)

// TestPreload: preloading alongside a load of the built-in packs and a
// first text (run with -race) changes no match, and the snapshot's
// automaton is checked once and handed out as automata of their own that
// share its tables.
func TestPreload(t *testing.T) {
	src := "On Friday, 14 March 2023 a team of 12 officers met the informant at +63 917 555 0142."
	find := func(set *Set) [][]Match { return eachRuleFinds(set, src) }
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(Preload)
	}
	set := builtinSet(t)
	got := find(set)
	wg.Wait()
	if n := 0; len(got) == 0 {
		t.Fatal("no rules")
	} else {
		for _, ms := range got {
			n += len(ms)
		}
		if n == 0 {
			t.Fatal("no match in a text several rules match")
		}
	}

	_, auto, err := decodeSnapshotAll(snapshotData)
	if err != nil || auto == nil {
		t.Fatalf("no automaton in the snapshot: %v", err)
	}
	var as [4]*automaton
	for i := range as {
		wg.Go(func() { as[i] = auto.automaton() })
	}
	wg.Wait()
	for i, a := range as {
		if a == nil {
			t.Fatal("the snapshot's automaton does not check")
		}
		if i > 0 && (a == as[0] || unsafe.SliceData(a.next16) != unsafe.SliceData(as[0].next16)) {
			t.Fatalf("automaton %d: want a struct of its own sharing the tables", i)
		}
	}
	as[1].npats, as[1].anchors = 7, []int32{1}
	if as[2].npats != 0 || as[2].anchors != nil {
		t.Fatal("setting one automaton's anchors changed another's")
	}
}
