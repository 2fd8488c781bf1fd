package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/rescue-stories/redact/cmd/internal/build"
	"github.com/rescue-stories/redact/cmd/internal/iostreams"
	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/redact/report"
)

// TestScanStreamsAsWhole: `redact scan`, which writes its report file by
// file and keeps no result, prints exactly what the report of every result
// at once gives, in every format, over the development drafts (findings,
// suppressions) and the published stories (clean), with the built-in
// packs.
func TestScanStreamsAsWhole(t *testing.T) {
	var paths []string
	for _, dir := range []string{"drafts", "published"} {
		p, err := filepath.Abs(filepath.Join("..", "..", "..", "fixtures", dir))
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	t.Chdir(t.TempDir()) // no .redact.toml of the repository's

	// The whole-report path: every result first, then Write.
	ios, _, _, _ := iostreams.Test()
	f := NewFactory(ios)
	set, err := f.Rules()
	if err != nil {
		t.Fatal(err)
	}
	ins, errs := collectAll(paths, DefaultInclude, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	sc := redact.New(set, redact.Options{Decisions: sidecarDecisions})
	var rs []*redact.Result
	scanEach(sc, ins, nil, MaxFileSize, runtime.GOMAXPROCS(0), nil, func(o scanned) error {
		if o.Result != nil {
			rs = append(rs, o.Result)
		}
		return nil
	})
	if len(rs) < 10 || report.Summarize(rs).Findings == 0 {
		t.Fatalf("%d files, %d findings: the comparison proves little", len(rs), report.Summarize(rs).Findings)
	}

	for _, tc := range []struct {
		format string
		flags  []string
		opts   report.Options
	}{
		{"text", []string{"--mask=false"}, report.Options{}},
		{"text", []string{"--mask", "--explain", "--show-suppressed", "--color=always"}, report.Options{Mask: true, Explain: true, ShowSuppressed: true, Color: report.ANSI}},
		{"json", []string{"--mask=false"}, report.Options{}},
		{"json", []string{"--mask=false", "--explain"}, report.Options{Explain: true}},
		{"json", []string{"--mask"}, report.Options{Mask: true}},
		{"sarif", []string{"--mask=false"}, report.Options{}},
		{"github", []string{"--mask=false"}, report.Options{}},
	} {
		t.Run(tc.format+strings.Join(tc.flags, ""), func(t *testing.T) {
			tc.opts.ToolVersion = build.String()
			w, err := report.New(tc.format, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			var want, wantSum bytes.Buffer
			if gh, ok := w.(*report.GitHub); ok {
				gh.Summary = &wantSum
			}
			if err := w.Write(&want, rs); err != nil {
				t.Fatal(err)
			}

			ios, _, out, errOut := iostreams.Test()
			sumPath := filepath.Join(t.TempDir(), "summary.md")
			ios.Getenv = func(k string) string {
				if k == "GITHUB_STEP_SUMMARY" {
					return sumPath
				}
				return ""
			}
			args := append([]string{"scan", "--quiet", "--format", tc.format}, tc.flags...)
			if code := Main(append(args, paths...), ios); code != ExitFindings {
				t.Fatalf("exit code %d, want 1; stderr:\n%s", code, errOut)
			}
			if diff := cmp.Diff(want.String(), out.String()); diff != "" {
				t.Errorf("scan's report differs from the whole report (-whole +scan):\n%s", diff)
			}
			if tc.format == "github" {
				got, err := os.ReadFile(sumPath)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(wantSum.String(), string(got)); diff != "" {
					t.Errorf("job summary differs (-whole +scan):\n%s", diff)
				}
			}
		})
	}
}

// TestScanEachStops: when emit fails (the report cannot be written),
// no more files are read and every worker ends.
func TestScanEachStops(t *testing.T) {
	const workers, stopAt = 3, 10
	// The most inputs under way: the window of batches, each full.
	window := windowBatches * workers * batchFiles
	dir := t.TempDir()
	var ins []input
	for i := range stopAt + window + 100 {
		p := filepath.Join(dir, fmt.Sprintf("%04d.md", i))
		if err := os.WriteFile(p, []byte("Call +63 917 555 0142.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		ins = append(ins, input{Path: p})
	}
	var opened atomic.Int64
	defer func(old func(string) (*os.File, error)) { openFile = old }(openFile)
	openFile = func(p string) (*os.File, error) {
		opened.Add(1)
		return os.Open(p)
	}
	ios, _, _, _ := iostreams.Test()
	set, err := NewFactory(ios).Rules()
	if err != nil {
		t.Fatal(err)
	}
	sc := redact.New(set, redact.Options{})
	before := runtime.NumGoroutine()
	broken := errors.New("broken pipe")
	emitted := 0
	err = scanEach(sc, ins, nil, MaxFileSize, workers, nil, func(scanned) error {
		emitted++
		if emitted == stopAt {
			return broken
		}
		return nil
	})
	if !errors.Is(err, broken) || emitted != stopAt {
		t.Fatalf("err %v after %d outcomes, want %v after %d", err, emitted, broken, stopAt)
	}
	// At most the window beyond the outcomes emitted.
	if n := opened.Load(); n > int64(stopAt+window) {
		t.Errorf("%d files read after a stop at %d with %d workers", n, stopAt, workers)
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines left running after the stop (%d before)", n-before, before)
	}
}

// TestAboveProgress: a report streamed to the terminal of the progress
// bar erases the bar before each write, so report lines start at the
// left margin; the bar comes back at the next redraw.
func TestAboveProgress(t *testing.T) {
	var term bytes.Buffer
	clock := time.Unix(0, 0)
	p := &progress{w: &term, now: func() time.Time { return clock }}
	out := aboveProgress{w: &term, p: p}
	p.update(10, 400)
	out.Write([]byte("a.md:1:1: name\n"))
	out.Write([]byte("a.md:2:1: name\n")) // the bar is already gone
	clock = clock.Add(time.Second)
	p.update(20, 400)
	out.Write([]byte("b.md:1:1: date\n"))
	p.update(400, 400)
	want := "\r[>                             ] 10/400 files   2%" + "\r\033[K" +
		"a.md:1:1: name\na.md:2:1: name\n" +
		"\r[=>                            ] 20/400 files   5%" + "\r\033[K" +
		"b.md:1:1: date\n" + "\r\033[K"
	if diff := cmp.Diff(want, term.String()); diff != "" {
		t.Errorf("terminal (-want +got):\n%s", diff)
	}
}
