package rules

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/rescue-stories/redact/rules/fold"
)

// Gap describes what separates a token from the one before it.
type Gap uint8

const (
	GapStart  Gap = iota // first token of the text
	GapSpace             // spaces, tabs, emphasis markers, at most one line break
	GapHyphen            // a hyphen, slash or underscore between words (URLs, file names, "boda-boda")
	GapPunct             // anything else: commas, full stops, brackets, blank lines
)

// Token is one word of a segment. Offsets are bytes into the segment text.
type Token struct {
	Start, End int
	Key        string // folded: lower case, no accents
	Cap        bool   // starts with an upper-case letter
	Upper      bool   // two or more letters, all upper case
	Digit      bool   // starts with a digit
	SentStart  bool   // first word of a sentence, heading, list item or cell
	Gap        Gap    // what separates it from the previous token
	koff       uint32 // where Key starts in Text.keys (in the padding here)
	GapText    string // the bytes of that gap
}

// Text is one segment prepared for matching: tokenised and folded once, then
// shared by every rule.
type Text struct {
	Src    string
	Scope  string
	Tokens []Token
	// TitleCase is set when most words are capitalised (headings, captions):
	// capitals there are weak evidence of a proper noun.
	TitleCase bool

	// keys holds every token's key joined by single spaces; Token.Key and
	// the key of any run of tokens are slices of it, so n-gram lookups
	// build no strings. Set by NewText.
	keys   string
	joined bool
	hashes []uint64 // keyHash of each token's key (wordtable.go)

	// memo caches what every rule can share about this text: literal hits
	// for the regex prefilters, allow-pattern matches (litscan.go).
	memo *textMemo
	// firstLits is memo.lits[0], for literals' inlined fast path.
	firstLits *litMemo

	lowerSrc string // strings.ToLower(Src) once lowered is set
	lowered  bool

	sents [][2]int // Sentences, once asked for

	arena *TextArena // where the text's memos take their memory; nil: the heap
}

// lower returns strings.ToLower(Src), computed the first time a rule's
// keywords are checked: few segments ever get that far.
func (t *Text) lower() string {
	if !t.lowered {
		t.lowerSrc, t.lowered = strings.ToLower(t.Src), true
	}
	return t.lowerSrc
}

// textWithMemo is a Text and its memo, allocated together.
type textWithMemo struct {
	Text
	memo textMemo
}

// scratch is NewText's reusable working memory.
type scratch struct {
	words []fold.Word
	keys  []byte
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// NewText tokenises src, a segment of the given scope. It allocates the
// Text, its tokens and one string of keys; ASCII words are classified and
// folded without decoding runes.
func NewText(src, scope string) *Text { return newText(src, scope, nil) }

// newText is NewText with the tokens from arena a (nil: allocated).
func newText(src, scope string, a *TextArena) *Text {
	// The text and its memo in one allocation: every text's literals
	// are scanned.
	tm := &textWithMemo{Text: Text{Src: src, Scope: scope, joined: true, arena: a}}
	t := &tm.Text
	t.memo = &tm.memo
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	words := fold.AppendWords(sc.words[:0], src)
	sc.words = words
	keys := sc.keys[:0]
	t.Tokens = a.tokens(len(words))
	prev, prevKey := 0, 0 // end of the previous word and of its key
	caps, lowers := 0, 0
	bracket := -1 // the last token after an opening bracket
	for i, w := range words {
		tok := &t.Tokens[i]
		tok.Start, tok.End = w.Start, w.End
		word := src[w.Start:w.End]
		if i > 0 {
			keys = append(keys, ' ')
		}
		tok.koff = uint32(len(keys))
		keys = fold.AppendFold(keys, word)
		keyEnd := len(keys)
		if c := word[0]; c < utf8.RuneSelf {
			tok.Cap = 'A' <= c && c <= 'Z'
			tok.Digit = '0' <= c && c <= '9'
			if !tok.Cap && 'a' <= c && c <= 'z' {
				lowers++
			}
		} else {
			r, _ := utf8.DecodeRuneInString(word)
			tok.Cap = unicode.IsUpper(r)
			tok.Digit = unicode.IsDigit(r)
			if !tok.Cap && unicode.IsLower(r) {
				lowers++
			}
		}
		if tok.Cap {
			tok.Upper = isUpperWord(word)
			caps++
		}
		gap := src[prev:w.Start]
		tok.GapText = gap
		if i == 0 {
			tok.Gap = GapStart
			tok.SentStart = true
		} else if gap == " " {
			tok.Gap = GapSpace // the common case: classifyGap and endsSentence agree
		} else {
			tok.Gap = classifyGap(gap)
			tok.SentStart = endsSentence(gap)
			// "S. Rajendran" goes on after the initial; "Kanokwan S.: Good
			// catch" does not (a label's colon ends it).
			if tok.SentStart && strings.HasPrefix(gap, ".") && !strings.Contains(gap, ":") && abbreviation(t.Tokens[i-1], src, keys[t.Tokens[i-1].koff:prevKey]) {
				tok.SentStart = false
			}
			if tok.SentStart && innerDot(src, &t.Tokens[i-1], gap, word) {
				tok.SentStart = false
			}
			// A stage direction that opened a sentence is a sentence of
			// its own: "listens! [laughs] No, I am joking".
			if !tok.SentStart && tok.Cap && bracket >= 0 && i-bracket <= 3 && t.Tokens[bracket].SentStart && (strings.HasPrefix(gap, "] ") || strings.HasPrefix(gap, ") ")) {
				tok.SentStart = true
			}
		}
		if strings.HasSuffix(gap, "[") || strings.HasSuffix(gap, "(") {
			bracket = i
		}
		prev, prevKey = w.End, keyEnd
	}
	t.keys = string(keys)
	sc.keys = keys
	for i := range t.Tokens {
		tok := &t.Tokens[i]
		end := len(t.keys)
		if i+1 < len(t.Tokens) {
			end = int(t.Tokens[i+1].koff) - 1
		}
		tok.Key = t.keys[tok.koff:end]
	}
	t.hashes = a.uint64s(len(t.Tokens))
	for i := range t.Tokens {
		t.hashes[i] = keyHash(t.Tokens[i].Key)
	}
	if scope == "heading" || (caps >= 3 && caps > 2*lowers) {
		t.TitleCase = caps > 1
	}
	return t
}

func isUpperWord(w string) bool {
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return isUpperWordRunes(w)
		}
		if 'a' <= c && c <= 'z' {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			n++
		}
	}
	return n >= 2
}

func isUpperWordRunes(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// classifyGap decides whether two words may belong to one multi-word term.
func classifyGap(g string) Gap {
	newlines := 0
	hyphen := false
	for i := 0; i < len(g); i++ {
		switch c := g[i]; c {
		case ' ', '\t', '\r', '*', '_', '~':
			if c == '_' && len(g) == 1 {
				hyphen = true
			}
		case '\n':
			newlines++
		case '-', '/':
			hyphen = true
		case '>':
			// a block-quote marker on a continuation line
		default:
			if c >= utf8.RuneSelf {
				r, _ := utf8.DecodeRuneInString(g[i:])
				if r == '\u00a0' || r == '\u2009' || r == '\u202f' {
					continue
				}
				if r == '\u2010' || r == '\u2011' {
					hyphen = true
					continue
				}
			}
			return GapPunct
		}
	}
	if newlines > 1 {
		return GapPunct
	}
	if hyphen {
		return GapHyphen
	}
	return GapSpace
}

// endsSentence reports whether a gap closes a sentence or starts a new
// line item: a full stop, question or exclamation mark, colon, a blank line,
// a bullet, or a table/heading marker.
func endsSentence(g string) bool {
	newlines := 0
	for i := 0; i < len(g); i++ {
		switch g[i] {
		case '.', '!', '?', ':', '|', '#', ';':
			return g[i] != ';'
		case '\n':
			newlines++
			// A bullet at the start of the next line.
			rest := strings.TrimLeft(g[i+1:], " \t>")
			if strings.HasPrefix(rest, "- ") || strings.HasPrefix(rest, "* ") || strings.HasPrefix(rest, "+ ") {
				return true
			}
		}
	}
	if newlines > 1 {
		return true
	}
	// A middle dot separates the fields of a chat or comment header
	// ("**trucker_mike_88** · Been driving"), never words of a sentence.
	if strings.Contains(g, "…") || strings.Contains(g, "•") || strings.Contains(g, "·") {
		return true
	}
	// In social posts an emoji closes a sentence as a full stop would
	// ("arrivals 🚗 Her mum was in the back").
	for _, r := range g {
		if r >= 0x2190 && unicode.Is(unicode.So, r) {
			return true
		}
	}
	return false
}

// Key returns the folded keys of tokens [i, j) joined by single spaces: a
// slice of the text's keys, so it costs no allocation.
func (t *Text) Key(i, j int) string {
	if j-i == 1 {
		return t.Tokens[i].Key
	}
	if t.joined {
		last := &t.Tokens[j-1]
		return t.keys[t.Tokens[i].koff : int(last.koff)+len(last.Key)]
	}
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(t.Tokens[k].Key)
	}
	return b.String()
}

// Joinable reports whether token i continues a phrase begun before it.
func (t *Text) Joinable(i int, hyphens bool) bool {
	g := t.Tokens[i].Gap
	return g == GapSpace || (g == GapHyphen && hyphens)
}

// lineStart reports whether token i opens a line of the text.
func (t *Text) lineStart(i int) bool {
	return i == 0 || strings.Contains(t.Tokens[i].GapText, "\n")
}

// gapAfter is the text between token i and the next one, or the rest of
// the text after the last token.
func (t *Text) gapAfter(i int) string {
	if i+1 < len(t.Tokens) {
		return t.Tokens[i+1].GapText
	}
	return t.Src[t.Tokens[i].End:]
}

// abbreviations whose full stop does not end a sentence ("Mr. Santos", "S. Rajendran").
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "no": true, "op": true,
	"prof": true, "sr": true, "jr": true, "sgt": true, "capt": true, "lt": true, "col": true,
	"gen": true, "insp": true, "supt": true, "det": true, "rev": true, "fr": true, "tmt": true,
	"thiru": true, "smt": true, "shri": true, "atty": true, "engr": true, "hon": true, "vs": true,
	"approx": true, "ca": true, "nos": true, "sta": true, "sto": true, "pres": true, "gov": true,
	"sen": true, "rep": true, "maj": true, "cpl": true, "pcpl": true, "pmaj": true, "pcol": true,
	"pltcol": true, "pcapt": true, "lic": true, "licda": true, "ing": true, "sra": true, "srta": true,
	"av": true, "ave": true, "blvd": true, "rd": true, "brgy": true, "mt": true, "ft": true, "vol": true,
	"cmdte": true, "cdte": true, "dl": true, "dna": true, "podkom": true, "kpt": true, "nadkom": true,
}

// innerDot reports whether gap, which would end a sentence, is a dot or
// colon inside a number or a dotted abbreviation: "07:30", "₱1.2",
// "7 p.m. every night", "e.g. a van". Cutting there split the very
// sentences that give a time, and the classifier and the widened rules read
// sentences.
func innerDot(src string, prev *Token, gap, word string) bool {
	p := src[prev.Start:prev.End]
	if (gap == "." || gap == ":") && isDigit(p[len(p)-1]) && isDigit(word[0]) {
		return true
	}
	if !isLowerLetter(word[0]) || len(p) != 1 || !isLowerLetter(p[0]) {
		return false
	}
	if gap == "." { // the dot inside "p.m" or "e.g"
		return true
	}
	// The dot after "p.m": the sentence goes on when a word in lower case
	// follows ("7 p.m. every night"), as "p" and "m" were one abbreviation.
	return strings.HasPrefix(gap, ".") && strings.TrimSpace(gap[1:]) == "" &&
		prev.Start >= 2 && src[prev.Start-1] == '.' && isLowerLetter(src[prev.Start-2])
}

func isDigit(c byte) bool       { return '0' <= c && c <= '9' }
func isLowerLetter(c byte) bool { return 'a' <= c && c <= 'z' }

func abbreviation(prev Token, src string, key []byte) bool {
	w := src[prev.Start:prev.End]
	if utf8.RuneCountInString(w) == 1 && prev.Cap {
		return true
	}
	return abbreviations[string(key)] // no copy: a map index
}

// spanKey is fold.Key(t.Src[start:end]), sliced from the text's keys when
// the span starts and ends on token boundaries (the words of such a span
// are exactly its tokens), folded afresh otherwise.
func (t *Text) spanKey(start, end int) string {
	if t.joined {
		toks := t.Tokens
		i, _ := slices.BinarySearchFunc(toks, start, func(tok Token, s int) int { return tok.Start - s })
		if i < len(toks) && toks[i].Start == start {
			j, _ := slices.BinarySearchFunc(toks[i:], end, func(tok Token, e int) int { return tok.End - e })
			if j += i; j < len(toks) && toks[j].End == end {
				return t.Key(i, j+1)
			}
		}
	}
	return fold.Key(t.Src[start:end])
}
