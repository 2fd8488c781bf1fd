package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// These tests run on small inline samples: no npm cache, no network.

// geoRow makes one line of the GeoNames dump format.
func geoRow(id, name, ascii, alts, cc, a1, a2, pop string) string {
	return strings.Join([]string{id, name, ascii, alts, "0", "0", "P", "PPL", cc, "", a1, a2, "", "", pop, "", "0", "Tz", "2020-01-01"}, "\t")
}

var sampleCities = strings.Join([]string{
	// Alternate names are used from 15000 inhabitants: Latin ones only, no
	// codes, links, lower-case romanisations or ordinary English words.
	geoRow("1", "Boca Chica", "Boca Chica", "Boca Chica,Бока-Чика,BCH,Boca-Chica", "DO", "33", "", "20000"),
	geoRow("2", "Sosúa", "Sosua", "Sosua Abajo", "DO", "18", "", "12000"),
	geoRow("3", "Москва", "Moskva", "Moskau,Moscou,MOW,UUEE,mo si ke,https://en.wikipedia.org/wiki/Moscow,Soul,Москва", "RU", "48", "", "10381222"),
	// Named like a country: left out.
	geoRow("4", "Armenia", "Armenia", "", "CO", "29", "", "300000"),
	// An English word and a given name.
	geoRow("5", "Hope", "Hope", "", "US", "AR", "", "9891"),
	// Same key: the more populous place wins; a division beats both.
	geoRow("6", "Springfield", "Springfield", "", "US", "MA", "", "155000"),
	geoRow("7", "Springfield", "Springfield", "", "US", "IL", "", "114000"),
	geoRow("8", "San Jose", "San Jose", "", "US", "CA", "085", "1000000"),
	// More than four words.
	geoRow("9", "Ciudad de los Niños de Paz", "Ciudad de los Ninos de Paz", "", "MX", "07", "", "900"),
	// One letter.
	geoRow("10", "Å", "A", "", "NO", "18", "", "600"),
}, "\n") + "\n"

const sampleAdmin1 = `[{"code":"CR.04","name":"San José"},{"code":"AR.01","name":"Provincia de Buenos Aires"},
{"code":"GH.04","name":"Central"},{"code":"NG.36","name":"Rivers State"},{"code":"US.GA","name":"Georgia"},
{"code":"AF.27","name":"Maidan Wardak Province"}]`

const sampleAdmin2 = `[{"code":"US.IL.197","name":"Will County"},{"code":"US.CA.085","name":"Santa Clara County"}]`

var sampleCountries = map[string][]byte{
	"en": []byte(`{"locale":"en","countries":{"AM":"Armenia","PH":"Philippines","CI":["Cote d'Ivoire","Côte d'Ivoire","Ivory Coast"],
		"US":["United States of America","USA","U.S."],"GB":["United Kingdom","UK"],"KR":["South Korea","Korea, Republic of"],
		"GE":"Georgia","JO":"Jordan","LC":"Saint Lucia","VG":"Virgin Islands, British","NL":["Netherlands","Netherlands (Kingdom of the)"]}}`),
	// Spanish "Granada" (Grenada) would hide the Spanish city and "Filipinas"
	// is fine.
	"es": []byte(`{"locale":"es","countries":{"GD":"Granada","PH":"Filipinas","RU":"Rusia","MX":"México"}}`),
}

var sampleNationalities = map[string][]byte{
	"en": []byte(`{"locale":"en","nationalities":{"PH":"Filipino","DO":"Dominican (Dominican Republic)","GH":"Ghanaian",
		"JP":"Japanese","BA":"Bosnian - Herzegovinian","JE":"Jersey","GB":"British"}}`),
}

// sampleFaker is shaped like a minified faker locale module.
const sampleFaker = "import{t as e}from\"./base.js\";var a=[`Kofi`,`Ama`];" +
	"const r={person:{first_name:{female:`Grace.Joy.Hope.Анна.Jean-Pierre`.split(`.`),male:a,generic:[`Will`,`Jordan`]}," +
	"last_name:{generic:[`Mensah`,`de la Cruz`,`Quintero de la Cruz`,`Иванов`,`{{person.last_name.generic}}`]}," +
	"last_name_pattern:{generic:[{value:`{{person.last_name.generic}}`,weight:1}]},prefix:[`Mr.`]},location:{city:[`Hope`]}};export{r as t};"

const samplePeople = "# cspell-tools: keep-case no-split\n\nHope\nSantos\nCorp.\nMan's\nNe'er\nO'Brien\nPatricia 1.\n"

const sampleWords = "hope\nHope\ngrace\njoy\nwill\nsoul\nspring\nfield\nclara\nhope's\ncafé\ncounty\nrivers\na\n"

func sampleSources() sources {
	countries := map[string][]byte{}
	for _, l := range countryLangs {
		countries[l] = []byte(`{"countries":{}}`)
	}
	for l, d := range sampleCountries {
		countries[l] = d
	}
	return sources{
		cities500:     []byte(sampleCities),
		admin1:        []byte(sampleAdmin1),
		admin2:        []byte(sampleAdmin2),
		countries:     countries,
		nationalities: sampleNationalities,
		faker:         map[string][]byte{"xx-abc.js": []byte(sampleFaker)},
		peopleNames:   []byte(samplePeople),
		dicts:         [][]byte{[]byte(sampleWords)},
	}
}

func lines(b []byte) []string {
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

func TestBuildSample(t *testing.T) {
	out, err := build(sampleSources(), defaultOptions, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"places.tsv": {
			"boca chica\tDO\tP\t20000\t-",
			"buenos aires\tAR\tA1\t0\t-",
			"hope\tUS\tP\t9891\twn",
			"maidan wardak\tAF\tA1\t0\t-",
			"maidan wardak province\tAF\tA1\t0\t-",
			"moscou\tRU\tP\t10381222\t-",
			"moskau\tRU\tP\t10381222\t-",
			"moskva\tRU\tP\t10381222\t-",
			"provincia de buenos aires\tAR\tA1\t0\t-",
			"rivers state\tNG\tA1\t0\t-",
			"san jose\tCR\tA1\t0\t-",
			"santa clara\tUS\tA2\t1000000\t-",
			"santa clara county\tUS\tA2\t1000000\t-",
			"sosua\tDO\tP\t12000\t-",
			"springfield\tUS\tP\t155000\t-",
			"will county\tUS\tA2\t0\tw",
		},
		"given.tsv": {
			"ama\t-", "grace\tw", "hope\twp", "jean\t-", "jordan\tc", "joy\tw", "kofi\t-", "pierre\t-", "will\tw",
		},
		"surnames.tsv": {
			"de la cruz\t-", "mensah\t-", "o'brien\t-", "santos\t-",
		},
		"words.txt": {
			"cafe", "clara", "county", "field", "grace", "hope", "joy", "rivers", "soul", "spring", "will",
		},
	}
	// The role loanwords join every word list, whatever the dictionaries.
	want["words.txt"] = append(want["words.txt"], roleWords...)
	sort.Strings(want["words.txt"])
	for name, w := range want {
		if got := lines(out[name]); !reflect.DeepEqual(got, w) {
			t.Errorf("%s:\n got %q\nwant %q", name, got, w)
		}
	}

	allow := set{}
	for _, k := range lines(out["countries.txt"]) {
		allow.add(k)
	}
	for _, k := range []string{
		"philippines", "filipino", "filipinos", "ivory coast", "cote d'ivoire", "usa", "u s", "uk",
		"united kingdom", "republic of korea", "korea", "british virgin islands", "netherlands",
		"dominican", "dominicans", "ghanaian", "ghanaians", "japanese", "bosnian", "herzegovinian",
		"south asia", "southeast asia", "south east asia", "latin america", "middle east",
		"sub saharan africa", "caribbean", "balkans", "asia pacific", "africa", "europe",
		"armenia", "georgia", "jordan", "filipinas", "rusia", "mexico", "st lucia", "british", "jersey",
	} {
		if !allow.has(k) {
			t.Errorf("countries.txt lacks %q", k)
		}
	}
	// "Granada" (Spanish for Grenada) is not on the list: no sample place
	// hides it, so it stays; "japaneses", "jerseys" and "britishs" are no
	// words.
	for _, k := range []string{"japaneses", "jerseys", "britishs", "the philippines", "korea republic of"} {
		if allow.has(k) {
			t.Errorf("countries.txt has %q", k)
		}
	}

	for name, data := range out {
		checkSorted(t, name, data)
	}
}

func TestForeignCountryNamesYieldToPlaces(t *testing.T) {
	src := sampleSources()
	src.cities500 = append(src.cities500, geoRow("20", "Granada", "Granada", "", "ES", "AN", "", "230000")+"\n"...)
	src.cities500 = append(src.cities500, geoRow("21", "Ciudad de México", "Mexico City", "México", "MX", "09", "", "12000000")+"\n"...)
	out, err := build(src, defaultOptions, nil)
	if err != nil {
		t.Fatal(err)
	}
	allow := set{}
	for _, k := range lines(out["countries.txt"]) {
		allow.add(k)
	}
	if allow.has("granada") {
		t.Error(`"granada" (Grenada in Spanish) hides the city in Spain`)
	}
	if !bytes.Contains(out["places.tsv"], []byte("granada\tES\tP\t230000\t-\n")) {
		t.Error("places.tsv lacks Granada")
	}
	// A foreign name of a country that matches a place in that same
	// country still wins.
	if !allow.has("mexico") || bytes.Contains(out["places.tsv"], []byte("\nmexico\t")) {
		t.Error(`"mexico" should be allowed and not a place`)
	}
}

func checkSorted(t *testing.T, name string, data []byte) {
	t.Helper()
	if len(data) == 0 || data[len(data)-1] != '\n' {
		t.Errorf("%s: does not end in a newline", name)
		return
	}
	var keys []string
	for _, l := range lines(data) {
		k, _, _ := strings.Cut(l, "\t")
		if k == "" || strings.TrimSpace(k) != k || strings.Contains(k, "  ") {
			t.Errorf("%s: bad key in %q", name, l)
		}
		if n := strings.Count(k, " ") + 1; n > maxWords {
			t.Errorf("%s: %q has %d words", name, k, n)
		}
		keys = append(keys, k)
	}
	if !sort.StringsAreSorted(keys) {
		t.Errorf("%s: keys not sorted bytewise", name)
	}
	for i := 1; i < len(keys); i++ {
		if keys[i] == keys[i-1] {
			t.Errorf("%s: duplicate key %q", name, keys[i])
		}
	}
}

func TestBetter(t *testing.T) {
	a1 := place{cc: "CR", class: "A1"}
	a2 := place{cc: "US", class: "A2", pop: 5}
	big := place{cc: "US", class: "P", pop: 1000000}
	small := place{cc: "MX", class: "P", pop: 10}
	for _, c := range []struct {
		a, b place
		want bool
	}{
		{a1, a2, true}, {a2, a1, false}, {a2, big, true}, {big, small, true}, {small, big, false},
		{place{cc: "AR", class: "P", pop: 7}, place{cc: "BR", class: "P", pop: 7}, true},
	} {
		if got := better(c.a, c.b); got != c.want {
			t.Errorf("better(%+v, %+v) = %v", c.a, c.b, got)
		}
	}
}

func TestUsableAlternate(t *testing.T) {
	for a, want := range map[string]bool{
		"Moskau": true, "Nueva York": true, "Sant Julià de Lòria": true, "Ho Chi Minh City": true,
		"MOW": false, "UUEE": false, "NYC": false, "Москва": false, "東京": false, "niu yue": false,
		"https://en.wikipedia.org/wiki/Moscow": false, "Paris 01": false, "Xi": false, "": false,
		"ROMA ANTICA": true,
	} {
		if got := usableAlternate(a); got != want {
			t.Errorf("usableAlternate(%q) = %v, want %v", a, got, want)
		}
	}
}

func TestMakeKey(t *testing.T) {
	for _, c := range []struct {
		in, key string
		ok      bool
	}{
		{"Sosúa", "sosua", true},
		{"Saint-Étienne", "saint etienne", true},
		{"Gəncə", "gəncə", true}, // Latin schwa is kept
		{"Łódź", "lodz", true},
		{"Москва", "", false},
		{"Boca Chica", "boca chica", true},
		{"a b c d e", "", false},
		{"Å", "a", false},
		{"O'Brien", "o'brien", true},
	} {
		k, ok := makeKey(c.in, maxWords)
		if ok != c.ok || (ok && k != c.key) {
			t.Errorf("makeKey(%q) = %q, %v; want %q, %v", c.in, k, ok, c.key, c.ok)
		}
	}
}

func TestDivisionForms(t *testing.T) {
	words := makeSet("free will delta cook")
	for name, want := range map[string][]string{
		"Maidan Wardak Province":    {"maidan wardak province", "maidan wardak"},
		"Provincia de Buenos Aires": {"provincia de buenos aires", "buenos aires"},
		"Lagos State":               {"lagos state", "lagos"},
		"Free State":                {"free state"},
		"Will County":               {"will county"},
		"Central Region":            {"central region"},
		"Central":                   nil,
		"North":                     nil,
		"Tamil Nadu":                {"tamil nadu"},
		"Republic of Dagestan":      {"republic of dagestan", "dagestan"},
		"Київ":                      nil,
	} {
		if got := divisionForms(name, words); !reflect.DeepEqual(got, want) {
			t.Errorf("divisionForms(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestPersonNames(t *testing.T) {
	src := "var q=`X.Y`;const z={person:{first_name:{generic:[`Ana`,\"B\\u00e9a\"],male:m},middle_name:`Lee`.split(`.`)," +
		"last_name:{female:[...[`Reyes`],`Santos`]},job:()=>{return 1},title:{descriptor:[`Lead`]}}};var m=[`Ravi`,'Kwame'];"
	given, surnames, unresolved, err := personNames(src)
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(given)
	if want := []string{"Ana", "Béa", "Kwame", "Lee", "Ravi"}; !reflect.DeepEqual(given, want) {
		t.Errorf("given = %q, want %q", given, want)
	}
	if want := []string{"Reyes", "Santos"}; !reflect.DeepEqual(surnames, want) {
		t.Errorf("surnames = %q, want %q", surnames, want)
	}
	if unresolved != 0 {
		t.Errorf("unresolved = %d", unresolved)
	}
	// A module without person data gives nothing.
	g, s, _, err := personNames("const a={location:{city:[`Hope`]}};")
	if err != nil || len(g)+len(s) != 0 {
		t.Errorf("no person data: %q %q %v", g, s, err)
	}
}

func TestCSpellUsable(t *testing.T) {
	for s, want := range map[string]bool{
		"Aaron": true, "O'Brien": true, "D'Souza": true, "Björn": true,
		"Corp.": false, "Man's": false, "Ne'er": false, "I'm": false, "Patricia 1.": false,
	} {
		if got := cspellUsable(s); got != want {
			t.Errorf("cspellUsable(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestDemonymPlural(t *testing.T) {
	for k, want := range map[string]string{
		"filipino": "filipinos", "ghanaian": "ghanaians", "bangladeshi": "bangladeshis", "thai": "thais",
		"japanese": "", "british": "", "swiss": "", "dutch": "", "czech": "czechs", "malagasy": "",
		"south african": "south africans", "frenchman": "",
	} {
		if got := demonymPlural(k); got != want {
			t.Errorf("demonymPlural(%q) = %q, want %q", k, got, want)
		}
	}
}

func TestUntgz(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for name, body := range map[string]string{"package/a.txt": "A", "package/b.json": "B"} {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(body))
	}
	tw.Close()
	zw.Close()
	got, err := untgz(buf.Bytes(), func(n string) bool { return strings.HasSuffix(n, ".json") })
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string][]byte{"package/b.json": []byte("B")}; !reflect.DeepEqual(got, want) {
		t.Errorf("untgz = %q", got)
	}
}

// fetch.sh must fetch exactly the pinned packages.
func TestFetchScriptInSync(t *testing.T) {
	sh, err := os.ReadFile("fetch.sh")
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range npmInputs {
		if !bytes.Contains(sh, []byte(in.spec)) {
			t.Errorf("fetch.sh does not pack %s", in.spec)
		}
	}
}

func TestCompareDirs(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	out := map[string][]byte{}
	for _, n := range outputFiles {
		out[n] = []byte("x\n")
	}
	if err := writeFiles(a, out); err != nil {
		t.Fatal(err)
	}
	if err := writeFiles(b, out); err != nil {
		t.Fatal(err)
	}
	if err := compareDirs(a, b); err != nil {
		t.Errorf("same dirs: %v", err)
	}
	out["words.txt"] = []byte("y\n")
	if err := writeFiles(b, out); err != nil {
		t.Fatal(err)
	}
	if err := compareDirs(a, b); err == nil || !strings.Contains(err.Error(), "words.txt") {
		t.Errorf("changed words.txt: %v", err)
	}
}
