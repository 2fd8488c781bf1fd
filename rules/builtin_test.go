package rules

import (
	"testing"
)

// TestBuiltinExamples checks every example of every built-in rule: each
// `flag` text must be matched by that rule, and no `allow` text may be.
// The examples live in the packs, next to the rules they prove.
func TestBuiltinExamples(t *testing.T) {
	for _, name := range BuiltinNames() {
		packs, err := LoadBuiltin(name)
		if err != nil {
			t.Fatalf("load built-in pack %s: %v", name, err)
		}
		set, err := NewSet(packs...)
		if err != nil {
			t.Fatalf("built-in pack %s: %v", name, err)
		}
		for _, r := range set.Rules {
			if len(r.Examples.Flag) == 0 {
				t.Errorf("%s:%d: rule %s has no examples to flag", r.File, r.Line, r.ID)
			}
			for _, ex := range r.Examples.Flag {
				if len(MatchText(set, r, ex)) == 0 {
					t.Errorf("%s:%d: rule %s does not flag %q", r.File, r.Line, r.ID, ex)
				}
			}
			for _, ex := range r.Examples.Allow {
				for _, m := range MatchText(set, r, ex) {
					t.Errorf("%s:%d: rule %s flags %q in allowed example %q", r.File, r.Line, r.ID, ex[m.Start:m.End], ex)
				}
			}
		}
	}
}
