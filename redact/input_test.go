package redact

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestCheckInput(t *testing.T) {
	tests := []struct {
		name, src string
		want      error  // nil: accepted
		msg       string // the error's text, when refused
	}{
		{"empty", "", nil, ""},
		{"ascii", "Maria lives in Manila.\n", nil, ""},
		{"utf-8 bom", "\uFEFFMaria", nil, ""},
		{"invalid utf-8 is scanned", "Maria \xff\xfe\xc3( Manila", nil, ""},
		{"nul after the sniffed head is scanned", strings.Repeat("a", sniffLen) + "\x00", nil, ""},
		{"nul", "GIF89a\x00\x01", ErrBinary, "binary file (contains NUL bytes)"},
		{"utf-16le bom", "\xff\xfeM\x00", ErrUTF16, "UTF-16 text; convert it to UTF-8 first (e.g. iconv -f UTF-16 -t UTF-8) (little-endian byte order mark)"},
		{"utf-16be bom", "\xfe\xff\x00M", ErrUTF16, "UTF-16 text; convert it to UTF-8 first (e.g. iconv -f UTF-16 -t UTF-8) (big-endian byte order mark)"},
		{"utf-16le no bom", "M\x00a\x00r\x00i\x00a\x00\n\x00", ErrUTF16, "UTF-16 text; convert it to UTF-8 first (e.g. iconv -f UTF-16 -t UTF-8) (little-endian, no byte order mark)"},
		{"utf-16be no bom", "\x00M\x00a\x00r\x00i\x00a\x00\n", ErrUTF16, "UTF-16 text; convert it to UTF-8 first (e.g. iconv -f UTF-16 -t UTF-8) (big-endian, no byte order mark)"},
		{"utf-32le bom", "\xff\xfe\x00\x00M\x00\x00\x00", ErrUTF32, "UTF-32 text; convert it to UTF-8 first (e.g. iconv -f UTF-32 -t UTF-8)"},
		{"utf-32be bom", "\x00\x00\xfe\xff\x00\x00\x00M", ErrUTF32, "UTF-32 text; convert it to UTF-8 first (e.g. iconv -f UTF-32 -t UTF-8)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckInput([]byte(tt.src))
			if tt.want == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if err.Error() != tt.msg {
				t.Errorf("message\n got %q\nwant %q", err, tt.msg)
			}
			if _, serr := builtinScanner(t).Scan("x.md", []byte(tt.src)); !errors.Is(serr, tt.want) {
				t.Errorf("Scan returned %v, want %v", serr, tt.want)
			}
		})
	}
}

func TestMarkdownHazard(t *testing.T) {
	indented := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat("  ", i) + "- item\n")
		}
		return b.String()
	}
	table := func(cols, rows int) string {
		return "|" + strings.Repeat(" a |", cols) + "\n|" + strings.Repeat("---|", cols) + "\n" + strings.Repeat("| b\n", rows)
	}
	tests := []struct {
		name, src string
		line      int // 0: no hazard
		reason    string
	}{
		{"empty", "", 0, ""},
		{"quoted reply 10 deep", strings.Repeat("> ", 10) + "text\n", 0, ""},
		{"quotes at the limit", strings.Repeat(">", MaxMarkdownDepth) + " text\n", 0, ""},
		{"quotes beyond the limit", "a\n\n" + strings.Repeat(">", MaxMarkdownDepth+1) + " text\n", 3, "nested more than 100"},
		{"list markers", strings.Repeat("- ", MaxMarkdownDepth+1) + "x", 1, "nested more than 100"},
		{"ordered list markers", strings.Repeat("1. ", MaxMarkdownDepth+1) + "x", 1, "nested more than 100"},
		{"nested by indentation", indented(MaxMarkdownDepth + 2), MaxMarkdownDepth + 1, "nested more than 100"},
		{"nested list 20 deep", indented(20), 0, ""},
		{"indented code", strings.Repeat(" ", 150) + "code\n", 0, ""},
		{"thematic breaks", strings.Repeat("* * * * *\n", 1000), 0, ""},
		{"ordinary table", table(5, 200), 0, ""},
		{"table padding bomb", table(1000, 1000), 263, "more than 262144 cells"},
		{"many small tables", strings.Repeat(table(3, 3)+"\n", 2000), 0, ""},
		{"pipes but no delimiter row", strings.Repeat("a | b\n", 5000), 0, ""},
		{"links in prose", strings.Repeat("See [the report](https://example.org) and <https://a.example>.\n\n", 3000), 0, ""},
		{"unclosed brackets", strings.Repeat("[", 20000) + "x", 1, "unclosed links"},
		{"unclosed angle brackets", strings.Repeat("<a ", 20000), 1, "unclosed links"},
		{"unclosed brackets over lines", "x\n\n" + strings.Repeat("[a\n", 20000), 3, "unclosed links"},
		{"lone CR ends lines", "a\r\r" + strings.Repeat(">", MaxMarkdownDepth+1), 3, "nested"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := MarkdownHazard([]byte(tt.src))
			if tt.line == 0 {
				if h != nil {
					t.Fatalf("unexpected hazard: %v", h)
				}
				return
			}
			if h == nil {
				t.Fatal("no hazard")
			}
			if h.Line != tt.line || !strings.Contains(h.Reason, tt.reason) {
				t.Errorf("got %v, want line %d: ...%s...", h, tt.line, tt.reason)
			}
		})
	}
}

// TestNoHazardInDrafts: the limits never touch a real draft.
func TestNoHazardInDrafts(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "fixtures", "*", "*.md"))
	if len(paths) == 0 {
		t.Fatal("no fixtures")
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if h := MarkdownHazard(src); h != nil {
			t.Errorf("%s: %v", p, h)
		}
	}
}

// TestHostileMarkdownIsBounded scans inputs that make Goldmark quadratic in
// time or memory; each finishes quickly, as plain text, and still finds the
// phone number inside. Without MarkdownHazard the lists take half a minute,
// the brackets minutes, and the table (80 kB) a third of a gigabyte.
func TestHostileMarkdownIsBounded(t *testing.T) {
	sc := builtinScanner(t)
	for name, src := range map[string]string{
		"40k nested quotes": strings.Repeat("> ", 40000) + "Call +63 917 555 0142.\n",
		"40k nested lists":  strings.Repeat("- ", 40000) + "Call +63 917 555 0142.\n",
		"nested brackets":   strings.Repeat("[", 100000) + "Call +63 917 555 0142." + strings.Repeat("]", 100000),
		"table bomb":        "|" + strings.Repeat("a|", 1000) + "\n|" + strings.Repeat("-|", 1000) + "\n" + strings.Repeat("|a\n", 1000) + "\nCall +63 917 555 0142.\n",
	} {
		t.Run(name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			res, err := sc.Scan("hostile.md", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
			runtime.ReadMemStats(&after)
			if n := after.TotalAlloc - before.TotalAlloc; n > 128<<20 {
				t.Errorf("allocated %d MB", n>>20)
			}
			found := false
			for _, f := range res.Findings {
				found = found || f.Text == "+63 917 555 0142"
			}
			if !found {
				t.Errorf("the phone number was not found; findings: %+v", res.Findings)
			}
		})
	}
}

// TestLongLinePositions: columns on one long line cost linear time (the
// memo in LineIndex) and match a count from the line start, in any order.
func TestLongLinePositions(t *testing.T) {
	src := []byte(strings.Repeat("Sosúa ", 200000))
	li := NewLineIndex(src)
	start := time.Now()
	for off := 0; off < len(src); off += 7 {
		if p := li.Pos(off); p.Line != 1 {
			t.Fatalf("line %d", p.Line)
		}
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("positions along a %d-byte line took %v", len(src), d)
	}
	for _, off := range []int{len(src) - 1, 12, 5, 6, 3, 4, 700001, 700000} {
		if got, want := li.Pos(off), naivePos(src, off); got != want {
			t.Errorf("Pos(%d) = %+v, want %+v", off, got, want)
		}
	}
}

func TestLineIndexEndings(t *testing.T) {
	src := []byte("a\r\nb\rc\nd\r")
	li := NewLineIndex(src)
	for off, want := range map[int]Pos{0: {1, 1}, 3: {2, 1}, 5: {3, 1}, 7: {4, 1}, 8: {4, 2}} {
		if got := li.Pos(off); got != want {
			t.Errorf("Pos(%d) = %+v, want %+v", off, got, want)
		}
	}
	for n, want := range []string{"a", "b", "c", "d", ""} {
		s, e := li.LineBounds(n + 1)
		if got := string(src[s:e]); got != want {
			t.Errorf("line %d = %q, want %q", n+1, got, want)
		}
	}
}

// TestLineIndexBOM: a byte order mark counts in offsets but not in columns.
func TestLineIndexBOM(t *testing.T) {
	src := []byte("\uFEFFab\ncd")
	li := NewLineIndex(src)
	for off, want := range map[int]Pos{3: {1, 1}, 4: {1, 2}, 6: {2, 1}, 7: {2, 2}} {
		if got := li.Pos(off); got != want {
			t.Errorf("Pos(%d) = %+v, want %+v", off, got, want)
		}
	}
}
