package redact

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"testing"

	"github.com/rescue-stories/redact/redact/eval"
	"github.com/rescue-stories/redact/rules"
)

// TestMatchShared: a scanner's first chunk, matched on two goroutines by
// fresh rules (every DFA state, regexp and index built by whichever
// goroutine asks first; run with -race), gives each document what the
// rules give it one after another on one goroutine: one story, and a
// batch of drafts as Markdown and as plain text.
func TestMatchShared(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	}
	paths, srcs := FixtureDocs(t, []string{"drafts", "fresh"}, "*.md", 6)
	alone := builtinScanner(t)
	// Not shared: one goroutine, as every chunk after the first.
	alone.shared.Store(true)
	for _, n := range []int{1, len(srcs)} {
		packs, err := rules.LoadBuiltin("default")
		if err != nil {
			t.Fatal(err)
		}
		set, err := rules.NewSet(packs...)
		if err != nil {
			t.Fatal(err)
		}
		fresh := New(set, Options{})
		got, errs := fresh.ScanBatch(paths[:n], srcs[:n])
		if !fresh.shared.Load() {
			t.Fatal("the first chunk was not shared")
		}
		findings := 0
		for k := range got {
			want, err := alone.Scan(paths[k], srcs[k])
			if err != nil || errs[k] != nil {
				t.Fatalf("%s: %v, %v", paths[k], err, errs[k])
			}
			if !reflect.DeepEqual(bySet(got[k]), bySet(want)) {
				t.Errorf("%s, batch of %d: the shared chunk's result differs", paths[k], n)
			}
			findings += len(want.Findings)
		}
		if findings < 10*n {
			t.Fatalf("%d findings in %d documents: the comparison proves little", findings, n)
		}
	}
}

// bySet is r with each finding's loose rule named by its ID: the two
// scanners' rules are the same rules of two sets.
func bySet(r *Result) Result {
	c := *r
	ids := func(fs []Finding) []Finding {
		fs = slices.Clone(fs)
		for i := range fs {
			if fs[i].loose != nil {
				fs[i].Why += " (loose " + fs[i].loose.ID + ")"
				fs[i].loose = nil
			}
		}
		return fs
	}
	c.Findings = ids(r.Findings)
	c.Suppressed = slices.Clone(r.Suppressed)
	for i := range c.Suppressed {
		c.Suppressed[i].Finding = ids([]Finding{c.Suppressed[i].Finding})[0]
	}
	return c
}

// FixtureDocs reads the first per files matching glob in each of the
// fixtures' dirs, annotations stripped, each twice: as Markdown under its
// name and as plain text under its name and ".txt". (Exported for the
// package's external tests, as export_test.go files do.)
func FixtureDocs(t testing.TB, dirs []string, glob string, per int) (paths []string, srcs [][]byte) {
	t.Helper()
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join("..", "fixtures", dir, glob))
		if err != nil || len(files) == 0 {
			t.Fatalf("no fixtures/%s: %v", dir, err)
		}
		for _, f := range files[:min(len(files), per)] {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if stripped, _, err := eval.Strip(src); err == nil {
				src = stripped
			}
			paths = append(paths, filepath.Base(f), filepath.Base(f)+".txt")
			srcs = append(srcs, src, src)
		}
	}
	return paths, srcs
}
