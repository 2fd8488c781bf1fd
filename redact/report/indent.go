package report

import "encoding/json"

// marshalIndent is json.MarshalIndent(v, prefix, "  "), byte for byte,
// with a faster indenter. encoding/json indents by running its validating
// scanner over the marshalled bytes, a function call per byte, which was a
// twentieth of a corpus scan; json.Marshal's output is known to be compact
// and valid, so its punctuation can be read directly, skipping over strings.
func marshalIndent(v any, prefix string) ([]byte, error) {
	src, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return appendIndent(make([]byte, 0, len(src)+len(src)/2), src, prefix), nil
}

// appendIndent appends compact, valid JSON src indented as
// json.Indent(dst, src, prefix, "  ") would indent it.
func appendIndent(dst, src []byte, prefix string) []byte {
	depth := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			// Copy the string whole: up to the quote no backslash escapes.
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			dst = append(dst, c)
			// Empty objects and arrays stay "{}" and "[]".
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
			dst = appendNewline(dst, prefix, depth)
		case ',':
			dst = append(dst, c)
			dst = appendNewline(dst, prefix, depth)
		case ':':
			dst = append(dst, ':', ' ')
		case '}', ']':
			depth--
			dst = appendNewline(dst, prefix, depth)
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
