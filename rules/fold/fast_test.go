package fold

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// wordsRef is the rune-by-rune Words that AppendWords replaced: the fast
// path must split every input exactly as it did.
func wordsRef(s string) []Word {
	var out []Word
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !IsWordRune(r) || unicode.Is(unicode.Mn, r) {
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
				if IsWordRune(r2) && !possessiveRef(s, i+n, r2, n2) {
					i += n
					continue
				}
				if IsWordRune(r2) {
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

func possessiveRef(s string, j int, r rune, n int) bool {
	if r != 's' && r != 'S' {
		return false
	}
	if j+n >= len(s) {
		return true
	}
	r2, _ := utf8.DecodeRuneInString(s[j+n:])
	return !IsWordRune(r2)
}

// keyRef is the Key that allocated a string per word.
func keyRef(phrase string) string {
	ws := wordsRef(phrase)
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = Fold(phrase[w.Start:w.End])
	}
	return strings.Join(parts, " ")
}

var fastSeeds = []string{
	"", " ", "a", "Maria's", "maria's", "maria's house", "O'Brien's house", "o'brien",
	"rock'n'roll", "a'sb", "a''b", "x's's", "'s", "s'", "a 's", "a  b", " a", "a ",
	"San Pedro de Macorís", "Pointe-à-Pitre", "D’Souza’s", "Dʼs", "e\u0301", "\u0301x",
	"ramon-peralta_boca.jpg", "Straße ß", "ŁÓDŹ", "\xff\xfeabc", "abc\xc3", "a\u00a0b",
	"1990s", "it's", "Its'", "ABC'S", "x'S", "tom`s", "cafe\u0301's",
}

// FuzzWordsFast compares the table-driven tokeniser and the allocation-free
// Key with the rune-by-rune originals. go test runs it on fastSeeds.
func FuzzWordsFast(f *testing.F) {
	for _, s := range fastSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Words(s), wordsRef(s); !slices.Equal(got, want) {
			t.Fatalf("Words(%q) = %v, want %v", s, got, want)
		}
		if got, want := Key(s), keyRef(s); got != want {
			t.Fatalf("Key(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(AppendKey([]byte("x"), s)), "x"+keyRef(s); got != want {
			t.Fatalf("AppendKey(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(AppendFold(nil, s)), Fold(s); got != want {
			t.Fatalf("AppendFold(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(AppendFold([]byte("x"), s)), "x"+Fold(s); got != want {
			t.Fatalf("AppendFold(%q) after a prefix = %q, want %q", s, got, want)
		}
	})
}

// BenchmarkWords is the word splitter over mixed prose.
func BenchmarkWords(b *testing.B) {
	s := strings.Repeat("Our investigators met María Santos in Boca Chica on 14 March; O'Brien's team waited. ", 50)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	buf := make([]Word, 0, 1024)
	for b.Loop() {
		buf = AppendWords(buf[:0], s)
	}
}

// BenchmarkKey is Key on an already folded phrase and on one to fold.
func BenchmarkKey(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Key("san pedro de macoris")
		Key("San Pedro de Macorís")
	}
}
