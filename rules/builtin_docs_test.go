package rules

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestBuiltinRulesDocumented keeps docs/packs.md, the table a security team
// reads to know what the default pack flags, in step with the pack: every
// built-in rule has its row, with its category and severity.
func TestBuiltinRulesDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "packs.md"))
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{}
	for _, line := range strings.Split(string(doc), "\n") {
		if id, rest, ok := strings.Cut(strings.TrimPrefix(line, "| `"), "` |"); ok && strings.HasPrefix(line, "| `") {
			rows[id] = rest
		}
	}
	for _, r := range builtinSet(t).Rules {
		row, ok := rows[r.ID]
		if !ok {
			t.Errorf("docs/packs.md has no row for %s", r.ID)
			continue
		}
		// A rule that finds more than one kind lists them: "name / location".
		cells := strings.Split(row, "|")
		if len(cells) < 2 || !slices.Contains(strings.Split(strings.TrimSpace(cells[0]), " / "), r.Category) || strings.TrimSpace(cells[1]) != string(r.Severity) {
			t.Errorf("docs/packs.md row of %s says %q, want category %s and severity %s", r.ID, row, r.Category, r.Severity)
		}
	}
}
