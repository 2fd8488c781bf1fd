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
		// A star that closes italics opened earlier in the paragraph is
		// no marker: an italic byline ends with a real name.
		{"*Survivor testimony · as told to Hannah Whitlock*\n\nErjon* is 20.", []string{"Erjon"}, []string{"Hannah Whitlock", "Whitlock"}},
		{"*Words by Maria Lopez,\nphotos by Ana Cruz*", nil, []string{"Ana Cruz", "Cruz"}},
		// Markers after closed italics, list bullets and other markers are markers.
		{"*Photo:* Rosa* smiles. Ana* and Lina* came.\n* Meera* is 19.", []string{"Rosa", "Ana", "Lina", "Meera"}, nil},
		// A marker inside an italic paragraph that a later star closes.
		{"*Recorded in Hindi by our team. Arif* is now 19. Names are changed.*", []string{"Arif"}, nil},
		// Italics opened in another paragraph are closed by then.
		{"*an open star\n\nThen Joy* spoke.", []string{"Joy"}, nil},
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

// FuzzFindPseudonyms: any text is read without a panic, and a paragraph
// without stars added after it takes no pseudonym away (emphasis is read
// within a paragraph).
func FuzzFindPseudonyms(f *testing.F) {
	for _, s := range []string{
		"Ana* met Srey Leak* in town.",
		"*as told to Hannah Whitlock*\n\nErjon* is 20.",
		"*Recorded by our team. Arif* is 19.*",
		"**Rustam*, 27, from Uzbekistan**",
		`_Nadeeka\* told her story_`,
		"* Meera* is 19.\n*",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		ps := FindPseudonyms(src)
		more := FindPseudonyms(src + "\n\nA plain paragraph follows.")
		for k := range ps {
			if !more[k] {
				t.Fatalf("%q: pseudonym %q lost when a paragraph follows", src, k)
			}
		}
	})
}
