package report

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/rescue-stories/redact/redact"
)

// JSON writes one document in the schema of docs/json-report.md. Version 1 is
// stable: fields may be added, never renamed or removed.
type JSON struct{ Opts Options }

// JSONReport is the top level of the JSON report.
type JSONReport struct {
	Version int        `json:"version"`
	Tool    string     `json:"tool,omitempty"`
	Masked  bool       `json:"masked"`
	Files   []JSONFile `json:"files"`
	Summary Summary    `json:"summary"`
}

// JSONFile is one scanned file.
type JSONFile struct {
	Path       string           `json:"path"`
	Findings   []JSONFinding    `json:"findings"`
	Suppressed []JSONSuppressed `json:"suppressed"`
}

// JSONFinding is one finding. Start and End are byte offsets into the file
// as read, End exclusive.
type JSONFinding struct {
	Rule        string `json:"rule"`
	Pack        string `json:"pack"`
	Category    string `json:"category"`
	Severity    string `json:"severity"`
	Line        int    `json:"line"`
	Column      int    `json:"column"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Text        string `json:"text"`
	Replacement string `json:"replacement"`
	Message     string `json:"message"`
	Fingerprint string `json:"fingerprint"`
	Why         string `json:"why,omitempty"`
}

// JSONSuppressed is a finding an allow comment removed.
type JSONSuppressed struct {
	JSONFinding
	Reason string `json:"reason"`
}

func toJSON(f redact.Finding, opts Options) JSONFinding {
	j := JSONFinding{
		Rule: f.Rule, Pack: f.Pack, Category: f.Category, Severity: string(f.Severity),
		Line: f.Pos.Line, Column: f.Pos.Col, Start: f.Span.Start, End: f.Span.End,
		Text: f.Text, Replacement: f.Replacement, Message: f.Message, Fingerprint: f.Fingerprint(),
	}
	if opts.Explain {
		j.Why = f.Why
	}
	if opts.Mask {
		// The fingerprint hashes the text: anyone with a list of names could
		// match it, so a masked report leaves it out.
		j.Text = Mask(f.Text)
		j.Why = ""
		j.Fingerprint = ""
	}
	return j
}

func (j *JSON) Write(w io.Writer, rs []*redact.Result) error {
	rep := JSONReport{Version: 1, Tool: j.Opts.ToolVersion, Masked: j.Opts.Mask, Files: []JSONFile{}, Summary: Summarize(rs)}
	for _, r := range rs {
		rep.Files = append(rep.Files, j.file(r))
	}
	return encodeJSON(w, rep)
}

// file is one file of the report. Empty lists are [] rather than null, so
// consumers can iterate without a nil check. The lists are sized once: grown
// an append at a time, they were most of the bytes the report allocated.
func (j *JSON) file(r *redact.Result) JSONFile {
	jf := JSONFile{
		Path:       r.Path,
		Findings:   make([]JSONFinding, 0, len(r.Findings)),
		Suppressed: make([]JSONSuppressed, 0, len(r.Suppressed)),
	}
	for _, f := range r.Findings {
		jf.Findings = append(jf.Findings, toJSON(f, j.Opts))
	}
	for _, s := range r.Suppressed {
		jf.Suppressed = append(jf.Suppressed, JSONSuppressed{toJSON(s.Finding, j.Opts), displayReason(s, j.Opts)})
	}
	return jf
}

func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// Stream writes the same document as Write, one file at a time: the
// summary follows the files, so only its counts are kept.
func (j *JSON) Stream(w io.Writer) (FileWriter, error) {
	s := &jsonStream{j: j, sum: NewSummary()}
	doc, err := s.doc()
	if err != nil {
		return nil, err
	}
	s.arr, err = newArrayStream(w, `"files"`, doc)
	if err != nil {
		return nil, err
	}
	return s, nil
}

type jsonStream struct {
	j   *JSON
	sum Summary
	arr *arrayStream
}

// doc is the report with no files and the summary so far.
func (s *jsonStream) doc() ([]byte, error) {
	var b bytes.Buffer
	err := encodeJSON(&b, JSONReport{Version: 1, Tool: s.j.Opts.ToolVersion, Masked: s.j.Opts.Mask, Files: []JSONFile{}, Summary: s.sum})
	return b.Bytes(), err
}

func (s *jsonStream) Add(r *redact.Result) error {
	s.sum.Add(r)
	return s.arr.addResult(s.j, r)
}

func (s *jsonStream) Close() error {
	doc, err := s.doc()
	if err != nil {
		return err
	}
	return s.arr.finish(doc)
}
