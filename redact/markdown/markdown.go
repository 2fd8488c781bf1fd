package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// mdParser is safe for concurrent use: every Parse call has its own context.
var mdParser parser.Parser = goldmark.New(goldmark.WithExtensions(tableParser{})).Parser()

var bom = []byte{0xEF, 0xBB, 0xBF}

func bomLen(src []byte) int {
	if len(src) >= 3 && src[0] == bom[0] && src[1] == bom[1] && src[2] == bom[2] {
		return 3
	}
	return 0
}

// Parse splits a Markdown document, with optional YAML (---) or TOML (+++)
// front matter, into segments. It never fails; src is not modified.
func Parse(src []byte) *Doc {
	b := &builder{src: src}
	start := bomLen(src)
	body := start
	if fm, ok := splitFrontMatter(src, start); ok {
		b.frontMatter(fm)
		body = fm.body
	}
	if body < len(src) {
		b.markdown(body)
	}
	return &Doc{Src: src, Segments: b.finish()}
}

// markdown parses src[base:] with goldmark and adds its segments with
// offsets relative to the whole source.
func (b *builder) markdown(base int) {
	body := b.src[base:]
	root := mdParser.Parse(text.NewReader(body))
	w := &walker{b: b, src: body, base: base}
	w.blocks(root, Paragraph)
}

// walker turns goldmark's block tree into segments. Positions inside the
// walker are relative to src (the body); base converts them to file offsets.
type walker struct {
	b    *builder
	src  []byte
	base int
}

func (w *walker) add(sc Scope, s, e int) { w.b.add(sc, w.base+s, w.base+e) }

// blocks walks the block children of n; scope is the scope its paragraphs get.
func (w *walker) blocks(n ast.Node, scope Scope) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Blockquote:
			w.blocks(c, Blockquote)
		case *ast.List:
			w.blocks(c, scope)
		case *ast.ListItem:
			w.blocks(c, List)
		case *ast.Paragraph, *ast.TextBlock:
			w.inline(c, scope)
		case *ast.Heading:
			w.inline(c, Heading)
		case *east.Table:
			w.table(v)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			w.span(Code, c.Lines(), nil)
		case *ast.HTMLBlock:
			var closure *text.Segment
			if v.ClosureLine.Start >= 0 && v.ClosureLine.Stop > v.ClosureLine.Start {
				closure = &v.ClosureLine
			}
			w.span(HTML, c.Lines(), closure)
		case *ast.LinkReferenceDefinition:
			w.linkDefinition(v, scope)
		case *ast.ThematicBreak:
		default:
			if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 &&
				(c.FirstChild() == nil || c.FirstChild().Type() == ast.TypeInline) {
				w.inline(c, scope)
			} else {
				w.blocks(c, scope)
			}
		}
	}
}

// span adds one segment from the first line's start to the last line's end
// (or the closure line's end).
func (w *walker) span(sc Scope, lines *text.Segments, closure *text.Segment) {
	s, e := -1, -1
	if lines.Len() > 0 {
		s, e = lines.At(0).Start, lines.At(lines.Len()-1).Stop
	}
	if closure != nil {
		if s < 0 || closure.Start < s {
			s = closure.Start
		}
		e = max(e, closure.Stop)
	}
	if s >= 0 && e > s && e <= len(w.src) {
		w.add(sc, s, e)
	}
}

func (w *walker) table(t *east.Table) {
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			if cell.Lines().Len() > 0 {
				w.inline(cell, Table)
			}
		}
	}
}

// inline adds the segments of a block whose children are inlines.
func (w *walker) inline(n ast.Node, scope Scope) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	x := newInline(w, lines.Sliced(0, lines.Len()), scope)
	x.walk(n)
	x.flush(x.end)
}

func (w *walker) linkDefinition(d *ast.LinkReferenceDefinition, scope Scope) {
	lines := d.Lines()
	if lines.Len() == 0 {
		return
	}
	x := newInline(w, lines.Sliced(0, lines.Len()), scope)
	x.definition()
	x.flush(x.end)
}
