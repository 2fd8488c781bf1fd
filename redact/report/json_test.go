package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/rules"
)

// storySrc has multi-byte text before and inside findings, so byte offsets
// and character columns differ.
const storySrc = "---\ntitle: Home from Sosúa\n---\n\nLucía met Ramón Peralta on 14 March.\nCall +63 917 555 0142 <!-- redact:allow \"Ana\" reason=\"pseudonym\" -->\nAna is safe.\n"

// finding builds a finding over the n-th (0-based) occurrence of text in src,
// with the position derived the way the scanner derives it.
func finding(t *testing.T, src, text string, n int, rule, cat string, sev rules.Severity, repl, msg, why string) redact.Finding {
	t.Helper()
	at := -1
	for i := 0; i <= n; i++ {
		k := strings.Index(src[at+1:], text)
		if k < 0 {
			t.Fatalf("%q not in source", text)
		}
		at += 1 + k
	}
	span := redact.Span{Start: at, End: at + len(text)}
	return redact.Finding{
		Rule: "default." + rule, Pack: "default", Category: cat, Severity: sev, Span: span,
		Pos: redact.NewLineIndex([]byte(src)).Pos(at), Text: text, Replacement: repl, Message: msg, Why: why,
	}
}

func sampleResults(t *testing.T) []*redact.Result {
	src := storySrc
	story := &redact.Result{Path: "drafts/story.md", Src: []byte(src)}
	story.Findings = []redact.Finding{
		finding(t, src, "Sosúa", 0, "place.towns", "location", rules.Block, "[town]", "place name", "gazetteer: DO"),
		finding(t, src, "Lucía", 0, "name.given", "name", rules.Block, "[name]", "person's name", "given-name list"),
		finding(t, src, "Ramón Peralta", 0, "name.full", "name", rules.Block, "[name]", "person's name", "given name + surname"),
		finding(t, src, "14 March", 0, "date.day-month", "date", rules.Review, "[date]", "calendar date", "day and month"),
		finding(t, src, "+63 917 555 0142", 0, "identifier.phone", "identifier", rules.Block, "[phone number]", "phone number", "pattern 1"),
	}
	story.Suppressed = []redact.Suppressed{{
		Finding: finding(t, src, "Ana", 1, "name.given", "name", rules.Block, "[name]", "person's name", "given-name list"),
		Reason:  "pseudonym",
	}}
	clean := &redact.Result{Path: "drafts/clean.md", Src: []byte("Nothing to see.\n")}
	return []*redact.Result{story, clean}
}

// TestJSONGolden pins the exact bytes of the JSON report, the format other
// tools parse (docs/json-report.md). Options are encoded in the file name.
func TestJSONGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts Options
	}{
		{"json.golden", Options{ToolVersion: "v1.2.3"}},
		{"json_mask.golden", Options{ToolVersion: "v1.2.3", Mask: true}},
		{"json_explain.golden", Options{ToolVersion: "v1.2.3", Explain: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := (&JSON{Opts: tc.opts}).Write(&buf, sampleResults(t)); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name, buf.Bytes())
		})
	}
}

// TestJSONEmpty: no input files still gives a complete document with
// empty arrays, never null.
func TestJSONEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := (&JSON{}).Write(&buf, nil); err != nil {
		t.Fatal(err)
	}
	golden(t, "json_empty.golden", buf.Bytes())
}

// TestJSONSpansAndRoundTrip decodes the report as a consumer would and
// checks that every finding's text is the file's bytes [start:end), that
// line and column agree with start, and that decoding loses nothing.
func TestJSONSpansAndRoundTrip(t *testing.T) {
	rs := sampleResults(t)
	var buf bytes.Buffer
	if err := (&JSON{}).Write(&buf, rs); err != nil {
		t.Fatal(err)
	}
	var rep JSONReport
	dec := json.NewDecoder(bytes.NewReader(buf.Bytes()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rep); err != nil {
		t.Fatalf("decode: %v", err)
	}
	if rep.Version != 1 || len(rep.Files) != len(rs) {
		t.Fatalf("version %d, %d files", rep.Version, len(rep.Files))
	}
	for i, jf := range rep.Files {
		src := rs[i].Src
		li := redact.NewLineIndex(src)
		for _, f := range append(jf.Findings, suppressedFindings(jf)...) {
			if got := string(src[f.Start:f.End]); got != f.Text {
				t.Errorf("%s: text %q, file[%d:%d] is %q", jf.Path, f.Text, f.Start, f.End, got)
			}
			if p := li.Pos(f.Start); p.Line != f.Line || p.Col != f.Column {
				t.Errorf("%s: %q at %d:%d, want %d:%d", jf.Path, f.Text, f.Line, f.Column, p.Line, p.Col)
			}
		}
	}
	var again bytes.Buffer
	enc := json.NewEncoder(&again)
	enc.SetIndent("", "  ")
	if err := enc.Encode(rep); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(buf.String(), again.String()); diff != "" {
		t.Errorf("round trip changed the report (-first +second):\n%s", diff)
	}
}

func suppressedFindings(jf JSONFile) []JSONFinding {
	var out []JSONFinding
	for _, s := range jf.Suppressed {
		out = append(out, s.JSONFinding)
	}
	return out
}

// TestJSONMaskHidesText: a masked report carries no letter or digit of the
// sensitive text beyond each word's initial.
func TestJSONMaskHidesText(t *testing.T) {
	var buf bytes.Buffer
	if err := (&JSON{Opts: Options{Mask: true, Explain: true}}).Write(&buf, sampleResults(t)); err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"Sosúa", "Lucía", "Peralta", "March", "917", "0142", "gazetteer"} {
		if bytes.Contains(buf.Bytes(), []byte(secret)) {
			t.Errorf("masked report contains %q", secret)
		}
	}
}
