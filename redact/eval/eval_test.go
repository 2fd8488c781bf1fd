package eval

import (
	"strings"
	"testing"
)

func TestStrip(t *testing.T) {
	clean, spans, err := Strip([]byte("Met [[name:María Santos]] in\n[[location:Boca\nChica]]."))
	if err != nil {
		t.Fatal(err)
	}
	if string(clean) != "Met María Santos in\nBoca\nChica." {
		t.Fatalf("clean %q", clean)
	}
	if len(spans) != 2 || string(clean[spans[0].Start:spans[0].End]) != "María Santos" || spans[1].Category != "location" || string(clean[spans[1].Start:spans[1].End]) != "Boca\nChica" {
		t.Fatalf("spans %+v", spans)
	}
	if _, _, err := Strip([]byte("[[secret:x]]")); err == nil {
		t.Error("unknown category accepted")
	}
}

func TestScore(t *testing.T) {
	clean, spans, _ := Strip([]byte("[[name:Officer Reyes]] filed [[identifier:FIR No. 112/2023]] in [[location:Ponneri]]."))
	at := func(s string) (int, int) {
		i := strings.Index(string(clean), s)
		return i, i + len(s)
	}
	var found []Found
	for _, s := range []string{"Reyes", "112/2023", "Pon", "filed"} {
		a, b := at(s)
		found = append(found, Found{Start: a, End: b, Category: "name"})
	}
	sc := NewScore()
	sc.Add("f.md", clean, spans, found)
	all := sc.Rows()[len(sc.Rows())-1]
	// Officer and "FIR No." are framing words; "Pon" leaves "neri" bare.
	if all.Spans != 3 || all.Detected != 3 || all.Covered != 2 || all.Findings != 4 || all.TruePos != 3 {
		t.Fatalf("%+v", all)
	}
	if len(sc.FPs) != 1 || sc.FPs[0].Text != "filed" || len(sc.Misses) != 1 || !sc.Misses[0].Partial {
		t.Fatalf("fps %+v misses %+v", sc.FPs, sc.Misses)
	}
}

// A span two rules overlap counts for both, and as "only" for neither; a
// rule's two findings over one span count once.
func TestRuleRows(t *testing.T) {
	clean, spans, _ := Strip([]byte("[[name:Ana Cruz]] met [[location:Ponneri]] at [[date:6 pm]]."))
	at := func(s, rule string) Found {
		i := strings.Index(string(clean), s)
		return Found{Start: i, End: i + len(s), Category: "name", Rule: rule}
	}
	sc := NewScore()
	sc.Add("f.md", clean, spans, []Found{at("Ana", "a"), at("Cruz", "a"), at("Ponneri", "a"), at("Ponneri", "b"), at("met", "b")})
	got := sc.RuleRows()
	want := []RuleRow{{Rule: "a", Findings: 3, TruePos: 3, Precision: 1, Spans: 2, Only: 1}, {Rule: "b", Findings: 2, TruePos: 1, Precision: 0.5, Spans: 1, Only: 0}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("rule rows %+v, want %+v", got, want)
	}
}
