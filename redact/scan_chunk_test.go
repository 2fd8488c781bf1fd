package redact

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestScanChunksAsWhole: a document scanned a few segments at a time, its
// texts dropped after each chunk (scanBatch with a small limit), gets
// the findings Scan gives it with every text kept: echoes found from the
// words kept of each text, allow patterns and pseudonyms included. Scan
// itself is a batch of one; Explain's scan keeps every text.
func TestScanChunksAsWhole(t *testing.T) {
	s := builtinScanner(t)
	// "Ley" is a surname here: its later mentions are echoes, but not
	// where the allow pattern of laws covers it ("Ley 1234").
	synthetic := []byte("# Notes\n\nMaria Santos met Ana* at the shelter in Cebu.\n\n" +
		"Santos said the van left early. Write to Santos@ijm.org today.\n\n" +
		"- Ana came back.\n- Santos called twice.\n\nPedro Ley arrived. Ley 1234 applies, Ley said.\n")
	var paths []string
	var srcs [][]byte
	var all bytes.Buffer
	for _, dir := range []string{"drafts", "fresh"} {
		files, err := filepath.Glob(filepath.Join("..", "fixtures", dir, "*.md"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no fixtures/%s: %v", dir, err)
		}
		for _, f := range files[:min(len(files), 8)] {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			paths = append(paths, filepath.Base(f))
			srcs = append(srcs, src)
			all.Write(src)
			all.WriteString("\n\n")
		}
	}
	all.Write(synthetic)
	paths = append(paths, "synthetic.md", "all.md", "all.txt")
	srcs = append(srcs, synthetic, all.Bytes(), all.Bytes())

	want := make([]*Result, len(srcs))
	for i := range srcs {
		res, _, err := s.scan(paths[i], srcs[i]) // every text kept
		if err != nil {
			t.Fatal(err)
		}
		want[i] = res
	}
	// Santos and Ley alone are echoes of the names: at a sentence's start
	// their capitals prove nothing by themselves.
	santos, ley := 0, 0
	for _, f := range want[len(want)-3].Findings {
		switch f.Text {
		case "Santos":
			santos++
		case "Ley":
			if strings.HasPrefix(string(synthetic[f.Span.End:]), " 1234") {
				t.Fatalf("Ley of the law allowed was echoed")
			}
			ley++
		}
	}
	if santos != 2 || ley != 1 {
		t.Fatalf("the synthetic document has %d echoes of Santos, %d of Ley, want 2 and 1", santos, ley)
	}

	for _, n := range []int{1, 300, 4096, chunkBytes, 1 << 30} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			got, errs := s.scanBatch(paths, srcs, n)
			for i := range got {
				if errs[i] != nil {
					t.Fatalf("%s: %v", paths[i], errs[i])
				}
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Errorf("%s: in chunks of %d bytes, %d findings; whole, %d", paths[i], n, len(got[i].Findings), len(want[i].Findings))
				}
			}
		})
	}
}

// TestWidenedWhys: a widened finding's explanation is its match's with the
// widening noted, whether the cache has it yet or is full.
func TestWidenedWhys(t *testing.T) {
	w := widenedWhys{}
	for range 2 {
		if got := w.of(""); got != "widened to its sentence" {
			t.Errorf("of(\"\") = %q", got)
		}
		if got := w.of("pattern x"); got != "pattern x; widened to its sentence" {
			t.Errorf("of(pattern x) = %q", got)
		}
	}
	for i := range 2000 {
		why := fmt.Sprint("pattern ", i)
		if got := w.of(why); got != why+"; widened to its sentence" {
			t.Fatalf("of(%q) = %q", why, got)
		}
	}
	if len(w) > 1024 {
		t.Errorf("%d explanations kept", len(w))
	}
}
