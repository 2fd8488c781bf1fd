package report

import (
	"bufio"
	"fmt"
	"io"

	"github.com/rescue-stories/redact/redact"
)

// Text writes one line per finding, in the form editors and CI annotators
// parse: path:line:col: category rule-id message "text".
type Text struct{ Opts Options }

func (t *Text) Write(w io.Writer, rs []*redact.Result) error {
	s, err := t.Stream(w)
	if err != nil {
		return err
	}
	for _, r := range rs {
		if err := s.Add(r); err != nil {
			return err
		}
	}
	return s.Close()
}

// Stream writes the lines of each file as it is added.
func (t *Text) Stream(w io.Writer) (FileWriter, error) {
	return &textStream{opts: t.Opts, bw: bufio.NewWriter(w)}, nil
}

type textStream struct {
	opts Options
	bw   *bufio.Writer
}

func (s *textStream) Add(r *redact.Result) error {
	bw, c := s.bw, s.opts.Color
	for _, f := range r.Findings {
		fmt.Fprintf(bw, "%s: %s %s %s %s\n",
			c.wrap(c.path(), fmt.Sprintf("%s:%d:%d", Sanitize(r.Path), f.Pos.Line, f.Pos.Col)),
			c.wrap(c.category(), f.Category), c.wrap(c.rule(), f.Rule), f.Message,
			c.wrap(c.text(), fmt.Sprintf("%q", displayText(f, s.opts))))
		// Why quotes the matched words, so a masked report leaves it out.
		if s.opts.Explain && f.Why != "" && !s.opts.Mask {
			fmt.Fprintf(bw, "\t%s\n", c.wrap(c.faint(), "why: "+Sanitize(f.Why)))
		}
	}
	if s.opts.ShowSuppressed {
		for _, sp := range r.Suppressed {
			f := sp.Finding
			fmt.Fprintf(bw, "%s: %s %s %s %s: %s\n",
				c.wrap(c.path(), fmt.Sprintf("%s:%d:%d", Sanitize(r.Path), f.Pos.Line, f.Pos.Col)),
				c.wrap(c.faint(), "suppressed"), f.Category, f.Rule,
				fmt.Sprintf("%q", displayText(f, s.opts)), Sanitize(displayReason(sp, s.opts)))
		}
	}
	// A write that failed (a full disk) stays failed; say so now, so the
	// caller can stop scanning.
	_, err := bw.Write(nil)
	return err
}

func (s *textStream) Close() error { return s.bw.Flush() }

func (c *Colors) path() string {
	if c == nil {
		return ""
	}
	return c.Path
}
func (c *Colors) category() string {
	if c == nil {
		return ""
	}
	return c.Category
}
func (c *Colors) rule() string {
	if c == nil {
		return ""
	}
	return c.Rule
}
func (c *Colors) text() string {
	if c == nil {
		return ""
	}
	return c.Text
}
func (c *Colors) faint() string {
	if c == nil {
		return ""
	}
	return c.Faint
}
