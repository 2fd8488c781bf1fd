package cli

import (
	"testing"

	"github.com/spf13/cobra"

	"github.com/rescue-stories/redact/cmd/internal/iostreams"
)

// TestEveryCommandIsDocumented: each command's --help has a one-line
// summary and examples (docs/cli.md is generated from them).
func TestEveryCommandIsDocumented(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden || c.Name() == "help" || c.Name() == "completion" {
			return
		}
		if c.Short == "" {
			t.Errorf("%q has no Short description", c.CommandPath())
		}
		if c.Runnable() && c.Example == "" {
			t.Errorf("%q has no Example", c.CommandPath())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(NewCmdRoot(NewFactory(ios)))
}
