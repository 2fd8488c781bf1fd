package rules

// contextMatcher flags words next to a cue: "the village of X", "X district",
// "X Street", "Operation X". The target is the run of words right after a
// "before" cue or right before an "after" cue.
type contextMatcher struct {
	before, after *Lexicon
	target        string // capitalized | words | number
	maxWords      int
	includeCue    bool
	hyphens       bool
}

// leading words that are never part of a name ("The Golden Palm Bar").
var articles = map[string]bool{"the": true, "a": true, "an": true, "our": true, "this": true, "that": true, "their": true, "his": true, "her": true, "its": true, "at": true, "in": true, "on": true, "to": true, "from": true, "el": true, "la": true, "los": true, "las": true}

func (m *contextMatcher) targetOK(tok Token) bool {
	if articles[tok.Key] && m.target != "number" {
		return false
	}
	switch m.target {
	case "words":
		return true
	case "number":
		return tok.Digit
	default:
		return tok.Cap || tok.Digit
	}
}

func (m *contextMatcher) find(t *Text, emit func(Match)) {
	toks := t.Tokens
	for i := range toks {
		// cue before the target: tokens [i, i+n) are the cue.
		if m.before != nil {
			for n := min(m.before.MaxWords, len(toks)-i); n >= 1; n-- {
				if !chain(t, i, i+n, m.hyphens) || !m.before.Has(t.Key(i, i+n)) {
					continue
				}
				j := i + n
				k := j
				for k < len(toks) && k-j < m.maxWords && t.Joinable(k, m.hyphens) && m.targetOK(toks[k]) {
					k++
				}
				if k > j {
					start := toks[j].Start
					if m.includeCue {
						start = toks[i].Start
					}
					emit(Match{Start: start, End: toks[k-1].End, Why: "after cue " + t.Key(i, i+n)})
				}
				break
			}
		}
		if m.after != nil {
			for n := min(m.after.MaxWords, len(toks)-i); n >= 1; n-- {
				if !chain(t, i, i+n, m.hyphens) || !m.after.Has(t.Key(i, i+n)) {
					continue
				}
				if i == 0 || !t.Joinable(i, m.hyphens) {
					break
				}
				k := i
				for k > 0 && i-k < m.maxWords && m.targetOK(toks[k-1]) && t.Joinable(k, m.hyphens) {
					k--
				}
				if k < i {
					end := toks[i-1].End
					if m.includeCue {
						end = toks[i+n-1].End
					}
					emit(Match{Start: toks[k].Start, End: end, Why: "before cue " + t.Key(i, i+n)})
				}
				break
			}
		}
	}
}

// chain reports whether tokens [i, j) form one phrase.
func chain(t *Text, i, j int, hyphens bool) bool {
	for k := i + 1; k < j; k++ {
		if !t.Joinable(k, hyphens) {
			return false
		}
	}
	return true
}
