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
func Words(s string) []Word { return AppendWords(nil, s) }

// AppendWords appends the words of s to dst, as Words does: the tokeniser
// reuses one buffer across texts. ASCII is classified by table; only other
// runes are decoded.
func AppendWords(dst []Word, s string) []Word {
	i := 0
	for i < len(s) {
		if byteClass[s[i]] == classSpace {
			i++ // the common case between words, without a call
			continue
		}
		word, n := wordAt(s, i)
		if !word || n > 1 && startsWithMark(s, i) {
			i += n
			continue
		}
		start := i
		i += n
		for i < len(s) {
			if byteClass[s[i]] == classWord {
				i++ // the common case inside a word, without a call
				continue
			}
			word, n := wordAt(s, i)
			if word {
				i += n
				continue
			}
			if isApostropheAt(s, i, n) && i+n < len(s) {
				word2, n2 := wordAt(s, i+n)
				if word2 && !possessiveAt(s, i+n, n2) {
					i += n
					continue
				}
				if word2 {
					// Possessive: the word ends here and the "'s" is no word.
					dst = append(dst, Word{start, i})
					i += n + n2
					start = -1
				}
			}
			break
		}
		if start >= 0 {
			dst = append(dst, Word{start, i})
		}
	}
	return dst
}

// asciiWord marks the ASCII bytes that are word runes: letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = IsWordRune(rune(c))
	}
	return t
}()

// byteClass sorts bytes for the tokeniser's inner loops: ASCII outside
// words, ASCII inside words, and the bytes of other runes, decoded.
var byteClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = classOther
		case asciiWord[c]:
			t[c] = classWord
		default:
			t[c] = classSpace
		}
	}
	return t
}()

const (
	classSpace = iota
	classWord
	classOther
)

// wordByte reports whether c is an ASCII word byte.
func wordByte(c byte) bool { return c < utf8.RuneSelf && asciiWord[c] }

// wordAt reports whether the rune at s[i] is a word rune, and its width.
func wordAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiWord[c], 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return IsWordRune(r), n
}

// startsWithMark reports a combining mark at s[i]: it continues a word but
// opens none (the variation selector after an emoji is no word).
func startsWithMark(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.Is(unicode.Mn, r)
}

// isApostropheAt reports whether the rune of width n at s[i] is an apostrophe.
func isApostropheAt(s string, i, n int) bool {
	if n == 1 {
		return s[i] == '\''
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isApostrophe(r)
}

// possessiveAt is possessive for the word rune of width n at s[j].
func possessiveAt(s string, j, n int) bool {
	if n != 1 || (s[j] != 's' && s[j] != 'S') {
		return false
	}
	if j+n >= len(s) {
		return true
	}
	word, _ := wordAt(s, j+n)
	return !word
}

// Key returns the lookup key of a phrase: its words folded and joined by
// single spaces. "San Pedro de Macorís" → "san pedro de macoris".
func Key(phrase string) string {
	if asciiKey(phrase) {
		return phrase // already a key: nothing to allocate
	}
	return string(AppendKey(make([]byte, 0, len(phrase)), phrase))
}

// AppendKey appends Key(phrase) to dst: a caller that only looks the key
// up can fold into a buffer on its stack.
func AppendKey(dst []byte, phrase string) []byte {
	var buf [64]Word
	ws := AppendWords(buf[:0], phrase)
	for i, w := range ws {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = AppendFold(dst, phrase[w.Start:w.End])
	}
	return dst
}

// asciiKey reports whether s is its own key: lower-case ASCII letters and
// digits in words joined by single spaces (an apostrophe inside a word).
func asciiKey(s string) bool {
	if s == "" {
		return true
	}
	prev := byte(' ')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c == ' ':
			if prev == ' ' {
				return false
			}
		case c == '\'':
			// Inside a word only, and never before a bare possessive s.
			if !wordByte(prev) || i+1 >= len(s) || !wordByte(s[i+1]) || (s[i+1] == 's' && (i+2 == len(s) || !wordByte(s[i+2]))) {
				return false
			}
		default:
			return false
		}
		prev = c
	}
	return prev != ' '
}

// AppendFold appends Fold(s) to dst, without allocating for ASCII.
func AppendFold(dst []byte, s string) []byte {
	n := len(dst)
	dst = append(dst, s...)
	out := dst[n:]
	for i, c := range out {
		if c >= utf8.RuneSelf || c == '`' {
			return append(dst[:n], Fold(s)...)
		}
		out[i] = asciiLower[c]
	}
	return dst
}

// asciiLower maps each ASCII byte to its lower case.
var asciiLower = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()
