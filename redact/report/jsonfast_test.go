package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

func fileJSONSame(t *testing.T, jf JSONFile, prefix string) {
	t.Helper()
	want, err := json.MarshalIndent(jf, prefix, "  ")
	if err != nil {
		t.Fatal(err)
	}
	if got := appendFileJSON(nil, &jf, prefix); !bytes.Equal(got, want) {
		t.Fatalf("prefix %q:\ngot  %s\nwant %s", prefix, got, want)
	}
}

func TestFileJSON(t *testing.T) {
	f := JSONFinding{Rule: "default.proper.nouns", Pack: "default", Category: "name", Severity: "block",
		Line: 3, Column: 14, Start: 120, End: 131, Text: "Grace \"G\" <Atieno> & co\n\t\u2028\u2029\x7f\x01\b\f\r\\",
		Replacement: "[name]", Message: "name or place", Fingerprint: "abc123"}
	withWhy := f
	withWhy.Why = "lexicon given names"
	withWhy.Line, withWhy.Start = -1, 0
	cases := []JSONFile{
		{Path: "a.md", Findings: []JSONFinding{}, Suppressed: []JSONSuppressed{}},
		{Path: "dir/b\xff\xfe.md", Findings: []JSONFinding{f, withWhy}, Suppressed: []JSONSuppressed{}},
		{Path: "c.md", Findings: []JSONFinding{}, Suppressed: []JSONSuppressed{{f, "a spokesperson"}, {withWhy, ""}}},
		{Path: "é漢😀", Findings: []JSONFinding{withWhy}, Suppressed: []JSONSuppressed{{f, "why <not>"}}},
	}
	for _, jf := range cases {
		for _, prefix := range []string{"", "    "} {
			fileJSONSame(t, jf, prefix)
		}
	}
}

// FuzzFileJSON compares the hand-written encoder with encoding/json on
// files whose every string comes from the fuzzer.
func FuzzFileJSON(f *testing.F) {
	f.Add("a.md", "Grace <b>", "lexicon", "reason", 3, -1)
	f.Add("\xff", "\u2028\x00\"\\", "", "", 0, 1<<40)
	f.Fuzz(func(t *testing.T, path, text, why, reason string, line, start int) {
		fd := JSONFinding{Rule: text, Pack: path, Category: why, Severity: reason, Line: line, Column: -line,
			Start: start, End: start + 1, Text: text, Replacement: reason, Message: path, Fingerprint: why, Why: why}
		jf := JSONFile{Path: path, Findings: []JSONFinding{fd, fd}, Suppressed: []JSONSuppressed{{fd, reason}}}
		fileJSONSame(t, jf, "    ")
		jf.Findings = []JSONFinding{}
		fileJSONSame(t, jf, "")
	})
}
