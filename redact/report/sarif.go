package report

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/rules"
)

// SARIF writes a SARIF 2.1.0 log for code scanning (GitHub's upload-sarif).
//
// A SARIF file exists to be uploaded, and code-scanning alerts are often
// visible to more people than the drafts are, so it never carries the
// sensitive text: messages show the category, the rule and a mask,
// whatever Options.Mask says. Nor does it carry the findings' content
// fingerprints, since a hash of a name can be matched against a list of
// names; code scanning computes its own from the checkout.
type SARIF struct{ Opts Options }

// InformationURI is the tool's home page, written into SARIF logs.
const InformationURI = "https://github.com/rescue-stories/redact"

// SignoffRulePrefix prefixes the rule IDs of sign-off problems in SARIF
// (e.g. "signoff/content-changed").
const SignoffRulePrefix = "signoff/"

func (s *SARIF) Write(w io.Writer, rs []*redact.Result) error {
	rep, err := s.build(rs, nil)
	if err != nil {
		return err
	}
	return writeSARIF(w, rep)
}

// WriteVerify writes the findings of dirty files and one result per
// sign-off problem, at the file's first line.
func (s *SARIF) WriteVerify(w io.Writer, vs []Verdict) error {
	rep, err := s.build(dirtyResults(vs), vs)
	if err != nil {
		return err
	}
	return writeSARIF(w, rep)
}

// writeSARIF writes the log indented, ending with a newline.
func writeSARIF(w io.Writer, rep *sarif.Report) error {
	if err := rep.PrettyWrite(w); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// Build returns the SARIF log of scan results and verdicts (either may be
// nil), so tests can validate it against the schema.
func (s *SARIF) Build(rs []*redact.Result, vs []Verdict) (*sarif.Report, error) {
	return s.build(rs, vs)
}

func (s *SARIF) build(rs []*redact.Result, vs []Verdict) (*sarif.Report, error) {
	rep := sarif.NewReport()
	run := s.newRun()
	for _, r := range rs {
		for _, res := range findingResults(run, r) {
			run.AddResult(res)
		}
	}
	for _, v := range vs {
		for _, p := range v.Problems {
			id := SignoffRulePrefix + p.Reason
			if run.GetRuleIndex(id) < 0 {
				run.AddRule(id).
					WithName(ruleName(p.Reason)).
					WithShortDescription(sarif.NewMultiformatMessageString().WithText("Sign-off: " + p.Reason)).
					WithHelpURI(InformationURI + "/blob/main/docs/signoff.md").
					WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel("error"))
			}
			run.CreateResultForRule(id).
				WithLevel("error").
				WithKind("fail").
				WithMessage(sarif.NewTextMessage(Sanitize(p.Message))).
				AddLocation(sarif.NewLocationWithPhysicalLocation(
					sarif.NewPhysicalLocation().
						WithArtifactLocation(sarif.NewSimpleArtifactLocation(sarifURI(v.Path))).
						WithRegion(sarif.NewRegion().WithStartLine(1))))
		}
	}
	rep.AddRun(run)
	return rep, nil
}

// newRun is a run with no results and no rules.
func (s *SARIF) newRun() *sarif.Run {
	run := sarif.NewRunWithInformationURI("redact", InformationURI)
	if s.Opts.ToolVersion != "" {
		run.Tool.Driver.WithVersion(s.Opts.ToolVersion)
	}
	// Columns count characters (runes), not UTF-16 code units.
	run.WithColumnKind("unicodeCodePoints")
	run.Results = []*sarif.Result{}
	props := sarif.NewPropertyBag()
	props.Add("masked", true)
	run.WithProperties(props)
	return run
}

// findingResults are the SARIF results of one file's findings; the rules
// they use are added to run, which does not keep the results.
func findingResults(run *sarif.Run, r *redact.Result) []*sarif.Result {
	uri := sarifURI(r.Path)
	var li *redact.LineIndex
	if r.Src != nil {
		li = redact.NewLineIndex(r.Src)
	}
	out := make([]*sarif.Result, 0, len(r.Findings))
	for _, f := range r.Findings {
		if run.GetRuleIndex(f.Rule) < 0 {
			addFindingRule(run, f)
		}
		region := sarif.NewRegion().
			WithStartLine(f.Pos.Line).WithStartColumn(f.Pos.Col).
			WithByteOffset(f.Span.Start).WithByteLength(f.Span.Len())
		if li != nil && f.Span.End <= len(r.Src) {
			end := li.Pos(f.Span.End)
			region.WithEndLine(end.Line).WithEndColumn(end.Col)
		}
		res := sarif.NewRuleResult(f.Rule).
			WithRuleIndex(run.GetRuleIndex(f.Rule)).
			WithLevel(sarifLevel(f.Severity)).
			WithMessage(sarif.NewTextMessage(findingMessage(f))).
			AddLocation(sarif.NewLocationWithPhysicalLocation(
				sarif.NewPhysicalLocation().
					WithArtifactLocation(sarif.NewSimpleArtifactLocation(uri)).
					WithRegion(region)))
		res.WithKind("fail")
		out = append(out, res)
	}
	return out
}

// Stream writes the same log as Write, one file at a time. The results
// come before the tool and its rules in the log, so only the rules met
// so far are kept.
func (s *SARIF) Stream(w io.Writer) (FileWriter, error) {
	st := &sarifStream{run: s.newRun()}
	doc, err := st.doc()
	if err != nil {
		return nil, err
	}
	st.arr, err = newArrayStream(w, `"results"`, doc)
	if err != nil {
		return nil, err
	}
	return st, nil
}

type sarifStream struct {
	run *sarif.Run // rules only; results go straight to arr
	arr *arrayStream
}

// doc is the log with no results and the rules so far.
func (s *sarifStream) doc() ([]byte, error) {
	rep := sarif.NewReport()
	rep.AddRun(s.run)
	var b bytes.Buffer
	err := writeSARIF(&b, rep)
	return b.Bytes(), err
}

func (s *sarifStream) Add(r *redact.Result) error {
	for _, res := range findingResults(s.run, r) {
		if err := s.arr.add(res); err != nil {
			return err
		}
	}
	return nil
}

func (s *sarifStream) Close() error {
	doc, err := s.doc()
	if err != nil {
		return err
	}
	return s.arr.finish(doc)
}

func addFindingRule(run *sarif.Run, f redact.Finding) {
	desc := f.Message
	if desc == "" {
		desc = "Sensitive detail: " + f.Category
	}
	props := sarif.NewPropertyBag()
	props.Add("category", f.Category)
	props.Add("pack", f.Pack)
	props.Add("tags", []string{"redact", f.Category})
	help := "Remove or generalise this " + f.Category + " before publishing"
	if f.Replacement != "" {
		help += "; redact apply replaces it with " + f.Replacement
	}
	help += "."
	run.AddRule(f.Rule).
		WithName(ruleName(f.Rule)).
		WithShortDescription(sarif.NewMultiformatMessageString().WithText(Sanitize(desc))).
		WithHelp(sarif.NewMultiformatMessageString().WithText(Sanitize(help))).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(f.Severity))).
		WithProperties(props)
}

// findingMessage is a finding's message in machine reports that leave the
// machine (SARIF, GitHub annotations): category, rule message and the mask
// of the text, never the text.
func findingMessage(f redact.Finding) string {
	msg := f.Message
	if msg == "" {
		msg = "sensitive detail"
	}
	return fmt.Sprintf("%s: %s %q", f.Category, Sanitize(msg), Mask(f.Text))
}

func sarifLevel(s rules.Severity) string {
	if s == rules.Block {
		return "error"
	}
	return "warning"
}

// ruleName turns "default.name.person" into "DefaultNamePerson", the
// PascalCase form SARIF viewers expect of reportingDescriptor.name.
func ruleName(id string) string {
	var b strings.Builder
	up := true
	for _, r := range id {
		if r == '.' || r == '-' || r == '_' || r == '/' {
			up = true
			continue
		}
		if up && r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		up = false
		b.WriteRune(r)
	}
	return b.String()
}

// sarifURI makes a path a URI reference: slash-separated and relative (to
// the directory the tool ran in, usually the repository root), or a file
// URI when absolute.
func sarifURI(p string) string {
	p = filepath.ToSlash(filepath.Clean(p))
	if strings.HasPrefix(p, "/") {
		return "file://" + escapeURIPath(p)
	}
	return escapeURIPath(p)
}

// escapeURIPath percent-encodes what may not stand in a URI path.
func escapeURIPath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("-._~/!$&'()*+,;=:@", c) >= 0:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
