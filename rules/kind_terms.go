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
			if fields, ok := m.lex.fields(key); ok {
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
func countryOf[F string | []byte](fields F) string {
	if len(fields) >= 2 && (len(fields) == 2 || fields[2] == '\t') && fields[0] >= 'A' && fields[0] <= 'Z' {
		if c := fields[1]; c >= 'A' && c <= 'Z' {
			k := (int(fields[0]-'A')*26 + int(c-'A')) * 2
			return countryCodes[k : k+2] // no allocation per place found
		}
		return string(fields[:2])
	}
	return ""
}

// countryCodes is every two-letter code from AA to ZZ, in order.
var countryCodes = func() string {
	b := make([]byte, 0, 26*26*2)
	for x := byte('A'); x <= 'Z'; x++ {
		for y := byte('A'); y <= 'Z'; y++ {
			b = append(b, x, y)
		}
	}
	return string(b)
}()
