package preload

import (
	"testing"

	"github.com/rescue-stories/redact/cmd/internal/cli"
	"github.com/rescue-stories/redact/cmd/internal/iostreams"
)

func TestWanted(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"version"}, false},
		{[]string{"--help"}, false},
		{[]string{"help", "scan"}, false},
		{[]string{"init"}, false},
		{[]string{"scan", "story.md"}, true},
		{[]string{"--quiet", "scan", "-"}, true},
		{[]string{"diff"}, true},
		{[]string{"apply", "--write", "a.md"}, true},
		{[]string{"review", "a.md"}, true},
		{[]string{"explain", "a.md"}, true},
		{[]string{"eval", "drafts"}, true},
		{[]string{"rules", "list"}, true},
		{[]string{"signoff", "a.md"}, true},
		{[]string{"verify"}, true},
		{[]string{"scan", "--no-builtin", "--rules", "ours.yaml", "a.md"}, false},
		{[]string{"--no-builtin=true", "scan", "a.md"}, false},
		{[]string{"scan", "--no-builtin=false", "a.md"}, true},
		// A flag's value is taken for the command: no preload, which
		// changes nothing but the time.
		{[]string{"--config", "c.toml", "scan"}, false},
	} {
		if got := wanted(c.args); got != c.want {
			t.Errorf("wanted(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}

// TestLoaders: every command loaders names is a command of redact.
func TestLoaders(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	root := cli.NewCmdRoot(cli.NewFactory(ios))
	for name := range loaders {
		if c, _, err := root.Find([]string{name}); err != nil || c == root || c.Name() != name {
			t.Errorf("loaders names %q, which is not a command", name)
		}
	}
}
