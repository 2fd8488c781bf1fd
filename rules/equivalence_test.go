package rules_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/redact/eval"
	"github.com/rescue-stories/redact/rules"
)

// TestPrefilterScanEquivalence scans every fixture with the regex
// prefilters (literal scan, alphabet windows, DFAs) and with plain
// regexp searches over whole segments, and requires identical results:
// the prefilters may only make scans faster.
func TestPrefilterScanEquivalence(t *testing.T) {
	var names []string
	var srcs [][]byte
	for _, glob := range []string{"drafts/*.ann.md", "published/*"} {
		paths, err := filepath.Glob(filepath.Join("..", "fixtures", glob))
		if err != nil || len(paths) == 0 {
			t.Fatalf("no fixtures/%s: %v", glob, err)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if clean, _, err := eval.Strip(b); err == nil {
				b = clean
			}
			names = append(names, p)
			srcs = append(srcs, b)
		}
	}
	scan := func(plain bool) []*redact.Result {
		rules.SetPlainSearch(plain)
		defer rules.SetPlainSearch(false)
		packs, err := rules.LoadBuiltin("default")
		if err != nil {
			t.Fatal(err)
		}
		set, err := rules.NewSet(packs...)
		if err != nil {
			t.Fatal(err)
		}
		sc := redact.New(set, redact.Options{})
		var out []*redact.Result
		for i, src := range srcs {
			r, err := sc.Scan(names[i], src)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, r)
		}
		return out
	}
	plain, fast := scan(true), scan(false)
	n := 0
	for i := range plain {
		n += len(plain[i].Findings)
		if diff := cmp.Diff(plain[i].Findings, fast[i].Findings, cmpopts.IgnoreUnexported(redact.Finding{})); diff != "" {
			t.Errorf("%s: findings differ (-plain +prefiltered):\n%s", names[i], diff)
		}
		if diff := cmp.Diff(plain[i].Suppressed, fast[i].Suppressed); diff != "" {
			t.Errorf("%s: suppressed findings differ (-plain +prefiltered):\n%s", names[i], diff)
		}
	}
	if n < 100 {
		t.Fatalf("only %d findings in the fixtures: the comparison proves little", n)
	}
}
