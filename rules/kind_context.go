package rules

import (
	"bytes"
	"strings"
	"sync"
	"unicode/utf8"
)

// contextMatcher flags words next to a cue: "the village of X", "X district",
// "X Street", "Operation X". The target is the run of words right after a
// "before" cue or right before an "after" cue.
type contextMatcher struct {
	before, after *Lexicon
	target        string // capitalized | words | number
	maxWords      int
	includeCue    bool
	hyphens       bool
	allow         *Allow // the set's allow lists: "Polish school" names no place
	// ordinary are words of the language (ordinary_words): one of them
	// opening a sentence before a cue in lower case is the sentence's
	// first word, not a name ("Home village is...", "No school.").
	ordinary *Lexicon
	// dotted are the keys of before-cues written with a full stop
	// ("Brgy.", "Sor."): their target starts after ". ".
	dotted map[string]bool

	once                sync.Once
	beforeIdx, afterIdx *cueIndex
}

// cueIndex maps the first word of every cue to the most words of a cue
// that starts with it: most tokens start no cue and are turned away by one
// probe of a word table with the hash the tokeniser computed, instead of
// one lookup per cue length.
type cueIndex struct {
	first map[string]uint8
	table *wordTable
	// maybe has a bit set for the hash of every first word: nearly every
	// token is turned away by one inlined bit test, with no call and no
	// probe of the table (six lookups a token were 3 % of a corpus scan).
	maybe [cueFilterBits / 64]uint64
}

const cueFilterBits = 1 << 13

// newCueIndex indexes the keys of l.
func newCueIndex(l *Lexicon) *cueIndex {
	if l == nil {
		return nil
	}
	idx := &cueIndex{first: map[string]uint8{}}
	for _, off := range l.lineStarts() {
		k, _, _ := l.line(int(off))
		n := bytes.Count(k, []byte{' '}) + 1
		first := k
		if sp := bytes.IndexByte(k, ' '); sp >= 0 {
			first = k[:sp]
		}
		if n > int(idx.first[string(first)]) {
			idx.first[string(first)] = uint8(min(n, 255))
		}
	}
	idx.table = newWordTable(idx.first)
	for k := range idx.first {
		b := keyHash(k) % cueFilterBits
		idx.maybe[b/64] |= 1 << (b % 64)
	}
	return idx
}

// words returns how many words the longest cue starting at token i may
// have, at most max: 0 when no cue starts with its word. A cue of n words
// matched at i has the token's key as its first word, since keys hold no
// spaces.
func (idx *cueIndex) words(t *Text, i, max int) int {
	h := t.tokenHash(i)
	if !idx.mayStart(h) {
		return 0
	}
	return idx.lookup(t.Tokens[i].Key, h, max)
}

// absent reports whether no cue starts with token i's key, by the bit of
// its hash alone; small enough to be inlined in find's loop over tokens.
func (idx *cueIndex) absent(t *Text, i int) bool {
	return t.hashes != nil && !idx.mayStart(t.hashes[i])
}

// mayStart reports whether a cue may start with a key of hash h; false is
// certain.
func (idx *cueIndex) mayStart(h uint64) bool {
	b := h % cueFilterBits
	return idx.maybe[b/64]&(1<<(b%64)) != 0
}

// lookup is words for a token whose key's bit is set.
func (idx *cueIndex) lookup(key string, h uint64, max int) int {
	n := idx.table.get(key, h)
	if n == 0 {
		return 0
	}
	if n == 255 {
		return max // 255 words or more: no bound from the index
	}
	return min(int(n), max)
}

// targetValid rejects a target that is only articles or numbers ("7,000
// bricks") when capitalised words are wanted, or that the set's allow lists
// cover (a nationality, the organisation).
func (m *contextMatcher) targetValid(t *Text, j, k int) bool {
	if m.target == "capitalized" {
		caps := false
		for x := j; x < k; x++ {
			if t.Tokens[x].Cap && !articles[t.Tokens[x].Key] {
				caps = true
			}
		}
		if !caps {
			return false
		}
	}
	// A year or count before an allowed word ("2023 Philippine courts")
	// is no part of a name.
	for j < k && t.Tokens[j].Digit {
		j++
	}
	return j < k && !m.allow.AllowsTerm(t.Key(j, k))
}

// leading words that are never part of a name ("The Golden Palm Bar").
var articles = map[string]bool{"the": true, "a": true, "an": true, "our": true, "this": true, "that": true, "their": true, "his": true, "her": true, "its": true, "at": true, "in": true, "on": true, "to": true, "from": true, "el": true, "la": true, "los": true, "las": true}

// dottedCue reports whether the cue [i, j) was written with a full stop
// in the pack and the text has that stop before the target.
func (m *contextMatcher) dottedCue(t *Text, i, j int) bool {
	return m.dotted != nil && j < len(t.Tokens) && t.Tokens[j].GapText == ". " && m.dotted[t.Key(i, j)]
}

func (m *contextMatcher) targetOK(tok Token) bool {
	// "the Golden Palm Bar" starts at Golden, but "Bar La Sirena" keeps its
	// capitalised article.
	if articles[tok.Key] && !tok.Cap && m.target != "number" {
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
	m.once.Do(func() {
		m.beforeIdx, m.afterIdx = newCueIndex(m.before), newCueIndex(m.after)
	})
	toks := t.Tokens
	for i := range toks {
		// cue before the target: tokens [i, i+n) are the cue.
		if m.before != nil && !m.beforeIdx.absent(t, i) {
			for n := m.beforeIdx.words(t, i, min(m.before.MaxWords, len(toks)-i)); n >= 1; n-- {
				if !chain(t, i, i+n, m.hyphens) || !m.before.HasWords(t, i, i+n) {
					continue
				}
				j := i + n
				k := j
				// A target never runs across a line end ("Journalist\nWhich casino").
				for k < len(toks) && k-j < m.maxWords && (t.Joinable(k, m.hyphens) || k == j && m.dottedCue(t, i, j)) && !t.lineStart(k) && m.targetOK(toks[k]) {
					k++
				}
				if k > j && m.targetValid(t, j, k) {
					start := toks[j].Start
					if m.includeCue || m.properCue(t, i) {
						start = toks[i].Start
					}
					emit(Match{Start: start, End: toks[m.number(t, k-1)].End, Why: "after cue " + t.Key(i, i+n)})
				}
				break
			}
		}
		if m.after != nil && !m.afterIdx.absent(t, i) {
			for n := m.afterIdx.words(t, i, min(m.after.MaxWords, len(toks)-i)); n >= 1; n-- {
				if !m.chainAfter(t, i, i+n) || !m.after.HasWords(t, i, i+n) {
					continue
				}
				if i == 0 || !m.joinAfter(t, i) {
					break
				}
				k := i
				for k > 0 && i-k < m.maxWords && m.targetOK(toks[k-1]) && m.joinAfter(t, k) && !t.lineStart(k) {
					k--
				}
				// "Uganda's High Court": a country's possessive opens no
				// venue's name; the rest is judged alone.
				for p := k + 1; p < i; p++ {
					if possessive(t, p) && m.allow.AllowsTerm(t.Key(k, p)) {
						k = p
					}
				}
				// A capitalised article opens the sentence, not the name:
				// "The bar", "The district's", "In court".
				for k < i && articles[toks[k].Key] {
					k++
				}
				if k < i && !m.opener(t, k, i) && m.targetValid(t, k, i) {
					end := toks[i-1].End
					if m.includeCue || m.properCue(t, i) {
						end = toks[m.number(t, i+n-1)].End
					}
					emit(Match{Start: toks[k].Start, End: end, Why: "before cue " + t.Key(i, i+n)})
				}
				break
			}
		}
	}
}

// opener reports a target of one ordinary word that opens a sentence
// before a cue in lower case ("Home village", "No school", "Fishing pier"),
// when the rule has a list of ordinary words. A line's first word opens
// a sentence too, whatever ends the line before ("Journalist\nWhich casino").
func (m *contextMatcher) opener(t *Text, k, i int) bool {
	// A section number before it opens the line too ("## 6 Capacity building").
	first := k
	for k < i-1 && t.Tokens[k].Digit {
		k++
	}
	return m.ordinary != nil && m.target == "capitalized" && k == i-1 && (t.Tokens[first].SentStart || t.lineStart(first)) && !t.Tokens[i].Cap &&
		m.ordinary.Has(t.Tokens[k].Key)
}

// joinAfter reports whether token k goes on the phrase before it, for a
// target before its cue: capitalised names also join across a possessive
// ("St Anne's Academy", "Lusikisiki Magistrate's Court").
func (m *contextMatcher) joinAfter(t *Text, k int) bool {
	return t.Joinable(k, m.hyphens) || m.target == "capitalized" && possessive(t, k)
}

// chainAfter is chain for a cue after its target. A legal suffix written
// with full stops is one cue ("W.L.L.", "S.L.", "s.r.o."): letters joined
// by a bare full stop.
func (m *contextMatcher) chainAfter(t *Text, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if !m.joinAfter(t, k) && !dottedLetters(t, k) {
			return false
		}
	}
	return true
}

// dottedLetters reports tokens k-1 and k as letters of an abbreviation
// written with full stops ("W.L.L.", "s.r.o."): at most three letters each,
// a bare full stop between them.
func dottedLetters(t *Text, k int) bool {
	short := func(tok *Token) bool { return !tok.Digit && utf8.RuneCountInString(tok.Key) <= 3 }
	return t.Tokens[k].GapText == "." && short(&t.Tokens[k-1]) && short(&t.Tokens[k])
}

// possessive reports a possessive between two capitalised words, token k
// and the one before: "Anne's Academy", "Magistrates' Court".
func possessive(t *Text, k int) bool {
	if !t.Tokens[k].Cap || !t.Tokens[k-1].Cap {
		return false
	}
	switch t.Tokens[k].GapText {
	case "'s ", "’s ":
		return true
	case "' ", "’ ":
		return strings.HasSuffix(t.Tokens[k-1].Key, "s")
	}
	return false
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

// properCue reports whether a cue is part of the proper name it marks: a
// capitalised cue next to capitalised words ("Aru Islands", "Bono East
// Region", "Nuwara Eliya District"), unlike "Tiruvallur district".
func (m *contextMatcher) properCue(t *Text, i int) bool {
	return m.target == "capitalized" && t.Tokens[i].Cap
}

// number extends a capitalised name over a short number that belongs to
// it ("Police Station 3", "Colombo 7", "Pallati 112"): up to four digits,
// not a year.
func (m *contextMatcher) number(t *Text, last int) int {
	if m.target != "capitalized" {
		return last
	}
	return nameNumber(t, last)
}

// nameNumber returns last, or the index of the number right after it when
// that number is part of a place name.
func nameNumber(t *Text, last int) int {
	n := last + 1
	// "Friendship Bridge No. 2", "Sheng Da Yu No. 61": the number after
	// "No." belongs to the name as well.
	if n+1 < len(t.Tokens) && t.Tokens[n].Key == "no" && t.Tokens[n].Gap == GapSpace && t.Tokens[n+1].Digit &&
		(t.Tokens[n+1].GapText == ". " || t.Tokens[n+1].GapText == " ") {
		n++
	} else if n < len(t.Tokens) && t.Tokens[n].Gap == GapSpace && romanNumerals[t.Src[t.Tokens[n].Start:t.Tokens[n].End]] {
		return n // "Mary Catherine II", "Sirena III"
	} else if n >= len(t.Tokens) || !t.Tokens[n].Digit || t.Tokens[n].Gap != GapSpace {
		return last
	}
	w := t.Src[t.Tokens[n].Start:t.Tokens[n].End]
	if len(w) > 4 || (len(w) == 4 && (w[:2] == "19" || w[:2] == "20")) {
		return last
	}
	return n
}

// romanNumerals number boats and venues after their name ("Sirena II").
// I, V and X are left out: a pronoun, a letter, a platform.
var romanNumerals = map[string]bool{"II": true, "III": true, "IV": true, "VI": true, "VII": true, "VIII": true, "IX": true}
