package redact

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rescue-stories/redact/rules"
)

var (
	builtinOnce sync.Once
	builtinSet  *rules.Set
	builtinErr  error
)

// builtin is the default pack, loaded once for the tests that need real
// detection.
func builtin(t testing.TB) *rules.Set {
	t.Helper()
	builtinOnce.Do(func() {
		ps, err := rules.LoadBuiltin("default")
		if err != nil {
			builtinErr = err
			return
		}
		builtinSet, builtinErr = rules.NewSet(ps...)
	})
	if builtinErr != nil {
		t.Fatal(builtinErr)
	}
	return builtinSet
}

func texts(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Text)
	}
	return out
}

func TestParseAllows(t *testing.T) {
	src := []byte("<!-- redact:allow \"Ana\" \"Boca Chica\" reason=\"pseudonym agreed with survivor\" -->\nText.\n<!--redact:allow “Sosúa”-->")
	got, err := ParseAllows(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Key != "ana" || got[1].Key != "boca chica" || got[1].Reason != "pseudonym agreed with survivor" || got[2].Key != "sosua" || got[2].Reason != "" {
		t.Fatalf("ParseAllows = %+v", got)
	}
	for _, bad := range []struct{ src, msg string }{
		{"x\n<!-- redact:allow Ana -->", "2:1: redact:allow wants quoted text"},
		{"<!-- redact:allow reason=\"x\" -->", "1:1: redact:allow names no text"},
		{"<!-- redact:ignore \"Ana\" -->", "1:1: unknown directive redact:ignore"},
		{"<!-- redact:allow \"...\" -->", "allows no word"},
	} {
		_, err := ParseAllows([]byte(bad.src))
		var de *DirectiveError
		if !errors.As(err, &de) || !strings.Contains(err.Error(), bad.msg) {
			t.Errorf("ParseAllows(%q) error = %v, want %q", bad.src, err, bad.msg)
		}
	}
}

func TestInlineAllowIsBoundToText(t *testing.T) {
	set := builtin(t)
	src := []byte("<!-- redact:allow \"boca chica\" reason=\"a big tourist town\" -->\n\nOur investigators met Maria Santos in Boca Chica and later in Sosúa.\n")
	res, err := New(set, Options{}).Scan("story.md", src)
	if err != nil {
		t.Fatal(err)
	}
	got := texts(res.Findings)
	if strings.Contains(strings.Join(got, "|"), "Boca Chica") {
		t.Errorf("Boca Chica still flagged: %q", got)
	}
	if !strings.Contains(strings.Join(got, "|"), "Sosúa") || !strings.Contains(strings.Join(got, "|"), "Maria Santos") {
		t.Errorf("allowing Boca Chica allowed other text on its line: %q", got)
	}
	if len(res.Suppressed) != 1 || res.Suppressed[0].Finding.Text != "Boca Chica" || res.Suppressed[0].Reason != "inline allow: a big tourist town" {
		t.Errorf("Suppressed = %+v", res.Suppressed)
	}
	// A malformed comment fails the scan with its position.
	_, err = New(set, Options{}).Scan("story.md", []byte("Hi.\n\n<!-- redact:allow Ana -->\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "3:1:") {
		t.Errorf("malformed comment: err = %v", err)
	}
}

func TestDecisionsSuppressByFingerprint(t *testing.T) {
	set := builtin(t)
	src := []byte("Our investigators met Maria Santos in Boca Chica.\n")
	sc := New(set, Options{})
	res, err := sc.Scan("story.md", src)
	if err != nil {
		t.Fatal(err)
	}
	var target Finding
	for _, f := range res.Findings {
		if f.Text == "Maria Santos" {
			target = f
		}
	}
	if target.Text == "" {
		t.Fatalf("Maria Santos not found: %q", texts(res.Findings))
	}
	ds := &Decisions{}
	ds.Set(DecisionFor(target, ActionKeep, "", "she asked to be named", time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)))
	data, err := ds.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseDecisions(data)
	if err != nil {
		t.Fatal(err)
	}
	// The decision survives edits elsewhere in the file: it is bound to
	// the text, not to a line.
	moved := append([]byte("A new first paragraph.\n\n"), src...)
	sc = New(set, Options{Decisions: func(string) (*Decisions, error) { return back, nil }})
	res, err = sc.Scan("story.md", moved)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.Join(texts(res.Findings), "|"), "Maria Santos") {
		t.Errorf("kept finding still reported: %q", texts(res.Findings))
	}
	if len(res.Suppressed) != 1 || res.Suppressed[0].Reason != "review decision: she asked to be named" || res.Suppressed[0].Finding.Pos.Line != 3 {
		t.Errorf("Suppressed = %+v", res.Suppressed)
	}
}

func TestParseDecisionsErrors(t *testing.T) {
	for _, tc := range []struct{ in, msg string }{
		{`{"version": 2, "decisions": []}`, "unsupported version 2"},
		{`{"version": 1, "decisions": [{"fingerprint": "ab", "action": "maybe"}]}`, `unknown action "maybe"`},
		{`{"version": 1, "decisions": [{"action": "keep"}]}`, "no fingerprint"},
		{`{"version": 1, "decisons": []}`, `unknown field "decisons"`},
	} {
		_, err := ParseDecisions([]byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("ParseDecisions(%s) = %v, want %q", tc.in, err, tc.msg)
		}
	}
}

func TestDecisionStoresNoRedactedText(t *testing.T) {
	f := Finding{Rule: "r", Category: "name", Text: "Maria Santos"}
	d := DecisionFor(f, ActionReplace, "[survivor]", "", time.Time{})
	if d.Text != "" || d.Hint != "M.... S....." {
		t.Fatalf("replace decision keeps %q / hint %q", d.Text, d.Hint)
	}
	if d := DecisionFor(f, ActionKeep, "", "ok", time.Time{}); d.Text != "Maria Santos" {
		t.Fatalf("keep decision text = %q", d.Text)
	}
}

func TestPlaceholdersAreNotFlagged(t *testing.T) {
	set := builtin(t)
	src := []byte("[name 1] met Officer [name 2] and Doña [name 3] in a town in Ghana on [date]; call [phone number] or [ID number].\n")
	res, err := New(set, Options{}).Scan("story.md", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 0 {
		t.Fatalf("placeholders flagged: %q", texts(res.Findings))
	}
}
