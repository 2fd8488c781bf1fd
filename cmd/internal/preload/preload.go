// Package preload starts decoding the rule packs' snapshots while the rest
// of the program initialises: imported for its side effect by the redact
// command, it is initialised as soon as the rules package is, before the
// Markdown parser, the report formats and the command line (some 4 ms of
// package initialisation on one core, with the second core idle).
package preload

import (
	"os"
	"slices"

	"github.com/rescue-stories/redact/rules"
)

// loaders are the commands that load the rule packs; other commands
// (version, help) do not pay for a preload they would not use.
var loaders = map[string]bool{
	"scan": true, "diff": true, "apply": true, "review": true,
	"explain": true, "eval": true, "rules": true, "signoff": true,
	"verify": true,
}

func init() {
	if wanted(os.Args[1:]) {
		rules.Preload()
	}
}

// wanted reports whether the command line names a command that loads
// the rule packs (its first argument that is not a flag) and does not
// leave the built-in packs out.
func wanted(args []string) bool {
	if slices.Contains(args, "--no-builtin") || slices.Contains(args, "--no-builtin=true") {
		return false
	}
	for _, a := range args {
		if len(a) > 0 && a[0] == '-' {
			continue
		}
		return loaders[a]
	}
	return false
}
