package main

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxSurnameWords allows compound surnames ("de la cruz").
const maxSurnameWords = 3

// particles are never given names on their own; they appear inside
// multi-word given names ("Maria de los Angeles").
var particles = makeSet(`de del della di da das do dos la le las los van von der den ter ten el al bin binti bint ibn y e`)

type nameStats struct {
	fakerModules, fakerGiven, fakerSurnames, fakerUnresolved int
	givenSkipped, surnameSkipped                             int
	cspell, cspellSkipped, cspellAsSurname                   int
}

// names collects given-name and surname keys.
type names struct {
	given, surnames set
	stats           nameStats
}

func newNames() *names { return &names{given: set{}, surnames: set{}} }

// addGiven adds a given name. Given names are single words: a multi-word
// or hyphenated given name ("Anh Vũ", "Jean-Pierre") adds each of its words
// except particles.
func (n *names) addGiven(s string) {
	if skipFakerEntry(s) {
		n.stats.givenSkipped++
		return
	}
	k, ok := makeKey(s, maxWords)
	if !ok {
		n.stats.givenSkipped++
		return
	}
	for _, w := range strings.Split(k, " ") {
		if particles.has(w) {
			continue
		}
		if wk, ok := makeKey(w, 1); ok {
			n.given.add(wk)
		}
	}
}

func (n *names) addSurname(s string) bool {
	if skipFakerEntry(s) {
		n.stats.surnameSkipped++
		return false
	}
	k, ok := makeKey(s, maxSurnameWords)
	if !ok || particles.has(k) {
		n.stats.surnameSkipped++
		return false
	}
	n.surnames.add(k)
	return true
}

// skipFakerEntry rejects templates and patterns that are not names.
func skipFakerEntry(s string) bool {
	return s == "" || strings.ContainsAny(s, "{}#?")
}

// readFaker reads one faker locale module.
func (n *names) readFaker(name string, src []byte) error {
	given, surnames, unresolved, err := personNames(string(src))
	if err != nil {
		return fmt.Errorf("faker %s: %w", name, err)
	}
	if len(given)+len(surnames) == 0 {
		return nil
	}
	n.stats.fakerModules++
	n.stats.fakerUnresolved += unresolved
	n.stats.fakerGiven += len(given)
	n.stats.fakerSurnames += len(surnames)
	for _, g := range given {
		n.addGiven(g)
	}
	for _, s := range surnames {
		n.addSurname(s)
	}
	return nil
}

// readCSpell reads @cspell/dict-people-names. The list does not say which
// part of a name an entry is, so an entry that faker does not know as a given
// name is taken as a surname. The list holds some non-names, which are
// skipped: abbreviations ("Corp.", "Dec."), possessives ("Man's") and
// contractions ("Ne'er", "I'm"); "O'Brien" and "D'Souza" stay.
func (n *names) readCSpell(data []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		n.stats.cspell++
		if !cspellUsable(s) {
			n.stats.cspellSkipped++
			continue
		}
		k, ok := makeKey(s, 1)
		if !ok {
			n.stats.cspellSkipped++
			continue
		}
		if n.given.has(k) {
			continue
		}
		if n.addSurname(s) {
			n.stats.cspellAsSurname++
		}
	}
	return sc.Err()
}

func cspellUsable(s string) bool {
	if strings.ContainsAny(s, ". ") {
		return false
	}
	if i := strings.IndexAny(s, "'’"); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i+1:])
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// namesFile renders given.tsv or surnames.tsv: "key<TAB>flags" where w marks
// an ordinary English word, p a place key and c a key on the geography allow
// list (a country or demonym such as "Jordan", "Chad", "Georgia").
func namesFile(keys set, words, places, allow set) []byte {
	var b bytes.Buffer
	for _, k := range keys.sorted() {
		flags := ""
		if allWords(k, words) {
			flags += "w"
		}
		if places.has(k) {
			flags += "p"
		}
		if allow.has(k) {
			flags += "c"
		}
		if flags == "" {
			flags = "-"
		}
		b.WriteString(k)
		b.WriteByte('\t')
		b.WriteString(flags)
		b.WriteByte('\n')
	}
	return b.Bytes()
}
