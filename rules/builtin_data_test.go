package rules

import (
	"bytes"
	"io/fs"
	"path"
	"strings"
	"testing"
)

// TestBuiltinData: every data file of the built-in packs is read without a
// copy (builtinData lists it), its bytes are the embedded file's, and it is
// what the lexicons trust it to be at run time without checking: keys
// strictly ascending, no blank or comment lines.
func TestBuiltinData(t *testing.T) {
	files, err := fs.Glob(builtinFS, "packs/*/data/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no built-in data files: %v", err)
	}
	for _, f := range files {
		b, ok := builtinBytes(f)
		if !ok {
			t.Errorf("%s: not in builtinData (embed.go), so each run copies it", f)
			continue
		}
		want, err := fs.ReadFile(builtinFS, f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, want) {
			t.Errorf("%s: builtinData differs from the embedded file", f)
		}
		if bytes.HasPrefix(b, []byte("# Model of a classifier rule")) {
			// A classifier's model, not a lexicon: it is parsed and checked
			// at load, like a pack's own.
			if _, err := parseClassifierModel(b); err != nil {
				t.Errorf("%s: %v", f, err)
			}
			continue
		}
		if _, ok := sortedLines(b); !ok {
			t.Errorf("%s: keys not strictly ascending, or blank or comment lines: run go generate ./rules", f)
		}
		for _, keyFn := range []func(string) string{keyFunc(false, false), keyFunc(false, true), keyFunc(true, false)} {
			if !isFolded(b, keyFn) {
				t.Errorf("%s: keys not folded", path.Base(f))
			}
		}
	}
	if len(builtinData) != len(files) {
		t.Errorf("builtinData lists %d files; packs/*/data has %d", len(builtinData), len(files))
	}
}

// TestCommonListUnique: common.txt is kept by hand and in no order; a word
// listed twice is one a later edit did not know was there.
func TestCommonListUnique(t *testing.T) {
	b, err := fs.ReadFile(builtinFS, "packs/default/common.txt")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for n, l := range strings.Split(string(b), "\n") {
		k := strings.TrimSpace(l)
		if k == "" || strings.HasPrefix(k, "#") {
			continue
		}
		if first, ok := seen[k]; ok {
			t.Errorf("common.txt:%d: %q again (line %d)", n+1, k, first)
		}
		seen[k] = n + 1
	}
}
