package rules

import (
	"fmt"
	"os"
	"testing"

	"github.com/rescue-stories/redact/rules/fold"
)

// TestHashIndex checks the hash index of a lexicon built from terms
// against its binary search, for keys present and absent, as strings and
// as bytes, and that enough lookups switch a large lexicon to it.
func TestHashIndex(t *testing.T) {
	var terms []string
	for i := range 3000 {
		terms = append(terms, fmt.Sprintf("term %d\tf%d", i*7, i))
	}
	l := BuildLexicon(terms, fold.Key)
	if l.Len() <= smallLexicon {
		t.Fatal("the lexicon is small: the test checks the map, not the index")
	}
	probes := []string{"", "term", "term 0", "term 7", "term 8", "term 20993", "term 20994", "term 70\t", "zz"}
	for i := range 400 {
		probes = append(probes, fmt.Sprintf("term %d", i))
	}
	type answer struct {
		line int
		ok   bool
	}
	want := map[string]answer{}
	for _, p := range probes {
		i, ok := l.find(p)
		want[p] = answer{i, ok}
	}
	for range l.Len() / 8 {
		l.Has("term 1")
	}
	if l.hashed.Load() == nil {
		t.Fatal("no hash index after len/8 lookups")
	}
	for _, p := range probes {
		i, ok := l.find(p)
		j, okb := findKey(l, []byte(p))
		if w := want[p]; (answer{i, ok}) != w || (answer{j, okb}) != w {
			t.Errorf("find(%q) = %d %v, bytes %d %v; binary search %d %v", p, i, ok, j, okb, w.line, w.ok)
		}
	}
	if f, ok := l.fields("term 7"); !ok || string(f) != "f1" {
		t.Errorf("fields(term 7) = %q, %v", f, ok)
	}
	if allocs := testing.AllocsPerRun(100, func() { l.fields("term 7") }); allocs > 0 {
		t.Errorf("fields allocates %v times", allocs)
	}
}

// BenchmarkLexiconNgrams looks up every one- to four-word n-gram of the
// drafts in the gazetteer, by binary search and by hash index.
func BenchmarkLexiconNgrams(b *testing.B) {
	data, err := os.ReadFile("packs/default/data/places.tsv")
	if err != nil {
		b.Fatal(err)
	}
	var texts []*Text
	for _, s := range draftTexts(b) {
		texts = append(texts, NewText(s, "paragraph"))
	}
	run := func(b *testing.B, l *Lexicon) {
		b.ReportAllocs()
		for b.Loop() {
			for _, tx := range texts {
				for i := range tx.Tokens {
					for j := i + 1; j <= len(tx.Tokens) && j <= i+4; j++ {
						l.HasWords(tx, i, j)
					}
				}
			}
		}
	}
	b.Run("binary", func(b *testing.B) {
		l := lexiconFromFile(data, fold.Key)
		l.lookups.Store(-1 << 62) // never index
		run(b, l)
	})
	b.Run("hashed", func(b *testing.B) {
		l := lexiconFromFile(data, fold.Key)
		l.Has("x")
		l.hashed.Store(newHashIndex(l))
		run(b, l)
	})
}

// TestMayStartPhrase checks the phrase-start filter of the gazetteer's
// hash index: no n-gram of the drafts that is a key starts with a word the
// filter turns away, and it turns away most of those that are not.
func TestMayStartPhrase(t *testing.T) {
	data, err := os.ReadFile("packs/default/data/places.tsv")
	if err != nil {
		t.Fatal(err)
	}
	l := lexiconFromFile(data, fold.Key)
	tx := NewText("the village of Boca Chica", "paragraph")
	if !l.mayStartPhrase(tx, 0) {
		t.Fatal("without a hash index the filter must let everything through")
	}
	l.Has("x")
	l.hashed.Store(newHashIndex(l))
	found, rejected, absent := 0, 0, 0
	for _, s := range append(draftTexts(t), "to San Pedro de Macorís and Santo Domingo Este") {
		tx := NewText(s, "paragraph")
		for i := range tx.Tokens {
			for j := i + 2; j <= len(tx.Tokens) && j <= i+4; j++ {
				has := l.Has(tx.Key(i, j))
				may := l.mayStartPhrase(tx, i)
				if has && !may {
					t.Fatalf("%q is a key, but the filter turns away %q", tx.Key(i, j), tx.Tokens[i].Key)
				}
				if has {
					found++
				} else {
					absent++
					if !may {
						rejected++
					}
				}
			}
		}
	}
	if found == 0 || rejected < absent/2 {
		t.Fatalf("%d phrases found; %d of %d absent n-grams turned away", found, rejected, absent)
	}
	t.Logf("%d phrases found; %d of %d absent n-grams turned away", found, rejected, absent)
}
