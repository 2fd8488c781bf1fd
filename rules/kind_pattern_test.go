package rules

import (
	"regexp/syntax"
	"slices"
	"testing"
)

// TestPatternGate: a rule's patterns with literal clauses share one gate,
// patterns without clauses stay open, and a text the gate closes on is
// still searched by the open patterns, with the same matches as without
// the gate.
func TestPatternGate(t *testing.T) {
	m := &patternMatcher{}
	for _, src := range []string{`(?i)\bteam\s+of\s+\d+`, `(?i)\bsquad\s+of\s+\d+`, `\pL\pN\pN`} {
		tree, err := syntax.Parse(src, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		m.res = append(m.res, newRegex(src, tree))
	}
	pats := m.patterns()
	if m.gate == nil {
		t.Fatal("no gate over two patterns with literals")
	}
	if len(m.open) != 1 || m.open[0] != pats[2] {
		t.Fatalf("open patterns %v, want the date pattern only", m.open)
	}
	for _, text := range []string{"A team of 12 met.", "A SQUAD of 3 left on É12.", "Filed Ü99.", "Nothing here."} {
		var got, want []Match
		m.find(NewText(text, "paragraph"), func(mt Match) { got = append(got, mt) })
		plainSearch = true
		m.find(NewText(text, "paragraph"), func(mt Match) { want = append(want, mt) })
		plainSearch = false
		if !slices.EqualFunc(got, want, func(a, b Match) bool { return a.Start == b.Start && a.End == b.End }) || len(want) == 0 && text != "Nothing here." {
			t.Errorf("%q: gated %v, plain %v", text, got, want)
		}
	}
}
