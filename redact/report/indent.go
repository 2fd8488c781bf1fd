package report

import "encoding/json"

// marshalIndent is json.MarshalIndent, byte for byte, with a faster
// indenter. encoding/json indents by running its validating scanner over
// the marshalled bytes, a function call per byte, which was a twentieth of
// a corpus scan; json.Marshal's output is known to be compact and valid,
// so its punctuation can be read directly, skipping over strings.
func marshalIndent(v any, prefix, indent string) ([]byte, error) {
	src, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return appendIndent(make([]byte, 0, len(src)+len(src)/2), src, prefix, indent), nil
}

// appendIndent appends compact, valid JSON src indented as json.Indent
// would indent it.
func appendIndent(dst, src []byte, prefix, indent string) []byte {
	newline := func(depth int) {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
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
			newline(depth)
		case ',':
			dst = append(dst, c)
			newline(depth)
		case ':':
			dst = append(dst, ':', ' ')
		case '}', ']':
			depth--
			newline(depth)
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
