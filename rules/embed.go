package rules

import (
	"embed"
	"io/fs"
	"unsafe"
)

//go:embed packs
var builtinFS embed.FS

// Builtin holds the built-in packs, one directory each under packs/.
var Builtin fs.FS = builtinFS

// The generated data files of the built-in packs, as strings: embed.FS
// copies a file on every read, and these are 7.6 MB that every run used to
// copy (and fault in) before looking anything up. A string shares the
// binary's read-only data, which the linker stores once for both (embedded
// content is named by its hash), and only the pages a run's lookups touch
// are ever read. A test checks that this list covers packs/*/data.
var (
	//go:embed packs/default/data/places.tsv
	placesData string
	//go:embed packs/default/data/given.tsv
	givenData string
	//go:embed packs/default/data/surnames.tsv
	surnamesData string
	//go:embed packs/default/data/words.txt
	wordsData string
	//go:embed packs/default/data/countries.txt
	countriesData string
	//go:embed packs/default/data/operational-sentences.tsv
	operationalModel string
)

var builtinData = map[string]string{
	"packs/default/data/places.tsv":                placesData,
	"packs/default/data/given.tsv":                 givenData,
	"packs/default/data/surnames.tsv":              surnamesData,
	"packs/default/data/words.txt":                 wordsData,
	"packs/default/data/countries.txt":             countriesData,
	"packs/default/data/operational-sentences.tsv": operationalModel,
}

// builtinBytes returns the built-in data file at p without copying it, or
// false for a file that is not listed above. The bytes are read-only
// memory: writing to them faults.
func builtinBytes(p string) ([]byte, bool) {
	s, ok := builtinData[p]
	if !ok {
		return nil, false
	}
	return unsafe.Slice(unsafe.StringData(s), len(s)), true
}

// BuiltinNames lists the built-in packs.
func BuiltinNames() []string {
	ents, _ := fs.ReadDir(builtinFS, "packs")
	var out []string
	for _, e := range ents {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	return out
}

// LoadBuiltin parses the named built-in pack.
func LoadBuiltin(name string) ([]*Pack, error) {
	return LoadFS(builtinFS, "packs/"+name)
}
