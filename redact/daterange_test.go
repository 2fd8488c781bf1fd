package redact_test

import (
	"slices"
	"testing"
)

// Dates joined by a word of a range or a pair are one finding ("Tuesday
// and Friday nights", "11 pm to 3 am"); dates apart stay apart, and so do
// places joined by "and".
func TestDateRangesJoin(t *testing.T) {
	findingsInclude(t, "The camper drives the stretch Tuesday and Friday nights, 11 pm to 3 am. "+
		"It was a Thursday in late May. Nobody came between 4:05 and 4:20. She left Lusaka and Ndola behind.",
		"date: Tuesday and Friday nights", "date: 11 pm to 3 am", "date: Thursday in late May", "date: 4:05 and 4:20", "location: Lusaka", "location: Ndola")
}

// findingsInclude scans text with the built-in packs and checks that its
// findings ("category: text") include each of want.
func findingsInclude(t *testing.T, text string, want ...string) {
	t.Helper()
	_, fs := ruleTexts(t, builtinScanner(t), text)
	var got []string
	for _, f := range fs {
		got = append(got, f.Category+": "+f.Text)
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("findings %q lack %q", got, w)
		}
	}
}

// A name or a place that owns the venue after it is one finding with it
// ("Nena's Sari-Sari Store"), and so are two streets of a corner; a
// possessive before an ordinary word keeps the name apart.
func TestOwnedPlaceJoins(t *testing.T) {
	findingsInclude(t, "I helped at Nena's Sari-Sari Store after school. Later Maria's sister came. "+
		"Girls are moved to Calle 29 y Av. Domingo Comín at night.",
		"location: Nena's Sari-Sari Store", "name: Maria", "location: Calle 29 y Av. Domingo Comín")
}
