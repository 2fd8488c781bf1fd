package redact_test

import (
	"strings"
	"testing"
)

// An article inside a name ("El" of "El Flaco") is not one of the words
// that find the person's other mentions: "El Salvador" is no echo of him.
func TestEchoSkipsParticles(t *testing.T) {
	got, _ := ruleTexts(t, builtinScanner(t), "Everybody called him El Flaco. Gangs in El Salvador recruit boys. Later El Flaco left.")
	for _, g := range got {
		if g == "default.proper.nouns: El" {
			t.Errorf("findings %q: the article was echoed", got)
		}
	}
	if len(got) == 0 || got[0] != "default.proper.nouns: El Flaco" {
		t.Errorf("findings %q, want El Flaco first", got)
	}
}

// Initials given as a nickname ("JC") find the person's later mentions,
// which the acronym rule alone would leave.
func TestEchoNicknameInitials(t *testing.T) {
	all, _ := ruleTexts(t, builtinScanner(t), "Our driver, Jean-Claude \"JC\" Mukendi, waited outside. Later JC called the office.")
	var got []string // the names: whether the classifier flags the sentence is not this test's question
	for _, g := range all {
		if strings.HasPrefix(g, "default.proper.nouns: ") {
			got = append(got, g)
		}
	}
	want := []string{"default.proper.nouns: Jean-Claude \"JC\" Mukendi", "default.proper.nouns: JC"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("findings %q, want %q", got, want)
	}
}

// Initials defined after a name in parentheses ("Besa Krasniqi (BK)") stand
// for the person in the rest of the minutes; an agency's acronym after its
// own name does not.
func TestEchoDefinedInitials(t *testing.T) {
	got, _ := ruleTexts(t, builtinScanner(t), "Present: Besa Krasniqi (BK), caseworker.\n\nBK said the boy was safe. The UK agreed.")
	want := []string{"default.proper.nouns: Besa Krasniqi", "default.proper.nouns: BK", "default.proper.nouns: BK"}
	if len(got) != len(want) {
		t.Fatalf("findings %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("findings %q, want %q", got, want)
		}
	}
}

// A name inside a place another rule found ("... Rice Industries") names
// the place: its words are not echoed elsewhere ("Rice is the grain").
func TestEchoSkipsNamesInsidePlaces(t *testing.T) {
	got, _ := ruleTexts(t, builtinScanner(t), "The mill is Sri Lakshmi Ganapathi Rice Industries, near the road.\n\nRice is the grain that feeds India.")
	want := []string{"default.location.venue: Sri Lakshmi Ganapathi Rice Industries"}
	if len(got) != len(want) || got[0] != want[0] {
		t.Errorf("findings %q, want %q", got, want)
	}
}
