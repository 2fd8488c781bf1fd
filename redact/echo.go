package redact

import (
	"strconv"

	"github.com/rescue-stories/redact/rules"
)

// entities remembers, per document, the words that identify a person or
// place already found ("precious" once "Precious says" was flagged), with
// the finding that established them.
type entities map[string]Finding

// note records the identifying words of a match.
// The explanation is written once per match, not once per word of it.
func (e entities) note(m rules.Match, f Finding, li *LineIndex) {
	why := false
	for _, k := range m.Names {
		if _, ok := e[k]; !ok {
			if !why {
				f.Why = "same " + f.Category + " as line " + strconv.Itoa(li.Pos(f.Span.Start).Line)
				why = true
			}
			e[k] = f
		}
	}
}

// scannedText is one segment as the rules saw it.
type scannedText struct {
	start int
	t     *rules.Text
}

// echoes returns a finding for every capitalised mention of a known entity
// word that no rule flagged by itself: names that are also words ("Hope",
// "Precious") at the start of a sentence, where capitals prove nothing, are
// the same person once the document has named her. allowed filters what
// the set's allow lists and pseudonyms exempt. They are kept apart from
// the rules' findings (resolve takes both): appending them to those copied
// every finding into a list twice as long, a tenth of the bytes a corpus
// scan allocated.
func echoes(texts []scannedText, ents entities, allowed func(t *rules.Text, s, e int) bool) []Finding {
	if len(ents) == 0 {
		return nil
	}
	var found []Finding
	for _, st := range texts {
		for _, tok := range st.t.Tokens {
			if !tok.Cap {
				continue
			}
			f, ok := ents[tok.Key]
			if !ok || allowed(st.t, tok.Start, tok.End) {
				continue
			}
			f.Span = Span{st.start + tok.Start, st.start + tok.End}
			f.Text = st.t.Src[tok.Start:tok.End]
			f.Scope = st.t.Scope
			found = append(found, f)
		}
	}
	return found
}
