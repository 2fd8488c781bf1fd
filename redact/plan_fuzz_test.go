package redact

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/rescue-stories/redact/redact/eval"
)

var fuzzReplacements = []string{"", "[name 1]", "x", "é", "a town in Ghana", "\n", "[phone number]"}

// editsFrom turns fuzz bytes into edits: three bytes per edit (start,
// length, replacement), so the fuzzer explores overlaps, out-of-range
// spans and cuts through multi-byte characters.
func editsFrom(n int, spec []byte) []Edit {
	var out []Edit
	for i := 0; i+2 < len(spec) && len(out) < 16; i += 3 {
		start := int(spec[i]) % (n + 2)
		end := start + int(spec[i+1])%12
		out = append(out, Edit{Span: Span{start, end}, Replacement: fuzzReplacements[int(spec[i+2])%len(fuzzReplacements)]})
	}
	return out
}

// FuzzApply: Apply never panics, never modifies its input, and when it
// accepts a plan, only the bytes inside the edits change and every edit
// sits on character boundaries.
func FuzzApply(f *testing.F) {
	f.Add([]byte("We met Maria Santos in Sosúa.\r\n"), []byte{7, 12, 1, 23, 6, 4})
	f.Add([]byte("\ufeffé\xffa"), []byte{0, 3, 2, 4, 1, 0})
	f.Add([]byte("abc"), []byte{0, 2, 0, 1, 2, 0})
	f.Fuzz(func(t *testing.T, src, spec []byte) {
		orig := bytes.Clone(src)
		edits := editsFrom(len(src), spec)
		p := &Plan{Edits: edits}
		out, err := p.Apply(src)
		if !bytes.Equal(src, orig) {
			t.Fatal("Apply modified its input")
		}
		if err != nil {
			return
		}
		prev := 0
		o := 0
		for _, e := range edits {
			s := e.Span
			if s.Start < prev || s.End > len(src) || s.End < s.Start {
				t.Fatalf("Apply accepted a bad edit %v", s)
			}
			// Bytes between edits are unchanged and in place.
			gap := src[prev:s.Start]
			if !bytes.Equal(out[o:o+len(gap)], gap) {
				t.Fatalf("bytes outside edits changed at %d", prev)
			}
			o += len(gap)
			if string(out[o:o+len(e.Replacement)]) != e.Replacement {
				t.Fatalf("replacement not at its place")
			}
			o += len(e.Replacement)
			prev = s.End
			if utf8.Valid(src) && (!utf8.Valid(src[:s.Start]) || !utf8.Valid(src[s.End:])) {
				t.Fatalf("edit %v cuts a character of valid UTF-8", s)
			}
		}
		if !bytes.Equal(out[o:], src[prev:]) {
			t.Fatal("bytes after the last edit changed")
		}
		if utf8.Valid(src) && !utf8.Valid(out) {
			t.Fatal("Apply produced invalid UTF-8 from valid input")
		}
	})
}

// FuzzRedactIdempotent: for any text the scanner's plan applies cleanly,
// and a scan of the result never flags the tool's own replacements
// ("[name 1]", "a town in Ghana", "in 2023").
func FuzzRedactIdempotent(f *testing.F) {
	for _, s := range []string{
		"Our investigators met Maria Santos in Boca Chica on March 14, 2023.",
		"Ghana. Boys sold fish at the market in Kete Krachi at 4:30 a.m. on Friday night.",
		"Officer Reyes and Doña Mercedes met Ms. Santos; Maria's aunt called +63 917 555 0142.",
		"<!-- redact:allow \"Ana\" -->\nAna and [name 1] met Tita Lorna.",
	} {
		f.Add([]byte(s))
	}
	if files, _ := filepath.Glob("../fixtures/drafts/*.ann.md"); len(files) > 0 {
		for _, p := range files[:3] {
			if ann, err := os.ReadFile(p); err == nil {
				if src, _, err := eval.Strip(ann); err == nil {
					f.Add(src)
				}
			}
		}
	}
	set := builtin(f)
	sc := New(set, Options{})
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 4000 {
			return
		}
		res, err := sc.Scan("story.md", src)
		if err != nil {
			return // not text, or a malformed directive: reported, not planned
		}
		plan, err := res.Plan(PlanOptions{Rules: set, All: true})
		if err != nil {
			t.Fatalf("Plan: %v", err)
		}
		out, err := plan.Apply(src)
		if err != nil {
			t.Fatalf("the scanner's own plan does not apply: %v", err)
		}
		// Where the replacements are in the result.
		var reps []Span
		d := 0
		for _, e := range plan.Edits {
			s := e.Span.Start + d
			reps = append(reps, Span{s, s + len(e.Replacement)})
			d += len(e.Replacement) - e.Span.Len()
		}
		res2, err := sc.Scan("story.md", out)
		if err != nil {
			t.Fatalf("scan of the redacted text: %v", err)
		}
		for _, f2 := range res2.Findings {
			for _, r := range reps {
				// Only a finding inside a replacement is the tool's own
				// words; one that merely touches it also covers text the
				// first scan did not flag as one piece.
				if f2.Span.Start >= r.Start && f2.Span.End <= r.End && r.Len() > 0 {
					t.Fatalf("replacement %q flagged again as %s %q", out[r.Start:r.End], f2.Rule, f2.Text)
				}
			}
		}
	})
}
