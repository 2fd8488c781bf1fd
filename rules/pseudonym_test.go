package rules

import "testing"

func TestFindPseudonyms(t *testing.T) {
	for _, tc := range []struct {
		src      string
		has, not []string
	}{
		{"Ana* met Srey Leak* in town.", []string{"Ana", "Srey Leak", "Srey", "Leak"}, []string{"Boca", "Ana Cruz"}},
		// A Markdown editor escapes the star so it is not emphasis.
		{`Her name is Anjali\*. Anjali was 13.`, []string{"Anjali"}, []string{"Her"}},
		// ... inside italics too: the escaped star is no emphasis to balance.
		{`_Nadeeka\* told her story to one of our caseworkers._`, []string{"Nadeeka"}, nil},
		// A capitalised word that opens the sentence is taken into the
		// match; the name alone is still the pseudonym.
		{"Meet Devi*. She is 11. Devi's cousin", []string{"Devi", "Meet Devi"}, []string{"Raju"}},
		{"Today Maria Luz* is at school.", []string{"Maria Luz", "Luz", "Maria"}, nil},
		// Emphasis is no marker.
		{"**Maria** Santos and *Ana*.", nil, []string{"Maria", "Ana", "Santos"}},
		// A pseudonym in a bold heading: one star more after the name than before it.
		{"**Meet Emeka***\n\nEmeka* is 27.", []string{"Emeka", "Meet Emeka"}, nil},
		{"*Ana**, she said.", []string{"Ana"}, nil},
		// A bold line that opens with the pseudonym and closes later.
		{"**Rustam*, 27, from Uzbekistan**\n\nRustam answered.", []string{"Rustam"}, nil},
		{"**Maria* and Santos** met.", []string{"Maria"}, []string{"Santos"}},
		{"**Maria*\nand then**", nil, []string{"Maria"}},
	} {
		ps := FindPseudonyms(tc.src)
		for _, h := range tc.has {
			if !ps.Has(h) {
				t.Errorf("FindPseudonyms(%q) lacks %q", tc.src, h)
			}
		}
		for _, n := range tc.not {
			if ps.Has(n) {
				t.Errorf("FindPseudonyms(%q) has %q", tc.src, n)
			}
		}
	}
}
