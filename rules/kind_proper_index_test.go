package rules

import "testing"

// TestProperSmallIndex checks the one-lookup index of the proper-noun
// matcher's short lists against each list's own Has, for every word of the
// drafts and a few edge cases.
func TestProperSmallIndex(t *testing.T) {
	var m *properMatcher
	for _, r := range builtinSet(t).Rules {
		if pm, ok := r.matcher.(*properMatcher); ok {
			m = pm
		}
	}
	if m == nil {
		t.Fatal("no proper-noun rule in the default packs")
	}
	idx := m.smallIndex()
	keys := []string{"", "de", "of", "from", "named", "said", "officer", "ma'am", "bar", "hotel", "sari", "x"}
	for _, s := range draftTexts(t) {
		tx := NewText(s, "paragraph")
		for i, tok := range tx.Tokens {
			keys = append(keys, tok.Key)
			if b, want := idx.bits(tx, i), smallBits(idx.words.get(tok.Key, keyHash(tok.Key))); b != want {
				t.Fatalf("bits of token %q = %06b, by key %06b", tok.Key, b, want)
			}
		}
	}
	lists := []struct {
		lex *Lexicon
		bit smallBits
	}{{m.connectors, smConnector}, {m.placeCues, smPlaceCue}, {m.nameCues, smNameCue}, {m.nameAfter, smNameAfter}, {m.honorifics, smHonorific}, {m.venues, smVenue}}
	seen := smallBits(0)
	for _, k := range keys {
		got := smallBits(idx.words.get(k, keyHash(k)))
		seen |= got
		for _, l := range lists {
			if want := l.lex.Has(k); (got&l.bit != 0) != want {
				t.Fatalf("bits(%q) = %06b; list %06b has it: %v", k, got, l.bit, want)
			}
		}
	}
	if seen != smConnector|smPlaceCue|smNameCue|smNameAfter|smHonorific|smVenue {
		t.Errorf("the drafts hit only lists %06b: the test checks little", seen)
	}
}
