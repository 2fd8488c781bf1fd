package rules

import (
	"bytes"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/rescue-stories/redact/rules/fold"
)

// properMatcher finds proper nouns (people and places) in prose. It reads a
// run of capitalised words and weighs the evidence for each word: a known
// given name or surname, a gazetteer place, an honorific, a venue word, an
// ordinary English word, or an unknown word. Unknown capitalised words in the
// middle of a sentence are almost always names in these stories, so they are
// flagged; words that are also ordinary English ("Hope", "Mobile") need
// support: a cue, a neighbour, or their position.
type properMatcher struct {
	names      []*Lexicon // given names, surnames: "key<TAB>flags"
	places     *Lexicon   // "key<TAB>cc<TAB>class<TAB>population<TAB>flags"
	words      *Lexicon   // ordinary English words
	common     *Lexicon   // capitalised words that are not sensitive (brands, holidays, languages)
	allow      *Allow     // the set's allow lists (countries, the organisation)
	honorifics *Lexicon
	connectors *Lexicon
	venues     *Lexicon
	placeCues  *Lexicon
	nameCues   *Lexicon
	nameAfter  *Lexicon
	unknown    string // category for unknown proper nouns: name (default) or location
	minPop     int

	smallOnce sync.Once
	small     *smallIndex
}

// smallBits says which of the matcher's short word lists hold a word.
type smallBits uint8

const (
	smConnector smallBits = 1 << iota
	smPlaceCue
	smNameCue
	smNameAfter
	smHonorific
	smVenue
)

// smallIndex answers, with one lookup per token, the questions the matcher
// asks of every token's key in its six short lists (connectors, cues,
// honorifics, venues). Their multi-word entries are indexed too and never
// equal a token's key, which holds no space.
type smallIndex struct {
	words *wordTable
}

func (m *properMatcher) smallIndex() *smallIndex {
	m.smallOnce.Do(func() {
		words := map[string]uint8{}
		for _, l := range []struct {
			lex *Lexicon
			bit smallBits
		}{{m.connectors, smConnector}, {m.placeCues, smPlaceCue}, {m.nameCues, smNameCue}, {m.nameAfter, smNameAfter}, {m.honorifics, smHonorific}, {m.venues, smVenue}} {
			if l.lex == nil {
				continue
			}
			for _, off := range l.lex.lineStarts() {
				k, _, _ := l.lex.line(int(off))
				words[string(k)] |= uint8(l.bit)
			}
		}
		m.small = &smallIndex{newWordTable(words)}
	})
	return m.small
}

// bits returns the lists that hold token i.
func (idx *smallIndex) bits(t *Text, i int) smallBits {
	return smallBits(idx.words.get(t.Tokens[i].Key, t.tokenHash(i)))
}

type evidence uint16

const (
	evName      evidence = 1 << iota // known given name or surname
	evNameWord                       // a name that is also an English word
	evPlace                          // part of a known place
	evPlaceWord                      // a place name that is also an English word
	evHonorific                      // Officer, Tita, Mr
	evVenue                          // Bar, Hotel, Kiln
	evWord                           // ordinary English word
	evAllowed                        // country, demonym, organisation, brand
	evConnector                      // de, la, van
	evUnknown                        // none of the above
	evAcronym                        // short all-caps word
)

// SetAllow gives the matcher the set's allow lists, resolved after all packs
// are loaded.
func (m *properMatcher) setAllow(a *Allow) { m.allow = a }

func (m *properMatcher) isName(t *Text, i int) (known, word bool) {
	for _, l := range m.names {
		if f, ok := l.fieldsToken(t, i); ok {
			known = true
			if bytes.IndexByte(f, 'w') >= 0 {
				word = true
			}
		}
	}
	return known, word
}

// tokInfo caches what the word lists say about one token's key: the
// matcher asks the same questions of a word in several places. Each
// question is looked up the first time it is asked, as before the cache.
type tokInfo uint16

const (
	infoName     tokInfo = 1 << iota // a known given name or surname
	infoNameWord                     // ... flagged as also an English word
	infoWord                         // an ordinary English word

	infoNameDone // the name lists were asked
	infoWordDone
)

// properScratch is the per-text working memory of find, reused.
type properScratch struct {
	ev      []evidence
	country []string
	phrase  []int
	info    []tokInfo
	small   []smallBits // what the short lists say of each token
}

var properPool = sync.Pool{New: func() any { return new(properScratch) }}

// grow returns s with n zeroed elements, reusing its array.
func grow[E any](s []E, n int) []E {
	if cap(s) < n {
		return make([]E, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// has answers q (one of infoName, infoNameWord, infoWord) for token i,
// looking it up once per text.
func (m *properMatcher) has(t *Text, info []tokInfo, i int, q tokInfo) bool {
	f := info[i]
	switch q {
	case infoName, infoNameWord:
		if f&infoNameDone == 0 {
			f |= infoNameDone
			if known, word := m.isName(t, i); known {
				f |= infoName
				if word {
					f |= infoNameWord
				}
			}
		}
	case infoWord:
		if f&infoWordDone == 0 && m.words.hasToken(t, i) {
			f |= infoWord
		}
		f |= infoWordDone
	}
	info[i] = f
	return f&q != 0
}

// titleBefore reports a capitalised title right before token i ("Sgt
// Zulu").
func titleBefore(t *Text, small []smallBits, i int) bool {
	if i == 0 || !t.Tokens[i-1].Cap || small[i-1]&smHonorific == 0 {
		return false
	}
	g := t.Tokens[i].GapText
	return afterTitle(g) && (g == " " || !t.Tokens[i].SentStart)
}

// suffixed reports a title of respect joined to token i by a hyphen
// ("Suzuki-san", "Priya-di").
func suffixed(t *Text, i int) bool {
	return i+1 < len(t.Tokens) && t.Tokens[i+1].GapText == "-" && !t.Tokens[i+1].Cap && nameSuffixes[t.Tokens[i+1].Key]
}

// diacritic reports a Latin letter with an accent in s ("Liège",
// "Colón"): the spelling of a name, where the English word that folds
// to the same key has none.
func diacritic(s string) bool {
	for _, r := range s {
		if r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7 || r >= 0x1E00 && r <= 0x1EFF {
			return true
		}
	}
	return false
}

func (m *properMatcher) find(t *Text, emit func(Match)) {
	if t.Scope == "link.url" {
		m.findInURL(t, emit)
		return
	}
	toks := t.Tokens
	n := len(toks)
	sc := properPool.Get().(*properScratch)
	defer properPool.Put(sc)
	sc.ev = grow(sc.ev, n)
	sc.country = grow(sc.country, n)
	sc.phrase = grow(sc.phrase, n)
	sc.info = grow(sc.info, n)
	sc.small = grow(sc.small, n)
	ev, country, info, small := sc.ev, sc.country, sc.info, sc.small
	sm := m.smallIndex()
	for i := range toks {
		small[i] = sm.bits(t, i)
	}
	// phrase[k] is the end of the multi-word place phrase that starts at k.
	phrase := sc.phrase
	// capsText: most words are in capitals (a caption, a banner), where
	// short capitalised words are names and places, not acronyms.
	upper, lower := 0, 0
	for i := range toks {
		if tok := &toks[i]; tok.Upper {
			upper++
		} else if !tok.Cap && !tok.Digit {
			lower++
		}
	}
	capsText := upper >= 3 && upper > lower
	// Mark allowed and place phrases first: they may span several words.
	for i := 0; i < n; i++ {
		if !toks[i].Cap {
			continue
		}
		if m.hyphenPlace(t, i, emit) {
			ev[i] |= evAllowed // reported whole: "Hpa-an"
			ev[i+1] |= evAllowed
			i++
			continue
		}
		// Countries written with a hyphen: "Guinea-Bissau", "Timor-Leste";
		// and common terms of two short halves ("Wi-Fi"), which no word
		// list holds (longer halves are words: "Anti-Trafficking" stays a
		// compound, so "Anti-Trafficking in Persons" reads as a title).
		if i+1 < n && toks[i+1].Gap == GapHyphen && toks[i+1].GapText == "-" && toks[i+1].Cap &&
			(m.allow.allowsPhrase(t, i, t.Key(i, i+2)) || len(toks[i].Key) <= 3 && len(toks[i+1].Key) <= 3 && m.common.hasPhrase(t, i, t.Key(i, i+2))) {
			ev[i] |= evAllowed
			ev[i+1] |= evAllowed
			i++
			continue
		}
		// A phrase's words are joined by spaces, or by hyphens around a
		// small word ("Port-au-Prince", "Stoke-on-Trent").
		j := i + 1
		for j < n && j-i < 4 && (t.Joinable(j, false) || hyphenLinked(t, j)) {
			j++
		}
		for ; j > i; j-- {
			if j-i > 1 && !toks[j-1].Cap && !elided(t, j-1) {
				continue
			}
			key := t.Key(i, j)
			// Who wrote a chat line is a person even where a word of the
			// name is an allowed one ("- Thaís Andrade:", whose first name
			// folds onto the demonym "Thais").
			if j-i == 1 && chatSender(t, i, senderEnd(t, i)) {
				break
			}
			// A word joined to a title of respect is a person's name even
			// where the allow list keeps the word ("Suzuki-san", not the car).
			// ... and so is a word of the common list right after a title
			// ("Sgt Zulu", a surname that names a people too).
			if j-i == 1 && !suffixed(t, i) && (m.allow.allowsToken(t, i) || !titleBefore(t, small, i) && (m.common.hasToken(t, i) || m.commonPlural(t, i))) ||
				j-i > 1 && (m.allow.allowsPhrase(t, i, key) || m.common.hasPhrase(t, i, key)) {
				for k := i; k < j; k++ {
					ev[k] |= evAllowed
				}
				i = j - 1
				break
			}
			f, ok := m.placeFields(t, i, j, key)
			if ok && m.placeOK(f, j-i) {
				flag := evPlace
				// The English word is spelt without accents: "Liège" and
				// "Colón" are the towns, not "liege" and "colon".
				if !(j-i == 1 && diacritic(t.Src[toks[i].Start:toks[i].End])) && (bytes.IndexByte(lastField(f), 'w') >= 0 || j-i == 1 && m.has(t, info, i, infoWord)) {
					flag = evPlaceWord
				}
				for k := i; k < j; k++ {
					ev[k] |= flag
					country[k] = countryOf(f)
				}
				if j-i > 1 {
					phrase[i] = j
					i = j - 1
					break
				}
			}
		}
	}
	for i := 0; i < n; i++ {
		tok := toks[i]
		k := tok.Key
		if !tok.Cap {
			if small[i]&smConnector != 0 {
				ev[i] |= evConnector
			}
			continue
		}
		if ev[i]&evAllowed != 0 {
			continue
		}
		// A hashtag that is a place names the place ("#Chisinau").
		if strings.HasSuffix(tok.GapText, "#") && ev[i]&evPlace != 0 && ev[i]&evPlaceWord == 0 && phrase[i] == 0 &&
			(i+1 == n || t.Tokens[i+1].Gap != GapSpace || !toks[i+1].Cap || ev[i+1]&evPlace == 0) {
			emit(Match{Start: tok.Start, End: tok.End, Category: "location", Country: country[i], Why: "place in a hashtag"})
			ev[i] |= evAcronym
			continue
		}
		// ... and so does one written as CamelCase words ("#NgheAn",
		// "#BayanLepas"), which the gazetteer knows spaced.
		if strings.HasSuffix(tok.GapText, "#") {
			if key := camelKey(t.Src[tok.Start:tok.End]); key != "" && m.places.Has(key) && !m.common.Has(key) && !m.allow.AllowsTerm(key) {
				emit(Match{Start: tok.Start, End: tok.End, Category: "location", Why: "place in a hashtag"})
				ev[i] |= evAcronym
				continue
			}
		}
		if skip, word := m.notAName(t, sc, i); skip {
			ev[i] |= evAcronym
			continue
		} else if word {
			ev[i] |= evWord
			continue
		}
		if tok.Upper && small[i]&smHonorific != 0 {
			ev[i] |= evHonorific // OIC, SHO, ASI
			continue
		}
		if pluralAcronym(t.Src[tok.Start:tok.End]) {
			ev[i] |= evAcronym // "STIs", "NGOs", "IDPs"
			continue
		}
		// Short all-caps words are acronyms (NGO, IJM, DPI), unless they are
		// known names or places: captions are often in capitals ("MARIA
		// SANTOS IN BOCA CHICA").
		if tok.Upper && utf8.RuneCountInString(k) <= 5 {
			if known := m.has(t, info, i, infoName); (!capsText || (!known && ev[i]&(evPlace|evPlaceWord) == 0)) && !m.dateline(t, ev, phrase, i) &&
				!((known || capsText && !m.has(t, info, i, infoWord)) && m.capsNeighbour(t, info, i)) {
				ev[i] |= evAcronym
				continue
			}
		}
		// Longer all-caps words in prose are agencies' acronyms too
		// ("NAPTIP", "IACAT") when no list knows them; a surname in
		// capitals ("Juan PEREZ") is in the name lists.
		if tok.Upper && !capsText && !strings.ContainsAny(k, "0123456789") && ev[i]&(evPlace|evPlaceWord) == 0 && !m.has(t, info, i, infoName) && !m.has(t, info, i, infoWord) {
			ev[i] |= evAcronym
			continue
		}
		if small[i]&smHonorific != 0 {
			ev[i] |= evHonorific
		}
		if small[i]&smVenue != 0 {
			ev[i] |= evVenue
		}
		known, word := m.has(t, info, i, infoName), m.has(t, info, i, infoNameWord)
		isWord := m.has(t, info, i, infoWord)
		if !known && !isWord && ev[i]&(evPlace|evPlaceWord) == 0 && (m.inflected(k) || m.compoundWord(k)) {
			isWord = true // "Mitigations", "Handover": the word list holds the parts
		}
		// "Dong-hyun", "Wei-ming": a capitalised syllable joined by a hyphen
		// to a lower-case one that is no word is a romanised given name,
		// whatever English words its halves spell ("dong", "lee").
		if !tok.Upper && m.romanisedName(t, i) {
			ev[i] |= evName
			continue
		}
		switch {
		case known && (word || isWord) && (tok.Upper || m.compound(t, info, i)):
			// A word in capitals ("HOW THE CASE CAME") or in a title-case
			// compound ("Counter-Trafficking") is the word, not the
			// namesake surname.
			ev[i] |= evWord
		case known && (word || isWord):
			ev[i] |= evNameWord
		case known:
			ev[i] |= evName
		}
		if isWord {
			ev[i] |= evWord
		}
		if ev[i]&(evName|evNameWord|evPlace|evPlaceWord|evHonorific|evVenue|evWord) == 0 {
			ev[i] |= evUnknown
		}
	}
	m.lowerPlaces(t, sc, emit)
	for i := 0; i < n; i++ {
		if !toks[i].Cap || ev[i]&(evAllowed|evAcronym) != 0 {
			continue
		}
		// Grow a run of capitalised words, joined by spaces or connectors
		// ("San Pedro de Macorís", "Nyumba ya Amani") and initials ("S. Rajendran").
		j := i + 1
		for j < n {
			// A run stops at a line's end: stacked lines (a signature, a
			// list, a header) are separate names and titles.
			if toks[j].Cap && ev[j]&(evAllowed|evAcronym) == 0 && (t.Joinable(j, true) || initial(t, j) || titled(t, ev, j)) && !label(t, j) && !t.lineStart(j) {
				j++
				continue
			}
			if ev[j]&evConnector != 0 && j+1 < n && toks[j+1].Cap && t.Joinable(j, false) && (t.Joinable(j+1, false) || arabicArticle(t, j)) && ev[j+1]&evAllowed == 0 {
				j += 2
				continue
			}
			// A place joined by hyphens around a small word: "Port-au-Prince",
			// "Aix-en-Provence", "Stoke-on-Trent".
			if !toks[j].Cap && hyphenLinked(t, j) && ev[j+1]&(evAllowed|evAcronym) == 0 {
				j += 2
				continue
			}
			// A nickname in quotes between the names: Gentian "Geni" Bregu.
			// Initials are a nickname there too: Jean-Claude "JC" Mukendi.
			if j+1 < n && toks[j].Cap && toks[j+1].Cap && quotedGap(toks[j].GapText, true) && quotedGap(toks[j+1].GapText, false) &&
				(ev[j]&(evAllowed|evAcronym) == 0 || initials(t, j)) && ev[j+1]&(evAllowed|evAcronym) == 0 {
				j += 2
				continue
			}
			// Two connectors: "María de los Ángeles", "van der Berg".
			if ev[j]&evConnector != 0 && j+2 < n && ev[j+1]&evConnector != 0 && !toks[j+1].Cap && toks[j+2].Cap &&
				t.Joinable(j, false) && t.Joinable(j+1, false) && t.Joinable(j+2, false) && ev[j+2]&evAllowed == 0 {
				j += 3
				continue
			}
			break
		}
		// A role word before a known name is no part of it ("Host Leo
		// Marsh", "Caseworker Ana Lima"): kept, it would be echoed alone
		// ("HOST:" in the transcript that follows).
		if j-i > 1 && small[i]&smNameCue != 0 && ev[i]&(evHonorific|evName) == 0 && ev[i+1]&(evName|evNameWord) != 0 {
			i++
		}
		// ... and so is a word that opens the sentence before a title
		// ("So Mama Halima called", "Then Sister Ruth").
		if j-i > 1 && sentStart(t, ev, i) && (sentenceAdverb(toks[i].Key) || interjections[toks[i].Key]) && ev[i+1]&evHonorific != 0 {
			i++
		}
		m.judge(t, i, j, sc, emit)
		i = j - 1
	}
}

// hyphenLinked reports whether token j is a small linking word joined by
// hyphens to the capitalised words either side, or the word after one.
func hyphenLinked(t *Text, j int) bool {
	toks := t.Tokens
	if toks[j].GapText != "-" {
		return false
	}
	if !toks[j].Cap {
		return hyphenLinks[toks[j].Key] && j+1 < len(toks) && toks[j+1].Cap && toks[j+1].GapText == "-"
	}
	return j >= 1 && !toks[j-1].Cap && hyphenLinks[toks[j-1].Key]
}

// hyphenLinks are the small words that join the parts of a hyphenated
// place name.
var hyphenLinks = map[string]bool{"au": true, "aux": true, "en": true, "sur": true, "sous": true, "le": true, "la": true,
	"les": true, "de": true, "du": true, "des": true, "on": true, "upon": true, "under": true, "am": true, "an": true, "bei": true}

// quotedGap reports a gap that opens a quotation after a space (` "`,
// ` “`, and the low opening marks of Romanian, German or Polish, ` „`)
// or, when open is false, closes one before a space (`" `, `” `, `“ `).
// initials reports a word of two or three capital letters ("JC", "JKM"):
// between quotes in a name, a nickname, not an agency.
func initials(t *Text, j int) bool {
	w := t.Src[t.Tokens[j].Start:t.Tokens[j].End]
	if len(w) < 2 || len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

func quotedGap(g string, open bool) bool {
	if open {
		return g == " \"" || g == " “" || g == " „" || g == " «" || g == " « "
	}
	return g == "\" " || g == "” " || g == "“ " || g == "» " || g == " » "
}

// arabicArticle reports "al-", "el-" or "ul-" joined by a hyphen to the
// capitalised word after it ("Salim al-Harthy").
func arabicArticle(t *Text, j int) bool {
	k := t.Tokens[j].Key
	return (k == "al" || k == "el" || k == "ul") && t.Tokens[j+1].GapText == "-"
}

// afterTitle reports whether g is the gap after a title: a space, or its
// abbreviation's full stop and a space ("Mrs. Dorvil").
func afterTitle(g string) bool { return g == " " || g == ". " }

// spanishArticles open nicknames and place names ("La Güera", "El Tío").
var spanishArticles = map[string]bool{"la": true, "el": true, "los": true, "las": true}

// aliasBefore reports whether token k opens a quotation or follows
// "alias", "aka" or "called": what comes is how someone is known.
func aliasBefore(t *Text, k int) bool {
	g := strings.TrimRight(t.Tokens[k].GapText, " ")
	if r, _ := utf8.DecodeLastRuneInString(g); strings.ContainsRune("\"“'‘", r) {
		return true
	}
	if k == 0 || g != "" {
		return false
	}
	switch t.Tokens[k-1].Key {
	case "alias", "aka", "called", "nicknamed":
		return true
	}
	return false
}

// particleDe joins a surname's parts before an article ("de la Cruz").
var particleDe = map[string]bool{"de": true, "del": true, "da": true, "do": true}

// upperRun reports whether tokens [i, j) are all written in capitals.
func upperRun(t *Text, i, j int) bool {
	for k := i; k < j; k++ {
		if !t.Tokens[k].Upper {
			return false
		}
	}
	return true
}

// initial reports whether token j follows a one-letter initial ("S. Rajendran").
func initial(t *Text, j int) bool {
	p := t.Tokens[j-1]
	return p.Cap && utf8.RuneCountInString(t.Src[p.Start:p.End]) == 1 && strings.TrimSpace(t.Tokens[j].GapText) == "."
}

// programmeWords, after capitalised words, make them the name of a
// programme or a campaign ("the Justicia Cerca programme").
var programmeWords = map[string]bool{"programme": true, "programmes": true, "program": true, "programs": true, "project": true, "projects": true, "initiative": true, "campaign": true, "network": true, "fund": true, "partnership": true, "coalition": true, "platform": true, "app": true}

// orgWords end an organisation's name; a person's name before them is
// part of it.
var orgWords = map[string]bool{"foundation": true, "trust": true, "fund": true, "institute": true, "association": true, "society": true, "ministries": true, "charity": true, "alliance": true, "coalition": true, "council": true, "commission": true, "committee": true, "authority": true, "agency": true, "bureau": true, "initiative": true, "project": true, "programme": true, "program": true, "campaign": true, "network": true, "partnership": true,
	"justice": true, "partners": true, "mission": true, "international": true, "collective": true, "relief": true, "outreach": true}

// namedBefore reports whether tokens [i, k) hold a name or an unknown word
// that is no title: then a title word after them is a surname ("Abdul
// Karim Sheikh"), not the end of a job title ("Communications Officer").
func (m *properMatcher) namedBefore(ev []evidence, i, k int) bool {
	// A word that is also a name among other ordinary words is part of
	// the title ("District Child Protection Officer"); alone it is a
	// name ("Grace Officer").
	want := evName | evNameWord | evUnknown
	if k-i > 1 {
		want = evName | evUnknown
	}
	for x := i; x < k; x++ {
		if ev[x]&want != 0 && ev[x]&evHonorific == 0 {
			return true
		}
	}
	return false
}

// sentenceAdverb reports an adverb that opens a sentence before a name
// ("Later Grace told us", "Finally Hope spoke"), unlike the first word of
// a title.
func sentenceAdverb(k string) bool {
	switch k {
	case "later", "soon", "then", "once", "still", "again", "afterwards", "meanwhile", "instead", "together", "sometimes",
		"often", "always", "never", "only", "even", "so", "yet", "also", "first", "next", "last", "today", "tonight",
		"tomorrow", "yesterday", "now", "there", "here", "recently", "suddenly", "eventually", "finally":
		return true
	}
	return strings.HasSuffix(k, "ly")
}

// vocative reports a one-word name addressed at the start of a sentence
// ("Grace, thank you for joining us", "[laughs] Tom, we'll need that"),
// where the capital proves nothing but the comma and what follows it do.
// Interjections open sentences the same way ("No, I am joking", "Well,
// we"), and only a given name (the first of the rule's name lists) is
// addressed so: "Good, we" and "Overall, we" open with surnames that are
// words.
func (m *properMatcher) vocative(t *Text, i, j int) bool {
	if j != i+1 || j >= len(t.Tokens) || !t.Tokens[i].SentStart || t.Tokens[j].GapText != ", " || !vocativeNext[t.Tokens[j].Key] ||
		interjections[t.Tokens[i].Key] || sentenceAdverb(t.Tokens[i].Key) || len(m.names) == 0 {
		return false
	}
	_, given := m.names[0].fieldsToken(t, i)
	return given
}

// vocativeNext are the words that follow a name addressed: a pronoun, a
// request, a question.
var vocativeNext = map[string]bool{"you": true, "you're": true, "you’re": true, "you've": true, "you’ve": true, "we": true, "we'll": true,
	"we’ll": true, "we're": true, "we’re": true, "i": true, "i'm": true, "i’m": true, "can": true, "could": true, "would": true, "will": true,
	"please": true, "thank": true, "thanks": true, "tell": true, "what": true, "how": true, "why": true, "when": true, "where": true,
	"did": true, "do": true, "are": true, "welcome": true}

// interjections open a sentence before a comma as a name addressed does.
var interjections = map[string]bool{"no": true, "yes": true, "yeah": true, "well": true, "oh": true, "ok": true, "okay": true,
	"look": true, "listen": true, "right": true, "sure": true, "sorry": true, "please": true, "thanks": true, "honestly": true,
	"hello": true, "hi": true, "hey": true, "god": true, "lord": true, "wow": true, "alright": true, "fine": true, "true": true,
	"exactly": true, "absolutely": true, "indeed": true, "again": true, "so": true, "now": true, "but": true, "and": true, "or": true,
	"mind": true, "see": true, "wait": true, "remember": true, "imagine": true, "believe": true, "trust": true, "friends": true, "folks": true}

// titleLinks join the words of a title ("Partners in Hope").
var titleLinks = map[string]bool{"in": true, "of": true, "for": true, "and": true, "with": true, "the": true}

// titlePreps start the link of a title before "the" ("Voices from the
// Field", "Light on the Road").
var titlePreps = map[string]bool{"from": true, "on": true, "to": true, "at": true, "by": true, "beyond": true, "across": true, "into": true, "under": true, "through": true, "behind": true}

// titleStart returns the index of the word that one title link ("in",
// "the") or a preposition and "the" join to token i, or -1: the word a
// title-case title runs on from.
func titleStart(t *Text, i int) int {
	toks := t.Tokens
	if i < 2 || toks[i-1].Cap || !titleLinks[toks[i-1].Key] || !t.Joinable(i, false) || !t.Joinable(i-1, false) {
		return -1
	}
	if toks[i-1].Key == "the" && i >= 3 && !toks[i-2].Cap && titlePreps[toks[i-2].Key] && t.Joinable(i-2, false) {
		return i - 3
	}
	return i - 2
}

// groupNouns name a group of people; a capitalised word right before one
// describes the group.
var groupNouns = map[string]bool{"men": true, "women": true, "people": true, "families": true, "refugees": true, "migrants": true, "workers": true, "villagers": true, "communities": true, "community": true, "fishermen": true, "girls": true, "boys": true, "children": true, "language": true, "speakers": true}

// groupFollows reports whether a group noun follows token j-1, directly
// or after "and"/"or" and one more capitalised word ("Karen and Shan
// women").
func groupFollows(t *Text, j int) bool {
	toks := t.Tokens
	if j < len(toks) && (toks[j].Key == "and" || toks[j].Key == "or") && j+2 < len(toks) && toks[j+1].Cap {
		j += 2
	}
	return j < len(toks) && !toks[j].Cap && toks[j].Gap == GapSpace && groupNouns[toks[j].Key]
}

// elided reports a token that opens with an elided article before a
// capital ("d'Ivoire", "l'Est"): capitalised for a phrase's purposes.
func elided(t *Text, k int) bool {
	w := t.Src[t.Tokens[k].Start:t.Tokens[k].End]
	if len(w) < 4 || w[1] != '\'' && w[1] != 0xE2 && w[2] != '\'' && w[2] != 0xE2 {
		return false // the apostrophe comes after one or two letters
	}
	a := strings.IndexAny(w, "'’")
	if a < 1 || a > 2 || a+1 >= len(w) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[a+len(string([]rune(w[a:])[0])):])
	return unicode.IsUpper(r)
}

// hyphenPlace reports, and emits, a gazetteer place written with a hyphen
// ("Hpa-an", "Hpa-An"), which would otherwise read as a compound word
// ("Go-live") or lose a part that is a function word ("An").
func (m *properMatcher) hyphenPlace(t *Text, i int, emit func(Match)) bool {
	toks := t.Tokens
	if i+1 >= len(toks) || toks[i+1].GapText != "-" || toks[i+1].Digit ||
		i+2 < len(toks) && toks[i+2].Gap == GapHyphen {
		return false
	}
	key := t.Key(i, i+2)
	f, ok := m.places.phraseFields(t, i, key)
	if !ok || bytes.IndexByte(lastField(f), 'w') >= 0 || m.allow.AllowsTerm(key) || m.common.Has(key) {
		return false
	}
	emit(Match{Start: toks[i].Start, End: toks[i+1].End, Category: "location", Country: countryOf(f), Why: "known place"})
	return true
}

// esPlural reports whether a stem takes -es in the plural or third person
// ("boxes", "churches", "potatoes").
func esPlural(stem string) bool {
	for _, e := range [...]string{"s", "x", "z", "ch", "sh", "o"} {
		if strings.HasSuffix(stem, e) {
			return true
		}
	}
	return false
}

// inflected reports whether key, not in the word list itself, is a plural
// or -ed/-ing form of a word that is ("mitigations", "figures"): the list
// holds many words without their inflections. Keys shorter than six
// letters are left alone; short names end in these letters too.
func (m *properMatcher) inflected(key string) bool {
	if len(key) < 6 || m.words == nil {
		return false
	}
	for _, suf := range [...]struct{ cut, add string }{{"ies", "y"}, {"es", ""}, {"s", ""}, {"ed", ""}, {"ed", "e"}, {"ing", ""}, {"ing", "e"}} {
		stem, ok := strings.CutSuffix(key, suf.cut)
		if !ok || len(stem) < 4 || suf.cut == "s" && strings.HasSuffix(stem, "s") {
			continue // "Douglass" is no plural
		}
		if suf.add == "" && suf.cut != "s" && strings.HasSuffix(stem, "e") {
			continue // a word in -e takes -d, not -ed: "Naveed" is no "nave" + "ed"
		}
		if suf.cut == "es" && !esPlural(stem) {
			continue // "Fretes" is no plural of "fret" (that is "frets")
		}
		if m.words.Has(stem + suf.add) {
			return true
		}
	}
	return false
}

// commonPlural reports a plural of a capitalised word that is not
// sensitive: peoples are named in the plural ("Tamils", "Uyghurs",
// "Hazaras") as often as not.
func (m *properMatcher) commonPlural(t *Text, i int) bool {
	key := t.Tokens[i].Key
	stem, ok := strings.CutSuffix(key, "s")
	return ok && len(stem) >= 4 && !strings.HasSuffix(stem, "s") && m.common.Has(stem)
}

// prefixes open compounds that are words ("Pre-departure", "Co-op").
var prefixes = map[string]bool{"pre": true, "re": true, "co": true, "non": true, "post": true, "anti": true, "sub": true, "inter": true, "multi": true, "ex": true, "self": true, "cross": true, "semi": true, "mid": true, "over": true, "under": true}

// compoundWord reports whether key, in no word list, is a prefix and a
// listed word ("reintegration", "nonpayment"). Closed compounds of two
// words are not tried: names are made that way ("Godswill").
func (m *properMatcher) compoundWord(key string) bool {
	if len(key) < 8 || m.words == nil {
		return false
	}
	for _, p := range [...]string{"re", "pre", "non", "co", "un", "over", "under", "inter", "multi", "counter"} {
		if rest, ok := strings.CutPrefix(key, p); ok && len(rest) >= 6 && m.words.Has(rest) {
			return true
		}
	}
	return false
}

// compound reports whether token i is the first half of a capitalised
// compound of two ordinary words joined by a hyphen ("Counter-Trafficking",
// "Self-Help"): a term, not a name, whatever surnames the halves are.
func (m *properMatcher) compound(t *Text, info []tokInfo, i int) bool {
	if i+1 >= len(t.Tokens) || t.Tokens[i+1].GapText != "-" || !t.Tokens[i+1].Cap {
		return false
	}
	return m.has(t, info, i, infoWord) && m.has(t, info, i+1, infoWord) && !m.has(t, info, i+1, infoName)
}

// romanisedName reports a capitalised token joined by a hyphen to a short
// lower-case syllable that no word list knows ("Dong-hyun", "Ji-hoon").
func (m *properMatcher) romanisedName(t *Text, i int) bool {
	if i+1 >= len(t.Tokens) {
		return false
	}
	next := &t.Tokens[i+1]
	if next.GapText != "-" || len(next.Key) < 2 || nameSuffixes[next.Key] || hyphenLinks[next.Key] {
		return false
	}
	// "Aix-en-Provence": a place's linking word, not a syllable.
	if i+2 < len(t.Tokens) && t.Tokens[i+2].GapText == "-" {
		return false
	}
	if koreanPair(t.Tokens[i].Key, next.Key) {
		return true // "Mi-ran", "Ji-won", words or not
	}
	return m.syllable(t, i+1) && !m.inflected(next.Key)
}

// senderRoles are the roles a chat export or a transcript names its
// speakers by when it keeps their names out.
var senderRoles = map[string]bool{"outreach": true, "caseworker": true, "coordinator": true, "driver": true, "admin": true, "team": true,
	"lawyer": true, "interpreter": true, "volunteer": true, "field": true, "office": true, "staff": true, "manager": true, "supervisor": true,
	"police": true, "shelter": true, "hotline": true, "me": true, "you": true, "system": true, "moderator": true, "host": true, "guest": true,
	"nurse": true, "counsellor": true, "counselor": true, "officer": true, "investigator": true, "comms": true, "security": true, "ops": true,
	"lead": true, "director": true, "editor": true, "producer": true, "reviewer": true, "survivor": true, "interviewer": true}

// koreanPair reports whether two keys joined by a hyphen are a Korean
// given name ("Mi-ran", "Seo-yeon"): two syllables of koreanSyllables, not
// the same one twice ("So-so", "Ha-ha").
func koreanPair(a, b string) bool {
	return a != b && koreanSyllables[a] && koreanSyllables[b]
}

// koreanSyllables are syllables of romanised Korean given names, some of
// which spell English words ("ran", "won", "man").
var koreanSyllables = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Fields(`a ae ah bin bo bok bong cha chae chan chang cheol cheon chul chun da dae do dong du eun gang geon gi gil
		gwang gyeong ha hae hak han hee ho hoon hun hwa hwan hye hyeon hyo hyuk hyun il in ja jae jang jeong ji jin jo jong joo
		ju jun jung kyung mi min myeong myung na nam ok ran ri rin sang seo seok seon seong seung so sol song soo sook su suk
		sun sung tae taek u un won woo wook ye yeon yeong yong young yu yun`) {
		m[s] = true
	}
	return m
}()

// syllable reports a short lower-case token that no word list knows: a
// syllable of a romanised name ("hyun" of "Dong-hyun"), not "led" of
// "Chen-led".
func (m *properMatcher) syllable(t *Text, k int) bool {
	tok := &t.Tokens[k]
	return !tok.Cap && !tok.Digit && len(tok.Key) <= 5 && !m.words.hasToken(t, k) && !m.common.hasToken(t, k)
}

// numbered reports whether token j starts a number that labels the words
// before it: "Class 4", "Case No. 12", "Room #3". Such a run is a numbered
// thing, not a person.
func numbered(t *Text, j int) bool {
	if j >= len(t.Tokens) {
		return false
	}
	tok := &t.Tokens[j]
	if tok.Digit {
		g := strings.TrimSpace(tok.GapText)
		return (g == "" || g == "#") && !strings.Contains(tok.GapText, "\n")
	}
	switch tok.Key {
	case "no", "nos", "nr", "num", "number":
		if j+1 < len(t.Tokens) && !strings.Contains(tok.GapText, "\n") {
			next := t.Tokens[j+1]
			return next.Digit || strings.ContainsAny(t.Src[next.Start:next.End], "0123456789") // "No. B2/4471"
		}
	}
	return false
}

// placeFields looks tokens i..j (key: their n-gram key) up in the
// gazetteer and returns the fields stored with them.
func (m *properMatcher) placeFields(t *Text, i, j int, key string) ([]byte, bool) {
	if j-i == 1 {
		return m.places.fieldsToken(t, i)
	}
	return m.places.phraseFields(t, i, key)
}

func (m *properMatcher) placeOK(fields []byte, words int) bool {
	if m.minPop == 0 || words > 1 {
		return true
	}
	parts := bytes.Split(fields, []byte("\t"))
	if len(parts) >= 3 && (string(parts[1]) == "A1" || string(parts[1]) == "A2") {
		return true
	}
	if len(parts) >= 3 {
		pop := 0
		for _, c := range parts[2] {
			if c < '0' || c > '9' {
				break
			}
			pop = pop*10 + int(c-'0')
		}
		return pop >= m.minPop
	}
	return true
}

func lastField(f []byte) []byte {
	if i := bytes.LastIndexByte(f, '\t'); i >= 0 {
		return f[i+1:]
	}
	return f
}

// judge decides whether the run [i, j) is a proper noun worth flagging.
func (m *properMatcher) judge(t *Text, i, j int, sc *properScratch, emit func(Match)) {
	toks := t.Tokens
	ev, country, phrase := sc.ev, sc.country, sc.phrase
	start := i
	// A vessel named after its kind takes its number: "the trawler Hai
	// Feng 688", "the longliner Sheng Feng No. 168".
	if vesselBefore(t, i) && ev[i]&(evAllowed|evHonorific) == 0 {
		if j+1 < len(toks) && (toks[j].Key == "no" || toks[j].Key == "nr") && toks[j+1].Digit && !strings.Contains(toks[j].GapText, "\n") {
			j += 2 // "No. 168"
		} else if j < len(toks) && toks[j].Digit && strings.TrimSpace(toks[j].GapText) == "" && !strings.Contains(toks[j].GapText, "\n") {
			j++ // "688"
		}
		emit(Match{Start: toks[i].Start, End: toks[j-1].End, Category: "location", Why: "named vessel"})
		return
	}
	// One word naming who wrote a chat line is a name, even an ordinary
	// word ("17:48 - Ploy: ..."), or a town's name ("[09:14] Dimitra S:
	// ok", with the surname's initial); more words go through the usual
	// judgement with the sender's place as a cue ("Team Lead" stays a
	// role). A role in capitals is no sender ("[00:00:29] SPEAKER:", "HOST:").
	// So is a team's role ("21:07 Outreach: on our way", "Caseworker:").
	role := toks[i].Upper && ev[i]&evWord != 0 && ev[i]&(evName|evNameWord|evUnknown) == 0 || senderRoles[toks[i].Key]
	if j == i+1 && ev[i]&(evAllowed|evHonorific) == 0 && !role {
		end := j
		if j < len(toks) && toks[j].Cap && len(toks[j].Key) == 1 && t.Joinable(j, false) && chatSender(t, i, j+1) {
			end = j + 1
		}
		if chatSender(t, i, end) {
			emit(Match{Start: toks[i].Start, End: toks[end-1].End, Category: "name", Why: "who wrote a line of a chat", Names: []string{toks[i].Key}})
			return
		}
	}
	// A word joined to a title of respect is how someone is addressed
	// ("Munshi-ji", "Sardar-ji"): a person, whatever the word means. Two
	// titles joined are a role ("Mama-san"), and a role word alone stays
	// one ("the munshi"): only a name is echoed.
	if j == i+1 && ev[i]&(evAllowed|evHonorific) == 0 && suffixed(t, i) {
		var names []string
		if ev[i]&(evName|evNameWord|evUnknown) != 0 {
			names = []string{toks[i].Key}
		}
		emit(Match{Start: toks[i].Start, End: toks[j].End, Category: "name", Why: "name or word with a title of respect", Names: names})
		return
	}
	// A lower-case Spanish article before one capitalised word that is
	// no place (or also an ordinary word) opens a nickname mid-sentence
	// ("we met el Mono"), whatever the word means; the article is the
	// name's. A place's name is a nickname too in quotes or after "alias"
	// ('alias "el Chato"').
	// Not after "de" ("María de la Cruz": a surname's particle).
	if j == i+1 && i > 0 && !toks[i].Upper && toks[i].GapText == " " && spanishArticles[toks[i-1].Key] && !toks[i-1].Cap &&
		ev[i]&(evAllowed|evHonorific) == 0 && (ev[i]&(evPlace|evPlaceWord) == 0 || ev[i]&evWord != 0 || aliasBefore(t, i-1)) && (i < 2 || !particleDe[toks[i-2].Key]) {
		emit(Match{Start: toks[i-1].Start, End: toks[i].End, Category: "name", Why: "nickname after a Spanish article", Names: []string{toks[i].Key}})
		return
	}
	// "One day", "Two weeks later": a number word before a lower-case
	// word opens a phrase of time or count, wherever the line breaks, even
	// where a town has the number's name.
	if j == i+1 && numberWords[toks[i].Key] && j < len(toks) && !toks[j].Cap && !toks[j].Digit && t.Joinable(j, false) {
		return
	}
	// Drop leading ordinary words that only open the sentence or a
	// title-case heading ("The", "When", "Dear").
	for i < j {
		e := ev[i]
		if e&evConnector != 0 && !toks[i].Cap {
			i++
			continue
		}
		plain := e&evWord != 0 && e&(evName|evNameWord|evPlace|evHonorific|evVenue) == 0
		if !plain || !(sentStart(t, ev, i) || t.TitleCase) {
			break
		}
		if i+1 < j && toks[i+1].GapText == "-" && ev[i+1]&evHonorific != 0 {
			break // "Sub-Inspector Meera Kulkarni"
		}
		// A Spanish article opens a nickname or a place's name, not only a
		// sentence: "La Güera was picked up", "El Gato ran the house".
		if i+1 < j && spanishArticles[toks[i].Key] && ev[i+1]&(evName|evNameWord|evUnknown|evPlace) != 0 {
			break
		}
		// After a field's label ("Partner liaison: Gentian Dervishi") a
		// word before a surname or an unknown word opens a value, not a
		// sentence: the person's given name.
		if i > 0 && i+1 < j && strings.HasSuffix(toks[i].GapText, ": ") && !t.lineStart(i) && ev[i+1]&(evName|evUnknown) != 0 && ev[i+1]&evHonorific == 0 {
			break
		}
		// A word that is also a given name, right before a surname or an
		// unknown word, is that name ("Gentian Dervishi").
		if i+1 < j && ev[i+1]&(evName|evUnknown) != 0 && ev[i+1]&evHonorific == 0 && !t.TitleCase {
			if known := m.has(t, sc.info, i, infoName); known || ev[i+1]&evName != 0 && utf8.RuneCountInString(toks[i].Key) >= 4 {
				break
			}
		}
		i++
	}
	// Drop trailing ordinary words unless they are venue words ("Golden
	// Palm Bar"), or the one word a name cue introduces ("two sisters,
	// Memory and Mercy").
	cued := j-i == 1 && i > 0 && sc.small[i-1]&smNameCue != 0 && !strings.Contains(toks[i].GapText, "\n")
	end := j
	for j > i && !cued && ev[j-1]&(evWord|evConnector) != 0 && ev[j-1]&(evName|evPlace|evVenue|evNameWord|evPlaceWord) == 0 {
		// The word a title that is no English word introduces is a name,
		// whatever else it is ("Nong Ploy", "Khun Dao").
		if j-2 >= i && ev[j-2]&evHonorific != 0 && ev[j-2]&evWord == 0 && ev[j-1]&evHonorific == 0 && toks[j-1].Cap {
			break
		}
		j--
	}
	// A title that ends the run makes it a job title ("Communications
	// Officer", "Revenue Divisional Officer", "Attorney General"): a
	// person's title comes before the name. Not when the gazetteer knows
	// the whole run as a place ("Sharm El Sheikh").
	if j-i > 1 && ev[j-1]&evHonorific != 0 && ev[j-1]&evWord != 0 && !m.namedBefore(ev, i, j-1) && phrase[i] != j {
		for j > i && ev[j-1]&evHonorific != 0 && ev[j-1]&evWord != 0 {
			j--
		}
		for j > i && ev[j-1]&(evWord|evConnector) != 0 && ev[j-1]&(evName|evPlace|evVenue|evNameWord|evPlaceWord) == 0 {
			j--
		}
		if j-i == 1 && ev[i]&evHonorific != 0 {
			return
		}
		// Only ordinary words (some also names) before the title: the
		// whole run is the title ("District Child Protection Officer").
		var before evidence
		for k := i; k < j; k++ {
			before |= ev[k]
		}
		if before&(evName|evUnknown|evPlace) == 0 {
			return
		}
	}
	// Ordinary capitalised words after it make a word that is also a name
	// or a place the start of an institution's or a programme's name
	// ("Homeland Security Investigations", "Hope Foundation").
	if (j < end || i > start && !sentenceAdverb(toks[i-1].Key)) && !cued {
		// ... and so do capitalised words before it, when the function
		// words that open sentences are not among them ("Freedom
		// Forward is produced by").
		var weak evidence
		for k := i; k < j; k++ {
			weak |= ev[k]
		}
		if weak&(evName|evPlace|evUnknown|evHonorific|evVenue) == 0 {
			return
		}
	}
	// A person's name before an organisation's word is the organisation's
	// name ("The Calloway Family Foundation"), also across "and", "of" or
	// "for" ("Gangmasters and Labour Abuse Authority").
	for k := j; k < end; k++ {
		if orgWords[toks[k].Key] {
			return
		}
	}
	// ... and so does one that ends the run ("Bridgeway Justice").
	if j-i > 1 && orgWords[toks[j-1].Key] {
		return
	}
	if k := end; k+1 < len(toks) && (toks[k].Key == "and" || toks[k].Key == "of" || toks[k].Key == "for") && t.Joinable(k, false) {
		for k++; k < len(toks) && k < end+6 && toks[k].Cap && t.Joinable(k, false); k++ {
			if orgWords[toks[k].Key] {
				return
			}
		}
	}
	for i < j && ev[i]&evConnector != 0 {
		i++
	}
	if i >= j {
		return
	}
	var all evidence
	for k := i; k < j; k++ {
		all |= ev[k]
	}
	single := j-i == 1
	// The short lists hold no empty key, so there is no cue before the
	// first token or after the last.
	prevKey, prev := "", smallBits(0)
	if i > 0 {
		prevKey, prev = toks[i-1].Key, sc.small[i-1]
	}
	next := smallBits(0)
	if j < len(toks) {
		next = sc.small[j]
	}
	// A cue counts only right before the words ("from Esther", not
	// "From: Esther").
	placeCue := prev&smPlaceCue != 0 && t.Joinable(i, false)
	// A name cue ends no sentence before the name ("by a cousin. Her
	// statement") and is no capitalised word of a title ("Survivor Voices").
	nameCue := prev&smNameCue != 0 && !toks[i].SentStart && !toks[i-1].Cap || next&smNameAfter != 0 || (i > 0 && ev[i-1]&evHonorific != 0 && t.Joinable(i, false)) || chatSender(t, i, j) ||
		m.vocative(t, i, j)
	venueNext := next&smVenue != 0
	strongPos := !sentStart(t, ev, i) && !t.TitleCase

	category := ""
	why := ""
	// A compass word before a place or a place-word is a region of a
	// country ("West Midlands", "Western Cape"); "the West" alone is a
	// direction, not a person.
	var rest evidence
	for k := i + 1; k < j; k++ {
		rest |= ev[k]
	}
	region := compass[toks[i].Key] && !single && rest&(evPlace|evPlaceWord) != 0 && rest&evName == 0
	// The run fills its line: a signature, a list item, a header.
	wholeLine := t.lineStart(i) && (j == len(toks) || t.lineStart(j))
	// "Roma families", "Slovak Roma", "the Roma": a people whose name is
	// also a given name, named as a people.
	if single && peoples[toks[i].Key] && (groupFollows(t, j) || prevKey == "the" ||
		i > 0 && ev[i-1]&evAllowed != 0 && toks[i-1].Cap && t.Joinable(i, false)) {
		return
	}
	// A direction alone is no person: "the West", "women from South and
	// Southeast Asia".
	if single && compass[toks[i].Key] && (prevKey == "the" || all&evPlace == 0) {
		return
	}
	// "GENERAL OBSERVATIONS", "CAPTAIN'S LOG": in capitals a title before
	// ordinary words heads a section; it names no one.
	if !single && all&evHonorific != 0 && rest&(evName|evNameWord|evPlace|evPlaceWord|evUnknown|evHonorific) == 0 && rest&evWord != 0 && upperRun(t, i, j) {
		return
	}
	// "Yes / No", "No stock photos": the answer words alone are no one's
	// name, whatever surname lists hold them.
	if single && (toks[i].Key == "no" || toks[i].Key == "yes") && all&evHonorific == 0 {
		return
	}
	switch {
	case region:
		category, why = "location", "region named by a compass word"
	case all&(evName|evHonorific) != 0 && !(single && all&evHonorific != 0):
		category, why = "name", "known name"
		switch {
		case single && all&evPlace != 0 && placeCue:
			category, why = "location", "known place after "+prevKey
		case !single && (ev[i]|ev[j-1])&evVenue != 0 && all&evHonorific == 0 && !nameCue:
			// "Bar La Sirena", "Calle Duarte", "Golden Palm Bar".
			category, why = "location", "named venue"
		case !single && phrase[i] == j && !nameCue && (placeCue || !m.fullName(t, i, j)):
			// "Boca Chica", "Santo Domingo": the gazetteer knows the whole
			// phrase, whatever its words are as names.
			category, why = "location", "known place"
		}
	case all&evPlace != 0:
		category, why = "location", "known place"
	case all&evUnknown != 0 && single && sentStart(t, ev, i) && m.foreignAfter(t, j):
		// "Walang pasaporte", "Muchas gracias a": a sentence in another
		// language opens with its own words, which no English list knows.
		return
	case all&evUnknown != 0:
		// Not in any dictionary, even at the start of a sentence: in these
		// stories that is a name far more often than a term of art.
		category, why = m.unknown, "capitalised word not in the dictionary"
		if placeCue || venueNext || all&evVenue != 0 {
			category = "location"
			// "drafted from Tom Whitcombe's notes": a given name before an
			// unknown surname is a person, even after a place cue.
			if !venueNext && all&(evVenue|evPlace|evPlaceWord) == 0 && j-i == 2 && ev[i]&(evName|evNameWord) != 0 && !compass[toks[i].Key] && ev[i+1]&evUnknown != 0 {
				category = "name"
			}
		}
	case all&evVenue != 0 && !single:
		category, why = "location", "named venue"
	case !single && phrase[i] == j && all&evPlaceWord != 0 && placeCue && strongPos:
		// "drove to Cape Coast", "flew into Gold Coast": the gazetteer
		// knows the whole run, after a place cue, though one of its words
		// is also a surname.
		category, why = "location", "place that is also a word, after "+prevKey
	case all&evNameWord != 0 && (strongPos || nameCue) && !(venueNext && false):
		if !strongPos && !nameCue {
			return
		}
		// "Child Welfare Agency", "Ghana Card": capitalised ordinary words
		// around it, or a country before it, make a title, not a person.
		for k := i; k < j; k++ {
			if ev[k]&(evName|evNameWord|evUnknown) == 0 {
				return
			}
		}
		// ("Mr", allowed alone, still titles a name: "Mr Hope".)
		if i > 0 && ev[i-1]&evAllowed != 0 && sc.small[i-1]&smHonorific == 0 && t.Joinable(i, false) {
			return
		}
		// "Class 4", "Case No. 12": a numbered thing. "Figures: Ana
		// Ruiz": a label. "tell Mama": a title alone is no name.
		if numbered(t, j) || j < len(toks) && strings.HasPrefix(toks[j].GapText, ":") || single && all&evHonorific != 0 {
			return
		}
		// "a White Hiace": a word before a brand or a model describes it.
		if single && j < len(toks) && toks[j].Cap && t.Joinable(j, false) && ev[j]&evAllowed != 0 && m.common.hasToken(t, j) {
			return
		}
		// "Head of Programmes", "Chair of the Board": a role.
		if single && j+1 < len(toks) && toks[j].Key == "of" && t.Joinable(j, false) && (toks[j+1].Cap || toks[j+1].Key == "the") {
			return
		}
		// "the Board", "the Mercedes": one word that is also a name, after
		// "the", is the thing the word names, not a person.
		if single && prevKey == "the" && !toks[i].SentStart {
			return
		}
		// "North India", "Western Kenya": a direction before a country
		// is part of a region's name, never a person.
		if single && compass[toks[i].Key] && j < len(toks) && toks[j].Cap && t.Joinable(j, false) && ev[j]&evAllowed != 0 {
			return
		}
		// "Partners in Hope", "Friends of Grace": the end of a title. Two
		// words that are also names are a title too when "the", "of", "in"
		// "for" or "with" join them ("Light the Way"), or a preposition
		// and "the" ("Voices from the Field"); across "and" they may be
		// two people ("Grace and Hope").
		if k := titleStart(t, i); k >= 0 && toks[k].Cap && ev[k]&evWord != 0 && ev[k]&(evName|evPlace|evUnknown|evHonorific) == 0 &&
			(ev[k]&evNameWord == 0 || toks[i-1].Key != "and") {
			return
		}
		// ... and its start: "Light the Way", "Voices of Hope".
		if j+1 < len(toks) && !toks[j].Cap && titleLinks[toks[j].Key] && toks[j].Key != "and" && t.Joinable(j, false) && t.Joinable(j+1, false) &&
			toks[j+1].Cap && ev[j+1]&evWord != 0 && ev[j+1]&(evName|evPlace|evUnknown|evHonorific) == 0 {
			return
		}
		category, why = "name", "name that is also a word, used as a name"
	case all&evNameWord != 0 && j-i == 2 && (!t.TitleCase || wholeLine) && all&(evPlace|evVenue) == 0 &&
		(all&evPlaceWord == 0 || wholeLine) && m.fullName(t, i, j) && toks[i+1].Cap && !toks[i+1].Upper:
		// "Lily Chambers (comms)" opening a line: a given name and a
		// surname, both also words, still make a person's name where only
		// the first word's capital is owed to the sentence; so does such a
		// name alone on a line of a signature ("Warmly,\nGrace Tan").
		category, why = "name", "given name and surname, both also words"
	case all&evPlaceWord != 0 && placeCue && strongPos:
		category, why = "location", "place that is also a word, after "+prevKey
	case venueNext && strongPos:
		category, why = "location", "named venue"
		j++
	case nameCue && strongPos && all&evWord != 0 && !(j-i == 1 && toks[i].Upper && utf8.RuneCountInString(toks[i].Key) > 3 && !t.Joinable(i, false)):
		// A word in capitals set apart is emphasis, not a name ("her
		// sons (PRIORITY)"; "given the name LANTERN" is one).
		category, why = "name", "capitalised word after a name cue"
	default:
		return
	}
	if j > len(toks) {
		j = len(toks)
	}
	c := ""
	for k := i; k < j; k++ {
		if country[k] != "" {
			c = country[k]
		}
	}
	// "paid it to Dilip dai": a kinship title after a name or an unknown word
	// makes a person of what the cue before took for a place.
	if category == "location" && all&(evName|evUnknown) != 0 && all&(evPlace|evVenue) == 0 && j < len(toks) && toks[j].Gap == GapSpace &&
		!toks[j].Cap && spacedSuffixes[toks[j].Key] && (j+1 == len(toks) || !toks[j+1].Cap || !t.Joinable(j+1, false)) {
		category, why = "name", "name with a title of respect after it"
	}
	// The words that identify the entity, so the scanner can find its other
	// mentions in the document ("Precious was 19" once "Precious says" made
	// her a name): names and unknown words, not titles, venue words or
	// ordinary words.
	var names []string
	for k := i; k < j && category == "name"; k++ {
		// An article or a particle ("El" of "El Flaco", "De" of "De la
		// Cruz") identifies nobody: echoing it would flag "El Salvador".
		if (ev[k]&(evName|evNameWord|evUnknown) != 0 || cued) && ev[k]&(evHonorific|evVenue|evAllowed|evAcronym) == 0 && sc.small[k]&smConnector == 0 && toks[k].Cap &&
			utf8.RuneCountInString(toks[k].Key) > 1 {
			names = append(names, toks[k].Key)
		} else if k > i && k+1 < j && initials(t, k) && quotedGap(toks[k].GapText, true) && quotedGap(toks[k+1].GapText, false) {
			names = append(names, toks[k].Key) // the nickname's later mentions: "JC called"
		}
	}
	// "Our Justicia Cerca programme": the name of a programme, not a person.
	if category == "name" && j < len(toks) && !toks[j].Cap && t.Joinable(j, false) && programmeWords[toks[j].Key] {
		return
	}
	// "Karen and Shan women": a people's name before a noun for a group
	// of people, where a person's name never stands; unknown words stay
	// flagged (they may be a town: "Tiruvallur women").
	if category == "name" && all&(evUnknown|evHonorific) == 0 && groupFollows(t, j) {
		return
	}
	// "the Chok Sombat 18": a person takes no article and no number; a
	// boat or a venue does. So do two or more words with a number right
	// after them ("the crew of Hai Feng 688", "Sinar Jaya 8 left port"): a
	// person's name takes a comma before an age ("Maria Santos, 15").
	if category == "name" && all&evHonorific == 0 && nameNumber(t, j-1) > j-1 &&
		(i > 0 && toks[i-1].Key == "the" && !toks[i-1].Cap && t.Joinable(i, false) && (all&evName == 0 || plainNumber(t, j)) || !single && plainNumber(t, j)) {
		category, why, names = "location", "named vessel or venue with a number", nil
	}
	// "Okada junction", "Kathmandu valley", "Kunak district police
	// headquarters": the lower-case kind of place after the name is part
	// of it; a person's name takes none.
	if (category == "location" || category == "name" && !nameCue && all&evHonorific == 0) && j < len(toks) {
		if end := m.tailVenue(t, j); end > j {
			category, why, names, j = "location", "named place and its kind", nil, end
		}
	}
	if category == "location" {
		j = nameNumber(t, j-1) + 1 // "Colombo 7", "Chak 47"
	}
	// A surname's initial after the name ("Hafiz R.") is part of it.
	if category == "name" && j < len(toks) && toks[j].Cap && t.Joinable(j, false) && utf8.RuneCountInString(t.Src[toks[j].Start:toks[j].End]) == 1 &&
		strings.HasPrefix(t.Src[toks[j].End:], ".") && (j+1 == len(toks) || !toks[j+1].Cap || toks[j+1].SentStart || strings.HasPrefix(t.Src[toks[j].End:], ".:")) {
		j++
	}
	// ... and so is one joined after it ("Priya-di", "Munshi-ji"), or the
	// lower-case syllable of a romanised given name ("Chen Wei-ming",
	// "Kim Ji-hoon"), which is no English word ("Chen-led").
	if category == "name" && j < len(toks) && toks[j].GapText == "-" && (nameSuffixes[toks[j].Key] && !toks[j].Cap || m.syllable(t, j) ||
		!toks[j].Cap && koreanPair(toks[j-1].Key, toks[j].Key)) {
		j++
	} else if category == "name" && j < len(toks) && toks[j].Gap == GapSpace && spacedSuffixes[toks[j].Key] && (j+1 == len(toks) || !toks[j+1].Cap || !t.Joinable(j+1, false)) {
		j++ // "Meenakshi di called", "Aman aga came"
	}
	// A lower-case title before one word says it is a person, even a word
	// that names a place too ("anh Lâm", "chị Dũng"); not the titles that
	// are also prepositions or articles elsewhere ("em Lisboa", "ba").
	if category == "location" && j-i == 1 && i > 0 && !toks[i-1].Cap && t.Joinable(i, false) && lowerTitles[toks[i-1].Key] && !prepTitles[toks[i-1].Key] {
		category = "name"
	}
	// A title written in lower case before the name is part of it, as a
	// capitalised one is ("chị Trang", "anh Minh", "mang Tonyo").
	if k := toks[max(i-1, 0)].Key; category == "name" && i > 0 && !toks[i-1].Cap &&
		(t.Joinable(i, false) && (lowerTitles[k] || nameParticles[k] && all&evName != 0) || lowerDotTitles[k] && toks[i].GapText == ". ") {
		i--
		// ... with the abbreviated title it ends ("Dott.ssa Anna Russo",
		// "Sig.ra Bianchi": Italian writes the feminine after a dot).
		if i > 0 && toks[i].GapText == "." && sc.small[i-1]&smHonorific != 0 {
			i--
		}
	}
	// "Mr. and Mrs. Dorvil": a couple's titles before their surname are
	// one name with it, so the report leaves no "and" between titles.
	if category == "name" && i >= 2 && sc.small[i-1]&smHonorific != 0 && afterTitle(toks[i].GapText) {
		if i >= 3 && toks[i-2].Key == "and" && !toks[i-2].Cap && sc.small[i-3]&smHonorific != 0 && afterTitle(toks[i-1].GapText) && afterTitle(toks[i-2].GapText) {
			i -= 3 // "Mr. and Mrs."
		} else if g := toks[i-1].GapText; sc.small[i-2]&smHonorific != 0 && (g == " & " || g == ". & ") {
			i -= 2 // "Mr & Mrs"
		}
	}
	// "Besa Krasniqi (BK)": initials defined after the name stand for the
	// person wherever the minutes use them ("BK said").
	defined := category == "name" && j < len(toks) && toks[j].GapText == " (" && initialsOf(t, i, j, j) &&
		(j+1 == len(toks) || strings.HasPrefix(toks[j+1].GapText, ")"))
	if defined {
		names = append(names, toks[j].Key)
	}
	stop := toks[j-1].End
	// A place joined by a hyphen to a number of one or two digits is one
	// part of it ("Mirpur-10", "Gulshan-2": Dhaka's sectors).
	if category == "location" && j < len(toks) && toks[j].GapText == "-" && toks[j].Digit && len(toks[j].Key) <= 2 &&
		(j+1 == len(toks) || toks[j+1].Gap != GapHyphen) {
		stop = toks[j].End
	}
	emit(Match{Start: toks[i].Start, End: stop, Category: category, Country: c, Why: why, Names: names})
	if defined {
		emit(Match{Start: toks[j].Start, End: toks[j].End, Category: "name", Why: "initials of the name before them", Names: []string{toks[j].Key}})
	}
}

// initialsOf reports whether token k, in capitals, spells the first letters
// of the capitalised words in [i, j), titles left out ("BK" of "Besa
// Krasniqi", "JPM" of "Dr. Juan Pablo Mora").
func initialsOf(t *Text, i, j, k int) bool {
	w := t.Src[t.Tokens[k].Start:t.Tokens[k].End]
	if !t.Tokens[k].Upper || len(w) < 2 || len(w) > 4 {
		return false
	}
	var want []byte
	for x := i; x < j; x++ {
		src := t.Src[t.Tokens[x].Start:t.Tokens[x].End]
		if t.Tokens[x].Cap && src[0] < utf8.RuneSelf {
			want = append(want, src[0])
		}
	}
	// A title may lead the name without an initial of its own.
	return string(want) == w || len(want) > len(w) && string(want[len(want)-len(w):]) == w
}

// plainNumber reports a number token j written after one space and not
// part of a time or a decimal: "Sinar Jaya 8", not "**Hannah Cole** 09:14".
func plainNumber(t *Text, j int) bool {
	if t.Tokens[j].GapText != " " {
		return false
	}
	if j+1 < len(t.Tokens) {
		g := t.Tokens[j+1].GapText
		return !(g == ":" || g == "." || g == ",") || !t.Tokens[j+1].Digit
	}
	return true
}

// lowerTitles are titles and kinship terms of address that drafts write in
// lower case before a name: Vietnamese, Filipino, South Asian, Bulgarian,
// Latin American, East African.
var lowerTitles = map[string]bool{"chi": true, "anh": true, "em": true, "ba": true, "ong": true, "co": true, "chu": true, "bac": true,
	"ate": true, "kuya": true, "tita": true, "tito": true, "lola": true, "lolo": true, "mang": true, "aling": true, "manang": true, "manong": true,
	"didi": true, "dai": true, "bhai": true, "bhaiya": true, "apa": true, "chacha": true, "chachi": true, "mausi": true, "nana": true, "nani": true,
	"baba": true, "kaka": true, "bate": true, "chicho": true, "lelya": true, "dyado": true, "teta": true, "auntie": true, "aunty": true, "uncle": true,
	"mama": true, "papa": true, "tia": true, "tio": true, "dona": true, "seu": true, "mzee": true, "bibi": true, "bwana": true,
	"ssa": true, "ra": true, "mjr": true} // "Dott.ssa", "Sig.ra"; Polish "mjr Kowalczyk"

// prepTitles are lower-case titles that other languages write as
// prepositions, articles or pronouns before a place ("em Lisboa").
var prepTitles = map[string]bool{"em": true, "ba": true, "co": true, "seu": true, "da": true, "ra": true, "ssa": true}

// lowerDotTitles are titles abbreviated with a full stop that drafts in
// Romanian, Spanish and Polish write in lower case before the name ("dl.
// Mihai Popescu", "la sra. Pérez", "podkom. Lisowski").
var lowerDotTitles = map[string]bool{"dl": true, "dna": true, "sr": true, "sra": true, "srta": true, "dr": true, "dra": true, "lic": true, "ing": true, "cmdte": true, "podkom": true, "kpt": true, "nadkom": true, "asp": true}

// nameParticles join a name found after them: a Spanish article before a
// nickname ("el Chino Ramírez"), a surname's particle ("de Vries"). They
// are no cue for one (Spanish text is full of "de" and "la").
var nameParticles = map[string]bool{"el": true, "la": true, "de": true, "van": true, "von": true}

// nameSuffixes are titles of respect that South, Central and East Asian
// and Turkish drafts join to a name with a hyphen ("Priya-di",
// "Rustam-aka"; Kyrgyz, Kazakh and Mongolian "eje", "baike", "egch";
// Japanese workplace ranks "Okada-hanchō", "-kachō").
var nameSuffixes = map[string]bool{"ji": true, "di": true, "didi": true, "bhai": true, "bhaiya": true, "sahab": true, "saheb": true, "sahib": true,
	"ben": true, "behen": true, "amma": true, "anna": true, "akka": true, "dada": true, "bhau": true, "tai": true, "san": true, "sama": true,
	"kun": true, "chan": true, "ssi": true, "nim": true, "aka": true, "opa": true, "jan": true, "jon": true, "bey": true,
	"hanim": true, "khanum": true, "efendi": true, "dai": true, "apa": true, "aiya": true, "ayya": true, "aunty": true, "auntie": true, "bhabhi": true, "sensei": true, "shacho": true, "shachou": true, "hancho": true, "kacho": true, "bucho": true, "senpai": true, "dono": true, "eje": true, "baike": true, "apai": true, "egch": true}

// spacedSuffixes are those of nameSuffixes that drafts also write after
// a space, and the Turkic "aga": none is an English word ("di" before a
// capitalised word is a connector: "Leonardo di Caprio").
var spacedSuffixes = map[string]bool{"di": true, "ji": true, "didi": true, "bhai": true, "bhaiya": true, "sahab": true, "saheb": true,
	"sahib": true, "aga": true, "agha": true, "baji": true, "opa": true, "akka": true, "amma": true, "mahattaya": true, "behen": true, "aka": true, "seth": true, "sethji": true, "dai": true, "apa": true, "aiya": true, "ayya": true, "eje": true, "baike": true, "apai": true, "egch": true}

// numberWords are the cardinals a sentence may open with.
var numberWords = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true}

// compass words open the names of regions.
var compass = map[string]bool{"north": true, "south": true, "east": true, "west": true, "central": true, "upper": true, "lower": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "northeast": true, "northwest": true, "southeast": true, "southwest": true}

// notAName recognises capitalised tokens that are never names: a single
// letter that is not an initial before a name ("Q. How", "A. We", "I"),
// hashtags and CamelCase brand or template words ("#EndSlavery", "GCash",
// "{FirstName}"), and contractions of ordinary words ("I've", "Don't").
// skip means the token cannot start or join a run; word means it is an
// ordinary word.
func (m *properMatcher) notAName(t *Text, sc *properScratch, i int) (skip, word bool) {
	info := sc.info
	tok := t.Tokens[i]
	w := t.Src[tok.Start:tok.End]
	// "P.S. Valentina* asked me": a postscript, not an initial before a name.
	if w == "S" && i > 0 && t.Tokens[i].GapText == "." && t.Tokens[i-1].Key == "p" ||
		w == "P" && i+1 < len(t.Tokens) && t.Tokens[i+1].GapText == "." && t.Tokens[i+1].Key == "s" {
		return true, false
	}
	// "Sig.ra Bianchi": an abbreviated title with its feminine ending is
	// part of the name after it (judge takes it there), not a word alone
	// ("Sig" is also a town).
	if sc.small[i]&smHonorific != 0 && i+1 < len(t.Tokens) && t.Tokens[i+1].GapText == "." && !t.Tokens[i+1].Cap && lowerTitles[t.Tokens[i+1].Key] {
		return true, false
	}
	if utf8.RuneCountInString(w) == 1 {
		if i+1 < len(t.Tokens) && initial(t, i+1) {
			// "W. A. Nimal Perera": initials in a row before the name.
			k := i + 1
			for k+1 < len(t.Tokens) && t.Tokens[k].Cap && utf8.RuneCountInString(t.Src[t.Tokens[k].Start:t.Tokens[k].End]) == 1 && initial(t, k+1) {
				k++
			}
			next := t.Tokens[k]
			long := utf8.RuneCountInString(t.Src[next.Start:next.End]) > 1
			compound := prefixes[next.Key] && k+1 < len(t.Tokens) && t.Tokens[k+1].GapText == "-" // "A. Pre-departure"
			if long && !compound && (!m.has(t, info, k, infoWord) || sc.small[k]&smHonorific != 0) {
				return false, false
			}
		}
		// A one-letter title before a name ("U Tin Maung", Burmese).
		if sc.small[i]&smHonorific != 0 && i+1 < len(t.Tokens) && t.Tokens[i+1].Cap && t.Tokens[i+1].Gap == GapSpace && !t.Tokens[i+1].SentStart {
			return false, false
		}
		if surnameInitial(t, sc.ev, i) {
			return false, false
		}
		return true, false
	}
	if g := tok.GapText; strings.HasSuffix(g, "#") || strings.HasSuffix(g, "{") || strings.HasSuffix(g, "@") {
		return true, false
	}
	if camel(w) && sc.small[i]&smHonorific == 0 { // "PCpt", "PMaj" are titles
		return true, false
	}
	// "Q1.", "Step 2:": a numbered label, no name ("E0412", "T3" are
	// codes, which other rules may not know: they stay).
	if strings.ContainsAny(w, "0123456789") && sc.small[i]&smHonorific == 0 && numberedLabel(t, i) {
		return true, false
	}
	// "Para 3", "Annex A": a part of a document by its number or letter;
	// "Boy A", "Victim 2": how a report keeps a person anonymous.
	if (docParts[tok.Key] || anonLabels[tok.Key]) && (numbered(t, i+1) || i+1 < len(t.Tokens) && letterLabel(t, i+1)) {
		return true, false
	}
	// "Luke 4:18", "Isaiah 61": a book of the Bible by chapter and verse.
	if bibleBooks[tok.Key] && i+1 < len(t.Tokens) && t.Tokens[i+1].Digit && t.Joinable(i+1, false) {
		return true, false
	}
	// Money: "R250 a week", "paid K300", "for Q500".
	if moneyCode(t, i) {
		return true, false
	}
	// One letter and a number or two ("V1", "Q3"): how a report keeps a
	// child anonymous or counts a quarter, never a name; after a name it
	// is part of it ("NAIA T3"), not after another code ("V1 V3 V4").
	if letterNumber(w) && !(i > 0 && t.Tokens[i-1].Cap && t.Joinable(i, false) && !t.lineStart(i) && !letterNumber(t.Src[t.Tokens[i-1].Start:t.Tokens[i-1].End])) {
		return true, false
	}
	// "No." before a number labels it ("Case No. 12"), whatever surname
	// "No" is.
	if k := tok.Key; (k == "no" || k == "nos" || k == "nr" || k == "num") && numbered(t, i) {
		return true, false
	}
	// A compound with a lower-case word is a word: "Go-live", "Check-in";
	// a title of respect joined to a name is not ("Priya-di", "Munshi-ji").
	if i+1 < len(t.Tokens) && t.Tokens[i+1].GapText == "-" && !t.Tokens[i+1].Cap && !t.Tokens[i+1].Digit && !nameSuffixes[t.Tokens[i+1].Key] && !m.romanisedName(t, i) {
		if prefixes[tok.Key] {
			sc.ev[i] &^= evPlace | evPlaceWord // "Pre-departure", though "Pre" is a town
		}
		return false, true
	}
	if label(t, i) {
		// A field label ("Preheader: ...", "Approver: ..."), unless it is a
		// known name addressed or speaking ("Sana: these are my notes"), or
		// a word in no list, which labels no field: a speaker ("**Farhana:**
		// Slide 4 is fine", "- Thandiwe: keep slide 5 general") or a place
		// ("- Daloa: the farm owner paid bail").
		if !m.has(t, info, i, infoName) && (m.has(t, info, i, infoWord) || m.inflected(tok.Key) || m.compoundWord(tok.Key)) {
			return true, false
		}
	}
	if a := strings.IndexAny(tok.Key, "'’"); a > 0 && sc.small[i]&smHonorific == 0 {
		head := tok.Key[:a]
		if head == "i" {
			return true, false // "I'll", "I’m": never a name, even after a name cue
		}
		if m.words.Has(head) || m.has(t, info, i, infoWord) {
			return false, true
		}
	}
	return false, false
}

// chatSender reports whether tokens [i, j) are who wrote a line of an
// exported chat: after its time ("14/10/2023, 17:48 - Ploy: ..." or
// "[14/10/2023, 17:48] Ploy: ..."), before a colon. A word that is also
// an ordinary word ("Ploy") is a name there.
func chatSender(t *Text, i, j int) bool {
	toks := t.Tokens
	if i == 0 || j >= len(toks) || !toks[i-1].Digit || !strings.HasPrefix(toks[j].GapText, ":") {
		return false
	}
	g := toks[i].GapText
	if g == " - " || g == "] " || g == " – " {
		return true
	}
	// "05:51 Ploy: ok": a line that opens with a clock time and a space.
	return g == " " && i >= 2 && toks[i-2].Digit && toks[i-1].GapText == ":" && len(toks[i-1].Key) == 2 && t.lineStart(i-2)
}

// senderEnd returns the end of the run of capitalised words joined by
// spaces that starts at i (at most three): a chat line's sender.
func senderEnd(t *Text, i int) int {
	j := i + 1
	for j < len(t.Tokens) && j-i < 3 && t.Tokens[j].Cap && t.Joinable(j, false) {
		j++
	}
	return j
}

// letterNumber reports a capital letter followed by one or two digits.
func letterNumber(w string) bool {
	if len(w) < 2 || len(w) > 3 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// surnameInitial reports a one-letter initial that ends a name ("Pramila
// K: she is out", "Mama N."): after a capitalised word joined by a space
// that may be a name, and before punctuation or the end of the line, not
// before a word ("told Ana I would").
func surnameInitial(t *Text, ev []evidence, i int) bool {
	toks := t.Tokens
	if i == 0 || toks[i].Key == "i" || !t.Joinable(i, false) || toks[i].SentStart {
		return false
	}
	p := toks[i-1]
	if !p.Cap || utf8.RuneCountInString(t.Src[p.Start:p.End]) < 2 ||
		ev[i-1]&(evName|evNameWord|evUnknown|evHonorific) == 0 || ev[i-1]&(evAllowed|evAcronym) != 0 {
		return false
	}
	rest := t.gapAfter(i)
	if i+1 < len(toks) && strings.Contains(rest, "\n") {
		return true
	}
	rest = strings.TrimLeft(rest, " \t")
	if rest == "" {
		return i+1 == len(toks) // else a word follows
	}
	switch rest[0] {
	case ':', ',', ')', '\n', ';':
		return true
	case '.':
		// "A." before a word is a list label or an initial of the next
		// name, which the caller has ruled out; after a name it ends it.
		return toks[i].Key != "a"
	}
	return false
}

// numberedLabel reports a token that starts a line and ends in a full
// stop, a colon or a bracket ("**Q1.** What happened?", "A3) ...").
func numberedLabel(t *Text, i int) bool {
	rest := strings.TrimLeft(t.gapAfter(i), "*_")
	return t.lineStart(i) && rest != "" && strings.ContainsRune(".:)", rune(rest[0]))
}

// camelKey spells a CamelCase word as the folded words it joins: "NgheAn"
// is "nghe an". It is empty for a word of one part.
func camelKey(w string) string {
	var b strings.Builder
	parts := 0
	prevLower := false
	for _, r := range w {
		if unicode.IsUpper(r) && prevLower {
			b.WriteByte(' ')
			parts++
		}
		prevLower = unicode.IsLower(r)
		b.WriteRune(r)
	}
	if parts == 0 {
		return ""
	}
	return fold.Fold(b.String())
}

// camel reports an upper-case letter after two lower-case ones inside a
// word ("GCash" is caught by its second letter, "EndSlavery", "WhatsApp"),
// except in name prefixes such as Mc, Mac, De, Di, La, Le, Van.
func camel(w string) bool {
	var buf [32]rune // words are short: no allocation
	rs := buf[:0]
	for _, r := range w {
		rs = append(rs, r)
	}
	if len(rs) < 3 {
		return false
	}
	if unicode.IsUpper(rs[0]) && unicode.IsUpper(rs[1]) && unicode.IsLower(rs[2]) {
		return true // GCash, XBox, not an all-caps word
	}
	lower := 0
	for k, r := range rs {
		switch {
		case unicode.IsLower(r):
			lower++
		case unicode.IsUpper(r) && k > 0:
			if lower >= 1 {
				prefix := strings.ToLower(string(rs[:k]))
				switch prefix {
				case "mc", "mac", "de", "di", "da", "la", "le", "van", "von", "du", "del", "della", "fitz", "o":
					continue
				}
				return true
			}
		default:
			lower = 0
		}
	}
	return false
}

// sentStart is Token.SentStart, corrected for a full stop after a single
// letter that turned out not to be an initial ("Q. How", "A. The"): the
// tokeniser cannot tell those from "S. Rajendran" without the word lists.
func sentStart(t *Text, ev []evidence, i int) bool {
	if t.Tokens[i].SentStart || t.lineStart(i) {
		return true
	}
	// Quoted speech opens with a capital too (`said, "Straight line."`).
	g := t.Tokens[i].GapText
	if strings.HasSuffix(g, "\"") || strings.HasSuffix(g, "“") || strings.HasSuffix(g, "‘") {
		return true
	}
	// "## 4.3 Case study": the first word after a section number.
	if i > 0 && t.Tokens[i-1].Digit {
		k := i - 1
		for k > 0 && t.Tokens[k-1].Digit {
			k--
		}
		if t.Tokens[k].SentStart && i-k <= 4 {
			return true
		}
	}
	// "No. 5" keeps the sentence going, "No, no. First we" does not; an
	// emoji ends a chat message ("Salamat po 🙏 Good work").
	if i > 0 && strings.HasPrefix(g, ".") && !t.Tokens[i].Digit && (t.Tokens[i-1].Key == "no" || t.Tokens[i-1].Key == "nos") {
		return true
	}
	for _, r := range g {
		if r >= 0x2190 && unicode.Is(unicode.So, r) {
			return true
		}
	}
	if i == 0 || ev[i-1]&evAcronym == 0 {
		return false
	}
	p := t.Tokens[i-1]
	return utf8.RuneCountInString(t.Src[p.Start:p.End]) == 1 && strings.HasPrefix(t.Tokens[i].GapText, ".")
}

// titled reports whether token j follows an abbreviated title ("Dra.
// Verónica", "Pol. Col. Somchai"). A title written whole ends a sentence at
// its full stop ("We drove to Kafr El Sheikh. Later...").
func titled(t *Text, ev []evidence, j int) bool {
	if ev[j-1]&evHonorific == 0 || strings.TrimRight(t.Tokens[j].GapText, " ") != "." {
		return false
	}
	prev := t.Tokens[j-1]
	return abbreviations[prev.Key] || utf8.RuneCountInString(t.Src[prev.Start:prev.End]) <= 4 && !wholeTitles[prev.Key]
}

// wholeTitles are titles of four letters or fewer that are words, not
// abbreviations: a full stop after them ends the sentence.
var wholeTitles = map[string]bool{"imam": true, "aunt": true, "dona": true, "doña": true, "don": true, "tita": true, "tito": true,
	"ate": true, "kuya": true, "mama": true, "papa": true, "baba": true, "mzee": true, "sir": true, "miss": true, "lady": true, "lord": true,
	"amma": true, "akka": true, "anna": true, "didi": true, "dada": true, "bhai": true, "bibi": true, "lola": true, "lolo": true, "tia": true, "tio": true, "opa": true, "apa": true, "aga": true, "eje": true}

// findInURL finds people and places in link addresses and image file names,
// which are lower case ("img/ramon-peralta-boca-chica.jpg"): a known name or
// place that is not also an ordinary word, together with the unknown words
// joined to it by hyphens or underscores ("grace-atieno-busia").
func (m *properMatcher) findInURL(t *Text, emit func(Match)) {
	toks := t.Tokens
	n := len(toks)
	kind := make([]byte, n) // 'n' name, 'w' name-word, 'p' place, 'u' unknown, 0 other
	country := make([]string, n)
	for i := 0; i < n; i++ {
		if toks[i].Digit || utf8.RuneCountInString(toks[i].Key) < 3 {
			continue
		}
		// Multi-word places first: "boca-chica".
		for j := min(n, i+4); j > i+1; j-- {
			if !chain(t, i, j, true) {
				continue
			}
			key := t.Key(i, j)
			if f, ok := m.places.phraseFields(t, i, key); ok && !m.allow.AllowsTerm(key) {
				for k := i; k < j; k++ {
					kind[k], country[k] = 'p', countryOf(f)
				}
				break
			}
		}
		if kind[i] != 0 {
			continue
		}
		isWord := m.words.hasToken(t, i) || m.common.hasToken(t, i) || m.allow.allowsToken(t, i)
		known, nameWord := m.isName(t, i)
		f, place := m.places.fieldsToken(t, i)
		switch {
		case known && !nameWord && !isWord:
			kind[i] = 'n'
		case place && !isWord && bytes.IndexByte(lastField(f), 'w') < 0:
			kind[i], country[i] = 'p', countryOf(f)
		case known:
			kind[i] = 'w' // a name that is also a word ("grace"): only beside another
		case !isWord:
			kind[i] = 'u' // in no list: part of a name only beside a known one
		}
	}
	for i := 0; i < n; i++ {
		if kind[i] == 0 {
			continue
		}
		j := i + 1
		for j < n && kind[j] != 0 && t.Joinable(j, true) && !strings.ContainsAny(toks[j].GapText, "/.") {
			j++
		}
		name, place := false, false
		c := ""
		for k := i; k < j; k++ {
			switch kind[k] {
			case 'n':
				name = true
			case 'w':
				if j-i > 1 {
					name = true
				}
			case 'p':
				place = true
				if c == "" {
					c = country[k]
				}
			}
		}
		// Unknown words alone are file-name noise ("img", "dsc", "final").
		if name || place {
			cat, why := "location", "place in a link or file name"
			if name {
				cat, why = "name", "name in a link or file name"
				c = ""
			}
			emit(Match{Start: toks[i].Start, End: toks[j-1].End, Category: cat, Country: c, Why: why})
		}
		i = j - 1
	}
}

// fullName reports whether [i, j) reads as a given name then a surname
// ("Grace Dizon"), which wins over a namesake place without a place cue.
func (m *properMatcher) fullName(t *Text, i, j int) bool {
	if len(m.names) < 2 {
		return false
	}
	return m.names[0].Has(t.Tokens[i].Key) && m.names[1].Has(t.Tokens[j-1].Key)
}

// label reports whether token j opens a line (or the segment) as a field label
// ("Kisenyi\nPreheader: Your gift"): e-mail headers and notes written as
// "Label: value" lines inside one Markdown paragraph.
func label(t *Text, j int) bool {
	return t.lineStart(j) && strings.HasPrefix(t.gapAfter(j), ":")
}

// lowerPlaces finds place names written in lower case, as hurried field
// notes and chat messages do ("we reached busia at noon", "back from boca
// chica"): the longest gazetteer phrase of up to four words, when it is no
// ordinary word, no name and no allowed term, after a place cue or before
// a venue word ("tela station"); a venue word after it and the ordinary
// words between go with it ("phnom penh municipal court"). Two or three
// words in no list after an English place cue are a place name the
// gazetteer spells another way ("in svay pak", "to russey keo").
func (m *properMatcher) lowerPlaces(t *Text, sc *properScratch, emit func(Match)) {
	toks := t.Tokens
	small := sc.small
	// plain: an ordinary word, which no phrase found here may hold.
	plainWord := func(k int) bool {
		return m.has(t, sc.info, k, infoWord) || m.common.hasToken(t, k) || small[k]&smConnector != 0
	}
	for i := 0; i < len(toks); i++ {
		if toks[i].Cap || toks[i].Digit {
			continue
		}
		// Only an English cue: after "en" or "de" a lower-case word is a
		// Spanish or Portuguese word far more often than a place ("No
		// está en venta").
		cue := i > 0 && small[i-1]&smPlaceCue != 0 && t.Joinable(i, false) && englishCue[toks[i-1].Key]
		if !cue {
			// Without a cue, only a venue word close after makes a
			// place: checked on the short lists, before any lookup.
			venue := false
			for k := i + 1; k < min(len(toks), i+4) && !venue; k++ {
				venue = small[k]&smVenue != 0
			}
			if !venue {
				continue
			}
		}
		// Every phrase tried below holds token i: when it is an ordinary
		// word ("in the field"), none can be reported, so none is looked up.
		if plainWord(i) {
			continue
		}
		found := false
		for j := min(len(toks), i+4); j > i; j-- {
			if !chain(t, i, j, false) {
				continue
			}
			// Without a cue the phrase needs a venue word after it.
			if !cue && (j == len(toks) || small[j]&smVenue == 0 || toks[j].Cap || !t.Joinable(j, false)) {
				continue
			}
			key := t.Key(i, j)
			if len(key) < 4 {
				continue // checked before the lookup: it fails either way
			}
			f, ok := m.placeFields(t, i, j, key)
			if !ok || bytes.IndexByte(lastField(f), 'w') >= 0 || m.allow.AllowsTerm(key) || m.common.Has(key) {
				continue
			}
			// Ordinary words are not places here ("in the field", "at
			// home"); a lower-case name after "from" is as sensitive as a
			// place, so names are not excluded.
			// The first word is none (checked above); later words of a
			// longer phrase may be ("siem reap"), but not its last when
			// that is a function word.
			if j-i > 1 && small[j-1]&(smConnector|smPlaceCue) != 0 {
				continue
			}
			end := m.lowerVenue(t, j)
			emit(Match{Start: toks[i].Start, End: toks[end-1].End, Category: "location", Country: countryOf(f), Why: "lower-case place"})
			i, found = end-1, true
			break
		}
		if found || !cue {
			continue
		}
		j := i
		for j < len(toks) && j-i < 3 && (j == i || t.Joinable(j, false)) && m.strangeLower(t, sc, j) {
			j++
		}
		if j-i >= 2 {
			end := m.lowerVenue(t, j)
			emit(Match{Start: toks[i].Start, End: toks[end-1].End, Category: "location", Why: "lower-case words in no list after " + toks[i-1].Key})
			i = end - 1
		}
	}
}

// englishCue: the place cues after which unknown lower-case words are a
// place; in other languages' cues ("sa", "di", "kwa") they are that
// language's words.
var englishCue = map[string]bool{"in": true, "at": true, "near": true, "from": true, "to": true, "outside": true, "around": true, "via": true, "into": true, "towards": true, "toward": true, "reached": true, "visited": true}

// strangeLower reports whether token k is a lower-case word of letters in
// no word list (no ordinary word, name, place or common term) or a place
// or name that is no ordinary word: the parts of a transliterated place
// name ("svay pak", "russey keo").
func (m *properMatcher) strangeLower(t *Text, sc *properScratch, k int) bool {
	tok := t.Tokens[k]
	if tok.Cap || tok.Digit || utf8.RuneCountInString(tok.Key) < 3 || sc.small[k]&(smConnector|smPlaceCue|smNameCue|smNameAfter) != 0 {
		return false
	}
	for _, r := range t.Src[tok.Start:tok.End] {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return !m.has(t, sc.info, k, infoWord) && !m.common.hasToken(t, k) && !m.allow.allowsToken(t, k) && !m.inflected(tok.Key)
}

// placeTail words may follow a venue word in the name of a place ("Kunak
// district police headquarters"); tailEnd ones may end it.
var (
	leadTail  = map[string]bool{"provincial": true, "district": true, "regional": true, "municipal": true, "bus": true, "boat": true, "ferry": true, "launch": true, "train": true, "railway": true, "fish": true, "truck": true, "taxi": true, "jeepney": true, "matatu": true}
	placeTail = map[string]bool{"police": true, "post": true, "headquarters": true, "office": true, "outpost": true, "checkpoint": true, "substation": true, "precinct": true, "hq": true}
	tailEnd   = map[string]bool{"post": true, "headquarters": true, "office": true, "outpost": true, "checkpoint": true, "substation": true, "precinct": true, "hq": true}
)

// tailVenue returns the end of the lower-case venue words that start at j
// ("junction", "district police headquarters"), or j when none does.
func (m *properMatcher) tailVenue(t *Text, j int) int {
	toks := t.Tokens
	if j >= len(toks) || toks[j].Cap || toks[j].Digit || !t.Joinable(j, false) || strings.HasPrefix(toks[j].GapText, "*") {
		return j // "Jamuna* farm": a pseudonym stays allowed
	}
	if m.smallIndex().bits(t, j)&smVenue == 0 {
		// "Kalia launch ghat", "Busia bus park": a means of transport
		// before the venue word.
		if !leadTail[toks[j].Key] || j+1 >= len(toks) || toks[j+1].Cap || !t.Joinable(j+1, false) || m.smallIndex().bits(t, j+1)&smVenue == 0 {
			return j
		}
		j++
	}
	end := j + 1
	for k := j + 1; k < len(toks) && k < j+4 && !toks[k].Cap && t.Joinable(k, false); k++ {
		venue := m.smallIndex().bits(t, k)&smVenue != 0
		if !venue && !placeTail[toks[k].Key] {
			break
		}
		if venue || tailEnd[toks[k].Key] {
			end = k + 1
		}
	}
	return end
}

// lowerVenue returns the end of a lower-case place phrase that ends at j:
// past a venue word within three ordinary words ("phnom penh municipal
// court"), or j.
func (m *properMatcher) lowerVenue(t *Text, j int) int {
	toks := t.Tokens
	for k := j; k < len(toks) && k < j+3; k++ {
		if toks[k].Cap || toks[k].Digit || !t.Joinable(k, false) || !m.words.hasToken(t, k) {
			return j
		}
		if bits := m.smallIndex().bits(t, k); bits&smVenue != 0 {
			return m.tailVenue(t, k)
		} else if bits != 0 {
			return j // a cue or connector: "busia to the market"
		}
	}
	return j
}

// dateline reports a known place in capitals before a country, as a press
// release opens ("ACCRA, Ghana, 14 March"): the place, not an acronym.
func (m *properMatcher) dateline(t *Text, ev []evidence, phrase []int, i int) bool {
	toks := t.Tokens
	if ev[i]&evPlace == 0 {
		return false
	}
	if i+1 < len(toks) && toks[i+1].GapText == ", " && toks[i+1].Cap && m.allow.allowsToken(t, i+1) {
		return true
	}
	// ... or one that opens a line before the date ("DAKAR, 12 June 2024 —",
	// "**ADDIS ABABA, 12 March 2024**"), a word of a place's phrase too.
	start := i
	for start > 0 && toks[start-1].Upper && t.Joinable(start, false) && ev[start-1]&evPlace != 0 {
		start--
	}
	end := i + 1
	if phrase[start] > i {
		end = phrase[start]
	} else if start != i {
		return false
	}
	return t.lineStart(start) && end < len(toks) && toks[end].GapText == ", " &&
		(toks[end].Digit || monthWords[toks[end].Key])
}

// capsNeighbour reports a known name in capitals right before or after
// token i, which is one too: a speaker's label in a transcript ("MARIA
// SANTOS:", "ADV. YONAS TESFAYE:") is a name in capitals in prose, where
// one short word in capitals alone is an agency's acronym.
func (m *properMatcher) capsNeighbour(t *Text, info []tokInfo, i int) bool {
	toks := t.Tokens
	for _, k := range [2]int{i - 1, i + 1} {
		if k < 0 || k >= len(toks) || !toks[k].Upper || !t.Joinable(max(i, k), false) {
			continue
		}
		if m.has(t, info, k, infoName) && !m.has(t, info, k, infoWord) {
			return true
		}
	}
	return false
}

// monthWords are the months' names and abbreviations, in lower case.
var monthWords = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true}

// pluralAcronym reports capitals followed by a plural s ("STIs", "NGOs").
func pluralAcronym(w string) bool {
	if len(w) < 3 || w[len(w)-1] != 's' {
		return false
	}
	for i := 0; i < len(w)-1; i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// docParts are abbreviated names of the parts of a document, which a
// number follows ("Para 3", "Annex 2").
var docParts = map[string]bool{"para": true, "paras": true, "annex": true, "appendix": true, "fig": true, "figs": true,
	"sec": true, "secs": true, "ch": true, "chap": true, "pp": true, "pg": true, "ep": true, "slide": true, "scene": true, "tab": true}

// letterLabel reports a single capital letter that labels a part ("Annex
// A", "Appendix B:"), not an initial.
func letterLabel(t *Text, i int) bool {
	tok := t.Tokens[i]
	// A letter before a full stop may be an initial ("Annex B. Smith"),
	// unless the text ends there or a sentence opens after it ("provided
	// in Annex B. It shows").
	after := t.gapAfter(i)
	return tok.End-tok.Start == 1 && tok.Cap && t.Joinable(i, false) &&
		(!strings.HasPrefix(after, ".") || i+1 == len(t.Tokens) || sentenceOpeners[t.Tokens[i+1].Key])
}

// sentenceOpeners are words that open a sentence and never follow an
// initial as a surname.
var sentenceOpeners = map[string]bool{"it": true, "this": true, "these": true, "the": true, "a": true, "an": true, "we": true,
	"they": true, "she": true, "he": true, "i": true, "our": true, "see": true, "in": true, "all": true, "figures": true, "there": true}

// bibleBooks are books of the Bible cited by chapter ("Luke 4:18").
var bibleBooks = map[string]bool{"genesis": true, "exodus": true, "leviticus": true, "deuteronomy": true, "joshua": true,
	"judges": true, "ruth": true, "samuel": true, "kings": true, "nehemiah": true, "esther": true, "job": true, "psalm": true,
	"psalms": true, "proverbs": true, "ecclesiastes": true, "isaiah": true, "jeremiah": true, "lamentations": true,
	"ezekiel": true, "daniel": true, "hosea": true, "joel": true, "amos": true, "jonah": true, "micah": true, "matthew": true,
	"mark": true, "luke": true, "john": true, "acts": true, "romans": true, "corinthians": true, "galatians": true,
	"ephesians": true, "philippians": true, "colossians": true, "timothy": true, "hebrews": true, "james": true, "peter": true}

// foreignAfter reports that the lower-case words from token j on (up to
// three, before a capital, a number or punctuation) are mostly words of no
// English list and no term of address: the sentence is in another
// language ("Walang pasaporte", "En el mes de"), not a name followed by
// English ("Naveed said", "Naveed bhai came").
func (m *properMatcher) foreignAfter(t *Text, j int) bool {
	foreign, english := 0, 0
	for k := j; k < len(t.Tokens) && k < j+3; k++ {
		tok := t.Tokens[k]
		if tok.Cap || tok.Digit || !t.Joinable(k, false) {
			break
		}
		if lowerTitles[tok.Key] || spacedSuffixes[tok.Key] || nameSuffixes[tok.Key] {
			return false
		}
		switch {
		case romanceWords[tok.Key]:
			foreign++
		case bothWords[tok.Key]:
		case m.words.hasToken(t, k) || m.common.hasToken(t, k):
			english++
		default:
			foreign++
		}
	}
	return foreign > 0 && foreign > english
}

// romanceWords are Spanish, Portuguese and French function words that an
// English word list may hold ("en", "con", "est") but that, after a
// sentence's first word, say the sentence is in another language;
// bothWords are as common in either ("me", "no") and count for neither.
// Keys are folded: "más" is "mas", "não" "nao".
var romanceWords = map[string]bool{"en": true, "un": true, "una": true, "que": true, "con": true, "com": true, "por": true,
	"para": true, "los": true, "las": true, "el": true, "del": true, "al": true, "se": true, "nos": true, "mi": true, "tu": true,
	"su": true, "sus": true, "y": true, "muy": true, "mas": true, "nao": true, "uma": true, "um": true,
	"em": true, "da": true, "dos": true, "das": true, "est": true, "et": true, "du": true, "des": true, "les": true, "pas": true,
	"je": true, "nous": true, "vous": true, "une": true, "tudo": true, "bem": true, "lo": true, "le": true}
var bothWords = map[string]bool{"me": true, "te": true, "no": true, "de": true, "la": true, "o": true}

// peoples are names of peoples that are also given names (common.txt
// leaves them out).
var peoples = map[string]bool{"roma": true, "karen": true, "shan": true, "mon": true, "chin": true, "luo": true, "shona": true}

// anonLabels are the nouns reports number or letter people by.
var anonLabels = map[string]bool{"boy": true, "girl": true, "child": true, "victim": true, "witness": true, "survivor": true,
	"worker": true, "woman": true, "man": true, "minor": true, "suspect": true, "person": true, "informant": true, "source": true,
	"case": true, "family": true, "household": true, "client": true, "resident": true}

// vessels are the kinds of boat a name follows ("the trawler Hai Feng").
var vessels = map[string]bool{"boat": true, "vessel": true, "trawler": true, "longliner": true, "ship": true, "jigger": true,
	"seiner": true, "tanker": true, "carrier": true, "reefer": true, "fv": true, "mv": true, "trawlers": true, "ferry": true}

// vesselBefore reports a kind of boat, in lower case, right before token
// i: "the trawler Hai Feng", "on board the vessel Lucky Star".
func vesselBefore(t *Text, i int) bool {
	if i == 0 || !t.Joinable(i, false) {
		return false
	}
	return vessels[t.Tokens[i-1].Key] && !t.Tokens[i-1].Cap
}

// moneyCode reports a currency letter and an amount ("R250", "K300",
// "Q500") said as money: after a word of paying or before "a week".
func moneyCode(t *Text, i int) bool {
	tok := t.Tokens[i]
	w := t.Src[tok.Start:tok.End]
	// A currency's abbreviation before an amount: "Bs 1,800", "Tk 5,000".
	if currencyAbbrs[tok.Key] && i+1 < len(t.Tokens) && t.Tokens[i+1].Digit && t.Joinable(i+1, false) {
		return true
	}
	if len(w) < 3 || !strings.ContainsRune("RKQPNLS", rune(w[0])) {
		return false
	}
	for k := 1; k < len(w); k++ {
		if w[k] < '0' || w[k] > '9' {
			return false
		}
	}
	if i > 0 && payWords[t.Tokens[i-1].Key] {
		return true
	}
	if i+2 < len(t.Tokens) && (t.Tokens[i+1].Key == "a" || t.Tokens[i+1].Key == "per") && periods[t.Tokens[i+2].Key] {
		return true
	}
	// An appeal's price list: "R600 covers a month", "R900 / $50 buys".
	if i+1 < len(t.Tokens) && (giftVerbs[t.Tokens[i+1].Key] || strings.ContainsAny(t.Tokens[i+1].GapText, "/=$€£")) {
		return true
	}
	return false
}

var (
	payWords = map[string]bool{"paid": true, "pay": true, "pays": true, "for": true, "earn": true, "earned": true, "earns": true,
		"cost": true, "costs": true, "owed": true, "owe": true, "owes": true, "of": true, "charged": true, "fee": true, "about": true, "only": true}
	giftVerbs = map[string]bool{"covers": true, "buys": true, "pays": true, "provides": true, "funds": true, "feeds": true, "keeps": true,
		"gives": true, "sponsors": true, "helps": true, "supports": true}
	// currencyAbbrs are currencies written as a capitalised word before
	// the amount (the all-capitals codes are acronyms already).
	currencyAbbrs = map[string]bool{"bs": true, "tk": true, "rs": true, "ksh": true, "kshs": true, "shs": true, "tsh": true, "rp": true,
		"birr": true, "cedis": true, "fcfa": true}
	periods = map[string]bool{"day": true, "week": true, "month": true, "night": true, "hour": true, "year": true, "shift": true}
)
