package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The names a hashed pack protects appear nowhere in the pack nor in the
// built binary, yet a scan with the pack finds them. The names are written
// only here, in a test file that is never compiled into the binary.
func TestHashedNamesNotInPackOrBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	names := []string{"Quillon Vantrask", "Brennick", "Tamsolene Lane"}
	packDir := filepath.Join("..", "..", "rules", "testdata", "hashed")
	files, err := filepath.Glob(filepath.Join(packDir, "*"))
	if err != nil || len(files) < 2 {
		t.Fatalf("pack files: %v %v", files, err)
	}

	bin := filepath.Join(t.TempDir(), "redact")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("no go command on PATH: %v", err)
	}
	build := exec.Command(gobin, "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	binary, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	check := func(label string, data []byte) {
		lower := bytes.ToLower(data)
		for _, n := range names {
			for _, w := range strings.Fields(strings.ToLower(n)) {
				if len(w) < 5 {
					continue // "lane" is an ordinary word
				}
				if bytes.Contains(lower, []byte(w)) {
					t.Errorf("%s contains %q", label, w)
				}
			}
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		check(f, data)
	}
	check("the binary", binary)

	story := filepath.Join(t.TempDir(), "story.md")
	if err := os.WriteFile(story, []byte("We met Quillon Vantrask near TAMSOLENE lane.\n\nBrennick drove.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// --mask=false: CI sets CI=true, which masks the text this test reads.
	cmd := exec.Command(bin, "scan", "--mask=false", "--no-builtin", "--rules", filepath.Join(packDir, "staff.yaml"), story)
	out, _ := cmd.Output()
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Fatalf("scan exit %d, want 1\n%s", code, out)
	}
	for _, want := range []string{`:1:8: name staff.people name "Quillon Vantrask"`, `:1:30: location staff.places location "TAMSOLENE lane"`, `:3:1: name staff.people name "Brennick"`} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("scan output lacks %s:\n%s", want, out)
		}
	}
}
