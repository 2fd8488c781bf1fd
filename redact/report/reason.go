package report

import (
	"strings"
	"unicode"

	"github.com/rescue-stories/redact/redact"
)

// MaskIn masks, in s, every occurrence (ignoring case) of each text and of
// each of its words of three characters or more (two for numbers): a
// reviewer's reason such as
// "Zara agreed to the pseudonym" must not carry the name it excuses into a
// masked report or a public record.
func MaskIn(s string, texts ...string) string {
	var needles []string
	for _, t := range texts {
		needles = append(needles, t)
		for _, w := range strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if n := len([]rune(w)); n >= 3 || n == 2 && strings.Trim(w, "0123456789") == "" {
				needles = append(needles, w)
			}
		}
	}
	orig := []rune(s)
	lower := []rune(strings.ToLower(s))
	if len(lower) != len(orig) {
		// A case mapping changed the length: fall back to exact matches.
		lower = orig
	}
	masked := make([]bool, len(orig))
	for _, n := range needles {
		nl := []rune(strings.ToLower(n))
		if len(nl) == 0 {
			continue
		}
		for i := 0; i+len(nl) <= len(lower); i++ {
			if string(lower[i:i+len(nl)]) == string(nl) {
				for j := i; j < i+len(nl); j++ {
					masked[j] = true
				}
			}
		}
	}
	var b strings.Builder
	for i := 0; i < len(orig); {
		if !masked[i] {
			b.WriteRune(orig[i])
			i++
			continue
		}
		j := i
		for j < len(orig) && masked[j] {
			j++
		}
		b.WriteString(Mask(string(orig[i:j])))
		i = j
	}
	return b.String()
}

// displayReason is what a report shows of a suppression's reason: masked
// like the text when Options.Mask is set.
func displayReason(s redact.Suppressed, opts Options) string {
	if opts.Mask {
		return MaskIn(s.Reason, s.Finding.Text)
	}
	return s.Reason
}
