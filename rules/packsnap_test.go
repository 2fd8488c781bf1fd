package rules

import (
	"encoding/binary"
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

// TestPackSnapIndex: the index of a pack snapshot reads back as written,
// and every truncation of it, or a byte added, is refused.
func TestPackSnapIndex(t *testing.T) {
	entries := []packSnapEntry{
		{Len: 10, Sum: 0xffffffff, Gob: "gob one", Lines: [][2]int{{1, 1}, {300, 7}}},
		{Len: 1 << 20, Sum: 0, Gob: "", Lines: nil},
	}
	data := string(encodePackSnap(entries))
	got, err := decodePackSnap(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(entries) {
		t.Fatalf("%d entries, want %d", len(got), len(entries))
	}
	for i := range got {
		g, w := got[i], entries[i]
		if g.Len != w.Len || g.Sum != w.Sum || g.Gob != w.Gob || len(g.Lines) != len(w.Lines) || len(w.Lines) > 0 && !reflect.DeepEqual(g.Lines, w.Lines) {
			t.Errorf("entry %d: %+v, want %+v", i, g, w)
		}
	}
	for n := range len(data) {
		if _, err := decodePackSnap(data[:n]); err == nil {
			t.Errorf("the index cut at %d of %d bytes was read", n, len(data))
		}
	}
	if _, err := decodePackSnap(data + "x"); err == nil {
		t.Error("the index with a byte added was read")
	}
	// A checksum wider than 32 bits is refused.
	w := snapWriter{buf: []byte(packSnapMagic)}
	w.uint(1)
	w.uint(3)
	w.buf = binary.AppendUvarint(w.buf, 1<<32)
	w.uint(0)
	w.str("")
	if _, err := decodePackSnap(string(w.buf)); err == nil {
		t.Error("a 33-bit checksum was read")
	}
	// The embedded snapshot's index reads.
	if e, err := decodePackSnap(packSnapData); err != nil || len(e) == 0 {
		t.Errorf("packs.snap: %d entries, %v", len(e), err)
	}
}

// FuzzPackSnapIndex: any bytes are read as a pack snapshot's index or
// refused, never a panic, and an index that reads writes back the same.
func FuzzPackSnapIndex(f *testing.F) {
	f.Add(encodePackSnap([]packSnapEntry{{Len: 3, Sum: 7, Gob: "abc", Lines: [][2]int{{2, 3}}}}))
	f.Add([]byte(packSnapMagic + "\x01\x00\x00\x00\x00"))
	f.Add([]byte(packSnapMagic + "\xff\xff\xff\xff\x0f"))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := decodePackSnap(string(data))
		if err != nil {
			return
		}
		again, err := decodePackSnap(string(encodePackSnap(entries)))
		if err != nil || len(again) != len(entries) {
			t.Fatalf("an index read back as %d entries (%v), want %d", len(again), err, len(entries))
		}
	})
}
