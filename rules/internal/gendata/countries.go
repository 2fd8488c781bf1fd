package main

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// The publishable geography allow list (POLICY.md: country names,
// nationalities and demonyms, continents and very large regions are never
// flagged). Country names and nationalities come from i18n-iso-countries and
// i18n-nationality; the lists below add what those packages lack.

// continents, spelled as appeal copy spells them.
var continents = []string{
	"Africa", "Asia", "Europe", "North America", "South America", "Latin America",
	"Central America", "the Americas", "Antarctica", "Australia", "Oceania", "Australasia",
	"Eurasia",
}

// largeRegions are hand-maintained: regions spanning several countries that
// appeal copy names without pointing at any one place ("trafficking across
// South Asia"). Keep this list to regions much larger than a country's
// province; anything finer is a location under the policy.
var largeRegions = []string{
	// Asia
	"South Asia", "Southeast Asia", "South-East Asia", "South East Asia", "East Asia",
	"Central Asia", "West Asia", "Western Asia", "North Asia", "Northeast Asia", "Asia Pacific",
	"Asia-Pacific", "the Indian subcontinent", "the subcontinent", "the Far East",
	"the Greater Mekong", "the Mekong region", "the Mekong subregion",
	// Middle East
	"the Middle East", "the Near East", "the Gulf", "the Gulf states", "the Arab world",
	"the Arabian Peninsula", "MENA", "the Levant",
	// Africa
	"West Africa", "East Africa", "Southern Africa", "Central Africa", "North Africa",
	"Northern Africa", "Western Africa", "Eastern Africa", "Sub-Saharan Africa",
	"Subsaharan Africa", "the Horn of Africa", "the Sahel", "the Maghreb", "the Great Lakes region",
	// Americas
	"North America", "Central America", "South America", "Latin America", "the Caribbean",
	"the Andes", "the Andean region", "the Amazon basin", "the Southern Cone",
	// Europe
	"Eastern Europe", "Western Europe", "Central Europe", "Northern Europe", "Southern Europe",
	"Southeast Europe", "Southeastern Europe", "South-Eastern Europe", "the Balkans",
	"the Western Balkans", "Scandinavia", "the Nordic countries", "the Baltics",
	"the Baltic states", "the European Union", "the EU",
	// Oceans and the Pacific
	"the Pacific", "the Pacific Islands", "the South Pacific", "Melanesia", "Polynesia",
	"the Atlantic", "the Indian Ocean", "the Pacific Ocean", "the Atlantic Ocean",
	"the Mediterranean",
	// World
	"the Global South", "the Global North", "the developing world",
}

// cityTerritories are codes the packages list that are one city each:
// Hong Kong and Macau are finer than a country (POLICY.md), and writers
// mark them as places. The nationality package gives their names as
// demonyms too, so both lists skip them; the demonyms proper ("Hong
// Konger", "Macanese") are in demonymExtras.
var cityTerritories = map[string]bool{"HK": true, "MO": true}

// shortForms are common names of countries that the packages do not give.
var shortForms = []string{
	"America", "the States", "the U.S.", "the US", "the UK", "U.K.", "Britain", "England",
	"Scotland", "Wales", "Northern Ireland", "Holland", "Burma", "Laos", "Lao PDR", "Syria",
	"Moldova", "Micronesia", "Brunei", "Vatican", "Vatican City", "the Holy See",
	"Bosnia", "Herzegovina", "Slovak Republic", "East Timor", "Timor Leste", "Swaziland",
	"Cabo Verde", "Ivory Coast", "DRC", "DR Congo", "the DRC", "Congo-Brazzaville",
	"Congo-Kinshasa", "Republic of Congo", "Democratic Republic of Congo", "Congo Republic",
	"UAE", "the Emirates", "Korea", "Viet Nam", "Guinea Bissau", "Republic of Ireland", "Eire",
	"Éire", "Kingdom of Saudi Arabia", "KSA", "PNG", "Palestinian territories",
	"the Occupied Palestinian Territories", "Republic of Moldova", "Türkiye", "Macedonia",
	"Cape Verde", "São Tomé and Príncipe", "Timor", "Burkina", "the Philippines", "the Netherlands",
	"the Gambia", "the Bahamas", "the Maldives", "the Seychelles",
}

// demonymExtras are nationalities and demonyms that the package lacks or
// spells unusually (it has "Argentinean", "Emirian", "Comoran").
var demonymExtras = []string{
	"Argentine", "Argentinian", "Hong Konger", "Macanese", "Ecuadorian", "Emirati", "Comorian", "Maldivian", "Monegasque",
	"Salvadorian", "Surinamese", "Lao", "Slovak", "Yemeni", "Basotho", "Motswana", "Azeri",
	"Kazakh", "Kyrgyzstani", "Tajikistani", "Turkmen", "Uzbek", "Afghani", "Filipina", "Filipinas",
	"Pinoy", "Bissau-Guinean", "Timorese", "Kosovar", "Kosovan", "Palestinian", "Vincentian",
	"Kittitian", "Nevisian", "Nepali", "Tobagonian", "Trinidadian", "Herzegovinian", "Bosniak", "Briton",
	"Brit", "English", "Englishman", "Englishwoman", "Scottish", "Scot", "Scots", "Northern Irish",
	"Icelander", "Finn", "Dane", "Swede", "Pole", "Turk", "Spaniard", "Frenchman", "Frenchwoman",
	"Dutchman", "Dutchwoman", "Irishman", "Irishwoman", "Welshman", "Welshwoman", "Kenyan",
	"Congolese", "Ivoirian", "Guinea-Bissauan", "Hongkonger", "Macanese", "Puerto Rican",
	"Greenlander", "Faroese", "Bermudian", "Caymanian", "Gibraltarian", "Aruban", "Curaçaoan",
	"Greek Cypriot", "Turkish Cypriot", "South Sudanese", "Sahrawi", "Montserratian",
	"Anguillan", "Chamorro", "Guamanian", "New Caledonian", "Tahitian", "Samoan", "Manx",
	// continental and regional demonyms
	"African", "Asian", "European", "American", "Latin American", "Latino", "Latina",
	"South Asian", "Southeast Asian", "East Asian", "Central Asian", "Middle Eastern", "Arab",
	"West African", "East African", "North African", "Central African", "Southern African",
	"Sub-Saharan African", "Central American", "South American", "North American",
	"Caribbean", "Pacific Islander", "Eastern European", "Western European", "Balkan",
	"Scandinavian", "Australasian", "Oceanian",
}

// countryLangs are the i18n-iso-countries languages whose country names are
// added to the allow list (only their Latin-script names are used): English
// and the languages most stories quote place names in.
var countryLangs = []string{"en", "es", "fr", "pt", "id", "ms", "sw", "nl", "de", "it"}

var parenRE = regexp.MustCompile(`\s*\([^)]*\)`)

// nameVariants expands one country or demonym name into the forms people
// write: without parenthetical notes, "Korea, Republic of" as "Republic of
// Korea" and "Korea", "Virgin Islands, U.S." as "U.S. Virgin Islands".
func nameVariants(name string) []string {
	out := []string{name}
	if p := parenRE.ReplaceAllString(name, ""); p != name {
		out = []string{p}
		// Keep "Cocos (Keeling) Islands" whole too, but not a trailing note
		// ("Dominican (Dominica)", "Netherlands (Kingdom of the)").
		if !strings.HasSuffix(name, ")") {
			out = append(out, name)
		}
		name = p
	}
	if first, rest, ok := strings.Cut(name, ", "); ok {
		return []string{first, rest + " " + first}
	}
	return out
}

// allowKey folds an allow-list phrase; a leading "the" is dropped ("the
// Philippines" is looked up as "philippines").
func allowKey(s string) (string, bool) {
	k, ok := makeKey(s, 8)
	if !ok {
		return "", false
	}
	k = strings.TrimPrefix(k, "the ")
	if strings.Count(k, " ")+1 > maxWords {
		return "", false
	}
	return k, true
}

// demonymPlural returns the plural of a demonym, or "" if it has none
// distinct from the singular ("Japanese", "British", "Swiss", "Malagasy").
func demonymPlural(k string) string {
	ws := strings.Split(k, " ")
	last := ws[len(ws)-1]
	switch {
	case last == "czech":
	case strings.HasSuffix(last, "ese"), strings.HasSuffix(last, "ish"), strings.HasSuffix(last, "ch"),
		strings.HasSuffix(last, "sh"), strings.HasSuffix(last, "s"), strings.HasSuffix(last, "x"),
		strings.HasSuffix(last, "z"), strings.HasSuffix(last, "y"), strings.HasSuffix(last, "ic"),
		strings.HasSuffix(last, "man"), strings.HasSuffix(last, "woman"), strings.HasSuffix(last, "men"),
		last == "lao", last == "basotho", last == "batswana", last == "i kiribati", last == "pinoy",
		last == "afghani", last == "maori", last == "inuit", last == "sahrawi":
		return ""
	}
	ws[len(ws)-1] = last + "s"
	return strings.Join(ws, " ")
}

type countryStats struct {
	countryNames, foreignNames, demonyms, langs int
}

// foreignNames maps the keys of country names in languages other than
// English to the country codes they name. They join the allow list only
// where they do not hide a place elsewhere or a person's name (Spanish
// "Granada" for Grenada, Portuguese "França" for France, "Guadalupe").
type foreignNames map[string]set

// countriesFile builds the allow list from the langs/*.json files of
// i18n-iso-countries (countries) and i18n-nationality (nationalities).
func countriesFile(countries, nationalities map[string][]byte) (set, foreignNames, countryStats, error) {
	allow := set{}
	foreign := foreignNames{}
	var st countryStats
	addTo := func(add func(k string), names ...string) int {
		n := 0
		for _, s := range names {
			for _, v := range nameVariants(s) {
				if k, ok := allowKey(v); ok {
					add(k)
					n++
					// "Saint Lucia" is as often "St Lucia".
					if rest, ok := strings.CutPrefix(k, "saint "); ok {
						add("st " + rest)
					}
				}
			}
		}
		return n
	}
	add := func(names ...string) int { return addTo(allow.add, names...) }
	for _, lang := range countryLangs {
		data, ok := countries[lang]
		if !ok {
			return nil, nil, st, fmt.Errorf("i18n-iso-countries: no langs/%s.json", lang)
		}
		var f struct {
			Countries map[string]json.RawMessage `json:"countries"`
		}
		if err := json.Unmarshal(data, &f); err != nil {
			return nil, nil, st, fmt.Errorf("i18n-iso-countries %s: %w", lang, err)
		}
		st.langs++
		for _, cc := range sortedKeys(f.Countries) {
			if cityTerritories[cc] {
				continue
			}
			names, err := stringOrList(f.Countries[cc])
			if err != nil {
				return nil, nil, st, fmt.Errorf("i18n-iso-countries %s %s: %w", lang, cc, err)
			}
			if lang == "en" {
				st.countryNames += add(names...)
				continue
			}
			addTo(func(k string) {
				if foreign[k] == nil {
					foreign[k] = set{}
				}
				foreign[k].add(cc)
			}, names...)
		}
	}
	add(shortForms...)
	add(continents...)
	add(largeRegions...)

	data, ok := nationalities["en"]
	if !ok {
		return nil, nil, st, fmt.Errorf("i18n-nationality: no langs/en.json")
	}
	var f struct {
		Nationalities map[string]json.RawMessage `json:"nationalities"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, nil, st, fmt.Errorf("i18n-nationality: %w", err)
	}
	var dem []string
	for _, cc := range sortedKeys(f.Nationalities) {
		if cityTerritories[cc] {
			continue
		}
		names, err := stringOrList(f.Nationalities[cc])
		if err != nil {
			return nil, nil, st, fmt.Errorf("i18n-nationality %s: %w", cc, err)
		}
		for _, n := range names {
			// "Bosnian - Herzegovinian", "Trinidadian or Tobagonian"
			dem = append(dem, regexp.MustCompile(` - | or `).Split(n, -1)...)
		}
	}
	dem = append(dem, demonymExtras...)
	// A demonym listed twice (by the package and in demonymExtras) is no
	// territory the second time: it keeps its plural ("Nepalis").
	demSeen := set{}
	for _, d := range dem {
		for _, v := range nameVariants(d) {
			k, ok := allowKey(v)
			if !ok {
				continue
			}
			// Entries that are territories ("Jersey", "Saint Martin") get
			// no plural.
			isCountry := allow.has(k) && !demSeen.has(k)
			allow.add(k)
			demSeen.add(k)
			st.demonyms++
			if p := demonymPlural(k); p != "" && !isCountry {
				allow.add(p)
			}
		}
	}
	for k := range foreign {
		if allow.has(k) {
			delete(foreign, k)
		}
	}
	st.foreignNames = len(foreign)
	return allow, foreign, st, nil
}

func stringOrList(raw json.RawMessage) ([]string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return []string{s}, nil
	}
	var l []string
	err := json.Unmarshal(raw, &l)
	return l, err
}
