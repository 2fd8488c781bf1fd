package report_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/redact/eval"
	"github.com/rescue-stories/redact/redact/report"
	"github.com/rescue-stories/redact/rules"
)

// Benchmarks of the report writers over the findings of every development
// draft. Not timed tests:
//
//	go test -run '^$' -bench . -benchmem ./redact/report
func benchResults(b *testing.B) ([]*redact.Result, int) {
	b.Helper()
	packs, err := rules.LoadBuiltin("default")
	if err != nil {
		b.Fatal(err)
	}
	set, err := rules.NewSet(packs...)
	if err != nil {
		b.Fatal(err)
	}
	sc := redact.New(set, redact.Options{})
	paths, err := filepath.Glob(filepath.Join("..", "..", "fixtures", "drafts", "*.ann.md"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no fixtures/drafts: %v", err)
	}
	var rs []*redact.Result
	n := 0
	for _, p := range paths {
		ann, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		src, _, err := eval.Strip(ann)
		if err != nil {
			b.Fatal(err)
		}
		r, err := sc.Scan(filepath.Base(p), src)
		if err != nil {
			b.Fatal(err)
		}
		rs = append(rs, r)
		n += len(r.Findings)
	}
	if n == 0 {
		b.Fatal("no findings to write")
	}
	return rs, n
}

func BenchmarkWriters(b *testing.B) {
	rs, n := benchResults(b)
	for _, format := range []string{"text", "json", "sarif", "github"} {
		for _, mask := range []bool{false, true} {
			name := format
			if mask {
				name += "/mask"
			}
			b.Run(name, func(b *testing.B) {
				w, err := report.New(format, report.Options{Mask: mask, ToolVersion: "bench"})
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				for b.Loop() {
					if err := w.Write(io.Discard, rs); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/finding")
			})
		}
	}
}

// BenchmarkStream is BenchmarkWriters through Stream, file by file, as
// `redact scan` writes its reports.
func BenchmarkStream(b *testing.B) {
	rs, n := benchResults(b)
	for _, format := range []string{"text", "json", "sarif", "github"} {
		b.Run(format, func(b *testing.B) {
			w, err := report.New(format, report.Options{ToolVersion: "bench"})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				s, err := w.Stream(io.Discard)
				if err != nil {
					b.Fatal(err)
				}
				for _, r := range rs {
					if err := s.Add(r); err != nil {
						b.Fatal(err)
					}
				}
				if err := s.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/finding")
		})
	}
}
