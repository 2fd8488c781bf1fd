package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/rescue-stories/redact/redact"
)

// Verdict is the outcome of verifying one content file's sign-off (redact
// verify). It never holds content text except inside Result's findings,
// which every renderer masks as Options say.
type Verdict struct {
	// Path is the content path, relative to the repository root.
	Path string
	// Signer and SignedAt describe the record when its signature was
	// accepted; empty otherwise.
	Signer   string
	SignedAt time.Time
	// Problems are why the file is not approved; none means approved.
	Problems []Problem
	// Result holds the findings that make the file dirty (the fresh scan's
	// findings the sign-off did not accept); nil or empty when clean.
	Result *redact.Result
}

// OK reports whether the file passed.
func (v Verdict) OK() bool { return len(v.Problems) == 0 }

// Problem is one reason a file is not approved.
type Problem struct {
	// Reason is a stable identifier such as "content-changed".
	Reason string `json:"reason"`
	// Message is one line for people; it never quotes content text.
	Message string `json:"message"`
}

// VerifySummary counts verdicts.
type VerifySummary struct {
	Files    int `json:"files"`
	Approved int `json:"approved"`
	Failed   int `json:"failed"`
	Findings int `json:"findings"`
}

// SummarizeVerdicts counts verdicts.
func SummarizeVerdicts(vs []Verdict) VerifySummary {
	var s VerifySummary
	for _, v := range vs {
		s.Files++
		if v.OK() {
			s.Approved++
		} else {
			s.Failed++
		}
		if v.Result != nil {
			s.Findings += len(v.Result.Findings)
		}
	}
	return s
}

// Sentence is the one-line summary for people.
func (s VerifySummary) Sentence() string {
	if s.Files == 0 {
		return "no content files to verify"
	}
	files := "files"
	if s.Files == 1 {
		files = "file"
	}
	if s.Failed == 0 {
		return fmt.Sprintf("all %d content %s signed off and clean", s.Files, files)
	}
	return fmt.Sprintf("%d of %d content %s not approved", s.Failed, s.Files, files)
}

// VerifyWriter renders verification outcomes.
type VerifyWriter interface {
	WriteVerify(w io.Writer, vs []Verdict) error
}

// NewVerify returns the verification renderer for a format name; the
// formats are those of New.
func NewVerify(format string, opts Options) (VerifyWriter, error) {
	w, err := New(format, opts)
	if err != nil {
		return nil, err
	}
	vw, ok := w.(VerifyWriter)
	if !ok {
		return nil, fmt.Errorf("format %q cannot report verification", format)
	}
	return vw, nil
}

// ReadsSource reports whether a verification report in format reads the
// scanned files' source (SARIF and GitHub annotations compute where each
// finding ends from it); other formats let callers drop it early.
func ReadsSource(format string) bool {
	return format == "sarif" || format == "github"
}

// dirtyResults returns the results of the verdicts that carry findings.
func dirtyResults(vs []Verdict) []*redact.Result {
	var rs []*redact.Result
	for _, v := range vs {
		if v.Result != nil && len(v.Result.Findings) > 0 {
			rs = append(rs, v.Result)
		}
	}
	return rs
}

// WriteVerify writes one line per file, "path: ok (...)" or
// "path: reason: message" per problem, each dirty file's findings in the
// scan format after its problems.
func (t *Text) WriteVerify(w io.Writer, vs []Verdict) error {
	bw := bufio.NewWriter(w)
	c := t.Opts.Color
	for _, v := range vs {
		path := c.wrap(c.path(), Sanitize(v.Path))
		if v.OK() {
			fmt.Fprintf(bw, "%s: ok (signed off by %s at %s)\n", path, Sanitize(v.Signer), v.SignedAt.UTC().Format(time.RFC3339))
			continue
		}
		for _, p := range v.Problems {
			fmt.Fprintf(bw, "%s: %s: %s\n", path, c.wrap(c.category(), p.Reason), Sanitize(p.Message))
		}
		if v.Result != nil && len(v.Result.Findings) > 0 {
			if err := bw.Flush(); err != nil {
				return err
			}
			if err := t.Write(bw, []*redact.Result{v.Result}); err != nil {
				return err
			}
		}
	}
	return bw.Flush()
}

// JSONVerifyReport is the top level of the JSON verification report.
type JSONVerifyReport struct {
	Version int              `json:"version"`
	Tool    string           `json:"tool,omitempty"`
	Masked  bool             `json:"masked,omitempty"`
	Files   []JSONVerifyFile `json:"files"`
	Summary VerifySummary    `json:"summary"`
}

// JSONVerifyFile is one verified file.
type JSONVerifyFile struct {
	Path     string        `json:"path"`
	Approved bool          `json:"approved"`
	Signer   string        `json:"signer,omitempty"`
	SignedAt string        `json:"signed_at,omitempty"`
	Problems []Problem     `json:"problems"`
	Findings []JSONFinding `json:"findings"`
}

// WriteVerify writes one JSON document (docs/ci.md describes it).
func (j *JSON) WriteVerify(w io.Writer, vs []Verdict) error {
	rep := JSONVerifyReport{Version: 1, Tool: j.Opts.ToolVersion, Masked: j.Opts.Mask, Files: []JSONVerifyFile{}, Summary: SummarizeVerdicts(vs)}
	for _, v := range vs {
		jf := JSONVerifyFile{Path: v.Path, Approved: v.OK(), Signer: v.Signer, Problems: v.Problems, Findings: []JSONFinding{}}
		if jf.Problems == nil {
			jf.Problems = []Problem{}
		}
		if !v.SignedAt.IsZero() {
			jf.SignedAt = v.SignedAt.UTC().Format(time.RFC3339)
		}
		if v.Result != nil {
			for _, f := range v.Result.Findings {
				jf.Findings = append(jf.Findings, toJSON(f, j.Opts))
			}
		}
		rep.Files = append(rep.Files, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}
