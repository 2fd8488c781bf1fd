package markdown

import "bytes"

// frontMatter is a YAML (---) or TOML (+++) block at the top of a document.
type frontMatter struct {
	start, end int // the lines between the delimiters
	body       int // where the Markdown body starts
	toml       bool
}

// splitFrontMatter finds front matter starting at offset start (after a
// BOM): a first line of exactly "---" or "+++", closed by the same line (or
// "..." for YAML). Without a closing line there is no front matter.
func splitFrontMatter(src []byte, start int) (frontMatter, bool) {
	first, next := line(src, start)
	delim := string(bytes.TrimRight(first, " \t\r"))
	if delim != "---" && delim != "+++" {
		return frontMatter{}, false
	}
	for i := next; i < len(src); {
		ln, after := line(src, i)
		t := string(bytes.TrimRight(ln, " \t\r"))
		if t == delim || (delim == "---" && t == "...") {
			return frontMatter{start: next, end: i, body: after, toml: delim == "+++"}, true
		}
		i = after
	}
	return frontMatter{}, false
}

// line returns the line at i without its newline, and the offset after it.
func line(src []byte, i int) ([]byte, int) {
	j := bytes.IndexByte(src[i:], '\n')
	if j < 0 {
		return src[i:], len(src)
	}
	return src[i : i+j], i + j + 1
}

// frontMatter adds one segment per value: what follows "key:" (YAML) or
// "key =" (TOML) or a list dash, without quotes; comments; and continuation
// lines of block scalars whole. Keys are field names, not content.
func (b *builder) frontMatter(fm frontMatter) {
	for i := fm.start; i < fm.end; {
		ln, after := line(b.src, i)
		b.frontMatterLine(i, i+len(ln), fm.toml)
		i = after
	}
}

func (b *builder) frontMatterLine(s, e int, toml bool) {
	src := b.src
	for s < e && (src[s] == ' ' || src[s] == '\t') {
		s++
	}
	for e > s && (src[e-1] == ' ' || src[e-1] == '\t' || src[e-1] == '\r') {
		e--
	}
	if s >= e {
		return
	}
	if src[s] == '#' {
		b.add(FrontMatter, s+1, e)
		return
	}
	if src[s] == '-' && s+1 < e && src[s+1] == ' ' {
		s += 2
	}
	// key: value / key = value, where key is a plain identifier.
	k := s
	for k < e && (isKeyByte(src[k])) {
		k++
	}
	if k > s {
		v := k
		for v < e && (src[v] == ' ' || src[v] == '\t') {
			v++
		}
		sep := byte(':')
		if toml {
			sep = '='
		}
		if v < e && src[v] == sep && (v+1 == e || src[v+1] == ' ' || src[v+1] == '\t') {
			s = v + 1
		}
	}
	if toml && src[s] == '[' && src[e-1] == ']' {
		return // a [table] or [[array]] header names fields, not content
	}
	for s < e && (src[s] == ' ' || src[s] == '\t') {
		s++
	}
	// Block scalar indicators and empty values carry no content.
	if s >= e || (e-s <= 2 && (src[s] == '|' || src[s] == '>')) {
		return
	}
	if (src[s] == '"' || src[s] == '\'') && e-s >= 2 && src[e-1] == src[s] {
		s, e = s+1, e-1
	}
	b.add(FrontMatter, s, e)
}

func isKeyByte(c byte) bool {
	return c == '_' || c == '-' || c == '.' || (c >= '0' && c <= '9') || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

// ParseText splits a plain-text document into paragraphs separated by blank
// lines, each one segment of scope Text. It never fails.
func ParseText(src []byte) *Doc {
	b := &builder{src: src}
	start := bomLen(src)
	para := -1
	for i := start; i < len(src); {
		ln, after := line(src, i)
		blank := len(bytes.TrimSpace(ln)) == 0
		switch {
		case blank && para >= 0:
			b.add(Text, para, i)
			para = -1
		case !blank && para < 0:
			para = i
		}
		i = after
	}
	if para >= 0 {
		b.add(Text, para, len(src))
	}
	return &Doc{Src: src, Segments: b.finish()}
}
