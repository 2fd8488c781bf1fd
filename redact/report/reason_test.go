package report

import (
	"testing"

	"github.com/rescue-stories/redact/redact"
)

func TestMaskIn(t *testing.T) {
	for _, tc := range []struct {
		s     string
		texts []string
		want  string
	}{
		{"pseudonym agreed", []string{"Zara Quillon"}, "pseudonym agreed"},
		{"Zara Quillon agreed", []string{"Zara Quillon"}, "Z*** Q****** agreed"},
		{"zara agreed; QUILLON too", []string{"Zara Quillon"}, "z*** agreed; Q****** too"},
		{"met at the old mill", []string{"the old mill"}, "met at t** o** m***"},
		{"call +63 917", []string{"+63 917 555"}, "call +## ###"},
		{"Ana ok", []string{"Al"}, "Ana ok"}, // words under three letters are not masked alone
		{"Zoë said yes", []string{"zoë"}, "Z** said yes"},
		{"", []string{"x"}, ""},
	} {
		if got := MaskIn(tc.s, tc.texts...); got != tc.want {
			t.Errorf("MaskIn(%q, %q) = %q, want %q", tc.s, tc.texts, got, tc.want)
		}
	}
	sp := redact.Suppressed{Finding: redact.Finding{Text: "Maria Santos"}, Reason: "Maria Santos is a pseudonym"}
	if got := displayReason(sp, Options{}); got != sp.Reason {
		t.Errorf("unmasked reason %q", got)
	}
	if got := displayReason(sp, Options{Mask: true}); got != "M**** S***** is a pseudonym" {
		t.Errorf("masked reason %q", got)
	}
}
