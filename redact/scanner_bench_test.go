package redact_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/redact/eval"
	"github.com/rescue-stories/redact/rules"
)

// Benchmarks of the engine over the development drafts. Not timed tests:
//
//	go test -run '^$' -bench . -benchmem ./redact

var benchDrafts = sync.OnceValues(func() ([][]byte, error) {
	paths, err := filepath.Glob(filepath.Join("..", "fixtures", "drafts", "*.ann.md"))
	if err != nil {
		return nil, err
	}
	var out [][]byte
	for _, p := range paths {
		ann, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		src, _, err := eval.Strip(ann)
		if err != nil {
			return nil, err
		}
		out = append(out, src)
	}
	return out, nil
})

func benchScanner(b *testing.B) (*redact.Scanner, [][]byte, int) {
	b.Helper()
	drafts, err := benchDrafts()
	if err != nil || len(drafts) == 0 {
		b.Fatalf("no fixtures/drafts: %v", err)
	}
	packs, err := rules.LoadBuiltin("default")
	if err != nil {
		b.Fatal(err)
	}
	set, err := rules.NewSet(packs...)
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, d := range drafts {
		size += len(d)
	}
	return redact.New(set, redact.Options{}), drafts, size
}

// repeatDrafts joins the drafts, each followed by sep, round and round
// until there are at least n bytes.
func repeatDrafts(drafts [][]byte, n int, sep string) []byte {
	var out []byte
	for i := 0; len(out) < n; i++ {
		out = append(out, drafts[i%len(drafts)]...)
		out = append(out, sep...)
	}
	return out
}

// story4K is a story of about 4 KB made of drafts, ending at a line end.
func story4K(drafts [][]byte) []byte {
	story := repeatDrafts(drafts, 4096, "")
	return story[:bytes.LastIndex(story[:4096], []byte("\n"))+1]
}

// BenchmarkScan scans every draft: Markdown parsing, all rules, merging.
func BenchmarkScan(b *testing.B) {
	sc, drafts, size := benchScanner(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range drafts {
			if _, err := sc.Scan("story.md", d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkScanStory4K scans one story of about 4 KB, the unit of a
// pre-commit hook run (start-up excluded).
func BenchmarkScanStory4K(b *testing.B) {
	sc, drafts, _ := benchScanner(b)
	benchScanDoc(b, sc, story4K(drafts))
}

// BenchmarkScanLarge scans one document of 1 MB, every draft repeated,
// dense with findings: the cost of merging and of document-wide passes
// (name echoes, pseudonyms) must stay linear in the document (compare
// its MB/s with BenchmarkScan's).
func BenchmarkScanLarge(b *testing.B) {
	sc, drafts, _ := benchScanner(b)
	benchScanDoc(b, sc, repeatDrafts(drafts, 1<<20, "\n"))
}

// benchScanDoc measures scanning one document.
func benchScanDoc(b *testing.B, sc *redact.Scanner, doc []byte) {
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sc.Scan("story.md", doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlan builds the redaction plan of every draft's findings.
func BenchmarkPlan(b *testing.B) {
	sc, drafts, size := benchScanner(b)
	var results []*redact.Result
	for _, d := range drafts {
		res, err := sc.Scan("story.md", d)
		if err != nil {
			b.Fatal(err)
		}
		results = append(results, res)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, res := range results {
			if _, err := res.Plan(redact.PlanOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkColdStory is one `redact scan story.md` without the process:
// load and compile the default packs, then scan a 4 KB story, so every
// lazily built index and prefilter is built once per iteration.
func BenchmarkColdStory(b *testing.B) {
	_, drafts, _ := benchScanner(b)
	story := story4K(drafts)
	b.ReportAllocs()
	for b.Loop() {
		packs, err := rules.LoadBuiltin("default")
		if err != nil {
			b.Fatal(err)
		}
		set, err := rules.NewSet(packs...)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := redact.New(set, redact.Options{}).Scan("story.md", story); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScanBatch scans every draft as BenchmarkScan does, but all of
// them in one Scanner.ScanBatch: each rule runs over every draft's texts
// in a row.
func BenchmarkScanBatch(b *testing.B) {
	sc, drafts, size := benchScanner(b)
	paths := make([]string, len(drafts))
	for i := range paths {
		paths[i] = "story.md"
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if _, errs := sc.ScanBatch(paths, drafts); errors.Join(errs...) != nil {
			b.Fatal(errors.Join(errs...))
		}
	}
}
