package redact

import (
	"strings"
	"testing"

	"github.com/rescue-stories/redact/rules"
)

const explainPack = `pack: t
allow:
  terms: [Freedom Partners]
  pseudonyms: true
rules:
  - id: staff
    category: name
    kind: terms
    terms: [Kofi, Ana, Freedom Partners]
  - id: day
    category: date
    kind: pattern
    pattern: '\bSunday\b'
    context:
      - words: [school]
        after: 1
        effect: exclude
      - words: [on, last]
        before: 1
        effect: raise
`

func TestExplain(t *testing.T) {
	p, err := rules.Parse(nil, "t.yaml", []byte(explainPack))
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.NewSet(p)
	if err != nil {
		t.Fatal(err)
	}
	src := []byte("Kofi met Ana* on Sunday.\n\nSunday school with Freedom Partners; Ana smiled.\n")
	ex, err := New(set, Options{}).Explain("story.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ex.Findings {
		line := e.Finding.Text + ":"
		for _, st := range e.Steps {
			line += " " + st.Rule.ID + " " + st.Why
			for _, c := range st.Context {
				line += " [" + c.String() + "]"
			}
		}
		got = append(got, line)
	}
	want := []string{
		"Kofi: t.staff term kofi",
		`Sunday: t.day pattern \bSunday\b [raise: "on" (1 words before)]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	got = nil
	for _, st := range ex.Dropped {
		got = append(got, st.Text+" "+st.Rule.ID+": "+st.Dropped)
	}
	want = []string{
		"Ana t.staff: pseudonym marked with an asterisk in this file",
		`Sunday t.day: context exclude: "school" (1 words after)`,
		`Freedom Partners t.staff: allow list of pack t (t.yaml): term "freedom partners"`,
		"Ana t.staff: pseudonym marked with an asterisk in this file",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("dropped:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(ex.Result.Findings) != 2 {
		t.Errorf("scan findings: %+v", ex.Result.Findings)
	}
}
