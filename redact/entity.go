package redact

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rescue-stories/redact/rules/fold"
)

// Consistent placeholders: every mention of one person gets the same number
// within a document, so the story still reads: "Maria Santos", "Maria",
// "Ms. Santos" and "Maria's" all become "[name 1]" (the possessive "'s" and
// the honorific stay outside the placeholder), and another person becomes
// "[name 2]".
//
// Mentions are grouped by their name words, folded. A mention joins the
// person whose words contain its words, or whose words it contains ("Maria"
// and "Maria Santos"); two people sharing a word ("Maria Santos", "Maria
// Cruz") stay apart, and a bare "Maria" then goes to whichever of them was
// mentioned last.

// honorifics stay outside the placeholder ("Officer [name 2]"). They are
// titles and kinship terms the default pack knows; a word not listed here is
// simply redacted with the name.
var honorifics = wordSet(`mr mrs ms miss mx dr prof sir madam mister officer inspector sergeant sgt
captain capt major lieutenant lt colonel col general corporal cpl detective det constable
superintendent supt chief commissioner commander judge justice magistrate attorney atty prosecutor
pastor father fr sister brother rev reverend bishop imam sheikh tita tito ate kuya lola lolo nanay
tatay aling mang auntie aunty uncle mama papa mzee nana senora senor sra dona don licda lic ing khun
pak ibu puan encik kak bu lok kru nang daw ko didi bhai tmt thiru smt shri sri zonja pani pan baba
mai bibi alhaji hajia po1 po2 po3 spo1 pmaj pcol pltcol pcapt pssg psms pmsg pcpl insp engr hon
komisarz`)

// connectors join the parts of a name and do not identify anyone.
var connectors = wordSet(`de del della di da das do dos du la las los le van von der den ter bin
binti bint ibn al el ya e y wa ng`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// numbering is the numbering of one document's name findings.
type numbering struct {
	num   map[int]int    // finding index → person number (1-based)
	label map[int]string // finding index → placeholder label ("name")
	trim  map[int]Span   // finding index → span without honorific and possessive
}

type person struct {
	words map[string]bool
	last  int // index of the latest mention
	label string
	n     int
}

// numberEntities groups the findings for which numbered(i) holds.
func numberEntities(src []byte, fs []Finding, numbered func(i int) bool) *numbering {
	e := &numbering{num: map[int]int{}, label: map[int]string{}, trim: map[int]Span{}}
	var people []*person
	// Numbers already in the text (from an earlier, partial apply) are
	// taken: a new person never gets a number that names someone else.
	perLabel := usedNumbers(src)
	for i, f := range fs {
		if !numbered(i) {
			continue
		}
		span := trimName(src, f.Span)
		words := nameWords(string(src[span.Start:span.End]))
		e.trim[i] = span
		label := f.Category
		if len(words) == 0 {
			// Only initials or connectors: nothing to group by.
			continue
		}
		var best *person
		for _, p := range people {
			if p.label != label || !(subset(words, p.words) || subset(p.words, words)) {
				continue
			}
			if best == nil || p.last > best.last {
				best = p
			}
		}
		if best == nil {
			perLabel[label]++
			best = &person{words: map[string]bool{}, label: label, n: perLabel[label]}
			people = append(people, best)
		}
		// Only an unambiguous longer mention teaches the person new words:
		// "Maria" then "Maria Santos" is one person known as both.
		if len(words) > len(best.words) || subset(best.words, words) {
			for w := range words {
				best.words[w] = true
			}
		}
		best.last = i
		e.num[i] = best.n
		e.label[i] = label
	}
	return e
}

// number returns the person number of finding i, or 0.
func (e *numbering) number(i int) int { return e.num[i] }

// edit returns the span to replace and the label for finding i.
func (e *numbering) edit(i int, f Finding) (Span, string) {
	s, ok := e.trim[i]
	if !ok {
		s = f.Span
	}
	return s, e.label[i]
}

func subset(a, b map[string]bool) bool {
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}

// nameWords returns the identifying words of a name: folded, without
// honorifics, connectors and single-letter initials.
func nameWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range fold.Words(s) {
		k := fold.Fold(s[w.Start:w.End])
		if honorifics[k] || connectors[k] || utf8.RuneCountInString(k) < 2 {
			continue
		}
		out[k] = true
	}
	return out
}

// trimName narrows a name's span: leading honorifics ("Officer", "Ms.")
// and a trailing possessive ("'s") stay outside the placeholder, so
// "Ms. Santos's" reads "Ms. [name 1]'s".
func trimName(src []byte, s Span) Span {
	text := string(src[s.Start:s.End])
	ws := fold.Words(text)
	// Keep at least one word to replace.
	k := 0
	for k < len(ws)-1 && honorifics[fold.Fold(text[ws[k].Start:ws[k].End])] {
		k++
	}
	if k > 0 {
		s.Start += ws[k].Start
		text = string(src[s.Start:s.End])
	}
	for _, suf := range []string{"'s", "’s", "'S", "’S", "'", "’"} {
		if strings.HasSuffix(text, suf) && len(text) > len(suf) {
			s.End -= len(suf)
			break
		}
	}
	return s
}

var numberedRE = lazyRegexp(`\[([a-z][a-z -]*) (\d{1,6})\]`)

// usedNumbers returns the highest "[label N]" number per label in src.
func usedNumbers(src []byte) map[string]int {
	out := map[string]int{}
	if bytes.IndexByte(src, '[') < 0 {
		return out
	}
	for _, m := range numberedRE().FindAllSubmatch(src, -1) {
		n, _ := strconv.Atoi(string(m[2]))
		out[string(m[1])] = max(out[string(m[1])], n)
	}
	return out
}
