package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/rules"
)

// DefaultMaxAnnotations is how many workflow annotations GitHub shows for
// one step (10 errors and 10 warnings); more are dropped by GitHub anyway.
const DefaultMaxAnnotations = 10

// GitHub writes GitHub Actions workflow commands, one "::error ...::" or
// "::warning ...::" line per finding (up to Max, then one notice that says
// how many were left out), and, when Summary is set, a Markdown table for
// the job summary ($GITHUB_STEP_SUMMARY).
//
// Workflow logs and annotations are often public, so like SARIF this
// format never carries the sensitive text, whatever Options.Mask says.
type GitHub struct {
	Opts Options
	// Max is the number of annotations written; 0 means DefaultMaxAnnotations.
	Max int
	// Summary, when set, receives the Markdown summary (the CLI opens
	// $GITHUB_STEP_SUMMARY for appending).
	Summary io.Writer
	// Spool, when set, holds the rows of the summary's table while a
	// streamed report waits for its last file (see Stream); read from its
	// start when it is an io.Seeker.
	Spool io.ReadWriter
}

func (g *GitHub) max() int {
	if g.Max <= 0 {
		return DefaultMaxAnnotations
	}
	return g.Max
}

// annotation is one workflow command.
type annotation struct {
	level      string // error, warning or notice
	file       string
	line, col  int
	endLine    int
	endCol     int
	title, msg string
}

func (a annotation) String() string {
	props := []string{}
	if a.file != "" {
		props = append(props, "file="+escapeProperty(a.file))
	}
	if a.line > 0 {
		props = append(props, fmt.Sprintf("line=%d", a.line))
		if a.col > 0 {
			props = append(props, fmt.Sprintf("col=%d", a.col))
		}
		if a.endLine > 0 {
			props = append(props, fmt.Sprintf("endLine=%d", a.endLine))
			// GitHub reads endColumn only on a single line.
			if a.endLine == a.line && a.endCol > 0 {
				props = append(props, fmt.Sprintf("endColumn=%d", a.endCol))
			}
		}
	}
	if a.title != "" {
		props = append(props, "title="+escapeProperty(a.title))
	}
	return fmt.Sprintf("::%s %s::%s", a.level, strings.Join(props, ","), escapeData(a.msg))
}

// escapeData escapes the message of a workflow command as the runner
// unescapes it: %, CR and LF.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value of a workflow command: as data,
// plus ':' and ',' which end a property.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

func findingAnnotations(rs []*redact.Result) []annotation {
	var out []annotation
	for _, r := range rs {
		out = append(out, resultAnnotations(r)...)
	}
	return out
}

// resultAnnotations are the annotations of one file's findings.
func resultAnnotations(r *redact.Result) []annotation {
	var out []annotation
	var li *redact.LineIndex
	if r.Src != nil {
		li = redact.NewLineIndex(r.Src)
	}
	for _, f := range r.Findings {
		a := annotation{
			level: "warning", file: ghPath(r.Path), line: f.Pos.Line, col: f.Pos.Col,
			title: fmt.Sprintf("%s (%s)", f.Category, f.Rule),
			msg:   findingMessage(f),
		}
		if f.Severity == rules.Block {
			a.level = "error"
		}
		if li != nil && f.Span.End <= len(r.Src) {
			end := li.Pos(f.Span.End)
			a.endLine, a.endCol = end.Line, end.Col
		}
		out = append(out, a)
	}
	return out
}

// ghPath is the path as GitHub matches it against the checkout:
// slash-separated and without a leading "./".
func ghPath(p string) string {
	return strings.TrimPrefix(strings.ReplaceAll(p, `\`, "/"), "./")
}

func (g *GitHub) writeAnnotations(w io.Writer, as []annotation) error {
	bw := bufio.NewWriter(w)
	n := min(len(as), g.max())
	for _, a := range as[:n] {
		fmt.Fprintln(bw, a.String())
	}
	writeNotAnnotated(bw, len(as)-n)
	return bw.Flush()
}

// writeNotAnnotated says how many annotations were left out, if any.
func writeNotAnnotated(w io.Writer, rest int) {
	if rest > 0 {
		fmt.Fprintln(w, annotation{level: "notice", title: "redact",
			msg: fmt.Sprintf("%d more not annotated; see the job summary or run redact locally", rest)}.String())
	}
}

func (g *GitHub) Write(w io.Writer, rs []*redact.Result) error {
	if err := g.writeAnnotations(w, findingAnnotations(rs)); err != nil {
		return err
	}
	if g.Summary == nil {
		return nil
	}
	var b strings.Builder
	writeScanSummaryHead(&b, Summarize(rs))
	writeFindingTable(&b, rs)
	_, err := io.WriteString(g.Summary, b.String())
	return err
}

func writeScanSummaryHead(w io.Writer, sum Summary) {
	fmt.Fprintf(w, "### redact scan\n\n%s\n\n", mdEscape(sum.Sentence()))
}

// Stream writes the annotations as files are added and the job summary at
// Close. The summary's sentence comes before its table of findings, so
// the rows wait in Spool (memory when nil; the CLI gives a temporary file).
func (g *GitHub) Stream(w io.Writer) (FileWriter, error) {
	s := &githubStream{g: g, bw: bufio.NewWriter(w), sum: NewSummary(), spool: g.Spool}
	if s.spool == nil {
		s.spool = new(bytes.Buffer)
	}
	return s, nil
}

type githubStream struct {
	g       *GitHub
	bw      *bufio.Writer
	shown   int // annotations written
	rest    int // left out, over the maximum
	sum     Summary
	spool   io.ReadWriter
	spooled bool // a row went to the spool
}

func (s *githubStream) Add(r *redact.Result) error {
	for _, a := range resultAnnotations(r) {
		if s.shown == s.g.max() {
			s.rest++
			continue
		}
		s.shown++
		fmt.Fprintln(s.bw, a.String())
	}
	s.sum.Add(r)
	if s.g.Summary != nil && len(r.Findings) > 0 {
		s.spooled = true
		if err := writeFindingRows(s.spool, r); err != nil {
			return fmt.Errorf("job summary: %w", err)
		}
	}
	_, err := s.bw.Write(nil) // an earlier write that failed
	return err
}

func (s *githubStream) Close() error {
	writeNotAnnotated(s.bw, s.rest)
	if err := s.bw.Flush(); err != nil {
		return err
	}
	if s.g.Summary == nil {
		return nil
	}
	bw := bufio.NewWriter(s.g.Summary)
	writeScanSummaryHead(bw, s.sum)
	if s.spooled {
		bw.WriteString(findingTableHeader)
		if sk, ok := s.spool.(io.Seeker); ok {
			if _, err := sk.Seek(0, io.SeekStart); err != nil {
				return fmt.Errorf("job summary: %w", err)
			}
		}
		if _, err := io.Copy(bw, s.spool); err != nil {
			return fmt.Errorf("job summary: %w", err)
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// WriteVerify annotates each sign-off problem at its file, then the
// findings of dirty files, and appends a table of every file to Summary.
func (g *GitHub) WriteVerify(w io.Writer, vs []Verdict) error {
	var as []annotation
	for _, v := range vs {
		for _, p := range v.Problems {
			as = append(as, annotation{level: "error", file: ghPath(v.Path),
				title: "redact verify (" + p.Reason + ")", msg: Sanitize(p.Message)})
		}
	}
	as = append(as, findingAnnotations(dirtyResults(vs))...)
	if err := g.writeAnnotations(w, as); err != nil {
		return err
	}
	if g.Summary == nil {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "### redact verify\n\n%s\n\n", mdEscape(SummarizeVerdicts(vs).Sentence()))
	if len(vs) > 0 {
		b.WriteString("| File | Result | Reason |\n| --- | --- | --- |\n")
		for _, v := range vs {
			if v.OK() {
				fmt.Fprintf(&b, "| %s | approved | signed off by %s |\n", mdCode(v.Path), mdEscape(v.Signer))
				continue
			}
			for _, p := range v.Problems {
				fmt.Fprintf(&b, "| %s | **%s** | %s |\n", mdCode(v.Path), mdEscape(p.Reason), mdEscape(p.Message))
			}
		}
		b.WriteString("\n")
	}
	writeFindingTable(&b, dirtyResults(vs))
	_, err := io.WriteString(g.Summary, b.String())
	return err
}

const findingTableHeader = "| File | Line | Column | Severity | Category | Rule | Text (masked) |\n| --- | ---: | ---: | --- | --- | --- | --- |\n"

// writeFindingTable writes the findings as a Markdown table, masked.
func writeFindingTable(b *strings.Builder, rs []*redact.Result) {
	if len(dirtyResultsOf(rs)) == 0 {
		return
	}
	b.WriteString(findingTableHeader)
	for _, r := range rs {
		writeFindingRows(b, r)
	}
	b.WriteString("\n")
}

// writeFindingRows writes one file's rows of the table of findings.
func writeFindingRows(w io.Writer, r *redact.Result) error {
	for _, f := range r.Findings {
		if _, err := fmt.Fprintf(w, "| %s | %d | %d | %s | %s | %s | %s |\n", mdCode(r.Path), f.Pos.Line, f.Pos.Col,
			mdEscape(string(f.Severity)), mdEscape(f.Category), mdCode(f.Rule), mdCode(Mask(f.Text))); err != nil {
			return err
		}
	}
	return nil
}

func dirtyResultsOf(rs []*redact.Result) []*redact.Result {
	var out []*redact.Result
	for _, r := range rs {
		if len(r.Findings) > 0 {
			out = append(out, r)
		}
	}
	return out
}

// mdEscape makes text safe inside a Markdown table cell: no line breaks,
// no pipes, and no inline markup or HTML.
func mdEscape(s string) string {
	s = Sanitize(s)
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdCode writes s as a code span in a table cell: backticks become quotes
// and pipes are escaped (GitHub splits cells on them even in code).
func mdCode(s string) string {
	s = strings.NewReplacer("`", "'", "|", `\|`).Replace(Sanitize(s))
	return "`" + s + "`"
}
