package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/rules"
)

// The sensitive texts of the test results; no SARIF or GitHub output may
// contain them.
var secrets = []string{"Maria Santos", "Boca Chica", "+63 917 555 0142", "50%, a:b"}

// testResults builds results with positions computed from the source, the
// way the scanner reports them.
func testResults() []*redact.Result {
	mk := func(path, src string, fs ...redact.Finding) *redact.Result {
		li := redact.NewLineIndex([]byte(src))
		for i := range fs {
			start := strings.Index(src, fs[i].Text)
			if start < 0 {
				panic("text not in source: " + fs[i].Text)
			}
			fs[i].Span = redact.Span{Start: start, End: start + len(fs[i].Text)}
			fs[i].Pos = li.Pos(start)
		}
		return &redact.Result{Path: path, Src: []byte(src), Findings: fs}
	}
	return []*redact.Result{
		mk("stories/a.md", "# Rescue\n\nWe met Maria Santos in Boca Chica.\nCall +63 917 555 0142.\n",
			redact.Finding{Rule: "default.name.person", Pack: "default", Category: "name", Severity: rules.Block,
				Text: "Maria Santos", Message: "Personal name", Replacement: "[name]"},
			redact.Finding{Rule: "default.location.place", Pack: "default", Category: "location", Severity: rules.Review,
				Text: "Boca Chica", Message: "Place name", Replacement: "[place]"},
			redact.Finding{Rule: "default.identifier.phone", Pack: "default", Category: "identifier", Severity: rules.Block,
				Text: "+63 917 555 0142", Message: "Phone number", Replacement: "[phone number]"},
		),
		// A path and a message that need escaping in workflow commands and
		// Markdown, and text spanning two lines.
		mk("./odd dir/b,c:d%.txt", "Le café à\n50%, a:b\n",
			redact.Finding{Rule: "local.odd", Pack: "local", Category: "operational", Severity: rules.Review,
				Text: "50%, a:b", Message: "Odd: 100%, really\nsecond line | pipe"},
		),
		{Path: "stories/clean.md", Src: []byte("Nothing here.\n")},
	}
}

func testVerdicts() []Verdict {
	rs := testResults()
	dirty := *rs[0]
	dirty.Findings = dirty.Findings[:1]
	return []Verdict{
		{Path: "stories/a.md", Problems: []Problem{
			{Reason: "unsigned", Message: "not signed off: no sign-off record .redact/signoffs/stories/a.md.json"},
			{Reason: "dirty", Message: "a fresh scan finds findings the sign-off did not accept: 1 finding"},
		}, Result: &dirty},
		{Path: "stories/b.md", Problems: []Problem{
			{Reason: "content-changed", Message: "content changed since it was signed off: sha256 is 1, signed 2"},
		}},
		{Path: "stories/clean.md", Signer: "alice@example.org", SignedAt: time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)},
	}
}

func noSecrets(t *testing.T, name string, out []byte) {
	t.Helper()
	for _, s := range secrets {
		if bytes.Contains(out, []byte(s)) {
			t.Errorf("%s output contains the sensitive text %q", name, s)
		}
	}
}

func TestSARIFGolden(t *testing.T) {
	// Mask false: SARIF masks anyway.
	w := &SARIF{Opts: Options{ToolVersion: "v1.2.3"}}
	var scan, verify bytes.Buffer
	if err := w.Write(&scan, testResults()); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteVerify(&verify, testVerdicts()); err != nil {
		t.Fatal(err)
	}
	golden(t, "sarif_scan.golden", scan.Bytes())
	golden(t, "sarif_verify.golden", verify.Bytes())
	noSecrets(t, "sarif scan", scan.Bytes())
	noSecrets(t, "sarif verify", verify.Bytes())
}

// TestSARIFValid validates the logs offline against the SARIF 2.1.0 schema
// that go-sarif embeds, after a round trip through the bytes we write.
func TestSARIFValid(t *testing.T) {
	w := &SARIF{Opts: Options{ToolVersion: "v1.2.3"}}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"scan":   func(b *bytes.Buffer) error { return w.Write(b, testResults()) },
		"verify": func(b *bytes.Buffer) error { return w.WriteVerify(b, testVerdicts()) },
		"empty":  func(b *bytes.Buffer) error { return w.Write(b, nil) },
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := write(&buf); err != nil {
				t.Fatal(err)
			}
			rep, err := sarif.FromBytes(buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if err := rep.Validate(); err != nil {
				t.Fatalf("not valid SARIF 2.1.0: %v", err)
			}
			if rep.Version != "2.1.0" || len(rep.Runs) != 1 {
				t.Fatalf("version %q, %d runs", rep.Version, len(rep.Runs))
			}
		})
	}
	// A deliberately broken log fails, so the check above can fail.
	bad, err := sarif.FromBytes([]byte(`{"version":"2.1.0","runs":[{"tool":{"driver":{}},"results":[]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if bad.Validate() == nil {
		t.Error("a driver without a name passed validation")
	}
}

// TestSARIFRegions checks each result's region against the source bytes.
func TestSARIFRegions(t *testing.T) {
	rs := testResults()
	var buf bytes.Buffer
	if err := (&SARIF{}).Write(&buf, rs); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
						Region           struct {
							StartLine, StartColumn, ByteOffset, ByteLength, EndLine, EndColumn int
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
			Tool struct {
				Driver struct {
					Rules []struct{ ID string } `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	var i int
	for _, r := range rs {
		for _, f := range r.Findings {
			got := run.Results[i]
			i++
			reg := got.Locations[0].PhysicalLocation.Region
			if got.RuleID != f.Rule || run.Tool.Driver.Rules[got.RuleIndex].ID != f.Rule {
				t.Errorf("result %d: rule %q (index %d), want %q", i, got.RuleID, got.RuleIndex, f.Rule)
			}
			if string(r.Src[reg.ByteOffset:reg.ByteOffset+reg.ByteLength]) != f.Text {
				t.Errorf("result %d: byte region %d+%d is not the finding", i, reg.ByteOffset, reg.ByteLength)
			}
			if reg.StartLine != f.Pos.Line || reg.StartColumn != f.Pos.Col {
				t.Errorf("result %d: start %d:%d, want %d:%d", i, reg.StartLine, reg.StartColumn, f.Pos.Line, f.Pos.Col)
			}
		}
	}
	if i != len(run.Results) {
		t.Errorf("%d results, want %d", len(run.Results), i)
	}
	if uri := run.Results[3].Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "odd%20dir/b,c:d%25.txt" {
		t.Errorf("uri %q", uri)
	}
}

func TestGitHubGolden(t *testing.T) {
	var out, sum bytes.Buffer
	w := &GitHub{Opts: Options{}, Summary: &sum}
	if err := w.Write(&out, testResults()); err != nil {
		t.Fatal(err)
	}
	golden(t, "github_scan.golden", out.Bytes())
	golden(t, "github_scan_summary.golden", sum.Bytes())
	noSecrets(t, "github scan", out.Bytes())
	noSecrets(t, "github scan summary", sum.Bytes())

	out.Reset()
	sum.Reset()
	if err := w.WriteVerify(&out, testVerdicts()); err != nil {
		t.Fatal(err)
	}
	golden(t, "github_verify.golden", out.Bytes())
	golden(t, "github_verify_summary.golden", sum.Bytes())
	noSecrets(t, "github verify", out.Bytes())
	noSecrets(t, "github verify summary", sum.Bytes())
}

func TestGitHubMax(t *testing.T) {
	var out bytes.Buffer
	w := &GitHub{Max: 2}
	if err := w.Write(&out, testResults()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[2], "::notice title=redact::2 more not annotated") {
		t.Errorf("with Max 2 got:\n%s", out.String())
	}
	// No summary writer: nothing but annotations, and no panic.
	if strings.Contains(out.String(), "|") {
		t.Errorf("summary written to the log:\n%s", out.String())
	}
}

func TestWorkflowEscaping(t *testing.T) {
	for _, tc := range []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"100%", "100%25", "100%25"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"a:b,c", "a:b,c", "a%3Ab%2Cc"},
		{"%0A", "%250A", "%250A"}, // already-escaped text is escaped again, not passed through
		{"::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"},
	} {
		if got := escapeData(tc.in); got != tc.data {
			t.Errorf("escapeData(%q) = %q, want %q", tc.in, got, tc.data)
		}
		if got := escapeProperty(tc.in); got != tc.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", tc.in, got, tc.prop)
		}
	}
}

// TestVerifyTextJSON pins the verify report of the people and tool formats.
func TestVerifyTextJSON(t *testing.T) {
	for _, mask := range []bool{false, true} {
		name := "verify_text"
		if mask {
			name += "_mask"
		}
		var out bytes.Buffer
		if err := (&Text{Opts: Options{Mask: mask}}).WriteVerify(&out, testVerdicts()); err != nil {
			t.Fatal(err)
		}
		golden(t, name+".golden", out.Bytes())
		if got := bytes.Contains(out.Bytes(), []byte("Maria Santos")); got == mask {
			t.Errorf("mask %v: text shown = %v", mask, got)
		}
	}
	var out bytes.Buffer
	if err := (&JSON{Opts: Options{Mask: true, ToolVersion: "v1.2.3"}}).WriteVerify(&out, testVerdicts()); err != nil {
		t.Fatal(err)
	}
	golden(t, "verify_json_mask.golden", out.Bytes())
	noSecrets(t, "json verify", out.Bytes())
	var rep JSONVerifyReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Summary != (VerifySummary{Files: 3, Approved: 1, Failed: 2, Findings: 1}) || rep.Files[2].Approved != true {
		t.Errorf("summary %+v", rep.Summary)
	}
}

func TestNewVerify(t *testing.T) {
	for _, f := range []string{"text", "json", "sarif", "github"} {
		if _, err := NewVerify(f, Options{}); err != nil {
			t.Errorf("NewVerify(%q): %v", f, err)
		}
	}
	if _, err := NewVerify("xml", Options{}); err == nil {
		t.Error("NewVerify(xml) succeeded")
	}
}

// TestReadsSource: a verification report in a format ReadsSource says
// does not read the source is the same without it.
func TestReadsSource(t *testing.T) {
	for _, f := range []string{"text", "json", "sarif", "github"} {
		write := func(vs []Verdict) []byte {
			w, err := NewVerify(f, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if err := w.WriteVerify(&out, vs); err != nil {
				t.Fatal(err)
			}
			return out.Bytes()
		}
		with := testVerdicts()
		without := testVerdicts()
		for i := range without {
			if r := without[i].Result; r != nil {
				stripped := *r
				stripped.Src = nil
				without[i].Result = &stripped
			}
		}
		if same := bytes.Equal(write(with), write(without)); !ReadsSource(f) && !same {
			t.Errorf("%s: the report changes without the source, but ReadsSource says it does not read it", f)
		}
	}
}
