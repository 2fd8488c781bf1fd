package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rescue-stories/redact/cmd/internal/iostreams"
)

func TestNewCmdInit(t *testing.T) {
	for _, tt := range []struct {
		args      string
		wantForce bool
		wantErr   bool
	}{
		{"", false, false},
		{"--force", true, false},
		{"extra", false, true},
	} {
		ios, _, _, _ := iostreams.Test()
		var got *InitOptions
		err := runCmd(t, newCmdInit(NewFactory(ios), func(o *InitOptions) error { got = o; return nil }), tt.args)
		if (err != nil) != tt.wantErr {
			t.Errorf("%q: error = %v", tt.args, err)
			continue
		}
		if err == nil && got.Force != tt.wantForce {
			t.Errorf("%q: Force = %v", tt.args, got.Force)
		}
	}
}

func TestInitRun(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ConfigName)
	run := func(force, tty bool) (string, error) {
		ios, _, _, errOut := iostreams.Test()
		ios.SetTTY(false, tty, tty)
		err := runInit(&InitOptions{f: NewFactory(ios), Force: force, Dir: dir})
		return errOut.String(), err
	}

	if msg, err := run(false, false); err != nil || msg != "" {
		t.Fatalf("first init: %v, stderr %q (a pipe gets no message)", err, msg)
	}
	if b, _ := os.ReadFile(path); string(b) != configTemplate {
		t.Fatalf("wrote %q", b)
	}
	writeFile(t, path, "fail_on = \"none\"\n")
	_, err := run(false, false)
	if err == nil || !strings.Contains(err.Error(), "already exists; use --force") || exitCode(err) != ExitError {
		t.Fatalf("second init: error = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "fail_on = \"none\"\n" {
		t.Fatalf("refused init changed the file: %q", b)
	}
	if msg, err := run(true, true); err != nil || msg != "wrote .redact.toml\n" {
		t.Fatalf("init --force on a terminal: %v, stderr %q", err, msg)
	}
	if b, _ := os.ReadFile(path); string(b) != configTemplate {
		t.Fatalf("--force did not overwrite: %q", b)
	}
}
