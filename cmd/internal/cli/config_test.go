package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFindConfig(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "team", ConfigName), "")
	deep := filepath.Join(root, "team", "drafts", "2024")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	// A directory named .redact.toml is not a config file.
	if err := os.MkdirAll(filepath.Join(root, "team", "drafts", ConfigName), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, want := FindConfig(deep), filepath.Join(root, "team", ConfigName); got != want {
		t.Errorf("FindConfig(deep) = %q, want %q", got, want)
	}
	if got := FindConfig(filepath.Join(root, "team")); got != filepath.Join(root, "team", ConfigName) {
		t.Errorf("FindConfig(team) = %q", got)
	}
	writeFile(t, filepath.Join(deep, ConfigName), "")
	if got := FindConfig(deep); got != filepath.Join(deep, ConfigName) {
		t.Errorf("the nearest file should win, got %q", got)
	}
}

func TestLoadConfig(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		body    string
		want    *Config
		wantErr string
	}{
		{name: "empty file gives the defaults", body: "",
			want: &Config{Include: DefaultInclude, FailOn: "review"}},
		{name: "every key", body: `builtin = ["default"]
no_builtin = true
rules = ["packs/"]
include = ["*.md"]
exclude = ["archive/**"]
fail_on = "block"
[signoff]
allowed_signers = ".redact/allowed_signers"
revoked_keys = ".redact/revoked"
dir = ".redact/signoff"
`, want: func() *Config {
			c := &Config{Builtin: []string{"default"}, NoBuiltin: true, Rules: []string{"packs/"},
				Include: []string{"*.md"}, Exclude: []string{"archive/**"}, FailOn: "block"}
			c.Signoff.AllowedSigners, c.Signoff.RevokedKeys, c.Signoff.Dir = ".redact/allowed_signers", ".redact/revoked", ".redact/signoff"
			return c
		}()},
		{name: "unknown keys, each located", body: "fail_onn = 1\n[signoff]\nallowed = 2\n",
			wantErr: "CFG:1:1: unknown key \"fail_onn\" (`redact init` writes a commented example)\nCFG:3:1: unknown key \"signoff.allowed\" (`redact init` writes a commented example)"},
		{name: "syntax error", body: "fail_on = block\n", wantErr: "CFG:1:11: toml: "},
		{name: "wrong type", body: "include = \"*.md\"\n", wantErr: "CFG:1:"},
		{name: "bad fail_on", body: "fail_on = \"high\"\n", wantErr: `CFG: fail_on must be review, block or none; not "high"`},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.Repeat("x", i+1)+".toml")
			writeFile(t, path, tt.body)
			got, err := LoadConfig(path)
			if tt.wantErr != "" {
				want := strings.ReplaceAll(tt.wantErr, "CFG", path)
				var ce *ConfigError
				if !errors.As(err, &ce) || !strings.HasPrefix(err.Error(), want) {
					t.Fatalf("error = %v, want ConfigError starting %q", err, want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Path, tt.want.Dir = path, dir
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("config (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := LoadConfig(filepath.Join(dir, "missing.toml")); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: error = %v", err)
	}
}

// TestConfigTemplate: what `redact init` writes loads, and means the
// defaults, so init changes nothing until the user edits it.
func TestConfigTemplate(t *testing.T) {
	path := filepath.Join(t.TempDir(), ConfigName)
	writeFile(t, path, configTemplate)
	got, err := LoadConfig(path)
	if err != nil {
		t.Fatalf("the template does not load: %v", err)
	}
	if diff := cmp.Diff(DefaultConfig(), got, cmpopts.IgnoreFields(Config{}, "Path", "Dir")); diff != "" {
		t.Errorf("template differs from the defaults (-want +got):\n%s", diff)
	}
	// Every key the file format knows is mentioned, commented or not.
	for _, key := range []string{"builtin", "no_builtin", "rules", "include", "exclude", "fail_on", "[signoff]", "allowed_signers", "revoked_keys"} {
		if !strings.Contains(configTemplate, key) {
			t.Errorf("template does not mention %s", key)
		}
	}
}

func TestFactoryRulesFromConfig(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "packs", "local.yaml"), testPack)
	writeFile(t, filepath.Join(dir, ConfigName), "no_builtin = true\nrules = [\"packs\"]\n")
	sub := filepath.Join(dir, "drafts")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	f := NewFactory(nil)
	f.Getwd = func() (string, error) { return sub, nil }
	set, err := f.Rules()
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Rules) != 1 || set.Rules[0].ID != "local.phone" {
		t.Errorf("rules = %v, want only local.phone (the config's pack, relative to the config file)", set.Rules)
	}
}
