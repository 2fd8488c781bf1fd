package rules

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse: Parse never panics on any input, and every error it returns is
// a PackError with a line, so `rules lint` can always point at the problem.
// The seeds are every test pack, including the composition and hashed ones.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*.yaml")
	more, _ := filepath.Glob("testdata/*/*/*.yaml")
	for _, p := range append(seeds, more...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("pack: p\noverride:\n  a.b: {context: [{words: [x], before: 1, effect: lower}]}\n"))
	f.Add([]byte("pack: p\nsalt: s\nrules:\n  - {id: a, category: name, kind: hashed, hashes: [\"\"]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		_, err := Parse(nil, "f.yaml", data)
		if err == nil {
			return
		}
		var pe PackErrors
		if !errors.As(err, &pe) {
			t.Fatalf("error %T is not PackErrors: %v", err, err)
		}
		for _, e := range pe {
			if e.Line == 0 {
				t.Errorf("error without a line: %v\ninput: %q", e, data)
			}
		}
	})
}
