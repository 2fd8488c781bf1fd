package report

import (
	"strconv"
	"unicode/utf8"

	"github.com/rescue-stories/redact/redact"
)

// appendFileJSON appends jf as json.MarshalIndent(jf, prefix, "  ")
// renders it, byte for byte, without reflection: the JSON report is larger
// than the stories it describes, and encoding it through encoding/json
// was a twelfth of a corpus scan. FuzzFileJSON compares the two.
func appendFileJSON(dst []byte, jf *JSONFile, prefix string) []byte {
	return appendFile(dst, jf.Path, len(jf.Findings), func(i int) *JSONFinding { return &jf.Findings[i] },
		len(jf.Suppressed), func(i int) *JSONSuppressed { return &jf.Suppressed[i] }, prefix, nil)
}

// appendResultJSON appends what appendFileJSON appends for j.file(r),
// converting each finding as it is written rather than all of them
// first; flush is given the bytes after each finding and returns the
// buffer to go on with: a large file's report is never whole in memory
// (a 6 MB file's is 37 MB, its findings converted 18 MB more).
func (j *JSON) appendResultJSON(dst []byte, r *redact.Result, prefix string, flush func([]byte) []byte) []byte {
	var f JSONFinding
	var s JSONSuppressed
	return appendFile(dst, r.Path, len(r.Findings), func(i int) *JSONFinding {
		f = toJSON(r.Findings[i], j.Opts)
		return &f
	}, len(r.Suppressed), func(i int) *JSONSuppressed {
		s = JSONSuppressed{toJSON(r.Suppressed[i].Finding, j.Opts), displayReason(r.Suppressed[i], j.Opts)}
		return &s
	}, prefix, flush)
}

// appendFile appends a file of n findings and ns suppressed ones, given
// by finding and suppressed, for appendFileJSON; flush, when not nil, is
// called after each object, as for appendResultJSON.
func appendFile(dst []byte, path string, n int, finding func(i int) *JSONFinding, ns int, suppressed func(i int) *JSONSuppressed, prefix string, flush func([]byte) []byte) []byte {
	dst = append(dst, '{')
	dst = appendKey(dst, prefix, 1, "path")
	dst = appendJSONString(dst, path)
	dst = append(dst, ',')
	dst = appendKey(dst, prefix, 1, "findings")
	dst = appendObjects(dst, prefix, n, func(dst []byte, i int) []byte {
		return appendFindingFields(dst, finding(i), prefix, 3)
	}, flush)
	dst = append(dst, ',')
	dst = appendKey(dst, prefix, 1, "suppressed")
	dst = appendObjects(dst, prefix, ns, func(dst []byte, i int) []byte {
		s := suppressed(i)
		dst = appendFindingFields(dst, &s.JSONFinding, prefix, 3)
		dst = append(dst, ',')
		dst = appendKey(dst, prefix, 3, "reason")
		return appendJSONString(dst, s.Reason)
	}, flush)
	dst = appendNewline(dst, prefix, 0)
	return append(dst, '}')
}

// appendObjects appends an array of n objects at depth 1 of the file, each
// object's fields written by fields; an empty array is "[]". flush, when
// not nil, is called after each object.
func appendObjects(dst []byte, prefix string, n int, fields func(dst []byte, i int) []byte, flush func([]byte) []byte) []byte {
	if n == 0 {
		return append(dst, "[]"...)
	}
	dst = append(dst, '[')
	for i := range n {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendNewline(dst, prefix, 2)
		dst = append(dst, '{')
		dst = fields(dst, i)
		dst = appendNewline(dst, prefix, 2)
		dst = append(dst, '}')
		if flush != nil {
			dst = flush(dst)
		}
	}
	dst = appendNewline(dst, prefix, 1)
	return append(dst, ']')
}

// appendFindingFields appends the fields of f, in JSONFinding's order, at
// the given depth; the caller writes the braces.
func appendFindingFields(dst []byte, f *JSONFinding, prefix string, depth int) []byte {
	str := func(key, v string, comma bool) {
		dst = appendKey(dst, prefix, depth, key)
		dst = appendJSONString(dst, v)
		if comma {
			dst = append(dst, ',')
		}
	}
	num := func(key string, v int) {
		dst = appendKey(dst, prefix, depth, key)
		dst = strconv.AppendInt(dst, int64(v), 10)
		dst = append(dst, ',')
	}
	str("rule", f.Rule, true)
	str("pack", f.Pack, true)
	str("category", f.Category, true)
	str("severity", f.Severity, true)
	num("line", f.Line)
	num("column", f.Column)
	num("start", f.Start)
	num("end", f.End)
	str("text", f.Text, true)
	str("replacement", f.Replacement, true)
	str("message", f.Message, true)
	str("fingerprint", f.Fingerprint, f.Why != "")
	if f.Why != "" {
		str("why", f.Why, false)
	}
	return dst
}

// appendNewline starts a line at depth levels of two-space indent after
// prefix, as json.MarshalIndent(v, prefix, "  ") does.
func appendNewline(dst []byte, prefix string, depth int) []byte {
	dst = append(dst, '\n')
	dst = append(dst, prefix...)
	for range depth {
		dst = append(dst, "  "...)
	}
	return dst
}

func appendKey(dst []byte, prefix string, depth int, key string) []byte {
	dst = appendNewline(dst, prefix, depth)
	dst = append(dst, '"')
	dst = append(dst, key...)
	return append(dst, '"', ':', ' ')
}

const hexDigits = "0123456789abcdef"

// jsonPlain marks the bytes appendJSONString copies as they are: ASCII
// from space up, but the quote, the backslash and the characters
// encoding/json escapes for HTML. Bytes above ASCII are decoded.
var jsonPlain = func() (t [256]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		t[b] = b != '"' && b != '\\' && b != '<' && b != '>' && b != '&'
	}
	return t
}()

// appendJSONString quotes s as encoding/json does with HTML escaping on
// (its default): <, > and & as \u00XX, control bytes with their short
// escapes where JSON has one, U+2028 and U+2029 escaped, and each byte of
// invalid UTF-8 as \ufffd.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		// Runs of bytes that need no escape, one table load a byte: the
		// report is six times the size of its input, most of it such runs.
		for i < len(s) && jsonPlain[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		if b := s[i]; b < utf8.RuneSelf {
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
