package rules

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzPackMatch complements FuzzParse (parse_fuzz_test.go): a pack that
// parses must also be safe to run. It parses arbitrary pack bytes and runs
// every rule that compiled over arbitrary text, checking that no matcher
// panics and every match is a non-empty span inside the text, on rune
// boundaries when the text is valid UTF-8. The seeds are the valid test
// packs (inline rules only: no data files here) and their examples.
func FuzzPackMatch(f *testing.F) {
	texts := []string{
		"Maria Santos lives at 12 Calle Duarte, Sosúa; call +63 917 555 0142 on 3 May 2021.",
		"", "\xff\xfe invalid \xc3( utf-8", "Ana* met ANA and ana-maria.", "a\u0301 \u00a0 \u200b é",
	}
	paths, _ := filepath.Glob("testdata/valid/*.yaml")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, t := range texts {
			f.Add(data, t)
		}
	}
	f.Add([]byte("pack: p\nrules:\n  - {id: a, category: date, kind: pattern, pattern: '(x)?y', group: 1}\n"), "yyy xy")
	f.Add([]byte("pack: p\nrules:\n  - {id: a, category: name, kind: context, cues: {before: [mr, señor]}, target: words, max_words: 3}\n"), "Mr. Xy Zz said, señor ÉL")
	f.Add([]byte("pack: p\nrules:\n  - {id: a, category: name, kind: terms, terms: [é, e\u0301, ß], hyphens: true}\n"), "é e\u0301 SS ß-é")
	f.Fuzz(func(t *testing.T, data []byte, text string) {
		if len(data) > 1<<14 || len(text) > 1<<12 {
			return
		}
		p, err := Parse(nil, "f.yaml", data)
		if err != nil {
			return // FuzzParse checks the errors
		}
		set, err := NewSet(p)
		if err != nil {
			return
		}
		valid := utf8.ValidString(text)
		for _, r := range set.Rules {
			for _, m := range MatchText(set, r, text) {
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
					t.Fatalf("rule %s: match [%d,%d) outside %q", r.ID, m.Start, m.End, text)
				}
				if valid && (!utf8.RuneStart(text[m.Start]) || (m.End < len(text) && !utf8.RuneStart(text[m.End]))) {
					t.Fatalf("rule %s: match [%d,%d) splits a character of %q", r.ID, m.Start, m.End, text)
				}
			}
		}
	})
}
