package rules

import (
	"strings"
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
	GapText    string // the bytes of that gap
}

// Text is one segment prepared for matching: tokenised and folded once, then
// shared by every rule.
type Text struct {
	Src    string
	Scope  string
	Tokens []Token
	Lower  string // strings.ToLower(Src), for keyword prefilters
	// TitleCase is set when most words are capitalised (headings, captions):
	// capitals there are weak evidence of a proper noun.
	TitleCase bool

	// memo caches what every rule can share about this text: literal hits
	// for the regex prefilters, allow-pattern matches (litscan.go).
	memo *textMemo
}

// NewText tokenises src, a segment of the given scope.
func NewText(src, scope string) *Text {
	t := &Text{Src: src, Scope: scope}
	words := fold.Words(src)
	t.Tokens = make([]Token, len(words))
	prev := 0
	caps, lowers := 0, 0
	for i, w := range words {
		tok := Token{Start: w.Start, End: w.End}
		word := src[w.Start:w.End]
		tok.Key = fold.Fold(word)
		r, _ := utf8.DecodeRuneInString(word)
		tok.Cap = unicode.IsUpper(r)
		tok.Digit = unicode.IsDigit(r)
		if tok.Cap {
			tok.Upper = isUpperWord(word)
			caps++
		} else if unicode.IsLower(r) {
			lowers++
		}
		gap := src[prev:w.Start]
		tok.GapText = gap
		if i == 0 {
			tok.Gap = GapStart
			tok.SentStart = true
		} else {
			tok.Gap = classifyGap(gap)
			tok.SentStart = endsSentence(gap)
			if tok.SentStart && strings.HasPrefix(gap, ".") && abbreviation(t.Tokens[i-1], src) {
				tok.SentStart = false
			}
		}
		t.Tokens[i] = tok
		prev = w.End
	}
	if scope == "heading" || (caps >= 3 && caps > 2*lowers) {
		t.TitleCase = caps > 1
	}
	return t
}

func isUpperWord(w string) bool {
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
	return strings.Contains(g, "…") || strings.Contains(g, "•")
}

// Words returns the folded keys of tokens [i, j) joined by single spaces.
func (t *Text) Key(i, j int) string {
	if j-i == 1 {
		return t.Tokens[i].Key
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
}

func abbreviation(prev Token, src string) bool {
	w := src[prev.Start:prev.End]
	if utf8.RuneCountInString(w) == 1 && prev.Cap {
		return true
	}
	return abbreviations[prev.Key]
}
