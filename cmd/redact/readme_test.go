package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rescue-stories/redact/cmd/internal/cli"
	"github.com/rescue-stories/redact/cmd/internal/iostreams"
)

var repoRoot = filepath.Join("..", "..")

// TestReadmeQuickStart keeps the README's promise: it starts with a command
// that shows findings on an example draft and the command that runs every
// test, and CI runs that same test command.
func TestReadmeQuickStart(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	first := regexp.MustCompile("(?s)```sh\n(.*?)```").FindSubmatch(readme)
	if first == nil || bytes.Index(readme, first[0]) > 40 {
		t.Fatalf("README.md does not start with a sh code block")
	}
	block := string(first[1])
	const run, test = "go run ./cmd/redact scan fixtures/examples/story.md", "go test ./..."
	lines := strings.Split(strings.TrimSpace(block), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], run) || !strings.HasPrefix(lines[1], test+" ") {
		t.Errorf("README's first block is %q, want %q then %q", block, run, test)
	}

	ci, err := os.ReadFile(filepath.Join(repoRoot, ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^go test \./\.\.\.$`).Match(ci) {
		t.Errorf(".ci/run does not run %q, the README's test command", test)
	}

	// The example draft shows every kind of finding the README talks about.
	ios, _, out, errOut := iostreams.Test()
	t.Chdir(repoRoot)
	if code := cli.Main([]string{"scan", "fixtures/examples/story.md"}, ios); code != cli.ExitFindings {
		t.Fatalf("scan of the example: exit %d, want 1; stderr:\n%s", code, errOut)
	}
	for _, cat := range []string{"name", "location", "date", "operational", "identifier"} {
		if !regexp.MustCompile(`(?m)^fixtures/examples/story\.md:\d+:\d+: ` + cat + ` `).Match(out.Bytes()) {
			t.Errorf("the example draft gives no %s finding:\n%s", cat, out)
		}
	}
	// The lines the README shows are lines the scan prints, summary included.
	for _, l := range strings.Split(string(readme), "\n") {
		if strings.HasPrefix(l, "fixtures/examples/story.md:") && !strings.Contains(out.String(), l+"\n") {
			t.Errorf("README.md shows %q, which the scan of the example does not print:\n%s", l, out)
		}
	}
	summary := strings.TrimSpace(errOut.String())
	if !bytes.Contains(readme, []byte("\n"+summary+"\n")) {
		t.Errorf("README.md does not show the scan's summary line %q", summary)
	}
}
