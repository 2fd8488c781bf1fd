package rules

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
)

// trickyPatterns exercise the corners of instBound and matchesEmpty:
// repetitions that Simplify expands or drops, stars of patterns that can
// match empty, classes that match nothing, assertions.
var trickyPatterns = []string{
	``, `a`, `abc`, `(?i)abc`, `a*`, `a+`, `a?`, `a*?`, `(a)`, `(?:a|b|)`, `a|`, `|a`,
	`a{0}`, `a{0,0}`, `a{1}`, `a{1,1}`, `a{2}`, `a{0,3}`, `a{2,5}`, `a{3,}`, `a{0,}`, `a{1,}`,
	`(?:a*)*`, `(?:a*)+`, `(?:a?)*`, `(?:a|b*){2,4}`, `(?:(?:a{2}){3}){4}`, `(a{2,3}|b{0,2})*`,
	`^`, `$`, `^$`, `\A`, `\z`, `\b`, `\B`, `(?m)^$`, `\bx\b`, `\B*`, `(?:\b)*`, `(?:^|x)`,
	`[^\x00-\x{10FFFF}]`, `[^\x00-\x{10FFFF}]*`, `[^\x00-\x{10FFFF}]|a`, `x[^\x00-\x{10FFFF}]`,
	`.`, `(?s).`, `.*`, `\p{L}+`, `[\p{L}\p{M}'’-]*`, `(?:(?:(?:a*)*)*)*`, `(?U)a+b*`,
	`(?i)straße|ǅ`, `(?:a{1000}){1}`, `(?:x{0,500}){0,2}`, `(?:x{3,9}y?){2,7}`,
}

// testTrees parses the tricky patterns and every built-in pattern.
func testTrees(t *testing.T) (exprs []string, trees []*syntax.Regexp) {
	t.Helper()
	exprs = append([]string{}, trickyPatterns...)
	for _, re := range builtinRegexes(t) {
		exprs = append(exprs, re.String())
	}
	for _, expr := range exprs {
		tree, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			t.Fatalf("%q: %v", expr, err)
		}
		trees = append(trees, tree)
	}
	return exprs, trees
}

func TestInstBound(t *testing.T) {
	exprs, trees := testTrees(t)
	for i, expr := range exprs {
		tree := trees[i]
		prog, err := syntax.Compile(tree.Simplify())
		if err != nil {
			t.Fatalf("%q: %v", expr, err)
		}
		if b := instBound(tree); b < len(prog.Inst) {
			t.Errorf("%q: bound %d < %d instructions", expr, b, len(prog.Inst))
		}
	}
	// The built-in pack is checked by the bound alone: every pattern is
	// far enough below the limit.
	for _, re := range builtinRegexes(t) {
		if b := instBound(compileOne(t, re.src).tree); b > MaxPatternInsts {
			t.Errorf("%.60q: bound %d over the limit; each load compiles it to count", re.String(), b)
		}
	}
}

func TestMatchesEmpty(t *testing.T) {
	exprs, trees := testTrees(t)
	for i, expr := range exprs {
		tree := trees[i]
		if got, want := matchesEmpty(tree), regexp.MustCompile(expr).MatchString(""); got != want {
			t.Errorf("%q: matchesEmpty %v, regexp says %v", expr, got, want)
		}
	}
}

// TestRegexLazy: loading the packs compiles no regexp, and a story
// compiles only the regexps of rules whose literals and DFA say they may
// match; their matches are the plain regexp's.
func TestRegexLazy(t *testing.T) {
	res := builtinRegexes(t)
	compiled := func() int {
		n := 0
		for _, re := range res {
			if re.re != nil {
				n++
			}
		}
		return n
	}
	if n := compiled(); n != 0 {
		t.Fatalf("%d regexps compiled at load", n)
	}
	txt := NewText("On Friday, 14 March 2023 at 6 pm, a team of 12 officers met at +63 917 555 0142.", "paragraph")
	found := 0
	for _, re := range res {
		p := patternOf(re)
		got := p.findAll(txt)
		found += len(got)
		if re.re == nil {
			// Never compiled: the prefilter proved there is no match.
			if want := regexp.MustCompile(re.src).FindAllStringSubmatchIndex(txt.Src, -1); want != nil {
				t.Errorf("%.60q: not compiled, but the regexp finds %v", re.src, want)
			}
		}
	}
	if found == 0 {
		t.Fatal("no pattern matched the text: the test proves little")
	}
	if n := compiled(); n == 0 || n > len(res)/2 {
		t.Errorf("%d of %d regexps compiled for one sentence", n, len(res))
	}
}

// TestPatternErrorsAtLoad: a pattern that regexp.Compile refuses is still
// refused at load with regexp's words, at the rule's line.
func TestPatternErrorsAtLoad(t *testing.T) {
	for _, tt := range []struct{ pattern, want string }{
		{`a(b`, "bad pattern \"a(b\": missing closing ): `a(b`"},
		{`x{2,1}`, "bad pattern \"x{2,1}\": invalid repeat count: `{2,1}`"},
		{`\pX`, "bad pattern \"\\\\pX\": invalid character class range: `\\pX`"},
		{`a|`, `pattern "a|" matches empty text`},
		{`(a)`, "group 2 but the pattern has 1 groups"},
	} {
		src := "pack: local\nrules:\n  - id: x\n    category: name\n    kind: pattern\n    group: 2\n    pattern: '" + tt.pattern + "'\n"
		if !strings.Contains(tt.want, "group") {
			src = strings.Replace(src, "    group: 2\n", "", 1)
		}
		_, err := Parse(nil, "p.yaml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), "p.yaml:") || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want p.yaml:line:col: ... %s", tt.pattern, err, tt.want)
		}
		if _, cerr := regexp.Compile(tt.pattern); (cerr != nil) != strings.HasPrefix(tt.want, "bad pattern") {
			t.Errorf("%s: regexp.Compile says %v", tt.pattern, cerr)
		}
	}
}

// FuzzRegexTree checks instBound and matchesEmpty against Go's regexp for
// any pattern, and the snapshot's encoding of its DFAs.
func FuzzRegexTree(f *testing.F) {
	for _, expr := range trickyPatterns {
		f.Add(expr)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		tree, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			return
		}
		prog, err := syntax.Compile(tree.Simplify())
		if err != nil {
			return
		}
		if b := instBound(tree); b < len(prog.Inst) {
			t.Errorf("%q: bound %d < %d instructions", expr, b, len(prog.Inst))
		}
		if got, want := matchesEmpty(tree), regexp.MustCompile(expr).MatchString(""); got != want {
			t.Errorf("%q: matchesEmpty %v, regexp says %v", expr, got, want)
		}
		// The snapshot's encoding of the programs.
		if data, err := makeSnapshot([]string{expr}); err == nil {
			m, err := decodeSnapshot(string(data))
			if err != nil {
				t.Fatalf("%q: %v", expr, err)
			}
			fwd, rev := snapDFAs(tree, minLen(tree))
			if d := sameDFA(fwd, m[expr].dfa(false)) + sameDFA(rev, m[expr].dfa(true)); d != "" {
				t.Errorf("%q: decoded DFA differs: %s", expr, d)
			}
		}
	})
}
