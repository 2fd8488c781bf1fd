package redact

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/rescue-stories/redact/rules/fold"
)

// Suppressed is a finding removed by an inline allow comment or a review
// decision, with the reason given.
type Suppressed struct {
	Finding Finding
	Reason  string
}

// An inline allow comment, in Markdown or plain text:
//
//	<!-- redact:allow "Ana" reason="pseudonym agreed with survivor" -->
//	<!-- redact:allow "Ana" "Boca Chica" reason="..." -->
var directiveRE = regexp.MustCompile(`<!--\s*redact:([a-z-]*)((?s:.*?))-->`)

// argRE reads one argument of a directive: "text", reason="text" or junk.
var argRE = regexp.MustCompile(`^\s*(?:(reason)\s*=\s*)?(?:"([^"\n]*)"|“([^”\n]*)”)`)

// InlineAllow is one text an inline comment allows.
type InlineAllow struct {
	Text   string
	Key    string // folded
	Reason string
	Span   Span // the comment
}

// DirectiveError is a malformed redact: comment. It fails the scan of its
// file rather than being ignored, so a typo never hides a finding silently
// nor leaves the writer wondering why a suppression does not work.
type DirectiveError struct {
	Pos Pos
	Msg string
}

func (e *DirectiveError) Error() string {
	return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Col, e.Msg)
}

// ParseAllows finds the inline allow comments of a file.
func ParseAllows(src []byte) ([]InlineAllow, error) {
	if !bytes.Contains(src, []byte("redact:")) {
		return nil, nil
	}
	var out []InlineAllow
	var li *LineIndex
	fail := func(off int, format string, args ...any) error {
		if li == nil {
			li = NewLineIndex(src)
		}
		return &DirectiveError{Pos: li.Pos(off), Msg: fmt.Sprintf(format, args...)}
	}
	for _, m := range directiveRE.FindAllSubmatchIndex(src, -1) {
		verb := string(src[m[2]:m[3]])
		if verb != "allow" {
			return nil, fail(m[0], "unknown directive redact:%s (only redact:allow exists)", verb)
		}
		args := string(src[m[4]:m[5]])
		var texts []string
		reason := ""
		for strings.TrimSpace(args) != "" {
			a := argRE.FindStringSubmatch(args)
			if a == nil {
				return nil, fail(m[0], `redact:allow wants quoted text and an optional reason: <!-- redact:allow "Ana" reason="why" -->`)
			}
			val := a[2] + a[3]
			if a[1] == "reason" {
				reason = val
			} else {
				texts = append(texts, val)
			}
			args = args[len(a[0]):]
		}
		if len(texts) == 0 {
			return nil, fail(m[0], `redact:allow names no text: <!-- redact:allow "Ana" reason="why" -->`)
		}
		for _, t := range texts {
			k := fold.Key(t)
			if k == "" {
				return nil, fail(m[0], "redact:allow %q allows no word", t)
			}
			out = append(out, InlineAllow{Text: t, Key: k, Reason: reason, Span: Span{m[0], m[1]}})
		}
	}
	return out, nil
}
