package rules

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rescue-stories/redact/rules/fold"
)

// TestCueIndex checks the invariant the context matcher relies on: every
// cue found at a token is no longer than the index allows there, so
// skipping the longer and the unindexed lookups skips no match.
func TestCueIndex(t *testing.T) {
	lex := BuildLexicon([]string{"Port of", "Bar", "Brick Works", "Bus Park", "Bus", "Sari-Sari Store", "M/V"}, fold.Key)
	idx := newCueIndex(lex)
	for word, want := range map[string]uint8{"port": 2, "bar": 1, "brick": 2, "bus": 2, "sari": 3, "m": 2} {
		if idx.first[word] != want {
			t.Errorf("index[%q] = %d, want %d", word, idx.first[word], want)
		}
	}
	if _, ok := idx.first["of"]; ok {
		t.Error("a word inside a cue is indexed as a first word")
	}
	texts := []string{"at Port of Spain near the Bus Park", "a Sari-Sari Store by the M/V Doña Paz", "Bar Bus bar"}
	texts = append(texts, draftTexts(t)...)
	lexicons := []*Lexicon{lex}
	for _, r := range builtinSet(t).Rules {
		if m, ok := r.matcher.(*contextMatcher); ok {
			lexicons = append(lexicons, m.before, m.after)
		}
	}
	found := 0
	for _, l := range lexicons {
		if l == nil {
			continue
		}
		idx := newCueIndex(l)
		for _, s := range texts {
			tx := NewText(s, "paragraph")
			for i := range tx.Tokens {
				max := min(l.MaxWords, len(tx.Tokens)-i)
				bound := idx.words(tx, i, max)
				for n := 1; n <= max; n++ {
					if l.HasWords(tx, i, i+n) {
						found++
						if n > bound {
							t.Fatalf("cue %q at token %d: index allows %d words", tx.Key(i, i+n), i, bound)
						}
					}
				}
			}
		}
	}
	if found < 10 {
		t.Fatalf("only %d cues found: the test checks little", found)
	}
}

// TestWordTable checks the hashed word table against the map it is built
// from, for present and absent words, colliding slots included.
func TestWordTable(t *testing.T) {
	m := map[string]uint8{"": 9}
	for i := range 300 {
		m[fmt.Sprint("w", i)] = uint8(i%250 + 1)
	}
	w := newWordTable(m)
	for i := range 600 {
		k := fmt.Sprint("w", i)
		if got := w.get(k, keyHash(k)); got != m[k] {
			t.Errorf("get(%q) = %d, want %d", k, got, m[k])
		}
		// A wrong hash finds nothing, unless it lands on the key's own slot.
		if got := w.get(k, keyHash(k+"x")); got != 0 && got != m[k] {
			t.Errorf("get(%q) with another hash = %d", k, got)
		}
	}
	if got := w.get("", keyHash("")); got != 9 {
		t.Errorf("get(\"\") = %d, want 9", got)
	}
	if got := newWordTable(nil).get("x", keyHash("x")); got != 0 {
		t.Errorf("empty table: get = %d", got)
	}
}

// checkFirstRule parses pack (p.yaml in fsys, or alone when fsys is nil)
// and checks what its first rule matches in each text, joined by "|".
func checkFirstRule(t *testing.T, fsys fstest.MapFS, pack string, want map[string]string) {
	t.Helper()
	if fsys != nil {
		fsys["p.yaml"] = &fstest.MapFile{Data: []byte(pack)}
	}
	p, err := Parse(fsys, "p.yaml", []byte(pack))
	if err != nil {
		t.Fatal(err)
	}
	set, err := NewSet(p)
	if err != nil {
		t.Fatal(err)
	}
	r := set.Rules[0]
	for text, w := range want {
		var got []string
		for _, m := range MatchText(set, r, text) {
			got = append(got, text[m.Start:m.End])
		}
		if strings.Join(got, "|") != w {
			t.Errorf("%q: got %q, want %q", text, got, w)
		}
	}
}

// TestContextOrdinaryWords: with ordinary_words, an ordinary word that
// opens a sentence before a lower-case cue is no target; a name there, a
// word inside a sentence or before a capitalised cue still is. The field
// is refused on other kinds.
func TestContextOrdinaryWords(t *testing.T) {
	const pack = "pack: p\nrules:\n  - id: v\n    category: location\n    kind: context\n    ordinary_words: words.txt\n    cues:\n      after: [village, School]\n"
	checkFirstRule(t, fstest.MapFS{"words.txt": {Data: []byte("home\nno\nsunny\n")}}, pack, map[string]string{
		"Home village is far.":          "",
		"Tiruvallur village is far.":    "Tiruvallur",
		"We left the Sunny village.":    "Sunny",
		"No School nearby.":             "No School",
		"He went home. Home village is": "",
	})
	_, err := Parse(nil, "p.yaml", []byte("pack: p\nrules:\n  - id: a\n    category: name\n    kind: terms\n    terms: [x]\n    ordinary_words: words.txt\n"))
	if err == nil || !strings.Contains(err.Error(), `p.yaml:7:21: rule p.a: field "ordinary_words" does not apply to kind "terms"`) {
		t.Errorf("got %v", err)
	}
}

// TestContextDottedCue: a before-cue written with its full stop takes the
// target after ". "; the same word written without it does not.
func TestContextDottedCue(t *testing.T) {
	const pack = "pack: p\nrules:\n  - id: v\n    category: location\n    kind: context\n    include_cue: true\n    cues:\n      before: [Brgy., Bar]\n"
	checkFirstRule(t, nil, pack, map[string]string{
		"We went to Brgy. San Roque today.": "Brgy. San Roque",
		"We went to Brgy San Roque today.":  "Brgy San Roque",
		"We met at the Bar. Then Maria":     "",
		"We met at Bar Luna.":               "Bar Luna",
	})
}

// TestIDTable: the hash-probed table answers as the map it was built from,
// for every key and for keys it does not hold.
func TestIDTable(t *testing.T) {
	m := map[string]int32{}
	for i, w := range []string{"officers", "van", "unmarked", "#", "team", "a", "b", "c", "d", "e", "f", "g", "h", "i"} {
		m[w] = int32(i)
	}
	tab := newIDTable(m)
	for k, v := range m {
		if got := tab.get(k, keyHash(k)); got != v {
			t.Errorf("get(%q) = %d, want %d", k, got, v)
		}
	}
	for _, k := range []string{"", "officer", "vans", "zz", "shelter"} {
		if got := tab.get(k, keyHash(k)); got != -1 {
			t.Errorf("get(%q) = %d, want -1", k, got)
		}
	}
}
