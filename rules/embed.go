package rules

import (
	"embed"
	"io/fs"
)

//go:embed packs
var builtinFS embed.FS

// Builtin holds the built-in packs, one directory each under packs/.
var Builtin fs.FS = builtinFS

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
