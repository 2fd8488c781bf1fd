package cli

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// leftovers lists temporary files left in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, ".*.redact-*"))
	return m
}

func TestReplaceFileInjectedFailureKeepsOriginal(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "story.md")
	if err := os.WriteFile(path, []byte("original"), 0o640); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	testHookBeforeRename = func(tmp string) error {
		// The temporary file is complete before the rename is attempted.
		if got := readString(t, tmp); got != "redacted" {
			t.Errorf("temporary file holds %q", got)
		}
		return boom
	}
	defer func() { testHookBeforeRename = nil }()
	err := replaceFile(path, []byte("redacted"), []byte("original"), dir)
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the injected failure", err)
	}
	if got := readString(t, path); got != "original" {
		t.Fatalf("original changed to %q", got)
	}
	if l := leftovers(t, dir); len(l) != 0 {
		t.Fatalf("temporary files left behind: %v", l)
	}
}

func TestReplaceFileRefusesWhenChanged(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "story.md")
	if err := os.WriteFile(path, []byte("original"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Someone saves the file between our read and our write.
	testHookBeforeRename = func(string) error { return os.WriteFile(path, []byte("edited by the writer"), 0o644) }
	defer func() { testHookBeforeRename = nil }()
	err := replaceFile(path, []byte("redacted"), []byte("original"), dir)
	if !errors.Is(err, errChanged) {
		t.Fatalf("err = %v, want errChanged", err)
	}
	if got := readString(t, path); got != "edited by the writer" {
		t.Fatalf("the writer's edit was lost: %q", got)
	}
	if l := leftovers(t, dir); len(l) != 0 {
		t.Fatalf("temporary files left behind: %v", l)
	}
}

func TestReplaceFileKeepsModeAndFollowsLinksInside(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("permissions and symlinks differ on Windows")
	}
	root := t.TempDir()
	real := filepath.Join(root, "drafts", "story.md")
	if err := os.MkdirAll(filepath.Dir(real), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(real, []byte("original"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(root, "story.md")
	if err := os.Symlink("drafts/story.md", link); err != nil {
		t.Fatal(err)
	}
	if err := replaceFile(link, []byte("redacted"), []byte("original"), root); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, real); got != "redacted" {
		t.Fatalf("target holds %q", got)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a file: %v %v", st.Mode(), err)
	}
	if st, _ := os.Stat(real); st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", st.Mode().Perm())
	}

	outside := filepath.Join(t.TempDir(), "secret.md")
	if err := os.WriteFile(outside, []byte("original"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "out.md")
	if err := os.Symlink(outside, out); err != nil {
		t.Fatal(err)
	}
	err := replaceFile(out, []byte("redacted"), []byte("original"), root)
	if err == nil || !strings.Contains(err.Error(), "outside the working directory") {
		t.Fatalf("err = %v", err)
	}
	if got := readString(t, outside); got != "original" {
		t.Fatalf("wrote through a link out of the tree: %q", got)
	}
}

func TestWriteFileAtomicRefusesSymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	dir := t.TempDir()
	target := filepath.Join(dir, "t.md")
	if err := os.WriteFile(target, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "l.md")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if err := writeFileAtomic(link, []byte("y"), 0o644); err == nil {
		t.Fatal("wrote through a symbolic link")
	}
	if got := readString(t, target); got != "x" {
		t.Fatalf("target changed: %q", got)
	}
}
