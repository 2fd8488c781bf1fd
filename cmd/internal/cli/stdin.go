package cli

import (
	"slices"

	"github.com/spf13/cobra"
)

// Standard input has no name, so it used to be scanned as plain text and
// reported as "-". --stdin-name gives it one, as Prettier's
// --stdin-filepath and ESLint's --stdin-filename do for editors and
// pipelines: the scanner picks Markdown or plain text from the name's
// extension, reports show the name, and the review decisions kept beside
// it apply.

// addStdinNameFlag registers --stdin-name on a command that reads "-".
func addStdinNameFlag(cmd *cobra.Command, name *string) {
	cmd.Flags().StringVar(name, "stdin-name", "", "read standard input as if it were `file` (e.g. story.md): its extension picks Markdown or plain text, and reports show it instead of -")
}

// stdinPaths checks --stdin-name against the paths: with no paths it
// reads standard input alone; with paths, - must be among them, or the
// name would name nothing.
func stdinPaths(cmd *cobra.Command, name string, paths []string) ([]string, error) {
	if !cmd.Flags().Changed("stdin-name") {
		return paths, nil
	}
	switch {
	case name == "" || name == "-":
		return nil, flagErrorf("--stdin-name needs a file name, such as story.md")
	case len(paths) == 0:
		return []string{"-"}, nil
	case !slices.Contains(paths, "-"):
		return nil, flagErrorf("--stdin-name names standard input, but - is not among the paths")
	}
	return paths, nil
}

// nameStdin shows standard input under its --stdin-name, if any: the path
// of an input is what the scanner parses by and what reports show.
func nameStdin(ins []input, name string) {
	if name == "" {
		return
	}
	for i := range ins {
		if ins[i].Stdin {
			ins[i].Path = name
		}
	}
}
