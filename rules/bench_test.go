package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Benchmarks for start-up and for each rule over the development drafts.
// They are not timed tests: run them with
//
//	go test -run '^$' -bench . -benchmem ./rules
var markerRE = regexp.MustCompile(`(?s)\[\[[a-z]+:(.+?)\]\]`)

// benchTexts returns the paragraphs of fixtures/drafts, markers removed,
// as paragraph Texts, and their total size. (The scanner benchmarks in
// redact/ use the real Markdown segmentation; here the rules are measured
// alone.)
func benchTexts(b *testing.B) ([]*Text, int) {
	b.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "fixtures", "drafts", "*.ann.md"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no fixtures/drafts: %v", err)
	}
	var out []*Text
	size := 0
	for _, p := range paths {
		ann, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		clean := markerRE.ReplaceAllString(string(ann), "$1")
		for _, para := range strings.Split(clean, "\n\n") {
			if strings.TrimSpace(para) == "" {
				continue
			}
			out = append(out, newBenchText(para))
			size += len(para)
		}
	}
	return out, size
}

func newBenchText(s string) *Text { return NewText(s, "paragraph") }

// builtinSet is the default packs as one set.
func builtinSet(t testing.TB) *Set {
	t.Helper()
	packs, err := LoadBuiltin("default")
	if err != nil {
		t.Fatal(err)
	}
	set, err := NewSet(packs...)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// BenchmarkLoadBuiltin is the start-up cost of every scan: parse and
// compile the default packs.
func BenchmarkLoadBuiltin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		packs, err := LoadBuiltin("default")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := NewSet(packs...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFirstLookup adds the first lookup in each lexicon of the
// default pack (indexes are built lazily) to the start-up cost.
func BenchmarkFirstLookup(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		set := builtinSet(b)
		t := newBenchText("Maria Santos met Ramón in Boca Chica on March 14.")
		for _, r := range set.Rules {
			r.Find(t)
		}
	}
}

// BenchmarkNewText is the tokeniser: words, folded keys, gaps.
func BenchmarkNewText(b *testing.B) {
	texts, size := benchTexts(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			newBenchText(t.Src)
		}
	}
}

// BenchmarkRules runs each rule of the default pack, by kind, over every
// paragraph of the drafts, with its context words and own allow list.
func BenchmarkRules(b *testing.B) {
	set := builtinSet(b)
	texts, size := benchTexts(b)
	for _, r := range set.Rules {
		b.Run(r.Kind+"/"+strings.TrimPrefix(r.ID, r.Pack+"."), func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, t := range texts {
					r.Find(t)
				}
			}
		})
	}
}

// BenchmarkAllRules is every rule over every paragraph: the matching part of
// a scan, without Markdown parsing and merging.
func BenchmarkAllRules(b *testing.B) {
	set := builtinSet(b)
	texts, size := benchTexts(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			for _, r := range set.Rules {
				for _, m := range r.Find(t) {
					set.Allow.Allows(t, m.Start, m.End)
				}
			}
		}
	}
}

// BenchmarkPrefilterBuild is the start-up cost of the regex prefilters:
// analysing every pattern of the default pack and building the literal
// automaton.
func BenchmarkPrefilterBuild(b *testing.B) {
	var res []*regex
	for _, re := range builtinRegexes(b) {
		res = append(res, compileOne(b, re.src))
	}
	b.ReportAllocs()
	for b.Loop() {
		var lits []string
		for _, re := range res {
			for _, c := range analysePattern(re.src, re.tree).clauses {
				lits = append(lits, c.lits...)
			}
		}
		buildAutomaton(lits)
	}
}

// BenchmarkLiteralScan is the shared literal scan of every paragraph: the
// Aho-Corasick pass over the built-in patterns' literals that each text
// makes once.
func BenchmarkLiteralScan(b *testing.B) {
	set := builtinSet(b)
	texts, size := benchTexts(b)
	var a *automaton
	for _, r := range set.Rules {
		if pm, ok := r.matcher.(*patternMatcher); ok {
			for _, p := range pm.patterns() {
				if p.set != nil && a == nil {
					a = p.set.automaton()
				}
			}
		}
	}
	if a == nil {
		b.Fatal("no literal set")
	}
	m := &litMemo{present: make([]uint64, (a.n+63)/64)}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			m.hits = m.hits[:0]
			a.scan(t.Src, m)
		}
	}
}
