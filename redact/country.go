package redact

import (
	"slices"
	"strings"
	"sync"

	"github.com/rescue-stories/redact/rules/fold"
)

// Country names for generalised places ("a town in Ghana"). English names
// come from CLDR (golang.org/x/text/language/display, copied into
// country_names.go by TestCountryNames), with the names appeal copy
// actually uses where CLDR's differ, and "the" where English wants it.

//go:generate go test -run TestCountryNames -update-countries .

// isoCodes are the ISO 3166-1 alpha-2 codes of countries and territories,
// sorted.
const isoCodes = `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR
HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS
LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL
NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY
UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW`

// countryOverride holds names that differ from CLDR's English. Hong Kong
// and Macau are places to redact (POLICY.md: finer than a country), so a
// place in them is "a city in China".
var countryOverride = map[string]string{
	"CD": "the Democratic Republic of the Congo", "CG": "the Republic of the Congo",
	"MM": "Myanmar", "HK": "China", "MO": "China", "BA": "Bosnia and Herzegovina",
	"LC": "Saint Lucia", "KN": "Saint Kitts and Nevis", "VC": "Saint Vincent and the Grenadines",
	"MK": "North Macedonia", "PS": "the Palestinian Territories", "SZ": "Eswatini",
	"TR": "Türkiye", "CI": "Côte d'Ivoire", "XK": "Kosovo",
}

// theCountries take "the" in running text.
var theCountries = map[string]bool{
	"PH": true, "DO": true, "US": true, "GB": true, "NL": true, "GM": true, "BS": true,
	"MV": true, "SC": true, "AE": true, "CF": true, "KM": true, "MH": true, "SB": true,
	"CK": true, "KY": true, "FO": true, "FK": true, "VG": true, "VI": true, "TC": true,
}

// demonyms are the other ways a story names a country; a story that says
// "Filipino" or "Dominican" is about that country. Words that are mostly
// languages ("Spanish", "Chinese") are left out: speaking one says little
// about where a story happens.
var demonyms = map[string]string{
	"filipino": "PH", "filipina": "PH", "filipinos": "PH", "philippine": "PH", "dominican": "DO",
	"ghanaian": "GH", "indian": "IN", "kenyan": "KE", "ugandan": "UG", "tanzanian": "TZ",
	"nigerian": "NG", "zambian": "ZM", "zimbabwean": "ZW", "cambodian": "KH", "khmer": "KH",
	"thai": "TH", "burmese": "MM", "myanmar": "MM", "lao": "LA", "laotian": "LA", "vietnamese": "VN",
	"indonesian": "ID", "malaysian": "MY", "bangladeshi": "BD", "pakistani": "PK", "nepali": "NP",
	"nepalese": "NP", "sri lankan": "LK", "guatemalan": "GT", "mexican": "MX", "bolivian": "BO",
	"ecuadorian": "EC", "peruvian": "PE", "colombian": "CO", "honduran": "HN", "salvadoran": "SV",
	"albanian": "AL", "ukrainian": "UA", "moldovan": "MD", "romanian": "RO", "beninese": "BJ",
	"rwandan": "RW", "congolese": "CD", "ethiopian": "ET", "haitian": "HT",
	"american": "US", "british": "GB", "malawian": "MW", "mozambican": "MZ", "south african": "ZA",
	"burkinabe": "BF", "ivorian": "CI", "togolese": "TG", "senegalese": "SN", "malian": "ML",
	"argentine": "AR", "argentinian": "AR", "brazilian": "BR", "chilean": "CL", "venezuelan": "VE",
	"nicaraguan": "NI", "costa rican": "CR", "panamanian": "PA", "paraguayan": "PY",
	"uruguayan": "UY", "cuban": "CU", "jamaican": "JM", "qatari": "QA", "saudi": "SA",
	"emirati": "AE", "lebanese": "LB", "jordanian": "JO", "omani": "OM", "kuwaiti": "KW",
	"polish": "PL", "bulgarian": "BG", "serbian": "RS", "kosovar": "XK",
	"afghan": "AF", "iraqi": "IQ", "iranian": "IR", "syrian": "SY",
	"taiwanese": "TW", "singaporean": "SG", "timorese": "TL",
	"papuan": "PG", "fijian": "FJ", "bhutanese": "BT", "maldivian": "MV", "sudanese": "SD",
	"somali": "SO", "eritrean": "ER", "djiboutian": "DJ", "egyptian": "EG", "moroccan": "MA",
	"algerian": "DZ", "tunisian": "TN", "libyan": "LY", "cameroonian": "CM", "gabonese": "GA",
	"liberian": "LR", "sierra leonean": "SL", "guinean": "GN", "gambian": "GM", "namibian": "NA",
	"botswanan": "BW", "motswana": "BW", "basotho": "LS", "swazi": "SZ", "malagasy": "MG",
	"mauritian": "MU", "burundian": "BI", "angolan": "AO", "chadian": "TD", "nigerien": "NE",
	"mauritanian": "MR", "belizean": "BZ", "guyanese": "GY", "surinamese": "SR",
	"trinidadian": "TT", "puerto rican": "PR", "canadian": "CA", "australian": "AU",

	"belgian": "BE", "swiss": "CH", "austrian": "AT", "irish": "IE",
	"hungarian": "HU", "czech": "CZ", "slovak": "SK", "croatian": "HR", "bosnian": "BA",
	"macedonian": "MK", "montenegrin": "ME", "lithuanian": "LT", "latvian": "LV",
	"estonian": "EE", "belarusian": "BY", "georgian": "GE", "armenian": "AM", "azerbaijani": "AZ",
	"kazakh": "KZ", "uzbek": "UZ", "kyrgyz": "KG", "tajik": "TJ", "turkmen": "TM", "mongolian": "MN",
}

// countryName returns the English name of an ISO code, with "the" where
// running text needs it ("the Philippines"), or "" when unknown.
func countryName(cc string) string {
	if n, ok := countryOverride[cc]; ok {
		return n
	}
	n := cldrName(cc)
	if n == "" {
		return ""
	}
	if theCountries[cc] {
		n = "the " + n
	}
	return n
}

// cldrName returns CLDR's English name of a code of isoCodes, or "".
func cldrName(cc string) string {
	i, ok := slices.BinarySearchFunc(cldrNames[:], cc, func(e struct{ code, name string }, cc string) int {
		return strings.Compare(e.code, cc)
	})
	if !ok {
		return ""
	}
	return cldrNames[i].name
}

var (
	countryKeysOnce sync.Once
	countryKeys     map[string]string // folded name, demonym or alias → ISO code
	countryMaxWords int
)

// countryIndex maps every folded way of naming a country to its code.
func countryIndex() (map[string]string, int) {
	countryKeysOnce.Do(func() {
		countryKeys = map[string]string{}
		add := func(name, cc string) {
			k := fold.Key(strings.TrimPrefix(name, "the "))
			if k == "" {
				return
			}
			countryKeys[k] = cc
			countryMaxWords = max(countryMaxWords, strings.Count(k, " ")+1)
		}
		for _, cc := range strings.Fields(isoCodes) {
			if n := countryName(cc); n != "" {
				add(n, cc)
			}
			if n := cldrName(cc); n != "" {
				add(n, cc)
			}
		}
		for k, cc := range demonyms {
			add(k, cc)
		}
		for k, cc := range map[string]string{
			"burma": "MM", "drc": "CD", "dr congo": "CD", "usa": "US", "uk": "GB", "britain": "GB",
			"england": "GB", "ivory coast": "CI", "east timor": "TL", "swaziland": "SZ",
			"turkey": "TR", "holland": "NL", "america": "US", "macedonia": "MK", "uae": "AE",
		} {
			add(k, cc)
		}
	})
	return countryKeys, countryMaxWords
}

// countriesIn counts how often a text names each country, by ISO code.
func countriesIn(src []byte) map[string]int {
	idx, maxWords := countryIndex()
	text := string(src)
	ws := fold.Words(text)
	keys := make([]string, len(ws))
	for i, w := range ws {
		keys[i] = fold.Fold(text[w.Start:w.End])
	}
	out := map[string]int{}
	for i := 0; i < len(keys); i++ {
		// The longest name at each word: "Dominican Republic" once, not
		// also "Dominican".
		for n := min(maxWords, len(keys)-i); n >= 1; n-- {
			if cc, ok := idx[strings.Join(keys[i:i+n], " ")]; ok {
				out[cc]++
				i += n - 1
				break
			}
		}
	}
	return out
}
