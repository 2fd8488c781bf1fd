package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/rescue-stories/redact/cmd/internal/iostreams"
	"github.com/rescue-stories/redact/rules"
)

// Factory holds what commands share: the streams, configuration and the
// rule set, built lazily and once per process.
type Factory struct {
	IO  *iostreams.IOStreams
	Now func() time.Time
	// Getwd returns the working directory (tests may replace it).
	Getwd func() (string, error)

	// Set by persistent flags on the root command.
	ConfigPath string
	RulePaths  []string
	NoBuiltin  bool

	cfgOnce sync.Once
	cfg     *Config
	cfgErr  error
	setOnce sync.Once
	set     *rules.Set
	setErr  error
}

// NewFactory returns a factory for the given streams.
func NewFactory(ios *iostreams.IOStreams) *Factory {
	return &Factory{IO: ios, Now: time.Now, Getwd: os.Getwd}
}

// Config loads .redact.toml (from --config, or found from the working
// directory upward); a missing file gives the defaults.
func (f *Factory) Config() (*Config, error) {
	f.cfgOnce.Do(func() {
		path := f.ConfigPath
		if path == "" {
			wd, err := f.Getwd()
			if err != nil {
				f.cfgErr = err
				return
			}
			path = FindConfig(wd)
		}
		if path == "" {
			f.cfg = DefaultConfig()
			return
		}
		f.cfg, f.cfgErr = LoadConfig(path)
	})
	return f.cfg, f.cfgErr
}

// Rules returns the rule set in force: the built-in packs (unless
// --no-builtin or the config says otherwise) plus packs from the config and
// --rules.
func (f *Factory) Rules() (*rules.Set, error) {
	f.setOnce.Do(func() {
		cfg, err := f.Config()
		if err != nil {
			f.setErr = err
			return
		}
		var packs []*rules.Pack
		if !f.NoBuiltin && !cfg.NoBuiltin {
			names := cfg.Builtin
			if len(names) == 0 {
				names = []string{"default"}
			}
			for _, n := range names {
				ps, err := rules.LoadBuiltin(n)
				if err != nil {
					f.setErr = fmt.Errorf("built-in pack %q: %w", n, err)
					return
				}
				packs = append(packs, ps...)
			}
		}
		var paths []string
		for _, p := range cfg.Rules {
			if !filepath.IsAbs(p) && cfg.Dir != "" {
				p = filepath.Join(cfg.Dir, p)
			}
			paths = append(paths, p)
		}
		paths = append(paths, f.RulePaths...)
		if len(paths) > 0 {
			ps, err := rules.LoadPaths(paths...)
			if err != nil {
				f.setErr = err
				return
			}
			packs = append(packs, ps...)
		}
		if len(packs) == 0 {
			f.setErr = fmt.Errorf("no rule packs: --no-builtin needs --rules PATH")
			return
		}
		f.set, f.setErr = rules.NewSet(packs...)
	})
	return f.set, f.setErr
}
