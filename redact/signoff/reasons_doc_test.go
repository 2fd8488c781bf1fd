package signoff

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestReasonsDocumented keeps the reason table of docs/signoff.md and the
// Reason list the same: every reason verify can report has a row, and the
// table names no reason that does not exist.
func TestReasonsDocumented(t *testing.T) {
	data, err := os.ReadFile("../../docs/signoff.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(data), "| Reason | Meaning | What to do |")
	if !ok {
		t.Fatal("docs/signoff.md has no reason table")
	}
	table, _, _ = strings.Cut(table, "\n\n")
	name := regexp.MustCompile("`([a-z-]+)`")
	var documented []string
	for line := range strings.SplitSeq(table, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 3 || strings.HasPrefix(strings.TrimSpace(cells[1]), "---") {
			continue
		}
		for _, m := range name.FindAllStringSubmatch(cells[1], -1) {
			documented = append(documented, m[1])
		}
	}
	var defined []string
	for r := ReasonUnsigned; r <= LastReason; r++ {
		defined = append(defined, r.String())
	}
	slices.Sort(documented)
	slices.Sort(defined)
	if !slices.Equal(documented, defined) {
		t.Errorf("docs/signoff.md reason table lists\n%q\nthe Reason list has\n%q", documented, defined)
	}
}
