package redact_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/rules"
)

// A pack with a blocking date, a review phrase and a classifier whose model
// needs "officers" with a van or a number to flag a sentence.
const loosePack = `pack: p
rules:
  - id: day
    category: date
    kind: terms
    terms: [Monday]
  - id: team
    category: operational
    severity: review
    message: team size
    kind: pattern
    pattern: '\b\d+ officers\b'
  - id: ops
    category: operational
    severity: review
    message: reads like an operation
    replace: "[operational detail]"
    kind: classifier
    model_file: m.tsv
    threshold: 0.9
`

const looseModel = "-3\t<bias>\n2.5\tofficers\n1.5\tvan\n1.5\tunmarked van\n0.5\t#\n0.5\ton\n"

func looseScanner(t *testing.T) *redact.Scanner {
	t.Helper()
	return packScanner(t, loosePack)
}

// packScanner is a scanner of one pack, p.yaml, beside the classifier
// model looseModel (m.tsv).
func packScanner(t *testing.T, pack string) *redact.Scanner {
	t.Helper()
	fsys := fstest.MapFS{"p.yaml": {Data: []byte(pack)}, "m.tsv": {Data: []byte(looseModel)}}
	p, err := rules.Parse(fsys, "p.yaml", fsys["p.yaml"].Data)
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.NewSet(p)
	if err != nil {
		t.Fatal(err)
	}
	return redact.New(set, redact.Options{})
}

// A flagged sentence swallows the review phrases in it, is cut around the
// blocking findings, and keeps only the parts that still read as an
// operation by themselves.
func TestLooseSentenceMerge(t *testing.T) {
	s := looseScanner(t)
	tests := []struct {
		text string
		want []string // rule: text
	}{
		// "On" left of the date scores -2.5 alone: it goes.
		{"On Monday, 12 officers came in an unmarked van.", []string{"p.day: Monday", "p.ops: 12 officers came in an unmarked van"}},
		// Not flagged as a sentence: the phrase keeps its own label.
		{"On Monday, 12 officers came.", []string{"p.day: Monday", "p.team: 12 officers"}},
		// The part holding the phrase stays even when it would not score:
		// the phrase was found by a rule of its own.
		{"The 12 officers, Monday, an unmarked van.", []string{"p.ops: The 12 officers", "p.day: Monday", "p.ops: an unmarked van"}},
		{"Nothing here. On Monday we rested.", []string{"p.day: Monday"}},
	}
	for _, tt := range tests {
		got, fs := ruleTexts(t, s, tt.text)
		for _, f := range fs {
			if f.Rule == "p.ops" && strings.Contains(tt.text, "12 officers") && !strings.Contains(f.Why, "it holds: team size") {
				t.Errorf("%q: why = %q, want it to name the phrase it holds", tt.text, f.Why)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q:\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// ruleTexts scans text and returns its findings as "rule: text", and the
// findings themselves.
func ruleTexts(t *testing.T, s *redact.Scanner, text string) ([]string, []redact.Finding) {
	t.Helper()
	res, err := s.Scan("story.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Rule+": "+f.Text)
	}
	return got, res.Findings
}
