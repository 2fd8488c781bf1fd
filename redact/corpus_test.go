package redact_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/redact/eval"
	"github.com/rescue-stories/redact/rules"
)

// floors are the detection figures the built-in packs must keep on the
// annotated development drafts in fixtures/drafts (docs/detection.md has
// the table and the command that makes it). They sit a little under the
// measured values so an unrelated change does not trip them, while a rule
// change that makes things worse does. Raise them when detection improves.
var floors = map[string]struct{ recall, cover, precision float64 }{
	"name":        {0.99, 0.98, 0.97},
	"location":    {0.98, 0.95, 0.98},
	"date":        {0.98, 0.98, 0.97},
	"operational": {0.98, 0.73, 0.89},
	"identifier":  {0.97, 0.95, 0.95},
	"all":         {0.99, 0.94, 0.96},
}

func builtinScanner(t testing.TB) *redact.Scanner {
	t.Helper()
	packs, err := rules.LoadBuiltin("default")
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.NewSet(packs...)
	if err != nil {
		t.Fatal(err)
	}
	return redact.New(set, redact.Options{})
}

// TestCorpusFloor scans the stripped drafts and scores the findings with
// the corpus scorer's definitions.
func TestCorpusFloor(t *testing.T) {
	sc := builtinScanner(t)
	files, err := filepath.Glob("../fixtures/drafts/*.ann.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no annotated drafts in fixtures/drafts: %v", err)
	}
	score := eval.NewScore()
	for _, f := range files {
		ann, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		clean, spans, err := eval.Strip(ann)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".ann.md") + ".md"
		res, err := sc.Scan(name, clean)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var found []eval.Found
		for _, fd := range res.Findings {
			found = append(found, eval.Found{Start: fd.Span.Start, End: fd.Span.End, Category: fd.Category, Rule: fd.Rule})
		}
		score.Add(name, clean, spans, found)
	}
	rows := score.Rows()
	t.Logf("\n%s", eval.Table(rows))
	for _, r := range rows {
		fl, ok := floors[r.Category]
		if !ok {
			continue
		}
		if r.Recall < fl.recall || r.Cover < fl.cover || r.Precision < fl.precision {
			t.Errorf("%s: recall %.3f cover %.3f precision %.3f, below the floor %.2f/%.2f/%.2f",
				r.Category, r.Recall, r.Cover, r.Precision, fl.recall, fl.cover, fl.precision)
		}
	}
}

// TestPublishedStoryIsClean scans a story that really was published after a
// security review: the default packs must flag nothing in it.
func TestPublishedStoryIsClean(t *testing.T) {
	sc := builtinScanner(t)
	files, _ := filepath.Glob("../fixtures/published/*")
	if len(files) == 0 {
		t.Fatal("no published story in fixtures/published")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := sc.Scan(f, src)
		if err != nil {
			t.Fatal(err)
		}
		for _, fd := range res.Findings {
			t.Errorf("%s:%d:%d: %s %s %q", f, fd.Pos.Line, fd.Pos.Col, fd.Category, fd.Rule, fd.Text)
		}
	}
}
