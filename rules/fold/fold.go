// Package fold normalises words so that term lists, generated data and the
// scanner agree on one form: lower case, accents removed, typographic
// apostrophes made plain. It is shared by the runtime matcher and the data
// generator, so a change here means regenerating rules/packs/*/data.
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// special holds letters that do not decompose into a base letter and a mark.
var special = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o", 'đ': "d", 'Đ': "d",
	'ł': "l", 'Ł': "l", 'ı': "i", 'œ': "oe", 'Œ': "oe", 'þ': "th", 'Þ': "th",
	'ð': "d", 'Ð': "d", 'ŋ': "n", 'ħ': "h", 'ŧ': "t", 'ſ': "s",
	'’': "'", 'ʼ': "'", '‘': "'", 'ʻ': "'", '`': "'",
}

// Fold returns the folded form of s: lower case without diacritics.
// "Sosúa" and "SOSUA" both fold to "sosua".
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] == '`' {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if rep, ok := special[r]; ok {
			b.WriteString(rep)
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// FoldCase lower-cases s without removing accents, for accent-sensitive terms.
func FoldCase(s string) string {
	return strings.Map(func(r rune) rune {
		if rep, ok := special[r]; ok && len(rep) == 1 && rep[0] == '\'' {
			return '\''
		}
		return unicode.ToLower(r)
	}, s)
}

// IsWordRune reports whether r can be part of a word.
func IsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// Word is one word of a text, as a byte range into it.
type Word struct{ Start, End int }

// Words splits s into words the way the scanner does. A word is a run of
// letters, digits and combining marks; an apostrophe inside a word joins it
// ("O'Brien", "D'Souza") unless it only introduces a possessive "s"
// ("Maria's" is the word "Maria").
func Words(s string) []Word {
	var out []Word
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !IsWordRune(r) {
			i += n
			continue
		}
		start := i
		i += n
		for i < len(s) {
			r, n = utf8.DecodeRuneInString(s[i:])
			if IsWordRune(r) {
				i += n
				continue
			}
			if isApostrophe(r) && i+n < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[i+n:])
				if IsWordRune(r2) && !possessive(s, i+n, r2, n2) {
					i += n
					continue
				}
				if IsWordRune(r2) {
					// Possessive: the word ends here and the "'s" is no word.
					out = append(out, Word{start, i})
					i += n + n2
					start = -1
				}
			}
			break
		}
		if start >= 0 {
			out = append(out, Word{start, i})
		}
	}
	return out
}

// possessive reports whether the word part starting at j (rune r, width n) is
// a bare possessive "s" or "S".
func possessive(s string, j int, r rune, n int) bool {
	if r != 's' && r != 'S' {
		return false
	}
	if j+n >= len(s) {
		return true
	}
	r2, _ := utf8.DecodeRuneInString(s[j+n:])
	return !IsWordRune(r2)
}

// Key returns the lookup key of a phrase: its words folded and joined by
// single spaces. "San Pedro de Macorís" → "san pedro de macoris".
func Key(phrase string) string {
	ws := Words(phrase)
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = Fold(phrase[w.Start:w.End])
	}
	return strings.Join(parts, " ")
}
