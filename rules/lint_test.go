package rules

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLintProblems(t *testing.T) {
	set, err := loadSet(t, "testdata/lint/problems.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range Lint(set, nil) {
		got = append(got, p.String())
	}
	f := "testdata/lint/problems.yaml"
	want := []string{
		f + ":3:7: salt has 5 characters; use at least 16 (`redact rules hash --new-salt` makes one) [weak-salt]",
		f + `:10:27: rule lintme.staff: term "Freedom Partners" is also in the allow list of pack lintme, so it never matches [allowed-term]`,
		f + `:10:45: rule lintme.staff: term "hope" is an ordinary English word; set capitalized: true or add a require context [broad-term]`,
		f + `:16:5: rule lintme.staff-again: shadowed: every term is already flagged by earlier name rules (lintme.staff); the rule adds nothing [shadowed]`,
		f + `:33:14: rule lintme.phone-copy: shadowed: same pattern as lintme.phone (testdata/lint/problems.yaml:23) [shadowed]`,
		f + `:37:5: rule lintme.any-word: no examples.flag: add texts the rule must flag [no-examples]`,
		f + `:37:5: rule lintme.any-word: no examples.allow: add texts the rule must not flag [no-examples]`,
		f + `:40:14: rule lintme.any-word: pattern matches ordinary English words: `,
		f + `:52:21: rule lintme.own-allow: term "Tema" is also in the rule's allow list, so it never matches [allowed-term]`,
		f + `:63:9: rule lintme.secret: entry listed twice [duplicate-hash]`,
	}
	if len(got) != len(want) {
		t.Fatalf("problems (-want +got):\n%s", cmp.Diff(want, got))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
}

func TestLintOnlySelectedPacks(t *testing.T) {
	set, err := loadSet(t, "testdata/compose/org.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range Lint(set, func(p *Pack) bool { return p.Name == "org" }) {
		t.Errorf("org.yaml has only composition, yet: %s", p)
	}
}

// The built-in packs pass their own lint: every check they trip is either
// fixed or silenced with a `lint: {ignore: [...]}` that says it is intended.
func TestLintBuiltin(t *testing.T) {
	for _, name := range BuiltinNames() {
		packs, err := LoadBuiltin(name)
		if err != nil {
			t.Fatal(err)
		}
		set, err := NewSet(packs...)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range Lint(set, nil) {
			t.Errorf("%s", p)
		}
	}
}

func TestLintWordList(t *testing.T) {
	// The broad-term and broad-pattern checks need the English word list
	// of the built-in pack; a renamed file would silently disable them.
	if n := englishWords().Len(); n < 10000 {
		t.Fatalf("word list %s has %d words", wordsFile, n)
	}
	if !englishWords().Has("hope") {
		t.Error("word list lacks \"hope\"")
	}
}

// A case-insensitive list of names is not shadowed by the proper-noun rule,
// which needs capitals; the same list marked capitalized is.
func TestLintShadowedByProperNouns(t *testing.T) {
	builtin, err := LoadBuiltin("default")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		extra    string
		shadowed bool
	}{
		{"", false},
		{"    capitalized: true\n", true},
	} {
		src := "pack: acme\nrules:\n  - id: staff\n    category: name\n    kind: terms\n    terms: [Maria Santos]\n" + tt.extra +
			"    examples: {flag: [\"We met Maria Santos.\"], allow: [\"We met Maria.\"]}\n"
		p, err := Parse(nil, "acme.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		set, err := NewSet(append(builtin, p)...)
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, pr := range Lint(set, func(p *Pack) bool { return p.Name == "acme" }) {
			if pr.Check == CheckShadowed {
				got = true
			}
		}
		if got != tt.shadowed {
			t.Errorf("%q: shadowed = %v, want %v", tt.extra, got, tt.shadowed)
		}
	}
}

func TestLintASCIIBoundary(t *testing.T) {
	set, err := loadSet(t, "testdata/lint/boundary.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range Lint(set, nil) {
		got = append(got, p.String())
	}
	f := "testdata/lint/boundary.yaml"
	advice := "Go's \\b is ASCII and takes the letter for a non-word character, so the match fails at the word's edge or starts or stops inside it; "
	want := []string{
		f + `:7:14: rule bounds.name-before: \b before a part that can start with 'Á': ` + advice + `begin the pattern with (?:^|[^\p{L}\p{N}_]), which the finding leaves out, or drop the \b where a space must be on its other side [ascii-boundary]`,
		f + `:16:9: rule bounds.code-after: \b after a part that can end with 'Á': ` + advice + `end it with (?:[^\p{L}\p{N}_]|$) (past any optional parts after the word), which the finding leaves out, or drop the \b where a space must be on its other side [ascii-boundary]`,
		f + `:24:14: rule bounds.time: \b before a part that can start with 'À': ` + advice + `begin the pattern with (?:^|[^\p{L}\p{N}_]), which the finding leaves out, or drop the \b where a space must be on its other side [ascii-boundary]`,
		// The second pattern of a rule with both pattern and patterns.
		f + `:51:9: rule bounds.both: \b after a part that can end with 'Á': ` + advice + `end it with (?:[^\p{L}\p{N}_]|$) (past any optional parts after the word), which the finding leaves out, or drop the \b where a space must be on its other side [ascii-boundary]`,
		// A context pattern and an allow pattern: nothing of theirs is a finding to leave out.
		f + `:61:20: rule bounds.readers: context pattern: \b before a part that can start with 'Á': ` + advice + `begin the pattern with (?:^|[^\p{L}\p{N}_]) or drop the \b where a space must be on its other side [ascii-boundary]`,
		f + `:68:18: rule bounds.readers: allow pattern: \b after a part that can end with 'á': ` + advice + `end it with (?:[^\p{L}\p{N}_]|$) (past any optional parts after the word) or drop the \b where a space must be on its other side [ascii-boundary]`,
		f + `:74:14: allow pattern: \b after a part that can end with 'á': ` + advice + `end it with (?:[^\p{L}\p{N}_]|$) (past any optional parts after the word) or drop the \b where a space must be on its other side [ascii-boundary]`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestASCIIBoundaries(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{`\b[\p{Lu}]\p{L}+`, `\b before a part that can start with 'Á'`},
		{`\bOP\s+\p{Lu}{3,}\b`, `\b after a part that can end with 'Á'`},
		{`(?i)\b(?:vers|às)\b`, `\b before a part that can start with 'À'`},
		{`\bcaf(?:e|é)\b`, `\b after a part that can end with 'é'`},
		{`\B[^\P{Lu}A-Z]`, `\B before a part that can start with 'Á'`},
		// Past a part that may be empty.
		{`\b(?:the\s+)?[\p{L}-]+\s+team`, `\b before a part that can start with 'Á'`},
		{`\bWeChat\b[^.\n]{0,30}:`, `\b before a part that can start with 'Á'`},
		// ASCII on both sides, the boundaries written out, and the
		// case-fold extras of s and k (ſ, the Kelvin sign).
		{`\b\w+\b`, ``},
		{`\b[A-Za-z]+\s+\p{Lu}\b\s`, `\b after a part that can end with 'Á'`},
		{`(?:^|[^\p{L}\p{N}_])\p{Lu}{3,}(?:[^\p{L}\p{N}_]|$)`, ``},
		{`(?i)\b(?:sk|ks)\b`, ``},
		{`\s\p{Lu}+\s`, ``},
	}
	for _, tt := range tests {
		var got []string
		for _, b := range asciiBoundaries(tt.src) {
			got = append(got, b.String())
		}
		if strings.Join(got, "; ") != tt.want {
			t.Errorf("asciiBoundaries(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}
