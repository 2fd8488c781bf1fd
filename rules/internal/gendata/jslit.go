package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// @faker-js/faker ships its locale data as minified ES modules, not JSON. The
// name lists are plain literals inside them, e.g.
//
//	person:{first_name:{female:`Ada.Alma`.split(`.`),male:[`Jan`,`Piet`]},…}
//
// jsParser reads just enough JavaScript to get those literals out: objects,
// arrays, string and template literals, `…`.split(`sep`), and references to
// variables defined in the same module. Anything else is skipped.

type jsRef string // an identifier used as a value

type jsParser struct {
	src string
	pos int
}

func (p *jsParser) errf(format string, a ...any) error {
	return fmt.Errorf("js offset %d: %s", p.pos, fmt.Sprintf(format, a...))
}

func (p *jsParser) skipSpace() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *jsParser) peek() byte {
	p.skipSpace()
	if p.pos < len(p.src) {
		return p.src[p.pos]
	}
	return 0
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func (p *jsParser) ident() string {
	start := p.pos
	for p.pos < len(p.src) && isIdentByte(p.src[p.pos]) {
		p.pos++
	}
	return p.src[start:p.pos]
}

// value parses one expression. Unknown expressions are skipped and give nil.
func (p *jsParser) value() (any, error) {
	var v any
	var err error
	switch c := p.peek(); {
	case c == '{':
		v, err = p.object()
	case c == '[':
		v, err = p.array()
	case c == '`' || c == '"' || c == '\'':
		v, err = p.str()
	case isIdentByte(c):
		v = jsRef(p.ident())
	default:
		return nil, p.skipExpr()
	}
	if err != nil {
		return nil, err
	}
	// Postfix: `a.b.c`.split(`.`) is a list; anything else is unknown.
	if s, ok := v.(string); ok && strings.HasPrefix(p.src[p.pos:], ".split(") {
		p.pos += len(".split(")
		if c := p.peek(); c != '`' && c != '"' && c != '\'' {
			return nil, p.skipExpr()
		}
		sep, err := p.str()
		if err != nil {
			return nil, err
		}
		if p.peek() != ')' {
			return nil, p.errf("split: want )")
		}
		p.pos++
		var parts []any
		for _, part := range strings.Split(s, sep) {
			parts = append(parts, part)
		}
		v = parts
	}
	if c := p.peek(); c != ',' && c != '}' && c != ']' && c != ')' && c != ';' && c != 0 {
		return nil, p.skipExpr()
	}
	return v, nil
}

// skipExpr advances to the end of the current expression: the next ',', or
// the closing bracket of the enclosing construct, at depth zero.
func (p *jsParser) skipExpr() error {
	depth := 0
	for p.pos < len(p.src) {
		switch c := p.src[p.pos]; c {
		case '`', '"', '\'':
			if _, err := p.str(); err != nil {
				return err
			}
			continue
		case '{', '[', '(':
			depth++
		case '}', ']', ')':
			if depth == 0 {
				return nil
			}
			depth--
		case ',', ';':
			if depth == 0 {
				return nil
			}
		}
		p.pos++
	}
	return nil
}

func (p *jsParser) object() (map[string]any, error) {
	p.pos++ // {
	out := map[string]any{}
	for {
		c := p.peek()
		switch {
		case c == '}':
			p.pos++
			return out, nil
		case c == ',':
			p.pos++
			continue
		case c == 0:
			return nil, p.errf("unterminated object")
		case strings.HasPrefix(p.src[p.pos:], "..."):
			p.pos += 3
			if err := p.skipExpr(); err != nil {
				return nil, err
			}
			continue
		}
		var key string
		switch {
		case c == '"' || c == '\'' || c == '`':
			s, err := p.str()
			if err != nil {
				return nil, err
			}
			key = s
		case isIdentByte(c):
			key = p.ident()
		default:
			return nil, p.errf("bad object key %q", c)
		}
		switch p.peek() {
		case ':':
			p.pos++
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			out[key] = v
		case ',', '}':
			out[key] = jsRef(key) // shorthand {a}
		default:
			// A method or something else we do not need.
			if err := p.skipExpr(); err != nil {
				return nil, err
			}
		}
	}
}

func (p *jsParser) array() ([]any, error) {
	p.pos++ // [
	var out []any
	for {
		c := p.peek()
		switch {
		case c == ']':
			p.pos++
			return out, nil
		case c == ',':
			p.pos++
			continue
		case c == 0:
			return nil, p.errf("unterminated array")
		}
		spread := strings.HasPrefix(p.src[p.pos:], "...")
		if spread {
			p.pos += 3
		}
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		if l, ok := v.([]any); ok && spread {
			out = append(out, l...)
		} else if v != nil {
			out = append(out, v)
		}
	}
}

// str parses a string or template literal (without substitutions).
func (p *jsParser) str() (string, error) {
	q := p.src[p.pos]
	p.pos++
	var b strings.Builder
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == q:
			p.pos++
			return b.String(), nil
		case c == '\\' && p.pos+1 < len(p.src):
			p.pos++
			e := p.src[p.pos]
			p.pos++
			switch e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case 'u':
				var hex string
				if strings.HasPrefix(p.src[p.pos:], "{") {
					end := strings.IndexByte(p.src[p.pos:], '}')
					if end < 0 {
						return "", p.errf("bad \\u{}")
					}
					hex = p.src[p.pos+1 : p.pos+end]
					p.pos += end + 1
				} else if p.pos+4 <= len(p.src) {
					hex = p.src[p.pos : p.pos+4]
					p.pos += 4
				}
				r, err := strconv.ParseUint(hex, 16, 32)
				if err != nil {
					return "", p.errf("bad \\u escape %q", hex)
				}
				b.WriteRune(rune(r))
			case 'x':
				if p.pos+2 > len(p.src) {
					return "", p.errf("bad \\x escape")
				}
				r, err := strconv.ParseUint(p.src[p.pos:p.pos+2], 16, 8)
				if err != nil {
					return "", p.errf("bad \\x escape")
				}
				p.pos += 2
				b.WriteRune(rune(r))
			case '\n':
				// line continuation
			default:
				b.WriteByte(e)
			}
		default:
			_, n := utf8.DecodeRuneInString(p.src[p.pos:])
			b.WriteString(p.src[p.pos : p.pos+n])
			p.pos += n
		}
	}
	return "", p.errf("unterminated string")
}

// jsModule resolves identifiers to the literals assigned to them.
type jsModule struct {
	src   string
	cache map[string]any
}

// resolve returns the value of the first assignment "name=" in the module
// that parses to a literal.
func (m *jsModule) resolve(name string) any {
	if v, ok := m.cache[name]; ok {
		return v
	}
	if m.cache == nil {
		m.cache = map[string]any{}
	}
	m.cache[name] = nil // break cycles
	re := regexp.MustCompile(`(?:^|[^A-Za-z0-9_$.])` + regexp.QuoteMeta(name) + `=[^=>]`)
	for _, loc := range re.FindAllStringIndex(m.src, -1) {
		p := &jsParser{src: m.src, pos: loc[1] - 1}
		v, err := p.value()
		if err == nil && v != nil {
			if _, isRef := v.(jsRef); !isRef {
				m.cache[name] = v
				return v
			}
		}
	}
	return nil
}

// strings collects every string in v, following references. It reports
// references it could not resolve through unresolved.
func (m *jsModule) strings(v any, out *[]string, unresolved *int) {
	switch v := v.(type) {
	case string:
		*out = append(*out, v)
	case []any:
		for _, e := range v {
			m.strings(e, out, unresolved)
		}
	case map[string]any:
		for _, k := range sortedKeys(v) {
			m.strings(v[k], out, unresolved)
		}
	case jsRef:
		if r := m.resolve(string(v)); r != nil {
			m.strings(r, out, unresolved)
		} else {
			*unresolved++
		}
	}
}

// personNames extracts given names (first_name, middle_name) and surnames
// (last_name) from one faker locale module. It returns nothing for modules
// without person data.
func personNames(src string) (given, surnames []string, unresolved int, err error) {
	m := &jsModule{src: src}
	for off := 0; ; {
		i := strings.Index(src[off:], "person:")
		if i < 0 {
			break
		}
		start := off + i
		off = start + len("person:")
		if start > 0 && (isIdentByte(src[start-1]) || src[start-1] == '.') {
			continue
		}
		p := &jsParser{src: src, pos: off}
		v, perr := p.value()
		if perr != nil {
			return nil, nil, 0, perr
		}
		if r, ok := v.(jsRef); ok {
			v = m.resolve(string(r))
		}
		obj, ok := v.(map[string]any)
		if !ok {
			continue
		}
		for _, k := range []string{"first_name", "middle_name"} {
			if x, ok := obj[k]; ok {
				m.strings(x, &given, &unresolved)
			}
		}
		if x, ok := obj["last_name"]; ok {
			m.strings(x, &surnames, &unresolved)
		}
	}
	return given, surnames, unresolved, nil
}
