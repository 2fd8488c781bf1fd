package redact

import (
	"testing"

	"github.com/rescue-stories/redact/rules"
)

// TestEntityNote checks what an echo says of the finding it repeats, for
// each word of a name, and that a word already known keeps its first
// finding.
func TestEntityNote(t *testing.T) {
	src := []byte("Intro.\nWe met Maria Santos.\nLater Santos left.\n")
	li := NewLineIndex(src)
	e := entities{"santos": {Rule: "earlier", Why: "same person as line 9"}}
	f := Finding{Rule: "names", Category: "person", Span: Span{14, 26}, Text: "Maria Santos"}
	e.note(rules.Match{Names: []string{"maria", "santos"}}, f, li)
	if got := e["maria"]; got.Why != "same person as line 2" || got.Rule != "names" || got.Span != f.Span {
		t.Errorf("maria: %+v, want the finding with why %q", got, "same person as line 2")
	}
	if got := e["santos"]; got.Rule != "earlier" || got.Why != "same person as line 9" {
		t.Errorf("santos: %+v, want the first finding kept", got)
	}
	e.note(rules.Match{Names: []string{"later"}}, Finding{Category: "place", Span: Span{28, 33}}, li)
	if got := e["later"].Why; got != "same place as line 3" {
		t.Errorf("later: why %q, want %q", got, "same place as line 3")
	}
}
