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

// floor is the least recall, cover and precision a category may score.
type floor struct{ recall, cover, precision float64 }

// floors are the detection figures the built-in packs must keep, per set of
// annotated drafts (docs/detection.md has the tables and the command that
// makes them). They sit a little under the measured values so an unrelated
// change does not trip them, while a rule change that makes things worse
// does. Raise them when detection improves.
//
// fixtures/drafts are the development drafts the rules were first written
// from; fixtures/fresh are drafts by other writers who never saw the rules
// (fixtures/fresh/README.md), and both train the operational classifier;
// fixtures/heldout are drafts nobody wrote a rule from or trained on, whose
// lower figures are what to expect on the next story.
var floors = map[string]map[string]floor{
	// The classifier trains on the development drafts too; each retraining
	// on new rounds moves their operational precision by a point or two
	// either way (0.879 to 0.911 in the sixth session, 0.866 to 0.898 in the
	// seventh: pieces of flagged sentences cut around names and places)
	// while the held-out figures, which it has not seen, rose.
	"../fixtures/drafts": {
		"name":        {0.99, 0.98, 0.99},
		"location":    {0.99, 0.96, 0.99},
		"date":        {0.99, 0.99, 0.99},
		"operational": {0.99, 0.98, 0.86},
		"identifier":  {0.99, 0.99, 0.99},
		"all":         {0.99, 0.98, 0.98},
	},
	"../fixtures/fresh": {
		"name":     {0.98, 0.97, 0.96},
		"location": {0.98, 0.94, 0.97},
		// Date precision 0.98 since the tenth session: its blind writers
		// left habitual weekdays and times unmarked ("on Saturdays", "at six
		// in the morning") that earlier rounds marked; 0.989 then.
		"date":        {0.98, 0.97, 0.98},
		"operational": {0.89, 0.84, 0.83},
		"identifier":  {0.97, 0.94, 0.99},
		"all":         {0.96, 0.93, 0.94},
	},
	"../fixtures/heldout": {
		"name":     {0.97, 0.95, 0.94},
		"location": {0.96, 0.90, 0.96},
		"date":     {0.96, 0.94, 0.97},
		// Retraining moves it by a point either way (in the eighth session
		// one retraining gave 0.731 / 0.665 / 0.746 at 0.88, the next 0.719
		// / 0.653 / 0.763 there and 0.733 / 0.666 / 0.752 at 0.84; at its
		// end 0.755 / 0.696 / 0.764 on all 9,724 spans at 0.86; at the
		// ninth's end 0.767 / 0.710 / 0.764 on 11,441 spans at 0.80, after
		// five retrainings that each moved it by up to a point).
		"operational": {0.75, 0.69, 0.75},
		"identifier":  {0.96, 0.93, 0.99},
		"all":         {0.91, 0.88, 0.93},
	},
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

// TestCorpusFloor scans the stripped drafts of each set and scores the
// findings with the corpus scorer's definitions.
func TestCorpusFloor(t *testing.T) {
	for dir, fl := range floors {
		t.Run(filepath.Base(dir), func(t *testing.T) { checkFloors(t, dir, fl) })
	}
}

// checkFloors scores the annotated drafts in dir and fails for every
// category whose recall, cover or precision falls below its floor.
func checkFloors(t *testing.T, dir string, floors map[string]floor) {
	t.Helper()
	sc := builtinScanner(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.ann.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no annotated drafts in %s: %v", dir, err)
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
	t.Logf("%s:\n%s", dir, eval.Table(rows))
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
