package rules

import (
	"slices"
	"testing"
)

// TestLiveIndexSameAsLoop: for every built-in rule large enough to have a
// live index, on every draft paragraph and a few edge texts, the index
// lists the patterns that testing each one's first-clause bit keeps, in
// the same order.
func TestLiveIndexSameAsLoop(t *testing.T) {
	set := builtinSet(t)
	texts := append(draftTexts(t), "", "x", "12/03/2023", "Team of 12 officers in two unmarked vans")
	rules, fast := 0, 0
	for _, r := range set.Rules {
		m, ok := r.matcher.(*patternMatcher)
		if !ok || m.patterns() == nil || m.live == nil {
			continue
		}
		rules++
		for _, s := range texts {
			text := NewText(s, "paragraph")
			pats, nums := m.candidates(text)
			if len(pats) != len(m.pats) {
				continue
			}
			lm := m.idleMemo(text, pats)
			if lm == nil {
				continue
			}
			var want []int32
			for i := range pats {
				if nums[i] >= 0 && lm.quiet(nums[i]) {
					continue
				}
				want = append(want, int32(i))
			}
			got, ok := m.live.patterns(lm, nil)
			if !ok {
				continue
			}
			fast++
			if !slices.Equal(got, want) {
				t.Fatalf("rule %s on %q: live patterns %v, the loop keeps %v", r.ID, s, got, want)
			}
		}
	}
	if rules == 0 || fast == 0 {
		t.Fatalf("%d rules with a live index, %d texts answered by it: nothing compared", rules, fast)
	}
}

// TestLiveIndexBuild: numbers shared by patterns, numbers in words out of
// order and patterns numbered -1 are all indexed.
func TestLiveIndexBuild(t *testing.T) {
	nums := []int32{-1, 70, 3, 70, -1, 130, 3, 64, 5, 200, -1, 6, 7, 8, 9, 10, 11}
	x := newLiveIndex(nums)
	if x == nil {
		t.Fatal("no index for 17 patterns")
	}
	if !slices.Equal(x.always, []int32{0, 4, 10}) || !slices.Equal(x.byNum[70], []int32{1, 3}) || !slices.Equal(x.byNum[3], []int32{2, 6}) {
		t.Fatalf("index %+v", x)
	}
	if !slices.Equal(x.nums.words, []int32{1, 0, 2, 3}) || x.nums.masks[0] != 1<<6|1 || x.nums.max != 200 {
		t.Fatalf("words %v masks %x max %d", x.nums.words, x.nums.masks, x.nums.max)
	}
	// A text anchoring numbers 3, 64 and 200.
	lm := &litMemo{auto: &automaton{npats: 201}, hits: []hit{{}}, sorted: true, anch: make([]uint64, 4)}
	for _, k := range []int{3, 64, 200} {
		lm.anch[k>>6] |= 1 << (k & 63)
	}
	got, ok := x.patterns(lm, nil)
	if !ok || !slices.Equal(got, []int32{0, 2, 4, 6, 7, 9, 10}) {
		t.Fatalf("live %v %v", got, ok)
	}
	lm.sorted = false
	if _, ok := x.patterns(lm, nil); ok {
		t.Fatal("answered with unsorted hits")
	}
	lm.auto.npats = 200
	lm.sorted = true
	if _, ok := x.patterns(lm, nil); ok {
		t.Fatal("answered for patterns newer than the automaton")
	}
	if newLiveIndex(nums[:5]) != nil {
		t.Fatal("an index for 5 patterns")
	}
}

// TestGateByNumbers: the gate read off the anchored pattern numbers says
// what the gate's clause of literals says, for every built-in rule with a
// gate, on every draft paragraph and a few edge texts.
func TestGateByNumbers(t *testing.T) {
	set := builtinSet(t)
	texts := append(draftTexts(t), "", "x", "12/03/2023", "Team of 12 officers in two unmarked vans")
	gates, passed := 0, 0
	for _, r := range set.Rules {
		m, ok := r.matcher.(*patternMatcher)
		if !ok || m.patterns() == nil || m.gate == nil {
			continue
		}
		gates++
		for _, s := range texts {
			lm := NewText(s, "paragraph").literals(m.gateSet)
			want := lm.anyPresent(m.gate)
			if got := m.gatePasses(lm); got != want {
				t.Fatalf("rule %s on %q: gate by numbers %v, by literals %v", r.ID, s, got, want)
			}
			if want {
				passed++
			}
		}
	}
	if gates == 0 || passed == 0 {
		t.Fatalf("%d gates passed %d times: nothing compared", gates, passed)
	}
}
