package signoff

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRecordPath(t *testing.T) {
	got, err := RecordPath("/repo", "stories/2025/a.md")
	if want := filepath.FromSlash("/repo/.redact/signoffs/stories/2025/a.md.json"); err != nil || got != want {
		t.Errorf("RecordPath = %q, %v; want %q", got, err, want)
	}
	for _, bad := range []string{"../x.md", "/etc/passwd", "a/../../x", "", "."} {
		if p, err := RecordPath("/repo", bad); err == nil {
			t.Errorf("RecordPath(%q) = %q, want an error", bad, p)
		}
	}
}

func TestStore(t *testing.T) {
	root := t.TempDir()
	s := newSigner(t)
	var want []string
	for _, p := range []string{"stories/b.md", "a.md", "stories/2025/c d.md"} {
		r := mustSign(t, unsignedRecord(p), s)
		rp, err := RecordPath(root, p)
		if err != nil {
			t.Fatal(err)
		}
		if err := Save(rp, r); err != nil {
			t.Fatal(err)
		}
		got, err := Load(rp)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(r, got); diff != "" {
			t.Errorf("Load(Save) mismatch (-want +got):\n%s", diff)
		}
		want = append(want, p)
	}
	// Overwrite in place.
	rp, _ := RecordPath(root, "a.md")
	r := unsignedRecord("a.md")
	r.Tool = "v2"
	if err := Save(rp, mustSign(t, r, s)); err != nil {
		t.Fatal(err)
	}
	if got, _ := Load(rp); got.Tool != "v2" {
		t.Errorf("overwritten record has tool %q", got.Tool)
	}
	if fi, err := os.Stat(rp); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("record mode: %v %v", fi.Mode(), err)
	}
	// No temporary files are left behind, and stray files are not listed.
	writeFile(t, filepath.Join(root, ".redact", "signoffs", "README"), []byte("x"))
	got, err := List(root)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("List mismatch (-want +got):\n%s", diff)
	}
	entries, _ := os.ReadDir(filepath.Dir(rp))
	for _, e := range entries {
		if e.Name() != "a.md.json" && e.Name() != "stories" && e.Name() != "README" {
			t.Errorf("unexpected file %s", e.Name())
		}
	}

	if err := Remove(rp); err != nil {
		t.Fatal(err)
	}
	if err := Remove(rp); err != nil {
		t.Errorf("second Remove: %v", err)
	}
	if _, err := Load(rp); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load of removed record: %v, want fs.ErrNotExist", err)
	}
	if got, _ := List(root); len(got) != 2 {
		t.Errorf("List after Remove = %q", got)
	}
	if got, err := List(t.TempDir()); err != nil || len(got) != 0 {
		t.Errorf("List of a repository without records = %q, %v", got, err)
	}

	// Save refuses an invalid record and leaves nothing behind.
	bad := unsignedRecord("x.md")
	bad.ContentSHA256 = "nope"
	bp, _ := RecordPath(root, "x.md")
	if err := Save(bp, bad); !errors.Is(err, ErrInvalidRecord) {
		t.Errorf("Save(invalid) = %v", err)
	}
	if _, err := os.Stat(bp); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("invalid record was written: %v", err)
	}
	// A failed rename (target is a directory) removes the temporary file.
	dp, _ := RecordPath(root, "dir.md")
	if err := os.MkdirAll(filepath.Join(dp, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Save(dp, mustSign(t, unsignedRecord("dir.md"), s)); err == nil {
		t.Error("Save over a directory succeeded")
	}
	entries, _ = os.ReadDir(filepath.Dir(dp))
	for _, e := range entries {
		if filepath.Ext(e.Name()) == ".tmp" {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

func TestLoadInvalid(t *testing.T) {
	p := filepath.Join(t.TempDir(), "r.json")
	writeFile(t, p, []byte(`{"version":1}`))
	_, err := Load(p)
	if !errors.Is(err, ErrInvalidRecord) {
		t.Fatalf("Load = %v, want ErrInvalidRecord", err)
	}
}
