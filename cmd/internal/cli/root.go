package cli

import (
	"github.com/spf13/cobra"
)

// NewCmdRoot builds the command tree. Help and usage go to stderr; errors
// are printed once, by Main.
func NewCmdRoot(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "redact <command> [flags]",
		Short: "Keep rescue stories safe to publish",
		Long: `redact checks draft stories for details that could endanger survivors,
witnesses and field teams: names, places, dates, operational details and
identifiers. It shows the redactions it proposes, applies them when asked,
and lets a security reviewer sign off content for publication.`,
		Example: `  # Check a draft
  redact scan story.md

  # See the proposed redactions, then apply them
  redact diff story.md
  redact apply --write story.md`,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	root.CompletionOptions.HiddenDefaultCmd = true
	pf := root.PersistentFlags()
	pf.StringVar(&f.ConfigPath, "config", "", "configuration `file` (default: .redact.toml found upward)")
	pf.StringArrayVar(&f.RulePaths, "rules", nil, "extra rule pack `path` (file or directory; repeatable)")
	pf.BoolVar(&f.NoBuiltin, "no-builtin", false, "use only the packs given with --rules")

	root.AddCommand(
		newCmdScan(f, nil),
		newCmdInit(f, nil),
		newCmdVersion(f),
		newCmdRules(f),
		newCmdExplain(f, nil),
		newCmdEval(f, nil),
		newCmdSignoff(f, nil),
		newCmdVerify(f, nil),
		newCmdDiff(f, nil),
		newCmdApply(f, nil),
		newCmdReview(f, nil),
	)
	for _, add := range extraCommands {
		root.AddCommand(add(f))
	}
	return root
}

// extraCommands lets each verb's file register itself without a global
// command value: the constructor runs per tree.
var extraCommands []func(*Factory) *cobra.Command
