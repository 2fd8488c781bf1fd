// Package report turns scan results into bytes: text for people, JSON for
// tools, SARIF for code scanning and GitHub workflow commands for CI logs.
// Renderers receive a writer and options and never decide exit codes.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rescue-stories/redact/redact"
)

// Options shape every report.
type Options struct {
	// Mask hides the sensitive text: only category, rule, position and a
	// mask such as "M**** S*****" are written. Set in CI so public logs
	// never carry what the tool protects.
	Mask bool
	// Color is the colour scheme for terminals; nil means plain.
	Color *Colors
	// ToolVersion is written into machine-readable reports.
	ToolVersion string
	// Explain adds the reason of each match (text format).
	Explain bool
	// ShowSuppressed lists suppressed findings and their reasons (text
	// format; JSON always has them).
	ShowSuppressed bool
}

// Colors holds the escape sequences of a colour scheme.
type Colors struct {
	Path, Category, Rule, Text, Removed, Added, Faint, Reset string
}

// ANSI is the default terminal scheme.
var ANSI = &Colors{
	Path: "\x1b[1m", Category: "\x1b[33m", Rule: "\x1b[36m", Text: "\x1b[1;31m",
	Removed: "\x1b[31m", Added: "\x1b[32m", Faint: "\x1b[2m", Reset: "\x1b[0m",
}

func (c *Colors) wrap(code, s string) string {
	if c == nil || code == "" {
		return s
	}
	return code + s + c.Reset
}

// Mask keeps the first letter of each word and stars the rest: "Maria
// Santos" → "M**** S*****". Digits become '#', so numbers keep no digits.
func Mask(s string) string {
	var b strings.Builder
	first := true
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			b.WriteRune(' ')
			first = true
		case unicode.IsDigit(r):
			b.WriteByte('#')
			first = false
		case unicode.IsLetter(r):
			if first {
				b.WriteRune(r)
			} else {
				b.WriteByte('*')
			}
			first = false
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Sanitize makes untrusted draft text safe for a terminal: control
// characters (escape sequences, carriage returns) become visible escapes.
func Sanitize(s string) string {
	if !strings.ContainsFunc(s, isControl) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteByte(' ')
		case isControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
		i += n
	}
	return b.String()
}

func isControl(r rune) bool {
	return (r < 0x20 && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u202e' || r == '\u202d'
}

// Summary counts findings by category.
type Summary struct {
	Files             int            `json:"files"`
	FilesWithFindings int            `json:"files_with_findings"`
	Findings          int            `json:"findings"`
	Suppressed        int            `json:"suppressed"`
	ByCategory        map[string]int `json:"by_category"`
	BySeverity        map[string]int `json:"by_severity"`
}

// Summarize counts results.
func Summarize(rs []*redact.Result) Summary {
	s := NewSummary()
	for _, r := range rs {
		s.Add(r)
	}
	return s
}

// NewSummary returns an empty summary, ready for Add.
func NewSummary() Summary {
	return Summary{ByCategory: map[string]int{}, BySeverity: map[string]int{}}
}

// Add counts one more result, so a streamed report keeps counts, not
// results.
func (s *Summary) Add(r *redact.Result) {
	s.Files++
	if len(r.Findings) > 0 {
		s.FilesWithFindings++
	}
	s.Suppressed += len(r.Suppressed)
	for _, f := range r.Findings {
		s.Findings++
		s.ByCategory[f.Category]++
		s.BySeverity[string(f.Severity)]++
	}
}

var plural = map[string]string{
	"name": "names", "location": "locations", "date": "dates",
	"operational": "operational details", "identifier": "identifiers",
}

// Sentence is the one-line summary for people: "5 names, 2 locations, 1 date
// in 1 of 4 files".
func (s Summary) Sentence() string {
	if s.Findings == 0 {
		if s.Files == 1 {
			return "nothing sensitive found in 1 file"
		}
		return fmt.Sprintf("nothing sensitive found in %d files", s.Files)
	}
	cats := make([]string, 0, len(s.ByCategory))
	for c := range s.ByCategory {
		cats = append(cats, c)
	}
	sort.Slice(cats, func(i, j int) bool {
		if s.ByCategory[cats[i]] != s.ByCategory[cats[j]] {
			return s.ByCategory[cats[i]] > s.ByCategory[cats[j]]
		}
		return cats[i] < cats[j]
	})
	parts := make([]string, len(cats))
	for i, c := range cats {
		n := s.ByCategory[c]
		word := c
		if c == "operational" {
			word = "operational detail"
		}
		if n != 1 {
			word = plural[c]
			if word == "" {
				word = c
			}
		}
		parts[i] = fmt.Sprintf("%d %s", n, word)
	}
	files := "file"
	if s.Files != 1 {
		files = "files"
	}
	return fmt.Sprintf("%s in %d of %d %s", strings.Join(parts, ", "), s.FilesWithFindings, s.Files, files)
}

// Writer renders results.
type Writer interface {
	Write(w io.Writer, rs []*redact.Result) error
}

// FileWriter writes a report one scanned file at a time, so that a scan of
// any size holds only the file in hand: Add the results in report order,
// then Close to write what follows the last file (the JSON summary, the
// SARIF rule table, the GitHub notice and job summary). The bytes are
// those Writer.Write gives for the same results. Add reads a result and
// keeps nothing of it but counts and, for SARIF, the rules it used.
type FileWriter interface {
	Add(r *redact.Result) error
	Close() error
}

// Streamer is a Writer that can also write file by file. Every format of
// New is one.
type Streamer interface {
	Writer
	// Stream starts a report on w; nothing may write to w until Close.
	Stream(w io.Writer) (FileWriter, error)
}

// New returns the renderer for a format name.
func New(format string, opts Options) (Streamer, error) {
	switch format {
	case "text", "":
		return &Text{Opts: opts}, nil
	case "json":
		return &JSON{Opts: opts}, nil
	case "sarif":
		return &SARIF{Opts: opts}, nil
	case "github":
		return &GitHub{Opts: opts}, nil
	}
	return nil, fmt.Errorf("unknown format %q", format)
}

// displayText is what a report shows of a finding's text.
// Callers print it with %q, which escapes control characters, bidi
// overrides and invalid UTF-8 once ("Moi\nAvenue", not "Moi\\nAvenue").
func displayText(f redact.Finding, opts Options) string {
	if opts.Mask {
		return Mask(f.Text)
	}
	return f.Text
}
