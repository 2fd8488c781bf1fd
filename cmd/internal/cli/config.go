package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// ConfigName is the configuration file found from the working directory upward.
const ConfigName = ".redact.toml"

// Config is .redact.toml.
type Config struct {
	Builtin   []string `toml:"builtin"`
	NoBuiltin bool     `toml:"no_builtin"`
	Rules     []string `toml:"rules"`
	Include   []string `toml:"include"`
	Exclude   []string `toml:"exclude"`
	FailOn    string   `toml:"fail_on"`
	Signoff   struct {
		AllowedSigners string `toml:"allowed_signers"`
		RevokedKeys    string `toml:"revoked_keys"`
		Dir            string `toml:"dir"`
	} `toml:"signoff"`

	// Dir is the directory of the file it came from ("" for defaults);
	// relative paths in it are relative to Dir.
	Dir  string `toml:"-"`
	Path string `toml:"-"`
}

// DefaultConfig is what applies without a file.
func DefaultConfig() *Config {
	return &Config{Include: DefaultInclude, FailOn: "review"}
}

// DefaultInclude are the file patterns scanned in directories.
var DefaultInclude = []string{"*.md", "*.markdown", "*.txt"}

// ConfigError is a problem in a configuration file: one line per problem,
// each starting with file:line:col where the position is known, the form
// editors and CI annotators parse.
type ConfigError struct{ Lines []string }

func (e *ConfigError) Error() string { return strings.Join(e.Lines, "\n") }

// FindConfig looks for .redact.toml in dir and its parents.
func FindConfig(dir string) string {
	for {
		p := filepath.Join(dir, ConfigName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// LoadConfig reads and checks a config file; unknown keys are errors.
func LoadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", path, unwrapPathError(err))
	}
	cfg := DefaultConfig()
	cfg.Include = nil
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(cfg); err != nil {
		// Unknown keys first: a StrictMissingError also unwraps to
		// DecodeErrors, whose message ("unknown field") omits the key.
		var sm *toml.StrictMissingError
		if errors.As(err, &sm) && len(sm.Errors) > 0 {
			msgs := make([]string, len(sm.Errors))
			for i, e := range sm.Errors {
				row, col := e.Position()
				msgs[i] = fmt.Sprintf("%s:%d:%d: unknown key %q (`redact init` writes a commented example)", path, row, col, strings.Join(e.Key(), "."))
			}
			return nil, &ConfigError{Lines: msgs}
		}
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, col := de.Position()
			return nil, &ConfigError{Lines: []string{fmt.Sprintf("%s:%d:%d: %s", path, row, col, de.Error())}}
		}
		return nil, &ConfigError{Lines: []string{fmt.Sprintf("%s: %v", path, err)}}
	}
	if len(cfg.Include) == 0 {
		cfg.Include = DefaultInclude
	}
	switch cfg.FailOn {
	case "review", "block", "none":
	default:
		return nil, &ConfigError{Lines: []string{fmt.Sprintf("%s: fail_on must be review, block or none; not %q", path, cfg.FailOn)}}
	}
	cfg.Path = path
	cfg.Dir = filepath.Dir(path)
	return cfg, nil
}

// configTemplate is what `redact init` writes.
const configTemplate = `# redact configuration. redact finds this file from the working directory
# upward; --config names another. Paths are relative to this file.

# Built-in packs to use (default: ["default"]). no_builtin = true uses only
# the packs listed in rules.
# builtin = ["default"]
# no_builtin = false

# Your own rule packs: files or directories of *.yaml.
# rules = ["redact-rules/"]

# Files scanned when a directory is given.
include = ["*.md", "*.markdown", "*.txt"]
# exclude = ["drafts/archive/**"]

# The lowest severity that fails the gate: review (any finding), block, or none.
fail_on = "review"

[signoff]
# Who may sign off content (OpenSSH allowed_signers format), and keys that
# may no longer sign.
# allowed_signers = ".redact/allowed_signers"
# revoked_keys = ".redact/revoked_keys"
`
