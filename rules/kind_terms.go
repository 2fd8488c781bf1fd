package rules

// termsMatcher finds whole-word occurrences of listed terms. Multi-word terms
// match across line breaks, repeated spaces and emphasis markers because the
// tokeniser treats those gaps alike; the longest term at a position wins.
type termsMatcher struct {
	lex         *Lexicon
	keyFn       func(string) string
	folded      bool // keyFn is the default fold, so token keys can be used as is
	capitalized bool
	hyphens     bool
}

func (m *termsMatcher) find(t *Text, emit func(Match)) {
	toks := t.Tokens
	maxWords := m.lex.MaxWords
	for i := 0; i < len(toks); i++ {
		n := 1
		for n < maxWords && i+n < len(toks) && t.Joinable(i+n, m.hyphens || t.Scope == "link.url") {
			n++
		}
		for ; n >= 1; n-- {
			if !m.wordOK(t, i, i+n) {
				continue
			}
			var key string
			if m.folded {
				key = t.Key(i, i+n)
			} else {
				key = m.keyFn(t.Src[toks[i].Start:toks[i+n-1].End])
			}
			if fields, ok := m.lex.Lookup(key); ok {
				emit(Match{Start: toks[i].Start, End: toks[i+n-1].End, Country: countryOf(fields), Why: "term " + key})
				i += n - 1
				break
			}
		}
	}
}

func (m *termsMatcher) wordOK(t *Text, i, j int) bool {
	if !m.capitalized {
		return true
	}
	return (t.Tokens[i].Cap || t.Tokens[i].Digit) && (t.Tokens[j-1].Cap || t.Tokens[j-1].Digit)
}

// countryOf reads the country column of a gazetteer line ("PH\tP\t..." or "PH").
func countryOf(fields string) string {
	if len(fields) >= 2 && (len(fields) == 2 || fields[2] == '\t') && fields[0] >= 'A' && fields[0] <= 'Z' {
		return fields[:2]
	}
	return ""
}
