package redact_test

import "testing"

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
