package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rescue-stories/redact/cmd/internal/iostreams"
)

const filesTestPack = `pack: local
rules:
  - id: phone
    category: identifier
    kind: pattern
    message: phone number
    pattern: '\+\d{2} \d{3} \d{3} \d{4}'
`

// inputTree writes files (and the local pack with a config that uses it
// alone) into a temporary directory and makes it the working directory.
func inputTree(t *testing.T, files map[string]string) string {
	t.Helper()
	return packTree(t, files, filesTestPack)
}

// packTree writes files, pack.yaml and a configuration that uses that pack
// alone into a temporary directory, and makes it the working directory.
func packTree(t *testing.T, files map[string]string, pack string) string {
	t.Helper()
	dir := t.TempDir()
	files["pack.yaml"] = pack
	files[".redact.toml"] = "no_builtin = true\nrules = [\"pack.yaml\"]\n"
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	return dir
}

// runMain runs the command line and returns its exit code, stdout and stderr.
func runMain(args ...string) (int, string, string) {
	ios, _, out, errOut := iostreams.Test()
	code := Main(args, ios)
	return code, out.String(), errOut.String()
}

var unreadableTree = map[string]string{
	"a.md":            "Call +63 917 555 0142.\n",
	"locked.md":       "Call +63 917 555 0143.\n",
	"sub/c.md":        "Call +63 917 555 0144.\n",
	"sub/locked/b.md": "Call +63 917 555 0145.\n",
}

// checkUnreadable: the unreadable file and directory are each reported
// with their path, everything else is still scanned, and the exit code is 2.
func checkUnreadable(t *testing.T, code int, out, errOut string) {
	t.Helper()
	if code != ExitError {
		t.Errorf("exit code %d, want %d", code, ExitError)
	}
	for _, want := range []string{"a.md:1:6: ", "sub/c.md:1:6: "} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "0143") || strings.Contains(out, "0145") {
		t.Errorf("stdout shows unreadable content:\n%s", out)
	}
	for _, want := range []string{
		"redact: " + filepath.Join(".", "locked.md") + ": permission denied\n",
		"redact: " + filepath.Join(".", "sub", "locked") + ": permission denied\n",
	} {
		if !strings.Contains(errOut, strings.TrimPrefix(want, "./")) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

// TestUnreadableInjected simulates an unreadable file and directory through
// the openFile and walkDir seams, so it runs as root too.
func TestUnreadableInjected(t *testing.T) {
	inputTree(t, unreadableTree)
	denied := func(p string) error { return &fs.PathError{Op: "open", Path: p, Err: fs.ErrPermission} }
	oldOpen, oldWalk := openFile, walkDir
	t.Cleanup(func() { openFile, walkDir = oldOpen, oldWalk })
	openFile = func(name string) (*os.File, error) {
		if filepath.Base(name) == "locked.md" {
			return nil, denied(name)
		}
		return oldOpen(name)
	}
	walkDir = func(root string, fn fs.WalkDirFunc) error {
		return oldWalk(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() && d.Name() == "locked" {
				// What WalkDir does when it cannot read a directory:
				// a first call, then a second with the error.
				if err := fn(p, d, nil); err != nil {
					return err
				}
				return fn(p, d, denied(p))
			}
			return fn(p, d, err)
		})
	}
	code, out, errOut := runMain("scan", ".")
	checkUnreadable(t, code, out, errOut)
}

// TestUnreadablePermissions uses real permissions; root reads anything, so
// it only runs as another user (TestUnreadableInjected covers root).
func TestUnreadablePermissions(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("permissions do not deny reads here")
	}
	dir := inputTree(t, unreadableTree)
	for _, p := range []string{"locked.md", filepath.Join("sub", "locked")} {
		if err := os.Chmod(filepath.Join(dir, p), 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(filepath.Join(dir, p), 0o755) })
	}
	code, out, errOut := runMain("scan", ".")
	checkUnreadable(t, code, out, errOut)
}

// TestParallelScanIsDeterministic: scanning with many workers gives the
// same bytes on stdout and stderr as scanning with one, in every format,
// including files that fail and files that are skipped.
func TestParallelScanIsDeterministic(t *testing.T) {
	files := map[string]string{}
	for i := range 60 {
		body := fmt.Sprintf("Draft %d.\n\nCall +63 917 555 %04d, or +63 917 555 %04d.\n", i, i, 1000+i)
		switch i % 10 {
		case 3:
			body = "GIF89a\x00" // binary: skipped with a note
		case 7:
			body = "\xff\xfeC\x00" // UTF-16: an error
		case 9:
			body = "Nothing to see.\n"
		}
		files[fmt.Sprintf("d%02d/story%02d.md", i%4, i)] = body
	}
	inputTree(t, files)
	for _, format := range []string{"text", "json", "sarif", "github"} {
		run := func(procs int) (int, string, string) {
			old := runtime.GOMAXPROCS(procs)
			defer runtime.GOMAXPROCS(old)
			return runMain("scan", "--format", format, ".")
		}
		c1, out1, err1 := run(1)
		c8, out8, err8 := run(8)
		if c1 != c8 {
			t.Errorf("%s: exit %d sequentially, %d in parallel", format, c1, c8)
		}
		if d := cmp.Diff(out1, out8); d != "" {
			t.Errorf("%s: stdout differs (-sequential +parallel):\n%s", format, d)
		}
		if d := cmp.Diff(err1, err8); d != "" {
			t.Errorf("%s: stderr differs (-sequential +parallel):\n%s", format, d)
		}
		if format == "text" && (c1 != ExitError || !strings.Contains(out1, "story58.md") || !strings.Contains(err1, "skipped: binary")) {
			t.Errorf("unexpected run (exit %d):\n%s\n%s", c1, out1, err1)
		}
	}
}

func TestByteCount(t *testing.T) {
	for n, want := range map[int64]string{0: "0-byte", 1023: "1023-byte", 1024: "1 KiB", 1536: "1.5 KiB", 64 << 20: "64 MiB", 5 << 30: "5 GiB"} {
		if got := byteCount(n); got != want {
			t.Errorf("byteCount(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestReadInputStopsAtTheLimit(t *testing.T) {
	big := bytes.Repeat([]byte("x"), 1000)
	_, err := readInput(input{Path: "-", Stdin: true}, bytes.NewReader(big), 999)
	if err == nil || !strings.Contains(err.Error(), "-: larger than the 999-byte limit") {
		t.Errorf("got %v", err)
	}
	got, err := readInput(input{Path: "-", Stdin: true}, bytes.NewReader(big), 1000)
	if err != nil || len(got) != 1000 {
		t.Errorf("at the limit: %d bytes, %v", len(got), err)
	}
}
