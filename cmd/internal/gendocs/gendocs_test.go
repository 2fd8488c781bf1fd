package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var cliMD = filepath.Join("..", "..", "..", "docs", "cli.md")

// TestCLIDocIsCurrent fails when a command, flag or example changed without
// docs/cli.md being regenerated.
func TestCLIDocIsCurrent(t *testing.T) {
	var got bytes.Buffer
	if err := render(&got, tree()); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(cliMD)
	if err != nil {
		t.Fatalf("%v: run `go run ./cmd/internal/gendocs` from the repository root", err)
	}
	if !bytes.Equal(want, got.Bytes()) {
		t.Errorf("docs/cli.md is stale: run `go run ./cmd/internal/gendocs` from the repository root (-file +generated):\n%s",
			cmp.Diff(string(want), got.String()))
	}
}

// TestRenderCoversEveryCommand: each visible command has a section with its
// usage line and examples.
func TestRenderCoversEveryCommand(t *testing.T) {
	var got bytes.Buffer
	root := tree()
	if err := render(&got, root); err != nil {
		t.Fatal(err)
	}
	doc := got.String()
	for _, c := range commands(root) {
		if !strings.Contains(doc, "\n## "+c.CommandPath()+"\n") {
			t.Errorf("no section for %q", c.CommandPath())
		}
		if c.Runnable() && !strings.Contains(doc, "```\n"+c.UseLine()+"\n```") {
			t.Errorf("no usage line for %q", c.CommandPath())
		}
	}
	for _, want := range []string{"redact scan", "redact init", "redact version", "--fail-on", "--config"} {
		if !strings.Contains(doc, want) {
			t.Errorf("reference lacks %q", want)
		}
	}
}
