package redact

import (
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/rescue-stories/redact/rules"
	"github.com/rescue-stories/redact/rules/fold"
)

// Generalisation keeps a redacted story readable. A rule's `generalize`
// setting chooses it: "place" turns a town the gazetteer knows into "a town
// in Ghana", "date" turns "on March 14, 2023" into "in 2023" and "on Friday
// night" into "one night". The words around a span are part of the sentence,
// so an edit may take in the preposition before it ("on") or a place word
// after it ("district"); that wider edit is what the diff shows. When a
// sentence would not read right, the rule's plain replacement is used.

// docContext is what generalisation needs to know about the whole document.
type docContext struct {
	countries map[string]int // how often the story names each country
	top       int            // the most mentions of one country
	// said records, per country, the start of the last sentence that
	// already generalised a place to it: a second "a city in the
	// Philippines" in one sentence reads badly, so it gets [location].
	said map[string]int
}

func newDocContext(src []byte) *docContext {
	c := &docContext{countries: countriesIn(src), said: map[string]int{}}
	for _, n := range c.countries {
		c.top = max(c.top, n)
	}
	return c
}

// placeKinds are words that name what kind of place a name is ("Tiruvallur
// district", "the village of Kpandu").
var placeKinds = wordSet(`district province region state county municipality village town city
township barangay parish island islands valley division subdistrict sub-district upazila tehsil taluk
mandal settlement neighbourhood neighborhood suburb slum community`)

// placePreps may come before a place in a sentence that still reads with
// "a town in Ghana" in its stead.
var placePreps = wordSet(`in at near from to outside around across toward towards via into of between
through throughout within beyond`)

// placeFollowers may come after such a place: punctuation or these words.
var placeFollowers = wordSet(`and or but where when while with on in at for to last this that after
before until since during because so which who as is was were are by from near two three four five
every each one about around then there nearly almost just only now today again too also
yet still`)

// place proposes "a town in Ghana" for a location the gazetteer places in
// the country the story is about: the one it names most. It gives up (ok
// false) when the country is unknown or another one (the gazetteer may have
// the wrong namesake: El Alto in Argentina for a story set in Bolivia that
// mentions the Argentine border once), when the country is named right next
// to the place, or when the sentence would not read right.
func (c *docContext) place(src []byte, f Finding) (Span, string, bool) {
	cc := f.Country
	if cc == "" || c.countries[cc] == 0 || c.countries[cc] < c.top {
		return Span{}, "", false
	}
	country := countryName(cc)
	if country == "" || countryNextTo(src, f.Span, cc) {
		return Span{}, "", false
	}
	span := f.Span
	kind := placeKind(f.Key(), cc)
	// "Nuwara Eliya District", "the village of Kpandu": the kind word is the
	// story's own.
	if ws := strings.Fields(strings.ToLower(f.Text)); len(ws) > 1 && placeKinds[ws[len(ws)-1]] {
		kind = strings.TrimSuffix(ws[len(ws)-1], "s")
		if s, ok := wordBefore(src, span.Start, "the"); ok {
			span.Start = s
		}
	} else if w, s, ok := kindBefore(src, span.Start); ok {
		kind, span.Start = w, s
	} else if w, e, ok := kindAfter(src, span.End); ok {
		// "Tiruvallur district", and "the Tiruvallur district".
		kind, span.End = w, e
		if s, ok := wordBefore(src, span.Start, "the"); ok {
			span.Start = s
		}
	}
	prev, _ := prevWord(src, span.Start)
	if !placePreps[strings.ToLower(prev)] {
		return Span{}, "", false
	}
	if !followsWell(src, span.End) {
		return Span{}, "", false
	}
	sentence := sentenceBegin(src, span.Start) + 1
	if c.said[cc] == sentence {
		return Span{}, "", false
	}
	c.said[cc] = sentence
	prep := " in "
	if kind == "part" || kind == "region" {
		prep = " of "
	}
	return span, article(kind) + " " + kind + prep + country, true
}

// sentenceBegin returns the offset where the sentence holding off begins:
// after the last full stop, question or exclamation mark, or blank line.
func sentenceBegin(src []byte, off int) int {
	for i := off - 1; i > 0; i-- {
		switch src[i] {
		case '.', '!', '?':
			if i+1 < len(src) && (src[i+1] == ' ' || src[i+1] == '\n') {
				return i + 1
			}
		case '\n':
			if src[i-1] == '\n' {
				return i + 1
			}
		}
	}
	return 0
}

func article(w string) string {
	if strings.ContainsRune("aeiou", rune(w[0])) {
		return "an"
	}
	return "a"
}

// kindBefore recognises "(the) village of " right before off.
var kindBeforeRE = lazyRegexp(`(?i)(?:\bthe\s+|\ba\s+)?\b((?:port |fishing |border |market )?(?:village|town|city|municipality|province|district|region|state|county|island|barangay|neighbourhood|neighborhood|suburb|slum|settlement|community|parish))\s+of\s+$`)

func kindBefore(src []byte, off int) (string, int, bool) {
	lo := max(off-48, 0)
	for lo > 0 && !utf8.RuneStart(src[lo]) {
		lo++
	}
	m := kindBeforeRE().FindSubmatchIndex(src[lo:off])
	if m == nil {
		return "", 0, false
	}
	return strings.ToLower(string(src[lo+m[2] : lo+m[3]])), lo + m[0], true
}

func kindAfter(src []byte, off int) (string, int, bool) {
	i := off
	for i < len(src) && src[i] == ' ' {
		i++
	}
	if i == off || i >= len(src) {
		return "", 0, false
	}
	j := i
	for j < len(src) {
		r, n := utf8.DecodeRune(src[j:])
		if !unicode.IsLetter(r) && r != '-' {
			break
		}
		j += n
	}
	w := strings.ToLower(string(src[i:j]))
	if !placeKinds[w] {
		return "", 0, false
	}
	return strings.TrimSuffix(w, "s"), j, true
}

// countryNextTo reports whether the country is named right after the span
// ("Boca Chica, Dominican Republic", "Kpandu in Ghana") or right before it
// ("Ghana's Kpandu"), where repeating it would read badly.
func countryNextTo(src []byte, s Span, cc string) bool {
	idx, _ := countryIndex()
	after := string(src[s.End:min(len(src), s.End+48)])
	after = strings.TrimLeft(after, " ")
	for _, p := range []string{",", "in", "(", "-", "–"} {
		if rest, ok := strings.CutPrefix(after, p); ok {
			if startsWithCountry(rest, idx, cc) {
				return true
			}
		}
	}
	before := string(src[max(0, s.Start-40):s.Start])
	before = strings.TrimRight(before, " ")
	for _, suf := range []string{"'s", "’s"} {
		if b, ok := strings.CutSuffix(before, suf); ok {
			ws := fold.Words(b)
			for n := 1; n <= 3 && n <= len(ws); n++ {
				if idx[fold.Key(b[ws[len(ws)-n].Start:])] == cc {
					return true
				}
			}
		}
	}
	return false
}

func startsWithCountry(s string, idx map[string]string, cc string) bool {
	ws := fold.Words(s)
	for n := 1; n <= 4 && n <= len(ws); n++ {
		k := fold.Key(s[ws[0].Start:ws[n-1].End])
		k = strings.TrimPrefix(k, "the ")
		if idx[k] == cc {
			return true
		}
	}
	return false
}

// followsWell reports whether what comes after off lets a place phrase end
// there: punctuation, the end, or a small word that starts a new phrase.
func followsWell(src []byte, off int) bool {
	if off >= len(src) {
		return true
	}
	r, _ := utf8.DecodeRune(src[off:])
	if r == '\'' || r == '’' {
		return false // a possessive: "Boca Chica's bars"
	}
	if r != ' ' {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}
	w := nextWord(src, off)
	if w == "" {
		return true
	}
	return placeFollowers[strings.ToLower(w)]
}

// prevWord returns the word before off (skipping spaces) and its start.
func prevWord(src []byte, off int) (string, int) {
	i := off
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	if i == off {
		return "", off
	}
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRune(src[:j])
		if !unicode.IsLetter(r) {
			break
		}
		j -= n
	}
	return string(src[j:i]), j
}

// wordBefore reports whether the word before off is w (any case) and
// returns its start.
func wordBefore(src []byte, off int, w string) (int, bool) {
	p, s := prevWord(src, off)
	if p == "" || !strings.EqualFold(p, w) {
		return 0, false
	}
	return s, true
}

func nextWord(src []byte, off int) string {
	i := off
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	j := i
	for j < len(src) {
		r, n := utf8.DecodeRune(src[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return string(src[i:j])
}

// The gazetteer tells a city from a town: its class (P populated place, A1
// and A2 administrative areas) and population. It is the default pack's
// place list, read once when first needed.
var (
	gazOnce sync.Once
	gaz     *rules.Lexicon
)

func gazetteer() *rules.Lexicon {
	gazOnce.Do(func() {
		data, err := fs.ReadFile(rules.Builtin, "packs/default/data/places.tsv")
		if err == nil {
			gaz = rules.NewLexicon(data, 1)
		}
	})
	return gaz
}

// placeKind is "city", "town" or "region" for a place key in country cc.
func placeKind(key, cc string) string {
	g := gazetteer()
	if g == nil {
		return "place"
	}
	f, ok := g.Lookup(key)
	if !ok {
		return "place"
	}
	parts := strings.Split(f, "\t")
	if len(parts) < 3 || parts[0] != cc {
		return "place"
	}
	pop, _ := strconv.Atoi(parts[2])
	switch {
	case strings.HasSuffix(key, " city"):
		return "city"
	case parts[1] == "A1":
		// First-level areas are states and provinces, and also some
		// capitals (Bangkok, Nairobi): "a part of" is true of both.
		return "part"
	case pop >= 100000:
		return "city"
	default:
		return "town"
	}
}

// Dates.

var (
	yearRE      = lazyRegexp(`\b(1[89]\d\d|20\d\d)\b`)
	clockLikeRE = lazyRegexp(`^\d{1,2}[:.]\d\d\b`)
	clockRE     = lazyRegexp(`(?i)^(\d{1,2})(?:[:.h]?([0-5]\d))?\s?(a\.?m\.?|p\.?m\.?|hrs|hours|h)?\b`)
	weekdayRE   = lazyRegexp(`(?i)^(?:(last|next|this|that|early|late)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(s?)\b(?:\s+(night|morning|afternoon|evening|midnight|dawn))?$`)
	esWeekRE    = lazyRegexp(`(?i)^(?:el\s+|este\s+|ese\s+|aquel\s+)?(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)(?:\s+(?:por\s+la\s+)?(noche|ma[ñn]ana|tarde|madrugada))?$`)
	spanishRE   = lazyRegexp(`(?i)\b(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?ptiembre|octubre|noviembre|diciembre|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)\b`)
	namedTimes  = map[string]string{
		"midnight": "late at night", "noon": "in the middle of the day", "dawn": "early in the morning",
		"first light": "early in the morning",
	}
)

// generalizeDate proposes a readable replacement for a date, time, weekday
// or holiday finding, possibly taking in the preposition before it.
func generalizeDate(src []byte, f Finding) (Span, string, bool) {
	text := f.Text
	prep, prepStart := prevWord(src, f.Span.Start)
	lprep := strings.ToLower(prep)
	withPrep := func(rep string) (Span, string, bool) {
		s := Span{prepStart, f.Span.End}
		return s, capitalIf(rep, sentenceStart(src, prepStart)), true
	}
	alone := func(rep string) (Span, string, bool) {
		return f.Span, capitalIf(rep, sentenceStart(src, f.Span.Start)), true
	}
	switch {
	case strings.HasSuffix(f.Rule, ".time") || clockLikeRE().MatchString(text):
		return generalizeTime(f, lprep, withPrep, alone)
	case yearRE().MatchString(text) && !strings.Contains(text, "/") || fourDigitYearNumeric(text):
		year := yearRE().FindString(text)
		if lprep == "el" && spanishRE().MatchString(text) {
			return withPrep("en " + year)
		}
		if lprep == "on" {
			return withPrep("in " + year)
		}
		return alone(year)
	case weekdayRE().MatchString(text):
		m := weekdayRE().FindStringSubmatch(text)
		mod, plural, part := strings.ToLower(m[1]), m[2] != "", strings.ToLower(m[3])
		if part == "" || part == "midnight" || part == "dawn" {
			part = map[string]string{"": "day", "midnight": "night", "dawn": "morning"}[part]
		}
		switch {
		case lprep == "every" || plural && (lprep == "on" || lprep == ""):
			if lprep == "every" || lprep == "on" {
				return withPrep("every week")
			}
			return alone("every week")
		case mod == "last":
			if part == "day" {
				return alone("recently")
			}
			return alone("one " + part + " recently")
		case mod == "next":
			return alone("soon")
		case mod == "this" || mod == "that":
			return alone("that " + part)
		case mod == "early" || mod == "late":
			return withPrepIf(lprep == "on", withPrep, alone, mod+" one "+part)
		case lprep == "on" || lprep == "":
			return withPrepIf(lprep == "on", withPrep, alone, "one "+part)
		}
		return Span{}, "", false
	case esWeekRE().MatchString(text):
		m := esWeekRE().FindStringSubmatch(text)
		rep := map[string]string{"": "un día", "noche": "una noche", "tarde": "una tarde", "madrugada": "una madrugada"}[strings.ToLower(m[1])]
		if rep == "" {
			rep = "una mañana"
		}
		if strings.HasPrefix(strings.ToLower(text), "el ") {
			return alone(rep)
		}
		if lprep == "el" {
			return withPrep(rep)
		}
		return alone(rep)
	case strings.HasSuffix(f.Rule, "date.holiday"):
		return alone("a holiday")
	case lprep == "on":
		// A day without a year: "on March 14" → "one day".
		return withPrep("one day")
	}
	return Span{}, "", false
}

func withPrepIf(cond bool, withPrep, alone func(string) (Span, string, bool), rep string) (Span, string, bool) {
	if cond {
		return withPrep(rep)
	}
	return alone(rep)
}

// fourDigitYearNumeric matches numeric dates with a four-digit year
// (14/03/2023, 2023-03-14).
func fourDigitYearNumeric(s string) bool {
	return yearRE().MatchString(s) && strings.ContainsAny(s, "/-.") && !strings.ContainsAny(s, ":")
}

// generalizeTime turns a clock time into a part of the day: "at 4:30 a.m."
// → "in the early hours", "at 11:40 p.m." → "late at night".
func generalizeTime(f Finding, lprep string, withPrep, alone func(string) (Span, string, bool)) (Span, string, bool) {
	lower := strings.ToLower(f.Text)
	for k, v := range namedTimes {
		if strings.HasSuffix(lower, k) {
			// The rule's match already includes "at", "around", "before".
			return alone(v)
		}
	}
	// The rule's match may begin with its own preposition ("about 10:30").
	text := f.Text
	inner := ""
	if w, rest, ok := strings.Cut(text, " "); ok && timeWords[strings.ToLower(w)] {
		inner, text = strings.ToLower(w), rest
	}
	m := clockRE().FindStringSubmatch(text)
	if m == nil {
		return Span{}, "", false
	}
	h, _ := strconv.Atoi(m[1])
	min := 0
	if m[2] != "" {
		min, _ = strconv.Atoi(m[2])
	}
	// "0400 hours": four digits are hours and minutes.
	if len(m[1]) == 2 && m[2] == "" && len(text) >= 4 && isDigits(text[:4]) {
		h, _ = strconv.Atoi(text[:2])
	}
	suffix := strings.ToLower(strings.ReplaceAll(m[3], ".", ""))
	evening := strings.Contains(lower, "noche") || strings.Contains(lower, "tarde")
	switch {
	case (suffix == "pm" || evening) && h < 12:
		h += 12
	case suffix == "am" && h == 12:
		h = 0
	}
	if h > 23 || min > 59 {
		return Span{}, "", false
	}
	var rep string
	switch {
	case h < 5:
		rep = "in the early hours"
	case h < 12:
		rep = "in the morning"
	case h < 17:
		rep = "in the afternoon"
	case h < 21:
		rep = "in the evening"
	default:
		rep = "late at night"
	}
	switch {
	case inner == "at" || inner == "around" || inner == "about":
		return alone(rep)
	case inner != "":
		return Span{}, "", false
	case lprep == "at" || lprep == "around" || lprep == "about":
		return withPrep(rep)
	case lprep == "" || timePreps[lprep] || !unicode.IsLower([]rune(lprep)[0]):
		return Span{}, "", false
	}
	// A verb before it ("arrived 06:20"): the part of day reads after it.
	return alone(rep)
}

// timeWords may open a time rule's match.
var timeWords = wordSet(`at around about by before after until till from since`)

// timePreps need a time, not a part of the day, after them ("by 4 p.m.").
var timePreps = wordSet(`by before after until till from since to between and or on`)

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// sentenceStart reports whether off begins a sentence, a heading, a list
// item or a table cell.
func sentenceStart(src []byte, off int) bool {
	i := off
	for i > 0 {
		c := src[i-1]
		switch c {
		case ' ', '\t', '*', '_', '"', '(', '>':
			i--
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeLastRune(src[:i])
			if r == '“' || r == '‘' || r == '—' {
				i -= n
				continue
			}
		}
		if c == '.' {
			return !abbreviationBefore(src[:i-1])
		}
		return c == '!' || c == '?' || c == '\n' || c == '#' || c == '|' || c == '-' || c == '\r'
	}
	return true
}

// abbreviationBefore reports whether b ends with a word that a full stop
// abbreviates rather than ends a sentence with ("a.m", "Mr", "No").
func abbreviationBefore(b []byte) bool {
	w, _ := prevWordAt(b)
	if utf8.RuneCountInString(w) == 1 {
		return true // "a.m.", "S. Rajendran"
	}
	return abbreviations[strings.ToLower(w)]
}

var abbreviations = wordSet(`mr mrs ms dr st no op approx vs etc sgt capt lt col gen insp supt det rev fr
sr jr hon atty engr`)

// prevWordAt returns the letters at the very end of b.
func prevWordAt(b []byte) (string, int) {
	j := len(b)
	for j > 0 {
		r, n := utf8.DecodeLastRune(b[:j])
		if !unicode.IsLetter(r) {
			break
		}
		j -= n
	}
	return string(b[j:]), j
}

func capitalIf(s string, cond bool) string {
	if !cond || s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
