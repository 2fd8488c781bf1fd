package rules

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/rescue-stories/redact/rules/fold"
)

// TestLexiconPaths checks that every way a lexicon answers (the map of a
// small one, the binary search, the hash index of a large one) gives the
// answers of a plain map over the same lines.
func TestLexiconPaths(t *testing.T) {
	data, err := os.ReadFile("packs/default/data/places.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	var keys []string
	for _, ln := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		k, v, _ := strings.Cut(ln, "\t")
		want[k] = v
		keys = append(keys, k)
	}
	probes := []string{"", "a", "zzzz", "boca chica", "boca", "boca chica beach", "manila", "san jose", "\t", "a\tb"}
	for i := 0; i < len(keys); i += 997 {
		k := keys[i]
		probes = append(probes, k, k+" ", k[:len(k)-1], k+"x", strings.ToUpper(k))
	}
	check := func(t *testing.T, l *Lexicon) {
		t.Helper()
		for _, p := range probes {
			got, ok := l.Lookup(p)
			w, wok := want[p]
			if ok != wok || got != w {
				t.Fatalf("Lookup(%q) = %q, %v; want %q, %v", p, got, ok, w, wok)
			}
			if l.Has(p) != wok {
				t.Fatalf("Has(%q) = %v; want %v", p, !wok, wok)
			}
		}
	}
	l := lexiconFromFile(data, fold.Key)
	if l.small != nil || l.hashed.Load() != nil {
		t.Fatal("a large lexicon starts with a map or a hash index")
	}
	t.Run("binary search", func(t *testing.T) { check(t, l) })
	l.hashed.Store(newHashIndex(l))
	t.Run("hash index", func(t *testing.T) { check(t, l) })

	// A built-in list is searched without its line starts until a run
	// has done enough lookups for the hash index.
	b := builtinLexicon(data, fold.Key)
	t.Run("no line index", func(t *testing.T) {
		check(t, b)
		if b.linesReady.Load() || b.hashed.Load() != nil {
			t.Fatalf("%d lookups built an index", b.lookups.Load())
		}
	})
	if b.Len() != len(keys) {
		t.Errorf("Len without line starts = %d, want %d", b.Len(), len(keys))
	}
	for b.hashed.Load() == nil {
		b.Has("x")
	}
	if n := b.lookups.Load(); n != hashAfter(b) {
		t.Errorf("hash index built after %d lookups, want %d", n, hashAfter(b))
	}
	t.Run("built-in, hash index", func(t *testing.T) { check(t, b) })

	small := BuildLexicon(keys[:500], fold.Key)
	small.Has("x")
	if small.small == nil {
		t.Fatal("a small lexicon has no map")
	}
	for _, p := range append(probes, keys[:500]...) {
		_, wok := want[p]
		if wok && !slices.Contains(keys[:500], p) {
			wok = false
		}
		if small.Has(p) != wok {
			t.Fatalf("small: Has(%q) = %v; want %v", p, !wok, wok)
		}
	}
}

// TestSearchData checks the binary search without line starts at the
// edges: first and last lines, keys before and after them, prefixes, a last
// line without its newline, one line, no data.
func TestSearchData(t *testing.T) {
	for _, data := range []string{
		"", "b\n", "b", "b\tx", "a\nb\nc\n", "a\nb\nc", "a\tf\nab\tg\nabc\nb c\tx\tyy\nbb\n",
		"aa\nab\nabc\nabd\nb\nba\nbaa\nc\nca\ncab\ncb\nd\n",
	} {
		want := map[string]int{}
		off := 0
		for _, ln := range strings.SplitAfter(data, "\n") {
			if ln == "" {
				continue
			}
			k, _, _ := strings.Cut(strings.TrimSuffix(ln, "\n"), "\t")
			want[k] = off
			off += len(ln)
		}
		probes := []string{"", "0", "a", "aa", "ab", "abc", "abcd", "b", "b c", "ba", "bb", "c", "cab", "d", "e", "z", "\t", "a\t"}
		for _, p := range probes {
			got, ok := searchData([]byte(data), p)
			w, wok := want[p]
			if ok != wok || (ok && got != w) {
				t.Errorf("in %q: searchData(%q) = %d, %v; want %d, %v", data, p, got, ok, w, wok)
			}
		}
	}
}

// TestSortedLines checks the split check of large files against the plain
// one, including disorder right at a cut.
func TestSortedLines(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 3<<20; i++ {
		fmt.Fprintf(&b, "key%08d\tfield\n", i)
	}
	data := []byte(b.String())
	seq, ok := sortedRange(data, 0, len(data))
	if !ok {
		t.Fatal("sorted data reported unsorted")
	}
	par, ok := sortedLines(data)
	if !ok || !slices.Equal(seq, par) {
		t.Fatalf("split check: ok %v, %d lines; want %d", ok, len(par), len(seq))
	}
	// Swap two neighbouring lines: at the start, near the cut, at the end.
	for _, at := range []int{0, len(seq) / 2, len(seq) / 3, len(seq) - 3} {
		bad := slices.Clone(data)
		i, j := int(seq[at]), int(seq[at+1])
		a, c := string(data[i:j]), string(data[j:int(seq[at+2])])
		copy(bad[i:], c+a)
		if _, ok := sortedLines(bad); ok {
			t.Errorf("lines %d and %d swapped: reported sorted", at, at+1)
		}
	}
	dup := slices.Concat(data, []byte("key99999999\tx\nkey99999999\ty\n"))
	if _, ok := sortedLines(dup); ok {
		t.Error("duplicate key reported sorted")
	}
}

// TestHasWords checks the allocation-free n-gram lookup against Has of the
// joined key, for every n-gram of the drafts, with and without the hash
// index.
func TestHasWords(t *testing.T) {
	data, err := os.ReadFile("packs/default/data/places.tsv")
	if err != nil {
		t.Fatal(err)
	}
	large := lexiconFromFile(data, fold.Key)
	small := BuildLexicon([]string{"boca chica", "santo domingo", "the", "of the village"}, fold.Key)
	var texts []*Text
	for _, s := range draftTexts(t) {
		texts = append(texts, NewText(s, "paragraph"))
	}
	check := func(l *Lexicon) int {
		found := 0
		for _, tx := range texts {
			for i := range tx.Tokens {
				for j := i + 1; j <= len(tx.Tokens) && j <= i+4; j++ {
					want := l.Has(tx.Key(i, j))
					if got := l.HasWords(tx, i, j); got != want {
						t.Fatalf("HasWords(%q) = %v, Has = %v", tx.Key(i, j), got, want)
					}
					if want {
						found++
					}
				}
			}
		}
		return found
	}
	if check(large) == 0 || check(small) == 0 {
		t.Fatal("no n-gram of the drafts found: the test checks nothing")
	}
	large.hashed.Store(newHashIndex(large))
	check(large)
	if allocs := testing.AllocsPerRun(100, func() { large.HasWords(texts[0], 0, 3) }); allocs > 0 {
		t.Errorf("HasWords allocates %v times", allocs)
	}
}

// TestBuildLexiconFirstValue: of entries whose keys fold alike, the first
// one's value is kept, however many there are and wherever they stand (the
// sort is stable).
func TestBuildLexiconFirstValue(t *testing.T) {
	var entries []string
	first := map[string]string{}
	for i := range 3000 {
		k := fmt.Sprintf("Word%d", (i*7919)%701)
		if i%3 == 0 {
			k = strings.ToUpper(k) // folds to the same key
		}
		v := fmt.Sprint("v", i)
		entries = append(entries, k+"\t"+v)
		if _, ok := first[fold.Key(k)]; !ok {
			first[fold.Key(k)] = v
		}
	}
	l := BuildLexicon(entries, fold.Key)
	if l.Len() != len(first) {
		t.Errorf("%d keys, want %d", l.Len(), len(first))
	}
	for k, want := range first {
		if got, ok := l.Lookup(k); !ok || got != want {
			t.Errorf("%q: %q %v, want %q", k, got, ok, want)
		}
	}
}
