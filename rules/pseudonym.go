package rules

import (
	"regexp"
	"strings"
	"sync"

	"github.com/rescue-stories/redact/rules/fold"
)

// pseudonymRE finds a name of one to three capitalised words marked with an
// asterisk ("Ana*", "Srey Leak*"; "Ana\*" where a Markdown editor escaped
// the star), the convention stories use for changed
// names (POLICY.md: publishable). Compiled on first use: its Unicode
// classes took 0.4 ms of every start's initialisation; Preload compiles
// it on the second core.
var pseudonymRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`((?:\p{Lu}[\p{L}\p{M}'’-]*[ \t]){0,2}\p{Lu}[\p{L}\p{M}'’-]*)[ \t]?\\?\*`)
})

// Pseudonyms are the names a document marks with an asterisk, folded.
type Pseudonyms map[string]bool

// FindPseudonyms collects the names src marks with an asterisk; later
// mentions without the asterisk are the same pseudonym, and so is each of
// its words alone ("Srey" after "Srey Leak*") and its last words (a
// capitalised word before the name may open the sentence: "Meet Devi*"). Markdown emphasis is not a
// marker: "**Maria** Santos" and "*Ana*" name nobody's pseudonym. It
// returns nil when there are none.
func FindPseudonyms(src string) Pseudonyms {
	out := Pseudonyms{}
	em := emphasis{src: src, closer: -1}
	// FindAllIndex: the same matches, searched only near asterisks.
	for _, m := range FindAllIndex(pseudonymRE(), src) {
		// The marker is one star more after the name than emphasis opened
		// before it: "Ana*", "**Ana***" (a pseudonym in bold); not "*Ana*"
		// or "**Ana**".
		after := 0
		for k := m[1] - 1; k < len(src) && src[k] == '*'; k++ {
			after++
		}
		before := 0
		for k := m[2] - 1; k >= 0 && (src[k] == '*' || src[k] == '_'); k-- {
			before++
		}
		// An escaped star ("Nadeeka\*") is a literal one, whatever emphasis
		// is open around the name ("_Nadeeka\* told her story_").
		escaped := m[1] >= 2 && src[m[1]-2] == '\\'
		if !escaped && after-before != 1 && !(after == 1 && before == 2 && boldCloses(src[m[1]:])) {
			continue
		}
		// A star that closes emphasis opened earlier in the paragraph is
		// no marker: "*as told to Hannah Whitlock*" is an italic byline.
		// When a later star closes it ("*Recorded by our team. Arif* is
		// 19.*"), this one is the marker.
		if !escaped && after == 1 && before == 0 && em.openAt(m[2]) && !em.closerAfter(m[1]) {
			continue
		}
		name := src[m[2]:m[3]]
		out[fold.Key(name)] = true
		if ws := fold.Words(name); len(ws) > 1 {
			// Each word alone, and the words from each on: a capitalised
			// word before the name may open the sentence ("Meet Devi*.",
			// "Today Maria Luz*"), and the name's later mentions are "Devi",
			// "Maria", "Luz".
			for i, w := range ws {
				out[fold.Key(name[w.Start:w.End])] = true
				if i > 0 {
					out[fold.Key(name[w.Start:])] = true
				}
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// emphasis reads single-star emphasis through a document once, as the
// markers it is asked about come in order: a lone "*" after a space, a
// bracket or the paragraph's start and before a non-space opens it ("*as
// told to"), and a later lone "*" after a non-space closes it. Stars in
// runs ("**"), escaped ones and list bullets ("* item") count for neither,
// and a marker after a name ("Ana*") closes nothing unopened. Paragraphs
// (a blank line) close it.
type emphasis struct {
	src      string
	pos      int  // read up to here
	open     bool // emphasis open at pos
	para     int  // start of pos's paragraph
	closer   int  // the last star of the paragraph ending at closerTo that can close, or -1
	closerTo int
}

// loneStar reports whether src[k], a star, is neither escaped nor part of
// a run of stars.
func loneStar(src string, k int) bool {
	return !(k > 0 && (src[k-1] == '\\' || src[k-1] == '*') || k+1 < len(src) && src[k+1] == '*')
}

// openAt reports whether emphasis opened in the paragraph is still open at
// offset at (never before the last offset asked about).
func (e *emphasis) openAt(at int) bool {
	src := e.src
	for k := e.pos; k < at; k++ {
		if src[k] == '\n' && k+1 < at && src[k+1] == '\n' {
			e.open, e.para = false, k+1
			continue
		}
		if src[k] != '*' || !loneStar(src, k) {
			continue
		}
		prevSpace := k == e.para || k > 0 && strings.IndexByte(" \t\n([{\"'", src[k-1]) >= 0
		nextSpace := k+1 >= len(src) || strings.IndexByte(" \t\n", src[k+1]) >= 0
		switch {
		case prevSpace && !nextSpace:
			e.open = true
		case !prevSpace && e.open:
			e.open = false
		}
	}
	e.pos = max(e.pos, at)
	return e.open
}

// closerAfter reports whether a lone star after a non-space, one that can
// close emphasis, follows offset from in its paragraph. The paragraph's
// last such star is found once.
func (e *emphasis) closerAfter(from int) bool {
	src := e.src
	end := len(src)
	if i := strings.Index(src[from:], "\n\n"); i >= 0 {
		end = from + i
	}
	if end != e.closerTo {
		e.closerTo, e.closer = end, -1
		for k := end - 1; k > 0 && !(src[k] == '\n' && src[k-1] == '\n'); k-- {
			if src[k] == '*' && loneStar(src, k) && strings.IndexByte(" \t\n", src[k-1]) < 0 {
				e.closer = k
				break
			}
		}
	}
	return e.closer >= from
}

// boldCloses reports whether the line that rest opens closes bold: a bold
// line that opens with the name and closes later ("**Rustam*, 27, from
// Uzbekistan**") has the marker right after the name.
func boldCloses(rest string) bool {
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	return strings.Contains(rest, "**")
}

// Has reports whether a finding's text is a marked pseudonym. "Ana Cruz" is
// not covered by "Ana*", but "Ana" alone is.
func (ps Pseudonyms) Has(text string) bool {
	if ps == nil {
		return false
	}
	var buf [64]byte // findings are short: the key is folded on the stack
	return ps[string(fold.AppendKey(buf[:0], text))]
}
