package redact

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/rescue-stories/redact/rules"
)

func TestApply(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		edits []Edit
		want  string
		err   error
	}{
		{"one edit", "We met Maria today.", []Edit{{Span: Span{7, 12}, Replacement: "[name 1]"}}, "We met [name 1] today.", nil},
		{"none", "nothing", nil, "nothing", nil},
		{"deletion", "at 4 a.m. we", []Edit{{Span: Span{0, 10}, Replacement: ""}}, "we", nil},
		{"crlf kept", "a Maria\r\nb Ana\r\n", []Edit{{Span: Span{2, 7}, Replacement: "X"}, {Span: Span{11, 14}, Replacement: "Y"}}, "a X\r\nb Y\r\n", nil},
		{"bom kept", "\ufeffMaria here", []Edit{{Span: Span{3, 8}, Replacement: "[name 1]"}}, "\ufeff[name 1] here", nil},
		{"no final newline", "line\nMaria", []Edit{{Span: Span{5, 10}, Replacement: "[name 1]"}}, "line\n[name 1]", nil},
		{"edit at end", "Sosúa", []Edit{{Span: Span{0, 6}, Replacement: "[location]"}}, "[location]", nil},
		{"overlap", "abcdef", []Edit{{Span: Span{0, 3}}, {Span: Span{2, 4}}}, "", ErrOverlap},
		{"out of bounds", "abc", []Edit{{Span: Span{1, 9}}}, "", ErrBounds},
		{"backwards", "abc", []Edit{{Span: Span{2, 1}}}, "", ErrBounds},
		{"splits a rune", "Sosúa", []Edit{{Span: Span{0, 4}, Replacement: "x"}}, "", ErrSplit},
		{"invalid bytes are characters", "a\xffb", []Edit{{Span: Span{1, 2}, Replacement: "?"}}, "a?b", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			orig := bytes.Clone(src)
			// Apply checks what NewPlan would refuse, too.
			p := &Plan{Edits: tt.edits}
			got, err := p.Apply(src)
			if !errors.Is(err, tt.err) {
				t.Fatalf("Apply error = %v, want %v", err, tt.err)
			}
			if !bytes.Equal(src, orig) {
				t.Fatalf("Apply modified its input: %q", src)
			}
			if err == nil && string(got) != tt.want {
				t.Fatalf("Apply = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNewPlanRejectsOverlap(t *testing.T) {
	_, err := NewPlan([]Edit{{Span: Span{4, 8}}, {Span: Span{0, 5}}})
	if !errors.Is(err, ErrOverlap) {
		t.Fatalf("NewPlan overlap error = %v", err)
	}
	p, err := NewPlan([]Edit{{Span: Span{4, 8}, Replacement: "b"}, {Span: Span{0, 4}, Replacement: "a"}})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := p.Apply([]byte("1234567890")); string(got) != "ab90" {
		t.Fatalf("sorted plan applied = %q", got)
	}
}

// names builds a result whose findings are the given names, found in src
// in order, as the proper-noun rule would report them.
func names(src string, texts ...string) *Result {
	r := &Result{Path: "t.md", Src: []byte(src)}
	off := 0
	for _, tx := range texts {
		i := strings.Index(src[off:], tx)
		if i < 0 {
			panic("no " + tx)
		}
		s := off + i
		r.Findings = append(r.Findings, Finding{Rule: "t.names", Category: "name", Severity: rules.Block, Span: Span{s, s + len(tx)}, Text: tx, Replacement: "[name]"})
		off = s + len(tx)
	}
	return r
}

func applyPlan(t *testing.T, r *Result, opts PlanOptions) string {
	t.Helper()
	p, err := r.Plan(opts)
	if err != nil {
		t.Fatal(err)
	}
	out, err := p.Apply(r.Src)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestEntityNumbering(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		found []string
		want  string
	}{{
		"variants of one person",
		"Maria Santos came. Later Maria smiled, Ms. Santos agreed, and Maria's aunt cried.",
		[]string{"Maria Santos", "Maria", "Santos", "Maria"},
		"[name 1] came. Later [name 1] smiled, Ms. [name 1] agreed, and [name 1]'s aunt cried.",
	}, {
		"possessive inside the finding stays outside",
		"Batista's car.",
		[]string{"Batista's"},
		"[name 1]'s car.",
	}, {
		"different people",
		"Maria Santos met Wilkin Batista; Batista lied to Maria.",
		[]string{"Maria Santos", "Wilkin Batista", "Batista", "Maria"},
		"[name 1] met [name 2]; [name 2] lied to [name 1].",
	}, {
		"a shared first name does not merge two people",
		"Maria Santos and Maria Cruz. Maria Cruz spoke, then Maria Santos.",
		[]string{"Maria Santos", "Maria Cruz", "Maria Cruz", "Maria Santos"},
		"[name 1] and [name 2]. [name 2] spoke, then [name 1].",
	}, {
		"a bare first name goes to the last one mentioned",
		"Maria Santos and Maria Cruz. Maria Cruz spoke. Maria cried.",
		[]string{"Maria Santos", "Maria Cruz", "Maria Cruz", "Maria"},
		"[name 1] and [name 2]. [name 2] spoke. [name 2] cried.",
	}, {
		"short name first, full name later",
		"Santos said no. Then Maria Santos left; Maria waved.",
		[]string{"Santos", "Maria Santos", "Maria"},
		"[name 1] said no. Then [name 1] left; [name 1] waved.",
	}, {
		"honorifics stay, the name goes",
		"Officer Reyes and Doña Mercedes. Reyes left.",
		[]string{"Officer Reyes", "Doña Mercedes", "Reyes"},
		"Officer [name 1] and Doña [name 2]. [name 1] left.",
	}, {
		"numbers already in the text are taken",
		"[name 1] met Maria. [name 2] saw Maria.",
		[]string{"Maria", "Maria"},
		"[name 1] met [name 3]. [name 2] saw [name 3].",
	}, {
		"accents and case fold",
		"Lucía Fernández wrote. LUCIA answered.",
		[]string{"Lucía Fernández", "LUCIA"},
		"[name 1] wrote. [name 1] answered.",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := applyPlan(t, names(tt.src, tt.found...), PlanOptions{})
			if got != tt.want {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// finding builds one finding of the given rule for the first occurrence of
// text in src.
func finding(src, text, rule, category, country string) *Result {
	i := strings.Index(src, text)
	if i < 0 {
		panic("no " + text)
	}
	return &Result{Path: "t.md", Src: []byte(src), Findings: []Finding{{
		Rule: rule, Category: category, Severity: rules.Block, Span: Span{i, i + len(text)},
		Text: text, Country: country, Replacement: "[" + category + "]",
	}}}
}

// testRules is a set with one rule per generalisation, like the default pack's.
func testRules(t *testing.T) *rules.Set {
	t.Helper()
	pack, err := rules.Parse(nil, "t.yaml", []byte(`pack: t
rules:
  - id: place
    category: location
    kind: terms
    terms: [x]
    replace: "[location]"
    generalize: place
  - id: date.month-day
    category: date
    kind: terms
    terms: [x]
    replace: "[date]"
    generalize: date
  - id: date.time
    category: date
    kind: terms
    terms: [x]
    replace: "[time]"
    generalize: date
  - id: date.holiday
    category: date
    kind: terms
    terms: [x]
    replace: "[date]"
    generalize: date
  - id: literal
    category: date
    kind: terms
    terms: [x]
    replace: "[date]"
    generalize: none
  - id: op
    category: operational
    severity: review
    kind: terms
    terms: [x]
    replace: "[team]"
  - id: op-auto
    category: operational
    severity: review
    auto_apply: true
    kind: terms
    terms: [x]
    replace: "[vehicles]"
`))
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.NewSet(pack)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func TestGeneralizeDate(t *testing.T) {
	set := testRules(t)
	tests := []struct {
		src, text, rule, want string
	}{
		{"We met her on March 14, 2023 in town.", "March 14, 2023", "t.date.month-day", "We met her in 2023 in town."},
		{"On 14 March 2023, the team met.", "14 March 2023", "t.date.month-day", "In 2023, the team met."},
		{"In January 2023, a tip came.", "January 2023", "t.date.month-day", "In 2023, a tip came."},
		{"Logged 14/03/2023 by the team.", "14/03/2023", "t.date.month-day", "Logged 2023 by the team."},
		{"They came on Friday night and left.", "Friday night", "t.date.month-day", "They came one night and left."},
		{"On Friday, February 24, a team met.", "Friday, February 24", "t.date.month-day", "One day, a team met."},
		{"We met her on March 14.", "March 14", "t.date.month-day", "We met her one day."},
		{"It happened last Tuesday.", "last Tuesday", "t.date.month-day", "It happened recently."},
		{"She comes every Sunday from town.", "Sunday", "t.date.month-day", "She comes every week from town."},
		{"The raid began at 4:30 a.m. and ended fast.", "4:30 a.m.", "t.date.time", "The raid began in the early hours and ended fast."},
		{"At 11:40 p.m., the text came.", "11:40 p.m.", "t.date.time", "Late at night, the text came."},
		{"The text came at 11:40 p.m. Officers entered.", "11:40 p.m.", "t.date.time", "The text came late at night. Officers entered."},
		{"They left at 6 pm.", "6 pm", "t.date.time", "They left in the evening."},
		{"We arrived 06:20 to wait.", "06:20", "t.date.time", "We arrived in the morning to wait."},
		{"Be there by 4 p.m. sharp.", "4 p.m.", "t.date.time", "Be there by [time] sharp."},
		{"Luego, el 14 de marzo de 2023 llegaron", "14 de marzo de 2023", "t.date.month-day", "Luego, en 2023 llegaron"},
		{"They struck on Christmas Eve.", "Christmas Eve", "t.date.holiday", "They struck on a holiday."},
		{"We met on 16/03 at the office.", "16/03", "t.date.month-day", "We met one day at the office."},
		{"Notes 16/03: plan fixed.", "16/03", "t.date.month-day", "Notes [date]: plan fixed."},
		{"We met her on March 14, 2023.", "March 14, 2023", "t.literal", "We met her on [date]."},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			got := applyPlan(t, finding(tt.src, tt.text, tt.rule, "date", ""), PlanOptions{Rules: set})
			if got != tt.want {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestGeneralizePlace(t *testing.T) {
	set := testRules(t)
	tests := []struct {
		src, text, country, want string
	}{
		{"Ghana. Boys sold fish at the market in Kete Krachi.", "Kete Krachi", "GH", "Ghana. Boys sold fish at the market in a town in Ghana."},
		{"In the Philippines, we met her in Pampanga.", "Pampanga", "PH", "In the Philippines, we met her in a city in the Philippines."},
		{"Ghana. They live in the village of Kpandu now.", "Kpandu", "GH", "Ghana. They live in a village in Ghana now."},
		{"India. Workers from the Tiruvallur district were freed.", "Tiruvallur", "IN", "India. Workers from a district in India were freed."},
		{"Kenya. She grew up in Nairobi.", "Nairobi", "KE", "Kenya. She grew up in a part of Kenya."},
		// The country is named next to it: do not repeat it.
		{"Girls in Boca Chica, Dominican Republic are safe.", "Boca Chica", "DO", "Girls in [location], Dominican Republic are safe."},
		// Unknown country: the plain replacement.
		{"We met in Andrés for a briefing.", "Andrés", "", "We met in [location] for a briefing."},
		// The story is about another country (the gazetteer's namesake is wrong).
		{"Bolivia, Bolivia. They left El Alto near the Argentine border.", "El Alto", "AR", "Bolivia, Bolivia. They left [location] near the Argentine border."},
		// Sentences that would not read: a possessive, a noun after it.
		{"Ghana. Kete Krachi's market is busy.", "Kete Krachi", "GH", "Ghana. [location]'s market is busy."},
		{"Ghana. The Kete Krachi police came.", "Kete Krachi", "GH", "Ghana. The [location] police came."},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			got := applyPlan(t, finding(tt.src, tt.text, "t.place", "location", tt.country), PlanOptions{Rules: set})
			if got != tt.want {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestReviewSeverity(t *testing.T) {
	set := testRules(t)
	src := "A team of 12 officers came in two unmarked vans."
	r := &Result{Path: "t.md", Src: []byte(src), Findings: []Finding{
		{Rule: "t.op", Category: "operational", Severity: rules.Review, Span: Span{0, 21}, Text: src[0:21]},
		{Rule: "t.op-auto", Category: "operational", Severity: rules.Review, Span: Span{30, 47}, Text: src[30:47]},
	}}
	p, err := r.Plan(PlanOptions{Rules: set})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Edits) != 1 || p.Edits[0].Rule != "t.op-auto" || !cmp.Equal(p.Notes, []int{0}) {
		t.Fatalf("without --all: edits %+v notes %v; want only the auto_apply rule replaced", p.Edits, p.Notes)
	}
	if got := applyPlan(t, r, PlanOptions{Rules: set, All: true}); got != "[team] came in [vehicles]." {
		t.Fatalf("--all: %q", got)
	}
	ds := &Decisions{}
	ds.Set(DecisionFor(r.Findings[0], ActionReplace, "a team", "", zeroTime))
	if got := applyPlan(t, r, PlanOptions{Rules: set, Decisions: ds}); got != "a team came in [vehicles]." {
		t.Fatalf("with a replace decision: %q", got)
	}
}

func TestPlanFilters(t *testing.T) {
	set := testRules(t)
	src := "Maria met us on March 14."
	r := &Result{Path: "t.md", Src: []byte(src), Findings: []Finding{
		{Rule: "t.names", Pack: "t", Category: "name", Severity: rules.Block, Span: Span{0, 5}, Text: "Maria"},
		{Rule: "t.date.month-day", Pack: "t", Category: "date", Severity: rules.Block, Span: Span{16, 24}, Text: "March 14"},
	}}
	if got := applyPlan(t, r, PlanOptions{Rules: set, Only: []string{"date"}}); got != "Maria met us one day." {
		t.Errorf("--only date: %q", got)
	}
	if got := applyPlan(t, r, PlanOptions{Rules: set, RuleIDs: []string{"names"}}); got != "[name 1] met us on March 14." {
		t.Errorf("--rule names: %q", got)
	}
	if got := applyPlan(t, r, PlanOptions{Rules: set, Select: []int{1}, Only: []string{"name"}}); got != "Maria met us one day." {
		t.Errorf("select: %q", got)
	}
	if got := applyPlan(t, r, PlanOptions{Rules: set, Literal: true}); got != "[name] met us on [date]." {
		t.Errorf("literal: %q", got)
	}
}

func TestPlanAdjacentAndPartialWords(t *testing.T) {
	set := testRules(t)
	// Two generalised dates side by side, each taking its preposition.
	src := "at 4 a.m. on March 14 they came"
	r := &Result{Path: "t.md", Src: []byte(src), Findings: []Finding{
		{Rule: "t.date.time", Category: "date", Severity: rules.Block, Span: Span{3, 9}, Text: "4 a.m."},
		{Rule: "t.date.month-day", Category: "date", Severity: rules.Block, Span: Span{13, 21}, Text: "March 14"},
	}}
	got := applyPlan(t, r, PlanOptions{Rules: set})
	if got != "In the early hours one day they came" {
		t.Fatalf("got %q", got)
	}
	// A finding that cuts a word is widened to whole words.
	r = &Result{Path: "t.md", Src: []byte("Mariana came"), Findings: []Finding{
		{Rule: "x", Category: "identifier", Severity: rules.Block, Span: Span{0, 5}, Text: "Maria", Replacement: "[id]"},
	}}
	if got := applyPlan(t, r, PlanOptions{}); got != "[id] came" {
		t.Fatalf("word split: %q", got)
	}
}

var zeroTime time.Time

func TestFrontMatterPlaceholdersStayStrings(t *testing.T) {
	src := "---\ntitle: \"Home again: Grace's story\"\nauthor: Esther Wanjiru\ncrew:\n  - Daniel Kiprop\nnote: Esther Wanjiru and friends\n---\nText.\n"
	r := names(src, "Grace", "Esther Wanjiru", "Daniel Kiprop", "Esther Wanjiru")
	for i := range r.Findings {
		r.Findings[i].Scope = "frontmatter"
	}
	got := applyPlan(t, r, PlanOptions{})
	want := "---\ntitle: \"Home again: [name 1]'s story\"\nauthor: \"[name 2]\"\ncrew:\n  - \"[name 3]\"\nnote: (name 2) and friends\n---\nText.\n"
	if got != want {
		t.Fatalf("\n got %q\nwant %q", got, want)
	}
}
