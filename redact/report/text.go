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
	bw := bufio.NewWriter(w)
	c := t.Opts.Color
	for _, r := range rs {
		for _, f := range r.Findings {
			fmt.Fprintf(bw, "%s: %s %s %s %s\n",
				c.wrap(c.path(), fmt.Sprintf("%s:%d:%d", Sanitize(r.Path), f.Pos.Line, f.Pos.Col)),
				c.wrap(c.category(), f.Category), c.wrap(c.rule(), f.Rule), f.Message,
				c.wrap(c.text(), fmt.Sprintf("%q", displayText(f, t.Opts))))
			// Why quotes the matched words, so a masked report leaves it out.
			if t.Opts.Explain && f.Why != "" && !t.Opts.Mask {
				fmt.Fprintf(bw, "\t%s\n", c.wrap(c.faint(), "why: "+Sanitize(f.Why)))
			}
		}
		if t.Opts.ShowSuppressed {
			for _, sp := range r.Suppressed {
				f := sp.Finding
				fmt.Fprintf(bw, "%s: %s %s %s %s: %s\n",
					c.wrap(c.path(), fmt.Sprintf("%s:%d:%d", Sanitize(r.Path), f.Pos.Line, f.Pos.Col)),
					c.wrap(c.faint(), "suppressed"), f.Category, f.Rule,
					fmt.Sprintf("%q", displayText(f, t.Opts)), Sanitize(displayReason(sp, t.Opts)))
			}
		}
	}
	return bw.Flush()
}

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
