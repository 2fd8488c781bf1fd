package rules

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestInvalidPacks(t *testing.T) {
	tests := map[string]string{
		"unknown-key.yaml":  `testdata/invalid/unknown-key.yaml:4:5: rule local.x: unknown field "patern" (did you mean "pattern"?)`,
		"bad-regex.yaml":    `testdata/invalid/bad-regex.yaml:6:14: rule local.phone: bad pattern "(\\d+": missing closing ): ` + "`(\\d+`",
		"bad-category.yaml": `testdata/invalid/bad-category.yaml:4:15: rule local.thing: unknown category "secret" (one of name, location, date, operational, identifier)`,
		"missing-kind.yaml": `testdata/invalid/missing-kind.yaml:3:5: rule local.thing: missing field "kind" (terms, pattern, context, proper, hashed or classifier)`,
		"duplicate-id.yaml": `testdata/invalid/duplicate-id.yaml:7:9: rule local.a: duplicate rule id`,
		"escape.yaml":       `testdata/invalid/escape.yaml:6:17: rule local.names: data file "../../etc/passwd" leaves the pack's directory`,
		"not-yaml.yaml":     `testdata/invalid/not-yaml.yaml:2:1:`,
		"empty-match.yaml":  `testdata/invalid/empty-match.yaml:6:14: rule local.any: pattern "\\d*" matches empty text`,
		"bad-effect.yaml":   `testdata/invalid/bad-effect.yaml:8:7: rule local.t: context 1: unknown effect "boost" (require, exclude, raise or lower)`,
		"alias-bomb.yaml":   `testdata/invalid/alias-bomb.yaml:`,
	}
	for file, want := range tests {
		t.Run(file, func(t *testing.T) {
			start := time.Now()
			_, err := LoadPaths(filepath.Join("testdata/invalid", file))
			if err == nil {
				t.Fatal("no error")
			}
			var pe PackErrors
			if !errors.As(err, &pe) {
				t.Fatalf("error is %T, not PackErrors: %v", err, err)
			}
			if !strings.HasPrefix(err.Error(), want) {
				t.Errorf("error:\n got %s\nwant %s", err, want)
			}
			if pe[0].Line == 0 {
				t.Errorf("error has no line: %v", err)
			}
			if time.Since(start) > 2*time.Second {
				t.Errorf("took %v", time.Since(start))
			}
		})
	}
}

// TestValidPackExamples checks every example in the valid packs, so each
// rule kind and option is proven end to end on text.
func TestValidPackExamples(t *testing.T) {
	packs, err := LoadPaths("testdata/valid")
	if err != nil {
		t.Fatal(err)
	}
	set, err := NewSet(packs...)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Rules) != 7 {
		t.Fatalf("got %d rules", len(set.Rules))
	}
	for _, r := range set.Rules {
		checkExamples(t, set, r)
	}
}

func checkExamples(t *testing.T, set *Set, r *Rule) {
	t.Helper()
	if len(r.Examples.Flag) == 0 {
		t.Errorf("%s: no flag examples", r.ID)
	}
	for _, ex := range r.Examples.Flag {
		if len(MatchText(set, r, ex)) == 0 {
			t.Errorf("%s: should flag %q", r.ID, ex)
		}
	}
	for _, ex := range r.Examples.Allow {
		if ms := MatchText(set, r, ex); len(ms) > 0 {
			t.Errorf("%s: should allow %q, matched %q", r.ID, ex, ex[ms[0].Start:ms[0].End])
		}
	}
}

func TestDigestChangesWithData(t *testing.T) {
	dir := t.TempDir()
	pack := "pack: d\nrules:\n  - id: s\n    category: location\n    kind: terms\n    terms_file: s.txt\n"
	os.WriteFile(filepath.Join(dir, "p.yaml"), []byte(pack), 0o644)
	os.WriteFile(filepath.Join(dir, "s.txt"), []byte("Calle Duarte\n"), 0o644)
	digest := func() string {
		ps, err := LoadPaths(dir)
		if err != nil {
			t.Fatal(err)
		}
		s, _ := NewSet(ps...)
		return s.Digest()
	}
	a := digest()
	os.WriteFile(filepath.Join(dir, "s.txt"), []byte("Calle Duarte\nRose Street\n"), 0o644)
	if b := digest(); a == b {
		t.Error("digest did not change when a data file changed")
	}
}

func TestLexicon(t *testing.T) {
	l := BuildLexicon([]string{"Sosúa", "boca chica\tDO", "# comment", "", "Andrés"}, keyFunc(false, false))
	for _, k := range []string{"sosua", "boca chica", "andres"} {
		if !l.Has(k) {
			t.Errorf("missing %q", k)
		}
	}
	if f, _ := l.Lookup("boca chica"); f != "DO" {
		t.Errorf("fields %q", f)
	}
	if l.Has("boca") || l.Has("comment") || l.Len() != 3 || l.MaxWords != 2 {
		t.Errorf("unexpected lexicon: len %d max %d", l.Len(), l.MaxWords)
	}
}

// TestBySize: pack files are parsed largest first; a file that cannot be
// read comes last, and ties keep their order.
func TestBySize(t *testing.T) {
	fsys := fstest.MapFS{
		"a.yaml": {Data: make([]byte, 10)},
		"b.yaml": {Data: make([]byte, 300)},
		"c.yaml": {Data: make([]byte, 10)},
		"d.yaml": {Data: make([]byte, 20)},
	}
	for _, c := range []struct {
		files []string
		want  []int
	}{
		{nil, []int{}},
		{[]string{"a.yaml"}, []int{0}},
		{[]string{"a.yaml", "b.yaml", "c.yaml", "d.yaml"}, []int{1, 3, 0, 2}},
		{[]string{"missing.yaml", "a.yaml", "d.yaml"}, []int{2, 1, 0}},
	} {
		if got := bySize(fsys, c.files); !slices.Equal(got, c.want) {
			t.Errorf("bySize(%q) = %v, want %v", c.files, got, c.want)
		}
	}
}
