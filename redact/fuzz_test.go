package redact

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/rescue-stories/redact/rules"
)

var (
	defaultOnce    sync.Once
	defaultScanner *Scanner
	defaultErr     error
)

// builtinScanner is a scanner over the built-in default pack, built once
// per process: fuzzing calls it thousands of times.
func builtinScanner(t testing.TB) *Scanner {
	t.Helper()
	defaultOnce.Do(func() {
		ps, err := rules.LoadBuiltin("default")
		if err != nil {
			defaultErr = err
			return
		}
		set, err := rules.NewSet(ps...)
		if err != nil {
			defaultErr = err
			return
		}
		defaultScanner = New(set, Options{})
	})
	if defaultErr != nil {
		t.Fatal(defaultErr)
	}
	return defaultScanner
}

// hostileSeeds are the awkward inputs of docs/limits.md, so the seed corpus
// alone (which CI runs) covers each of them.
var hostileSeeds = []string{
	"",
	"\uFEFFMaria Santos lives in Manila.\n", // UTF-8 BOM
	"Maria Santos\r\nlives in Manila.\r\n\r\nCall +63 917 555 0142.\r\n", // CRLF
	"Maria\rSantos\nlives in\r\nManila.\r",                               // mixed, with lone CRs
	"Maria \xff\xfe Santos lives in Manila \xc3(\xe2\x82 on 3 May 2021.", // invalid UTF-8
	"Mar\xc3\xada Santos \xe2\x80\xa8 Sosúa\u00a0Puerto Plata",           // multi-byte and Unicode spaces
	"\x00\x01GIF89a",                      // binary
	"\xff\xfeM\x00a\x00r\x00i\x00a\x00",   // UTF-16LE with BOM
	"M\x00a\x00r\x00i\x00a\x00 \x00S\x00", // UTF-16LE without BOM
	"\x00\x00\xfe\xff\x00\x00\x00M",       // UTF-32BE
	strings.Repeat("> ", 300) + "Maria\n", // nested beyond MaxMarkdownDepth
	strings.Repeat("- ", 300) + "Maria\n", // nested lists
	strings.Repeat("[", 3000) + "Maria Santos" + strings.Repeat("]", 3000),
	"|" + strings.Repeat("a|", 600) + "\n|" + strings.Repeat("-|", 600) + "\n" + strings.Repeat("|Maria\n", 600),
	"---\ntitle: Maria in Manila\n---\n# Maria\n\n<!-- redact:allow \"Maria\" reason=\"pseudonym\" -->\n",
	"<!-- redact:bogus -->\nMaria",
	"<!-- redact:allow Maria -->",
	"Ana* and Ana met in Boca Chica on 3 May 2021 at 10:30pm; call +63 917 555 0142.",
	"_Maria Santos · +63 917 555 0142_\n\n__Manila__, 3 May 2021_ and marisol_puente [x](a_b_)", // underscore emphasis
}

// batchPeer is scanned beside each fuzzed input in one batch: the batch must
// give it what a scan of it alone gives (how many findings that is depends
// on the classifier's threshold, so it is not written down here).
var batchPeer = []byte("Maria Santos met the team at 04:30 on 12 March 2024 in Cebu City.\n")

// FuzzScan feeds arbitrary bytes, as Markdown and as plain text, through
// the scanner with the built-in rules and checks what every caller relies
// on: no panic; an error only for refused input or a malformed directive;
// findings in bounds, ordered, not overlapping, on UTF-8 boundaries when
// the input is valid UTF-8, with Text == src[Start:End] and the position an
// independent count gives; the input untouched; the same result twice.
func FuzzScan(f *testing.F) {
	drafts, _ := filepath.Glob(filepath.Join("..", "fixtures", "drafts", "*.md"))
	for _, p := range drafts {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src, true)
	}
	for _, s := range hostileSeeds {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	sc := builtinScanner(f)
	peer, err := sc.Scan("story.md", batchPeer)
	if err != nil || len(peer.Findings) < 3 {
		f.Fatalf("the batch's other document alone: %v, %d findings, want a name, a time, a date and a place", err, len(peer.Findings))
	}
	f.Fuzz(func(t *testing.T, src []byte, md bool) {
		if len(src) > 1<<16 {
			return
		}
		path := "f.txt"
		if md {
			path = "f.md"
		}
		before := bytes.Clone(src)
		res, err := sc.Scan(path, src)
		if !bytes.Equal(src, before) {
			t.Fatal("Scan modified its input")
		}
		// A batch gives each of its documents what Scan gives it alone.
		rs, errs := sc.ScanBatch([]string{path, "story.md"}, [][]byte{src, batchPeer})
		if fmt.Sprint(errs[0]) != fmt.Sprint(err) || (err == nil) != (rs[0] != nil) {
			t.Fatalf("in a batch: error %v, alone %v", errs[0], err)
		}
		if err == nil {
			if d := cmp.Diff(res.Findings, rs[0].Findings, cmpopts.IgnoreUnexported(Finding{})); d != "" {
				t.Fatalf("in a batch the findings differ (-alone +batch):\n%s", d)
			}
		}
		if errs[1] != nil {
			t.Fatalf("the other document of the batch: %v", errs[1])
		}
		// Scan, a batch of one, gives what Explain's scan, every text
		// kept, gives.
		if whole, _, werr := sc.scan(path, src); fmt.Sprint(werr) != fmt.Sprint(err) {
			t.Fatalf("with every text kept: error %v, Scan %v", werr, err)
		} else if err == nil {
			if d := cmp.Diff(whole.Findings, res.Findings, cmpopts.IgnoreUnexported(Finding{})); d != "" {
				t.Fatalf("Scan differs from a scan keeping every text (-kept +Scan):\n%s", d)
			}
		}
		// So does a batch run over a few segments at a time, each
		// document's texts dropped between chunks.
		chunked, cerrs := sc.scanBatch([]string{"story.md", path}, [][]byte{batchPeer, src}, 200)
		if fmt.Sprint(cerrs[1]) != fmt.Sprint(err) || (err == nil) != (chunked[1] != nil) {
			t.Fatalf("in chunks: error %v, alone %v", cerrs[1], err)
		}
		if err == nil {
			if d := cmp.Diff(res.Findings, chunked[1].Findings, cmpopts.IgnoreUnexported(Finding{})); d != "" {
				t.Fatalf("in chunks the findings differ (-alone +chunks):\n%s", d)
			}
		}
		if d := cmp.Diff(peer.Findings, rs[1].Findings, cmpopts.IgnoreUnexported(Finding{})); d != "" {
			t.Fatalf("the other document of the batch differs (-alone +batch):\n%s", d)
		}
		if err != nil {
			checkScanError(t, src, err)
			return
		}
		checkResult(t, src, res)
		again, err := sc.Scan(path, src)
		if err != nil {
			t.Fatalf("second scan failed: %v", err)
		}
		if d := cmp.Diff(res.Findings, again.Findings, cmpopts.IgnoreUnexported(Finding{})); d != "" {
			t.Fatalf("two scans of the same input differ (-first +second):\n%s", d)
		}
	})
}

func checkScanError(t *testing.T, src []byte, err error) {
	t.Helper()
	var de *DirectiveError
	switch {
	case errors.Is(err, ErrBinary), errors.Is(err, ErrUTF16), errors.Is(err, ErrUTF32):
		if cerr := CheckInput(src); cerr == nil || cerr.Error() != err.Error() {
			t.Fatalf("Scan refused the input (%v) but CheckInput says %v", err, cerr)
		}
	case errors.As(err, &de):
		if !bytes.Contains(src, []byte("redact:")) || de.Pos.Line < 1 || de.Pos.Col < 1 {
			t.Fatalf("directive error without a directive or a position: %v", err)
		}
	default:
		t.Fatalf("unexpected error %T: %v", err, err)
	}
}

func checkResult(t *testing.T, src []byte, res *Result) {
	t.Helper()
	valid := utf8.Valid(src)
	prevEnd := 0
	for i, f := range res.Findings {
		s := f.Span
		if s.Start < 0 || s.End > len(src) || s.Start >= s.End {
			t.Fatalf("finding %d %+v out of bounds (len %d)", i, s, len(src))
		}
		if s.Start < prevEnd {
			t.Fatalf("finding %d %+v starts before the previous one ends (%d)", i, s, prevEnd)
		}
		prevEnd = s.End
		if f.Text != string(src[s.Start:s.End]) {
			t.Fatalf("finding %d: Text %q but src[%d:%d] is %q", i, f.Text, s.Start, s.End, src[s.Start:s.End])
		}
		if valid && (!utf8.RuneStart(src[s.Start]) || (s.End < len(src) && !utf8.RuneStart(src[s.End]))) {
			t.Fatalf("finding %d %+v splits a UTF-8 sequence: %q", i, s, src[max(0, s.Start-3):min(len(src), s.End+3)])
		}
		if want := naivePos(src, s.Start); f.Pos != want {
			t.Fatalf("finding %d at %d: Pos %+v, counting gives %+v", i, s.Start, f.Pos, want)
		}
	}
	for i, sp := range res.Suppressed {
		s := sp.Finding.Span
		if s.Start < 0 || s.End > len(src) || s.Start >= s.End || sp.Finding.Text != string(src[s.Start:s.End]) {
			t.Fatalf("suppressed finding %d %+v is out of bounds or its text differs", i, s)
		}
	}
}

// naivePos counts lines (LF, CRLF or lone CR) and runes from the start
// (after a byte order mark), the slow and obvious way, to check LineIndex
// and its memo.
func naivePos(src []byte, off int) Pos {
	line, start := 1, 0
	if bytes.HasPrefix(src, []byte("\uFEFF")) && off >= 3 {
		start = 3
	}
	for i := 0; i < off; i++ {
		if src[i] == '\n' || (src[i] == '\r' && (i+1 == len(src) || src[i+1] != '\n')) {
			line, start = line+1, i+1
		}
	}
	return Pos{Line: line, Col: utf8.RuneCount(src[start:off]) + 1}
}
