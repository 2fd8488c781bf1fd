package markdown

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// goldmarkTables is the parser with goldmark's own table extension.
var goldmarkTables = goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()

// tree writes the document's nodes: kind, position, lines, text
// segments, table alignments.
func tree(p parser.Parser, src []byte) string {
	var b strings.Builder
	doc := p.Parse(text.NewReader(src))
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			b.WriteString(")")
			return gast.WalkContinue, nil
		}
		fmt.Fprintf(&b, "(%s@%d", n.Kind(), n.Pos())
		if n.Type() == gast.TypeBlock {
			for i := range n.Lines().Len() {
				s := n.Lines().At(i)
				fmt.Fprintf(&b, " %d-%d/%d", s.Start, s.Stop, s.Padding)
			}
		}
		switch n := n.(type) {
		case *gast.Text:
			fmt.Fprintf(&b, " %d-%d %v %v", n.Segment.Start, n.Segment.Stop, n.SoftLineBreak(), n.HardLineBreak())
		case *east.Table:
			fmt.Fprint(&b, " ", n.Alignments)
		case *east.TableCell:
			fmt.Fprint(&b, " ", n.Alignment)
		}
		return gast.WalkContinue, nil
	})
	return b.String()
}

var tableCases = []string{
	"| a | b |\n| - | :-: |\n| 1 | 2 |\n",
	"a | b\n--|--:\nc | d | e\n",
	"text before\n| a |\n|:--|\n| `x \\| y` | z |\n",
	"| a | b |\n| --- | --- |\n| `code \\| pipe` | \\| |\n| c |\n",
	"|a|\n|-|\n",
	"| a |\n| x |\n",
	"   | a |\n   | - |\n",
	"    | a |\n    | - |\n",
	"| a | b |\n|---|---|\n\n| c |\n",
	"> | q | r |\n> |---|---|\n> | 1 | 2 |\n",
	"- | l | m |\n  |---|---|\n  | 3 | 4 |\n",
	"| a |\n| :-: | - |\n",
	"| é | ü |\n|:-|-:|\n| ñ | ç |\n",
	"",
}

// TestTableAsGoldmark: the copied table parser builds the tree goldmark's
// extension builds, for tables and near-tables and every fixture.
func TestTableAsGoldmark(t *testing.T) {
	srcs := append([]string(nil), tableCases...)
	for _, dir := range []string{"drafts", "fresh", "published", "examples"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", dir, "*.md"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			srcs = append(srcs, string(b))
		}
	}
	if len(srcs) < 100 {
		t.Fatalf("only %d documents", len(srcs))
	}
	tables := 0
	for i, src := range srcs {
		got, want := tree(mdParser, []byte(src)), tree(goldmarkTables, []byte(src))
		if got != want {
			t.Errorf("document %d: the tree differs from goldmark's\n got %s\nwant %s", i, got, want)
		}
		tables += strings.Count(want, "(Table@")
	}
	if tables < 20 {
		t.Fatalf("%d tables in all: the comparison proves little", tables)
	}
}

func FuzzTableAsGoldmark(f *testing.F) {
	for _, c := range tableCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if got, want := tree(mdParser, []byte(src)), tree(goldmarkTables, []byte(src)); got != want {
			t.Errorf("%q: the tree differs from goldmark's\n got %s\nwant %s", src, got, want)
		}
	})
}
