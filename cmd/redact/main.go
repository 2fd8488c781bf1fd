// Command redact keeps rescue stories safe to publish: it scans drafts for
// names, places, dates, operational details and identifiers, proposes
// redactions, and gates publication on a reviewer's sign-off.
package main

import (
	"os"

	"github.com/rescue-stories/redact/cmd/internal/cli"
	"github.com/rescue-stories/redact/cmd/internal/iostreams"
	// Decodes the rules' snapshots while the other packages initialise.
	_ "github.com/rescue-stories/redact/cmd/internal/preload"
)

func main() {
	tuneGC(os.Getenv)
	os.Exit(cli.Main(os.Args[1:], iostreams.System()))
}
