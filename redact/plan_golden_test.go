package redact

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rescue-stories/redact/redact/eval"
)

var updatePlan = flag.Bool("update-plan", false, "rewrite testdata/plan/*.golden")

// TestPlanGolden shows, for every fixture draft, each sentence that
// generalisation rewrote ("a town in Ghana", "in 2023", "one night"),
// before and after, so a reviewer can read that the redacted story still
// reads. Placeholders-only changes ("[name 1]") are counted, not listed.
// Detection changes move these files: rerun with -update-plan and read the
// diff.
func TestPlanGolden(t *testing.T) {
	files, err := filepath.Glob("../fixtures/drafts/*.ann.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	set := builtin(t)
	sc := New(set, Options{})
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".ann.md")
		t.Run(name, func(t *testing.T) {
			ann, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			src, _, err := eval.Strip(ann)
			if err != nil {
				t.Fatal(err)
			}
			res, err := sc.Scan(name+".md", src)
			if err != nil {
				t.Fatal(err)
			}
			plan, err := res.Plan(PlanOptions{Rules: set, All: true})
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			placeholders := 0
			done := map[int]bool{}
			for _, e := range plan.Edits {
				if strings.HasPrefix(e.Replacement, "[") {
					placeholders++
					continue
				}
				lo, hi := sentenceBounds(src, e.Span)
				if done[lo] {
					continue
				}
				done[lo] = true
				before, after := rewrite(src, lo, hi, plan.Edits)
				fmt.Fprintf(&b, "- %s\n+ %s\n\n", before, after)
			}
			fmt.Fprintf(&b, "(%d more edits are placeholders such as [name 1])\n", placeholders)
			goldenPlan(t, name+".golden", b.Bytes())
		})
	}
}

// sentenceBounds widens s to the sentence (or line) around it.
func sentenceBounds(src []byte, s Span) (int, int) {
	lo := s.Start
	for lo > 0 {
		c := src[lo-1]
		if c == '\n' || ((c == ' ') && lo >= 2 && strings.ContainsRune(".!?", rune(src[lo-2])) && !abbreviationBefore(src[:lo-2])) {
			break
		}
		lo--
	}
	hi := s.End
	for hi < len(src) && src[hi] != '\n' {
		if strings.ContainsRune(".!?", rune(src[hi])) && (hi+1 == len(src) || src[hi+1] == ' ' || src[hi+1] == '\n') && !abbreviationBefore(src[:hi]) {
			hi++
			break
		}
		hi++
	}
	return lo, hi
}

// rewrite returns src[lo:hi] before and after the edits inside it.
func rewrite(src []byte, lo, hi int, edits []Edit) (string, string) {
	for _, e := range edits {
		if e.Span.Start < hi && e.Span.End > lo {
			lo, hi = min(lo, e.Span.Start), max(hi, e.Span.End)
		}
	}
	var out strings.Builder
	prev := lo
	for _, e := range edits {
		if e.Span.Start < lo || e.Span.End > hi {
			continue
		}
		out.Write(src[prev:e.Span.Start])
		out.WriteString(e.Replacement)
		prev = e.Span.End
	}
	out.Write(src[prev:hi])
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	return flat(string(src[lo:hi])), flat(out.String())
}

func goldenPlan(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "plan", name)
	if *updatePlan {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update-plan to create it)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs (-want +got; go test -update-plan rewrites it):\n%s", path, cmp.Diff(string(want), string(got)))
	}
}

// TestApplyTwiceOnFixtures: on every fixture draft, a scan of the redacted
// text never flags the tool's own replacements. Other new findings (words
// that read differently next to a placeholder) are detection's business;
// they are logged so they can be fixed in the rules.
func TestApplyTwiceOnFixtures(t *testing.T) {
	files, _ := filepath.Glob("../fixtures/drafts/*.ann.md")
	set := builtin(t)
	sc := New(set, Options{})
	for _, path := range files {
		ann, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		src, _, err := eval.Strip(ann)
		if err != nil {
			t.Fatal(err)
		}
		res, err := sc.Scan("story.md", src)
		if err != nil {
			t.Fatal(err)
		}
		plan, err := res.Plan(PlanOptions{Rules: set, All: true})
		if err != nil {
			t.Fatal(err)
		}
		out, err := plan.Apply(src)
		if err != nil {
			t.Fatal(err)
		}
		res2, err := sc.Scan("story.md", out)
		if err != nil {
			t.Fatal(err)
		}
		d := 0
		var reps []Span
		for _, e := range plan.Edits {
			reps = append(reps, Span{e.Span.Start + d, e.Span.Start + d + len(e.Replacement)})
			d += len(e.Replacement) - e.Span.Len()
		}
		for _, f := range res2.Findings {
			own := false
			for _, r := range reps {
				if f.Span.Start >= r.Start && f.Span.End <= r.End {
					own = true
				}
			}
			if own {
				t.Errorf("%s: replacement flagged again: %s %q", filepath.Base(path), f.Rule, f.Text)
			} else {
				t.Errorf("%s: apply is not idempotent: new finding after apply: %s %q at line %d", filepath.Base(path), f.Rule, f.Text, f.Pos.Line)
			}
		}
	}
}
