package rules

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// builtinPatterns returns every regexp the default pack searches whole
// segments with: pattern rules and allow lists.
func builtinPatterns(t testing.TB) []*regexp.Regexp {
	t.Helper()
	var out []*regexp.Regexp
	for _, r := range builtinRegexes(t) {
		out = append(out, r.Regexp())
	}
	return out
}

// builtinRegexes is builtinPatterns as the packs hold them: parsed, not
// compiled.
func builtinRegexes(t testing.TB) []*regex {
	t.Helper()
	set := builtinSet(t)
	var out []*regex
	out = append(out, set.Allow.patterns...)
	for _, r := range set.Rules {
		if m, ok := r.matcher.(*patternMatcher); ok {
			out = append(out, m.res...)
		}
		if r.allow != nil {
			out = append(out, r.allow.patterns...)
		}
	}
	if len(out) < 20 {
		t.Fatalf("only %d patterns in the default pack", len(out))
	}
	return out
}

// draftTexts returns the drafts, markers removed, whole and by paragraph.
func draftTexts(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "fixtures", "drafts", "*.ann.md"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures/drafts: %v", err)
	}
	var out []string
	for _, p := range paths {
		ann, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		clean := markerRE.ReplaceAllString(string(ann), "$1")
		out = append(out, clean)
		out = append(out, strings.Split(clean, "\n\n")...)
	}
	return out
}

// checkSame fails when the prefiltered search differs from the plain one.
func checkSame(t *testing.T, p *pattern, text *Text) {
	t.Helper()
	got := p.findAll(text)
	want := p.re.FindAllStringSubmatchIndex(text.Src, -1)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("pattern %q (clauses %v, window %v) on %q: matches differ (-plain +prefiltered):\n%s",
			p.re, p.clauseLits(), p.window, text.Src, diff)
	}
	if fwd := p.dfas(); fwd != nil {
		if got, want := fwd.matches(text.Src), p.re.MatchString(text.Src); got != want {
			t.Fatalf("pattern %q on %q: DFA says %v, regexp %v", p.re, text.Src, got, want)
		}
	}
	// The DFA-bounded search alone, on the whole text.
	if diff := cmp.Diff(want, p.search(text.Src)); diff != "" {
		t.Fatalf("pattern %q on %q: bounded search differs (-plain +bounded):\n%s", p.re, text.Src, diff)
	}
	// The same without the groups (Go's regexp's FindAllStringIndex).
	wantIndex := p.re.FindAllStringIndex(text.Src, -1)
	if diff := cmp.Diff(wantIndex, p.findAllIndex(text)); diff != "" {
		t.Fatalf("pattern %q on %q: matches without groups differ (-plain +prefiltered):\n%s", p.re, text.Src, diff)
	}
	if diff := cmp.Diff(wantIndex, p.searchIndex(text.Src)); diff != "" {
		t.Fatalf("pattern %q on %q: bounded search without groups differs (-plain +bounded):\n%s", p.re, text.Src, diff)
	}
	for i, loc := range want {
		if i >= len(wantIndex) || loc[0] != wantIndex[i][0] || loc[1] != wantIndex[i][1] {
			t.Fatalf("pattern %q on %q: Go's regexp finds other matches with groups than without", p.re, text.Src)
		}
	}
}

func (p *pattern) clauseLits() [][]string {
	var out [][]string
	for _, c := range p.clauses {
		out = append(out, c.lits)
	}
	return out
}

// TestPrefilterSameMatches runs every built-in pattern with and without
// its prefilter over the drafts and over edge cases for windows: text
// edges, word characters next to a window, case variants, invalid UTF-8.
func TestPrefilterSameMatches(t *testing.T) {
	texts := draftTexts(t)
	texts = append(texts,
		"", "5Monday 14/03/2023x", "x14/03/2023", "ON MONDAY NIGHT", "team of 5officers",
		"\xffMonday\xff", "a\u212Aelvin Kelvin", "ſunday Sunday", "call +63 917 555 0142.",
		"Calle Duarte.Calle Duarte", "posed as a buyer, posed as a seller",
		"Operation Dawn-Operation Dusk", "@kiln_boss @x", "é-123-4567 (02) 8123 4567",
		"posed as a buyer", "he posed as a buyer. she posed as a seller\n", "posed as a buyer\nx",
		// Written-out word boundaries (a head and a tail of one rune).
		"xŠkoda Fabia waited, a Škoda Fabia waited.Škoda Fabia", "OP COLIBRÍ OP COLIBRÍx (OP COLIBRÍ)",
		"Ámbar called our hotline.Ámbar called our hotline", "at Çiçek Sk. No. 5 xÇiçek Sk. No. 5",
		"watched the house from a café.watched the house from a café",
		// Patterns that match from a line's start only (mustStart).
		"see asset.ref — here\nasset.ref — there\n - **kiln.boss** — x", "x\n0630 – met\n 0630 – met x 0630 – met",
		"a stage at the pier\nstage at the pier\n\n- stage at the pier",
	)
	var ts []*Text
	for _, src := range texts {
		ts = append(ts, NewText(src, "paragraph"))
	}
	for _, re := range builtinPatterns(t) {
		p := newPattern(re)
		for _, text := range ts {
			checkSame(t, p, text)
		}
	}
}

func TestPrefilterAnalysis(t *testing.T) {
	tests := []struct {
		expr    string
		clauses [][]string // the best clause first
		window  bool
	}{
		// "of" and digits are too common to be worth a second clause.
		{`\bteam\s+of\s+\d+`, [][]string{{"team"}}, true},
		{`(?i)\bCalle\s+\w+`, [][]string{{"calle"}}, true},
		{`\b(?:Monday|Tuesday)s?\b`, [][]string{{"monday", "tuesday"}}, true},
		{`\b\d{4}-\d\d\b`, [][]string{{"0-", "1-", "2-", "3-", "4-", "5-", "6-", "7-", "8-", "9-"}}, true},
		// Prefixes carry across a factored alternation.
		{`(?i)\b(?:thirteen|thirty|twenty(?:-\w+)?)\s+officers`, [][]string{{"officers"}, {"thirteen", "thirty", "twenty"}}, true},
		// Anchors: the context rune keeps them exact.
		{`(?:^|\s)(@\w+)$`, [][]string{{"@"}}, true},
		// Everything may match: no windows.
		{`x(?s:.)+`, [][]string{{"x"}}, false},
		// No literal at all.
		{`\p{Lu}\p{Ll}+`, nil, false},
		// A terminator outside the phrase's alphabet: windowed on the
		// phrase's literals (tail.go).
		{`(?i)\b(posed\s+as\s+\w+)(?:[.,;:!?()"\n](?:\s|$)|\s+and\b)`, [][]string{{"posed"}}, true},
		// ... but not when the tail can run on after its full stop.
		{`(?i)\b(posed\s+as\s+\w+)(?:[.,;:!?()"\n]\s*)`, [][]string{{"posed"}}, false},
		// A written-out word boundary takes the rune before the rest,
		// which every window holds: windowed on the rest's alphabet, at
		// both ends (the trailing one as a tail).
		{`(?:^|[^\p{L}\p{N}_])Škoda\s+\p{L}+`, [][]string{{"Škoda"}}, true},
		{`(?:^|[^\p{L}\p{N}_])(?:the\s+)?[\p{L}-]+\s+team(?:[^\p{L}\p{N}_]|$)`, [][]string{{"team"}}, true},
		// A head that must take its rune keeps it (and its literal).
		{`[(]Škoda\s+\p{L}+`, [][]string{{"(Škoda"}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			p := newPattern(regexp.MustCompile(tt.expr))
			got := p.clauseLits()
			for _, c := range got {
				slices.Sort(c)
			}
			if diff := cmp.Diff(tt.clauses, got); diff != "" {
				t.Errorf("clauses (-want +got):\n%s", diff)
			}
			if p.window != tt.window {
				t.Errorf("window = %v, want %v", p.window, tt.window)
			}
		})
	}
}

// TestPrefilterSkips checks that the prefilter does its job: a segment
// without the literals never reaches the regexp engine.
// TestTailWindows checks patterns whose terminator reaches past a run of
// their phrase's alphabet: the bound, and matches that run into the next
// window, where the search falls back to the whole text.
func TestTailWindows(t *testing.T) {
	tests := []struct {
		expr string
		tail int // -1: not windowed by its tail
	}{
		{`(?i)\b(posed\s+as\s+\w+)(?:[.,;:!?()"\n](?:\s|$)|\s+and\b)`, 2},
		{`\b(ab\s?)(?:[.,;:!?()"\n]ab)?`, 3},
		{`\b(ab)(?:[.,;:!?()"\n]ab){0,2}`, 6},
		{`\b(ab)(?:[.,;:!?()"\n]\w+)`, -1},
		{`\b(ab)(?:[.,;:!?()"\n]ab)*`, -1},
		{`\b(ab)(?:[.,;:!?()"\n]a){5}`, -1}, // 10 runes: more than maxTail
	}
	texts := []string{"ab.ab.ab ab. ab", "ab.ab ab.a.a.a.a.a", "posed as Bob. And posed as Al and", "xab.ab"}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			p := newPattern(regexp.MustCompile(tt.expr))
			if tt.tail < 0 && p.window || tt.tail >= 0 && (!p.window || p.tail != tt.tail) {
				t.Errorf("window %v, tail %d; want tail %d (-1: no window)", p.window, p.tail, tt.tail)
			}
			for _, s := range texts {
				checkSame(t, p, NewText(s, "paragraph"))
			}
		})
	}
}

func TestPrefilterSkips(t *testing.T) {
	p := newPattern(regexp.MustCompile(`\bteam\s+of\s+\d+`))
	if p.mayMatch(NewText("The staff met at dawn.", "paragraph")) {
		t.Error("mayMatch is true on a text without the literals")
	}
	if !p.mayMatch(NewText("A TEAM OF 12 officers.", "paragraph")) {
		t.Error("mayMatch is false on a text with the literals in upper case")
	}
}

func TestAutomaton(t *testing.T) {
	// Literals are folded: é and É share one representative.
	a := buildAutomaton([]string{"he", "she", "his", "hers", string(foldRune('é'))})
	m := &litMemo{auto: a, present: make([]uint64, 1)}
	a.scan("uSHERS É", m)
	var got []string
	for _, h := range m.hits {
		got = append(got, fmt.Sprintf("%d@%d", h.id, h.end))
	}
	want := []string{"1@4", "0@4", "3@6", "4@9"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("hits (-want +got):\n%s", diff)
	}
}

// FuzzPrefilter compares prefiltered and plain searches for any pattern and
// text.
func FuzzPrefilter(f *testing.F) {
	for _, re := range builtinPatterns(f) {
		f.Add(re.String(), "On Friday, 14 March 2023 at 6 pm, a team of 12 officers met at +63 917 555 0142.")
	}
	f.Add(`\bab\b|c\Bd`, "ab cd ab-ab_c d")
	f.Add(`(?i)straße|ǅ`, "STRASSE Straße ǆ ǅ Ǆ")
	f.Add(`(?m)^a$|\Bb\B|\Ac|d\z`, "a\nxbx\nc d")
	f.Add(`\b(ab\s?)(?:[.,;:!?()"\n]ab)?`, "ab.ab.ab ab. ab")
	// DFAs that skip idle stretches (skip.go).
	f.Add(`\bT[a-z]{2}\b`, "xTab Tab\nTab\xffTab é Tabc")
	f.Add(`(?m)^[ \t]*(?i:team)\s*:`, "a team:\n team :\nteam:\xe6\xbc\nx")
	f.Add(`\p{Han}{2}|\p{Hangul}+`, "ab 漢字 x한국\xe6\xbcy漢")
	// Matches from a line's or the text's start only (mustStart).
	f.Add(`(?m)^[ \t]*\w+\.\w+`, "a b.c\n d.e f.g\nh.i")
	f.Add(`(?i)^(?:x|y)\.z`, "x.z y.z\nY.Z")
	// Word boundaries written out (kind_pattern.go): windows on the rest.
	f.Add(`(?:^|[^\p{L}\p{N}_])Á\p{L}+(?:[^\p{L}\p{N}_]|$)`, "Ángel xÁngel .Ángel Ángel.Ángel")
	f.Fuzz(func(t *testing.T, expr, src string) {
		re, err := regexp.Compile(expr)
		if err != nil {
			return
		}
		// A fresh literal set per input: the shared one would grow with
		// every random pattern and be rebuilt for each.
		litSetMu.Lock()
		currentSet = nil
		litSetMu.Unlock()
		checkSame(t, newPattern(re), NewText(src, "paragraph"))
		checkBounds(t, expr, src)
	})
}

func TestFindAllIndex(t *testing.T) {
	re := regexp.MustCompile(`((?:\p{Lu}[\p{L}\p{M}'’-]*[ \t]){0,2}\p{Lu}[\p{L}\p{M}'’-]*)[ \t]?\*`)
	for _, src := range append(draftTexts(t), "Ana* and Srey Leak*, **Maria** Santos, *Ana*.", "", "*", "Ana *") {
		if diff := cmp.Diff(re.FindAllStringSubmatchIndex(src, -1), FindAllIndex(re, src)); diff != "" {
			t.Fatalf("on %q (-plain +prefiltered):\n%s", src, diff)
		}
	}
}

// checkBounds compares the DFA's first match start and last match end in
// src with the regexp's: the leftmost match start, and the largest end of
// the longest match from any start (anchored there with the rune before it
// as context).
func checkBounds(t *testing.T, expr, src string) {
	t.Helper()
	re, err := regexp.Compile(expr)
	if err != nil {
		return
	}
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	fwd, rev := newDFA(tree), newReverseDFA(tree)
	if fwd == nil || rev == nil {
		return
	}
	wantStart, wantEnd, lastStart := -1, -1, -1
	if loc := re.FindStringIndex(src); loc != nil {
		wantStart = loc[0]
		// Wrap the parsed tree, not the source: an unterminated \Q in expr
		// would quote the closing parenthesis.
		first := regexp.MustCompile(`\A(?:` + tree.String() + `)`)
		after := regexp.MustCompile(`\A(?s:.)(?:` + tree.String() + `)`)
		first.Longest()
		after.Longest()
		// Positions between runes as the regexp decodes them (an invalid
		// byte is a rune of its own).
		for p, size := 0, 0; p <= len(src); p += size {
			size = 1
			if p < len(src) {
				_, size = utf8.DecodeRuneInString(src[p:])
			}
			var loc []int
			if p == 0 {
				loc = first.FindStringIndex(src)
			} else {
				_, size := utf8.DecodeLastRuneInString(src[:p])
				if loc = after.FindStringIndex(src[p-size:]); loc != nil {
					loc[1] += p - size
				}
			}
			if loc != nil {
				wantEnd = max(wantEnd, loc[1])
				lastStart = p
			}
		}
	}
	if got := rev.firstStart(src); got != wantStart {
		t.Fatalf("pattern %q on %q: first start %d, want %d", expr, src, got, wantStart)
	}
	if got := fwd.lastEnd(src); got != wantEnd {
		t.Fatalf("pattern %q on %q: last end %d, want %d", expr, src, got, wantEnd)
	}
	// Told that no match starts at or after stop, which holds for every
	// stop past the last start, a scan that may end early finds the same
	// last end (patterns that cannot match empty text only).
	if minLen(tree) > 0 {
		for _, stop := range []int{lastStart + 1, (lastStart + 1 + len(src)) / 2, len(src)} {
			if got := fwd.lastEndBefore(src, stop); got != wantEnd {
				t.Fatalf("pattern %q on %q: last end before %d is %d, want %d", expr, src, stop, got, wantEnd)
			}
		}
		// Told that no match ends before min, which holds for every min
		// up to the first end (where the forward DFA first sees a match),
		// a backward scan that may end early finds the same first start.
		if firstEnd := fwd.scan(src, false, true, -1); firstEnd >= 0 {
			for _, min := range []int{firstEnd, firstEnd / 2, 1, 0} {
				if got := rev.firstStartAfter(src, min); got != wantStart {
					t.Fatalf("pattern %q on %q: first start after %d is %d, want %d", expr, src, min, got, wantStart)
				}
			}
		}
	}
}

func TestDFABounds(t *testing.T) {
	texts := []string{"", "x", "On Friday, 14 March 2023 at 6 pm, a team of 12 officers met at +63 917 555 0142.",
		"ab cd ab-ab_c d", "a\nxbx\nc d", "Ana* and Srey Leak*", "two officers posed as buyers; three agents waited"}
	for _, s := range draftTexts(t)[:10] {
		texts = append(texts, strings.Split(s, "\n\n")...)
	}
	exprs := []string{`\bab\b|c\Bd`, `(?m)^a$|\Bb\B|\Ac|d\z`, `x*`, `a+?`, `(?i)officers?`}
	for _, re := range builtinPatterns(t)[:40] {
		exprs = append(exprs, re.String())
	}
	for _, expr := range exprs {
		for _, s := range texts {
			checkBounds(t, expr, s)
		}
	}
}

// TestTailWindowsRandom checks every built-in pattern windowed by its
// terminator's reach on random sentences made of its own literals, common
// words and the punctuation that ends phrases, where a tail reaching into
// the next run is likeliest.
func TestTailWindowsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	common := []string{"the", "a", "and", "to", "at", "in", "team", "officers", "two", "our", "she", "was", "posed", "as", "met", "x", "Ana", "12"}
	seps := []string{" ", " ", " ", ". ", ", ", "; ", ": ", "! ", "? ", " (", ") ", "\"", "\n", " and ", ".\n"}
	n := 0
	for _, re := range builtinPatterns(t) {
		p := newPattern(re)
		if !p.window || p.tail == 0 {
			continue
		}
		n++
		var words []string
		for _, c := range p.clauses {
			words = append(words, c.lits...)
		}
		words = append(words, common...)
		for range 60 {
			var b strings.Builder
			for k := rng.IntN(30) + 1; k > 0; k-- {
				b.WriteString(words[rng.IntN(len(words))])
				b.WriteString(seps[rng.IntN(len(seps))])
			}
			checkSame(t, p, NewText(b.String(), "paragraph"))
		}
	}
	if n == 0 {
		t.Fatal("no built-in pattern is windowed by its tail")
	}
}

// TestSpansHoldMatches: the spans of a pattern (what a rule widened to the
// sentence reports) hold every exact match of its regexp, and each span
// holds at least one, over the drafts and the edge cases of
// TestPrefilterSameMatches.
func TestSpansHoldMatches(t *testing.T) {
	var ts []*Text
	for _, src := range append(draftTexts(t), "", "x", "posed as a buyer. posed as a seller\n", "\xffposed as a buyer\xff") {
		ts = append(ts, NewText(src, "paragraph"))
	}
	for _, re := range builtinPatterns(t) {
		p := newPattern(re)
		for _, text := range ts {
			var spans [][2]int
			p.spans(text, func(s, e int) { spans = append(spans, [2]int{s, e}) })
			exact := re.FindAllStringIndex(text.Src, -1)
			for _, loc := range exact {
				if loc[0] == loc[1] {
					continue
				}
				in := false
				for _, sp := range spans {
					in = in || (sp[0] <= loc[0] && loc[1] <= sp[1])
				}
				if !in {
					t.Fatalf("pattern %q: match %q at %v in no span %v", re, text.Src[loc[0]:loc[1]], loc, spans)
				}
			}
			for _, sp := range spans {
				held := false
				for _, loc := range exact {
					held = held || (sp[0] <= loc[0] && loc[1] <= sp[1])
				}
				if !held {
					t.Fatalf("pattern %q: span %q holds no match", re, text.Src[sp[0]:sp[1]])
				}
			}
		}
	}
}

// TestInASCII: inASCII reads the bit layout asciiMask writes: for the
// rune lists of every built-in pattern's program, a byte is in the mask
// exactly when the instruction accepts it.
func TestInASCII(t *testing.T) {
	for _, re := range builtinPatterns(t) {
		p := newPattern(re)
		d := p.dfas()
		if d == nil {
			continue
		}
		for pc := range d.prog.len() {
			if _, _, _, k := d.prog.inst(uint32(pc)); k == 0 {
				continue
			}
			rs, fold := d.prog.instRunes(uint32(pc))
			m := asciiMask(rs, fold)
			for c := range byte(utf8.RuneSelf) {
				if got, want := inASCII(m, c), runesMatch(rs, fold, rune(c)); got != want {
					t.Fatalf("pattern %q, instruction %d, byte %q: inASCII %v, runesMatch %v", re, pc, c, got, want)
				}
			}
		}
	}
}

// TestMatchStart: where every match of a pattern starts, from its tree
// and, for a snapshot's pattern, its source first.
func TestMatchStart(t *testing.T) {
	for _, c := range []struct {
		expr  string
		start int8
		opens bool
	}{
		{`(?m)^[ \t]*a`, startLine, true},
		{`(?i)(?m)^(b|c)`, startLine, true},
		{`(?im)^x`, startLine, true},
		{`^x`, startText, true},
		{`\Ax`, startText, true},
		{`(^x)y`, startText, false},
		{`(?m)^a|b`, startAnywhere, true},
		{`(?m:^a)`, startLine, false},
		{`a^`, startAnywhere, false},
		{`(?:^|\s)a`, startAnywhere, false},
		{`\bx`, startAnywhere, false},
	} {
		tree, err := syntax.Parse(c.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := matchStart(tree); got != c.start {
			t.Errorf("matchStart(%q) = %d, want %d", c.expr, got, c.start)
		}
		if got := opensWithStart(c.expr); got != c.opens {
			t.Errorf("opensWithStart(%q) = %v, want %v", c.expr, got, c.opens)
		}
		// A snapshot's pattern is parsed only when its source opens with
		// a start, which is all mustStart can then find.
		p := &prefilter{snap: &snapEntry{src: c.expr}}
		want := c.start
		if !c.opens {
			want = startAnywhere
		}
		if got := p.mustStart(); got != want {
			t.Errorf("mustStart of the snapshot's %q = %d, want %d", c.expr, got, want)
		}
	}
	for _, c := range []struct {
		src   string
		a, b  int
		start int8
		want  bool
	}{
		{"ab cd", 3, 5, startLine, false},
		{"ab\ncd", 3, 5, startLine, true},
		{"ab cd\nef", 3, 8, startLine, true},
		{"ab cd", 0, 2, startText, true},
		{"ab\ncd", 3, 5, startText, false},
		{"ab cd", 3, 5, startAnywhere, true},
	} {
		if got := mayStartIn(c.src, c.a, c.b, c.start); got != c.want {
			t.Errorf("mayStartIn(%q, %d, %d, %d) = %v, want %v", c.src, c.a, c.b, c.start, got, c.want)
		}
	}
}
