package rules

import (
	"flag"
	"io/fs"
	"os"
	"reflect"
	"testing"
)

var updatePacks = flag.Bool("update-packs", false, "rewrite rules/packs.snap from the built-in packs' YAML")

// builtinYAML returns the path and bytes of every built-in pack file, as
// LoadBuiltin reads them (packs/<name>/*.yaml), sorted by path.
func builtinYAML(t *testing.T) (names []string, files [][]byte) {
	t.Helper()
	names, err := fs.Glob(builtinFS, "packs/*/*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no built-in packs: %v", err)
	}
	for _, n := range names {
		data, err := fs.ReadFile(builtinFS, n)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, data)
	}
	return names, files
}

// TestPackSnapshot: the snapshot holds every built-in pack file, and what
// it gives back is what decoding the YAML gives now, rule positions
// included.
func TestPackSnapshot(t *testing.T) {
	names, files := builtinYAML(t)
	if *updatePacks {
		data, err := makePackSnapshot(files)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("packs.snap", data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote packs.snap: %d files, %d bytes", len(files), len(data))
		return
	}
	for i, data := range files {
		want, root, errs := decodePack(names[i], data)
		if errs != nil {
			t.Fatal(errs)
		}
		got, lines, ok := snapshotPack(data)
		if !ok {
			t.Errorf("%s: not in packs.snap (out of date): run go test ./rules -run TestPackSnapshot -update-packs", names[i])
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: packs.snap decodes to another pack than the YAML: run go test ./rules -run TestPackSnapshot -update-packs", names[i])
		}
		nodes := ruleNodes(root)
		for k, n := range nodes {
			if k >= len(lines) || lines[k] != [2]int{n.Line, n.Column} {
				t.Errorf("%s: rule %d at %d:%d, snapshot says %v", names[i], k, n.Line, n.Column, lines[k:min(k+1, len(lines))])
				break
			}
		}
	}
}

// TestPackSnapshotSameRules: the built-in packs read through the snapshot
// and from their YAML have the same rules at the same positions, and text
// one byte off a built-in file is read from its YAML.
func TestPackSnapshotSameRules(t *testing.T) {
	names, files := builtinYAML(t)
	for i, data := range files {
		fast, err := Parse(builtinFS, names[i], data)
		if err != nil {
			t.Fatal(err)
		}
		raw, root, errs := decodePack(names[i], data)
		if errs != nil {
			t.Fatal(errs)
		}
		slow, err := compile(builtinFS, names[i], names[i], data, raw, root, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(fast.Rules) != len(slow.Rules) {
			t.Fatalf("%s: %d rules through the snapshot, %d from the YAML", names[i], len(fast.Rules), len(slow.Rules))
		}
		for k := range fast.Rules {
			a, b := fast.Rules[k], slow.Rules[k]
			if a.ID != b.ID || a.Line != b.Line || a.Col != b.Col || a.Kind != b.Kind || a.Message != b.Message || a.Replace != b.Replace || a.Severity != b.Severity {
				t.Errorf("%s: rule %s at %d:%d through the snapshot, %s at %d:%d from the YAML", names[i], a.ID, a.Line, a.Col, b.ID, b.Line, b.Col)
			}
		}
		edited := append([]byte{}, data...)
		edited = append(edited, '\n')
		if _, _, ok := snapshotPack(edited); ok {
			t.Errorf("%s: an edited file was found in the snapshot", names[i])
		}
	}
}
