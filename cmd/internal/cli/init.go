package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
)

// InitOptions are the options of `redact init`.
type InitOptions struct {
	f     *Factory
	Force bool
	Dir   string
}

func newCmdInit(f *Factory, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{f: f}
	cmd := &cobra.Command{
		Use:   "init [--force]",
		Short: "Write a commented .redact.toml in the current directory",
		Example: `  redact init
  redact init --force   # overwrite an existing file`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runInit(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite an existing .redact.toml")
	return cmd
}

func runInit(opts *InitOptions) error {
	dir := opts.Dir
	if dir == "" {
		wd, err := opts.f.Getwd()
		if err != nil {
			return err
		}
		dir = wd
	}
	path := filepath.Join(dir, ConfigName)
	if _, err := os.Stat(path); err == nil && !opts.Force {
		return fmt.Errorf("%s already exists; use --force to overwrite it", ConfigName)
	}
	if err := writeFileAtomic(path, []byte(configTemplate), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", ConfigName, err)
	}
	if opts.f.IO.IsStderrTTY() {
		fmt.Fprintf(opts.f.IO.ErrOut, "wrote %s\n", ConfigName)
	}
	return nil
}
