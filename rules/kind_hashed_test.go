package rules

import (
	"errors"
	"strings"
	"testing"
)

const testSalt = "test-salt-0123456789"

// The entries below were made with openssl, not with HashTerm, so the test
// pins the format a security team can reproduce with standard tools:
//
//	printf %s "quillon vantrask" | openssl dgst -sha256 -hmac test-salt-0123456789
func TestHashTermMatchesOpenSSL(t *testing.T) {
	for term, want := range map[string]string{
		"Quillon Vantrask":    "84c90ee7fbd90ab47a9e474540938e835838d70376e1a9878e19955896b67897",
		"  QUÍLLON\tvantrask": "84c90ee7fbd90ab47a9e474540938e835838d70376e1a9878e19955896b67897",
		"Brennick":            "bdecdb7166dad63c28c90b12acbb5e5e75544f3555cf68eea5b24cc133509414",
	} {
		if got := HashTerm(testSalt, term); got != want {
			t.Errorf("HashTerm(%q) = %s, want %s", term, got, want)
		}
	}
	if HashTerm("other-salt", "Brennick") == HashTerm(testSalt, "Brennick") {
		t.Error("the salt does not change the entry")
	}
}

func TestHashedRuleMatches(t *testing.T) {
	packs, err := LoadPaths("testdata/hashed/staff.yaml")
	if err != nil {
		t.Fatal(err)
	}
	set, err := NewSet(packs...)
	if err != nil {
		t.Fatal(err)
	}
	people, places := set.Lookup("staff.people"), set.Lookup("staff.places")
	if people.HashCount() != 3 || places.HashCount() != 1 {
		t.Fatalf("entries: people %d, places %d", people.HashCount(), places.HashCount())
	}
	tests := []struct {
		rule *Rule
		text string
		want []string
	}{
		// The longest entry at a position wins; case, accents, spacing and
		// emphasis do not matter.
		{people, "We met Quillon Vantrask at dawn.", []string{"Quillon Vantrask"}},
		{people, "we met QUÍLLON  **vantrask** and quillon alone", []string{"QUÍLLON  **vantrask", "quillon"}},
		{people, "Brennick's brother", []string{"Brennick"}},
		{people, "Vantrask alone is not listed", nil},
		{people, "Quillon, Vantrask", []string{"Quillon"}},
		{places, "the house on Tamsolene Lane", []string{"Tamsolene Lane"}},
		{places, "Tamsolene alone", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range MatchText(set, tt.rule, tt.text) {
			got = append(got, tt.text[m.Start:m.End])
			if strings.Contains(m.Why, "quillon") || strings.Contains(m.Why, "tamsolene") {
				t.Errorf("Why reveals the term: %q", m.Why)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s on %q: got %q, want %q", tt.rule.ID, tt.text, got, tt.want)
		}
	}
}

func TestHashedRuleErrors(t *testing.T) {
	h := HashTerm(testSalt, "x")
	tests := []struct {
		name, pack, want string
	}{
		{"no salt", "pack: p\nrules:\n  - id: a\n    category: name\n    kind: hashed\n    hashes: [" + h + "]\n",
			`p.yaml:5:11: rule p.a: kind hashed needs the pack's salt`},
		{"bad entry", "pack: p\nsalt: " + testSalt + "\nrules:\n  - id: a\n    category: name\n    kind: hashed\n    hashes: [" + h + ", Quillon Vantrask]\n",
			`p.yaml:7:80: rule p.a: hashes: entry of 16 characters is not an HMAC-SHA256`},
		{"no entries", "pack: p\nsalt: " + testSalt + "\nrules:\n  - id: a\n    category: name\n    kind: hashed\n",
			`p.yaml:4:5: rule p.a: kind hashed needs hashes or hashes_file`},
		{"plain terms", "pack: p\nsalt: " + testSalt + "\nrules:\n  - id: a\n    category: name\n    kind: hashed\n    hashes: [" + h + "]\n    terms: [Quillon Vantrask]\n",
			`p.yaml:8:12: rule p.a: kind hashed lists hashes, never plain terms`},
		{"hashes on terms", "pack: p\nrules:\n  - id: a\n    category: name\n    kind: terms\n    terms: [x]\n    hashes: [" + h + "]\n",
			`p.yaml:7:13: rule p.a: field "hashes" does not apply to kind "terms"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(nil, "p.yaml", []byte(tt.pack))
			var pe PackErrors
			if !errors.As(err, &pe) {
				t.Fatalf("error %v, want PackErrors", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got  %s\nwant %s", err, tt.want)
			}
			if strings.Contains(err.Error(), "Quillon") {
				t.Errorf("error repeats the plain term: %s", err)
			}
		})
	}
}

func BenchmarkHashedFind(b *testing.B) {
	packs, err := LoadPaths("testdata/hashed/staff.yaml")
	if err != nil {
		b.Fatal(err)
	}
	set, _ := NewSet(packs...)
	r := set.Lookup("staff.people")
	text := NewText(strings.Repeat("Our investigators met a girl in the town near the river, and she said nothing. ", 20), "paragraph")
	b.ResetTimer()
	for b.Loop() {
		r.Find(text)
	}
}
