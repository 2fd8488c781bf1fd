package redact

import (
	"regexp"

	"github.com/rescue-stories/redact/rules"
	"github.com/rescue-stories/redact/rules/fold"
)

// pseudonymRE finds a name of one to three capitalised words marked with an
// asterisk ("Ana*", "Srey Leak*"), the convention stories use for changed
// names (POLICY.md: publishable).
var pseudonymRE = regexp.MustCompile(`((?:\p{Lu}[\p{L}\p{M}'’-]*[ \t]){0,2}\p{Lu}[\p{L}\p{M}'’-]*)[ \t]?\*`)

// findPseudonyms collects the names a story marks with an asterisk; later
// mentions without the asterisk are the same pseudonym, and so is the first
// word alone ("Srey" after "Srey Leak*"). Markdown emphasis is not a
// marker: "**Maria** Santos" and "*Ana*" name nobody's pseudonym.
func findPseudonyms(src []byte) map[string]bool {
	out := map[string]bool{}
	// rules.FindAllIndex: the same matches, searched only near asterisks.
	for _, m := range rules.FindAllIndex(pseudonymRE, string(src)) {
		star := m[1] - 1
		if star+1 < len(src) && src[star+1] == '*' {
			continue // "**" closes strong emphasis
		}
		if m[2] > 0 && (src[m[2]-1] == '*' || src[m[2]-1] == '_') {
			continue // "*Ana*" is emphasis
		}
		name := string(src[m[2]:m[3]])
		out[fold.Key(name)] = true
		if ws := fold.Words(name); len(ws) > 1 {
			out[fold.Key(name[ws[0].Start:ws[0].End])] = true
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// isPseudonym reports whether a finding's text is a marked pseudonym.
// "Ana Cruz" is not covered by "Ana*", but "Ana" alone is.
func isPseudonym(text string, ps map[string]bool) bool {
	return ps[fold.Key(text)]
}
