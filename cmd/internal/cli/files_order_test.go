package cli

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/redact/report"
	"github.com/rescue-stories/redact/rules"
)

// TestScanEachOrder scans the fixtures with one worker and with several and
// requires byte-identical JSON reports, and outcomes (errors included) in
// input order.
func TestScanEachOrder(t *testing.T) {
	packs, err := rules.LoadBuiltin("default")
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.NewSet(packs...)
	if err != nil {
		t.Fatal(err)
	}
	sc := redact.New(set, redact.Options{})
	var ins []input
	for _, dir := range []string{"drafts", "published"} {
		paths, err := filepath.Glob(filepath.Join("..", "..", "..", "fixtures", dir, "*"))
		if err != nil || len(paths) == 0 {
			t.Fatalf("no fixtures/%s: %v", dir, err)
		}
		for _, p := range paths {
			ins = append(ins, input{Path: p})
		}
	}
	// A missing file in the middle: its error keeps its place.
	ins = append(ins[:3:3], append([]input{{Path: "no-such-file.md"}}, ins[3:]...)...)
	// Repeat the list so that the window of outcomes wraps several times.
	base := slices.Clone(ins)
	for len(ins) < 120 {
		ins = append(ins, base...)
	}
	run := func(workers int) []byte {
		var results []*redact.Result
		var order []string
		scanEach(sc, ins, nil, MaxFileSize, workers, nil, func(s scanned) error {
			order = append(order, s.In.Path)
			switch {
			case s.Err != nil:
				order[len(order)-1] += fmt.Sprintf(" (%v)", s.Err)
			case s.Result != nil:
				results = append(results, s.Result)
			}
			return nil
		})
		if len(order) != len(ins) {
			t.Fatalf("%d workers: %d outcomes for %d inputs", workers, len(order), len(ins))
		}
		for i, p := range order {
			if want := ins[i].Path; p != want && p[:len(want)] != want {
				t.Fatalf("%d workers: outcome %d is %s, want %s", workers, i, p, want)
			}
		}
		if order[3] == ins[3].Path {
			t.Fatalf("the missing file has no error: %s", order[3])
		}
		w, err := report.New("json", report.Options{ToolVersion: "test"})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := w.Write(&b, results); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	one := run(1)
	if !bytes.Contains(one, []byte(`"findings"`)) {
		t.Fatal("no findings in the fixtures: the comparison proves nothing")
	}
	// Files are scanned in batches: one file at a time, a few, and the
	// default, with the window of outcomes wrapping in the first two.
	defer func(old int) { batchFiles = old }(batchFiles)
	for _, b := range []int{1, 3, batchFiles} {
		batchFiles = b
		for _, n := range []int{1, 2, 3, 8} {
			if diff := cmp.Diff(string(one), string(run(n))); diff != "" {
				t.Errorf("JSON with %d workers and batches of %d differs from 1 worker (-1 +%d):\n%s", n, b, n, diff)
			}
		}
	}
}
