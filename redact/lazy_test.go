package redact

import (
	"regexp"
	"testing"
)

// TestLazyRegexps: every regexp compiled on first use compiles.
func TestLazyRegexps(t *testing.T) {
	for name, re := range map[string]func() *regexp.Regexp{
		"yearRE": yearRE, "clockLikeRE": clockLikeRE, "clockRE": clockRE,
		"weekdayRE": weekdayRE, "esWeekRE": esWeekRE, "spanishRE": spanishRE,
		"kindBeforeRE": kindBeforeRE, "numberedRE": numberedRE,
		"yamlValueStart": yamlValueStart,
	} {
		if first := re(); first == nil || re() != first {
			t.Errorf("%s: not compiled once", name)
		}
	}
}
