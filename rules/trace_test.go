package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Trace must keep exactly what Find returns, for every built-in rule over
// every paragraph of the fixtures: explain would otherwise tell a story the
// scanner does not follow.
func TestTraceAgreesWithFind(t *testing.T) {
	set := builtinSet(t)
	files, _ := filepath.Glob("../fixtures/drafts/*.ann.md")
	if len(files) == 0 {
		t.Skip("no fixtures")
	}
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// Paragraphs with the markers taken out (a rough strip is enough).
		clean := strings.NewReplacer("[[name:", "", "[[location:", "", "[[date:", "", "[[operational:", "", "[[identifier:", "", "]]", "").Replace(string(data))
		for _, para := range strings.Split(clean, "\n\n") {
			tx := NewText(para, "paragraph")
			for _, r := range set.Rules {
				want := r.Find(tx)
				var got []Match
				for _, c := range r.Trace(tx) {
					if c.Dropped == "" {
						got = append(got, c.Match)
					}
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%s, rule %s: Trace and Find differ (-Find +Trace):\n%s", f, r.ID, diff)
				}
				n++
			}
		}
	}
	t.Logf("%d paragraph × rule runs", n)
}

func TestTraceReasons(t *testing.T) {
	packs, err := LoadPaths("testdata/valid/all-kinds.yaml")
	if err != nil {
		t.Fatal(err)
	}
	set, err := NewSet(packs...)
	if err != nil {
		t.Fatal(err)
	}
	nick := set.Lookup("local.nickname")
	tx := NewText("primo is cousin; known as El Primo", "paragraph")
	cs := nick.Trace(tx)
	if len(cs) != 2 {
		t.Fatalf("candidates: %+v", cs)
	}
	if cs[0].Dropped != `context require: none of its words (6 words before)` {
		t.Errorf("first: dropped %q", cs[0].Dropped)
	}
	if cs[1].Dropped != "" || len(cs[1].Context) != 1 || strings.Join(cs[1].Context[0].Words, ",") != "known" {
		t.Errorf("second: %+v", cs[1])
	}
}
