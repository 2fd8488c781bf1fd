package redact_test

import (
	"strings"
	"testing"
)

// A pack whose review phrase widens to its sentence, beside a blocking
// name, a blocking operational name (a shelter) and the classifier of
// loosePack.
const widenPack = `pack: p
rules:
  - id: who
    category: name
    kind: terms
    terms: [Maria]
  - id: shelter
    category: operational
    replace: "[shelter]"
    kind: terms
    terms: [Casa Luz]
  - id: team
    category: operational
    severity: review
    message: team size
    kind: pattern
    widen: sentence
    pattern: '\b\d+ officers\b'
  - id: ops
    category: operational
    severity: review
    replace: "[operational detail]"
    kind: classifier
    model_file: m.tsv
    threshold: 0.9
`

// A part of a cut sentence made of function words alone ("on" after a
// name) tells nothing, even inside the phrase's own match.
func TestWidenDropsFunctionWords(t *testing.T) {
	s := packScanner(t, widenPack+`
  - id: wait
    category: operational
    severity: review
    kind: pattern
    widen: sentence
    pattern: '\bwaited at Maria on (?:the )?(?:call|it)\b'
`)
	for text, want := range map[string][]string{
		"They waited at Maria on call.":     {"p.wait: They waited at", "p.who: Maria", "p.wait: on call"},
		"They waited at Maria on it.":       {"p.wait: They waited at", "p.who: Maria"},
		"They waited at Maria on the call.": {"p.wait: They waited at", "p.who: Maria", "p.wait: on the call"},
	} {
		got, _ := ruleTexts(t, s, text)
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%q:\n got %q\nwant %q", text, got, want)
		}
	}
}

func TestWidenSentence(t *testing.T) {
	s := packScanner(t, widenPack)
	tests := []struct {
		name, text string
		want       []string // rule: text
	}{
		{"the sentence, not its neighbours", "Plans changed. Then 12 officers came in a car. Maria smiled.",
			[]string{"p.team: Then 12 officers came in a car", "p.who: Maria"}},
		{"cut around a blocking finding", "Maria met 12 officers at the gate.",
			[]string{"p.who: Maria", "p.team: met 12 officers at the gate"}},
		{"a part without the match goes", "12 officers came, Maria said, and we left.",
			[]string{"p.team: 12 officers came", "p.who: Maria"}},
		{"a label before a colon is part of it", "Team: 12 officers and a car.",
			[]string{"p.team: Team: 12 officers and a car"}},
		// A flagged sentence cut by a finding of its own category: that
		// finding says what is sensitive; the rest goes unless it holds a
		// phrase. Cut by a name, the parts that still score stay.
		{"explained by an operational finding", "An unmarked van, Casa Luz, officers on call.",
			[]string{"p.shelter: Casa Luz"}},
		{"not explained by a name", "An unmarked van, Maria, officers on call.",
			[]string{"p.ops: An unmarked van", "p.who: Maria", "p.ops: officers on call"}},
		// After apply, the placeholder cuts the sentence as the finding did:
		// applying a plan never turns its parts into new findings.
		{"a placeholder cuts as its finding did", "An unmarked van, [shelter], officers on call.", nil},
		{"a name's placeholder", "An unmarked van, [name 1], officers on call.",
			[]string{"p.ops: An unmarked van", "p.ops: officers on call"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, fs := ruleTexts(t, s, tt.text)
			for _, f := range fs {
				if f.Rule == "p.team" && !strings.Contains(f.Why, "widened to its sentence") {
					t.Errorf("why = %q, want it to say the finding was widened", f.Why)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("%q:\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// A part of one letter left between two blocking findings inside a widened
// match ("A" of "Whanga Nui A Tara") is no finding, though the match
// covers it.
func TestWidenDropsOneLetterParts(t *testing.T) {
	const pack = `pack: p
rules:
  - id: who
    category: name
    kind: terms
    terms: [Maria]
  - id: met
    category: operational
    severity: review
    kind: pattern
    widen: sentence
    pattern: '\bofficers met \w+ \w+ \w+'
`
	got, _ := ruleTexts(t, packScanner(t, pack), "Then officers met Maria A Maria at dawn.")
	want := []string{"p.met: Then officers met", "p.who: Maria", "p.who: Maria"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
