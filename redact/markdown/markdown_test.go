package markdown

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Tests run the builder in strict mode: a segment that breaks the invariant
// panics instead of being repaired, so bugs show up here and in FuzzParse.
func TestMain(m *testing.M) {
	strict = true
	os.Exit(m.Run())
}

// segs renders a document's segments as `scope "text"`, where text is
// src[Start:End]: comparing them pins the offsets byte for byte.
func segs(d *Doc) []string {
	var out []string
	for _, s := range d.Segments {
		out = append(out, fmt.Sprintf("%s %q", s.Scope, d.Src[s.Start:s.End]))
	}
	return out
}

type segCase struct {
	name string
	src  string
	want []string
}

func runSegCases(t *testing.T, parse func([]byte) *Doc, cases []segCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := []byte(tc.src)
			d := parse(src)
			checkInvariant(t, src, d)
			if diff := cmp.Diff(tc.want, segs(d)); diff != "" {
				t.Errorf("segments of %q (-want +got):\n%s", tc.src, diff)
			}
		})
	}
}

// checkInvariant is the package's promise: segments in bounds, non-empty,
// ordered by Start, not overlapping, and Doc.Src is the input.
func checkInvariant(t testing.TB, src []byte, d *Doc) {
	t.Helper()
	if string(d.Src) != string(src) {
		t.Fatalf("Doc.Src differs from the input")
	}
	prev := 0
	for i, s := range d.Segments {
		switch {
		case s.Start < 0 || s.End > len(src):
			t.Fatalf("segment %d %v out of bounds (len %d)", i, s, len(src))
		case s.Start >= s.End:
			t.Fatalf("segment %d %v is empty", i, s)
		case s.Start < prev:
			t.Fatalf("segment %d %v starts before the previous end %d", i, s, prev)
		}
		if !strings.Contains(scopes, " "+string(s.Scope)+" ") {
			t.Fatalf("segment %d has unknown scope %q", i, s.Scope)
		}
		if got := d.Text(s); string(got) != string(src[s.Start:s.End]) {
			t.Fatalf("Text(%v) = %q, want the source bytes", s, got)
		}
		prev = s.End
	}
}

const scopes = " frontmatter heading paragraph list blockquote table code html link.url link.label text "

func TestFrontMatter(t *testing.T) {
	runSegCases(t, Parse, []segCase{
		{"yaml values, not keys", "---\ntitle: Home from Boca Chica\nauthor: Lucía Fernández\n---\nBody.\n",
			[]string{`frontmatter "Home from Boca Chica"`, `frontmatter "Lucía Fernández"`, `paragraph "Body."`}},
		{"yaml quotes are syntax", "---\ntitle: \"Maria's story\"\nplace: 'Sosúa'\n---\n",
			[]string{`frontmatter "Maria's story"`, `frontmatter "Sosúa"`}},
		{"yaml lists", "---\ntags:\n  - Sosua\n  - 'Puerto Plata'\n---\n",
			[]string{`frontmatter "Sosua"`, `frontmatter "Puerto Plata"`}},
		{"yaml flow list stays whole", "---\ntags: [Sosua, Tema]\n---\n",
			[]string{`frontmatter "[Sosua, Tema]"`}},
		{"yaml block scalar lines", "---\nsummary: |\n  Maria met Ana\n  in Sosua.\n---\n",
			[]string{`frontmatter "Maria met Ana"`, `frontmatter "in Sosua."`}},
		{"yaml comments are scanned", "---\n# reviewer: Daniel Mejía\ntitle: x\n---\n",
			[]string{`frontmatter "reviewer: Daniel Mejía"`, `frontmatter "x"`}},
		{"yaml list of maps", "---\npeople:\n  - name: Kofi\n    town: Kpandu\n---\n",
			[]string{`frontmatter "Kofi"`, `frontmatter "Kpandu"`}},
		{"yaml closed by dots", "---\ntitle: Kofi\n...\nBody\n",
			[]string{`frontmatter "Kofi"`, `paragraph "Body"`}},
		{"toml values", "+++\ntitle = \"Kofi in Kpandu\"\ntags = [\"Volta\", \"Kete Krachi\"]\n+++\nBody.\n",
			[]string{`frontmatter "Kofi in Kpandu"`, `frontmatter "[\"Volta\", \"Kete Krachi\"]"`, `paragraph "Body."`}},
		{"toml table headers are not content", "+++\n[params]\nauthor = 'Ama Mensah'\n[[people]]\nname = \"Kwame\"\n+++\n",
			[]string{`frontmatter "Ama Mensah"`, `frontmatter "Kwame"`}},
		{"toml comment", "+++\n# draft by Kwame\n+++\n",
			[]string{`frontmatter "draft by Kwame"`}},
		{"unclosed front matter is a thematic break and text", "---\ntitle: Kofi\n",
			[]string{`paragraph "title: Kofi"`}},
		{"front matter only at the very top", "Intro\n\n---\ntitle: Kofi\n---\n",
			[]string{`paragraph "Intro"`, `heading "title: Kofi"`}},
		{"empty values", "---\ntitle:\nsummary: >\n---\n", nil},
	})
}

func TestHeadings(t *testing.T) {
	runSegCases(t, Parse, []segCase{
		{"atx", "# Home to Sosúa\n", []string{`heading "Home to Sosúa"`}},
		{"atx closing hashes", "## Maria Santos ##\n", []string{`heading "Maria Santos"`}},
		{"atx level 6", "###### Kpandu\n", []string{`heading "Kpandu"`}},
		{"setext h1", "Home to Sosua\n=============\n", []string{`heading "Home to Sosua"`}},
		{"setext h2", "Ramón Peralta\n---\n", []string{`heading "Ramón Peralta"`}},
		{"emphasis stays inside", "# With **Maria** Santos\n", []string{`heading "With **Maria** Santos"`}},
		{"empty heading", "#\n", nil},
	})
}

func TestBlocks(t *testing.T) {
	runSegCases(t, Parse, []segCase{
		{"paragraph over lines", "Maria met\nAna in Sosua.\n\nNext one.\n",
			[]string{`paragraph "Maria met\nAna in Sosua."`, `paragraph "Next one."`}},
		{"bullet list", "- Maria\n- Ana\n  in Sosua\n",
			[]string{`list "Maria"`, `list "Ana\n  in Sosua"`}},
		{"ordered list", "1. Kofi\n2. Ama\n", []string{`list "Kofi"`, `list "Ama"`}},
		{"loose list", "* Kofi\n\n* Ama\n", []string{`list "Kofi"`, `list "Ama"`}},
		{"nested list", "- Kofi\n  - Ama\n", []string{`list "Kofi"`, `list "Ama"`}},
		{"block quote", "> Maria said\n> in Sosua\n", []string{`blockquote "Maria said\n> in Sosua"`}},
		{"block quote paragraphs", "> Maria\n>\n> Ana\n", []string{`blockquote "Maria"`, `blockquote "Ana"`}},
		{"list in block quote", "> - Kofi\n", []string{`list "Kofi"`}},
		{"thematic break", "Kofi\n\n***\n\nAma\n", []string{`paragraph "Kofi"`, `paragraph "Ama"`}},
		{"table cells", "| Name | Town |\n|------|------|\n| Maria | Sosúa |\n| Ana | |\n",
			[]string{`table "Name"`, `table "Town"`, `table "Maria"`, `table "Sosúa"`, `table "Ana"`}},
		{"table cell with link", "| Who |\n|---|\n| [Kofi](img/kofi.jpg) |\n",
			[]string{`table "Who"`, `table "Kofi"`, `link.url "img/kofi.jpg"`}},
		{"fenced code", "```go\nfmt.Println(\"+63 917 555 0142\")\n```\n",
			[]string{`code "fmt.Println(\"+63 917 555 0142\")"`}},
		{"tilde fence, no info", "~~~\nMaria\nAna\n~~~\n", []string{`code "Maria\nAna"`}},
		{"unclosed fence", "```\nMaria\n", []string{`code "Maria"`}},
		{"indented code", "Intro\n\n    call Kofi\n    on 0917\n", []string{`paragraph "Intro"`, `code "call Kofi\n    on 0917"`}},
		{"html block", "<div>\nRamón at the bar\n</div>\n", []string{`html "<div>\nRamón at the bar\n</div>"`}},
		{"html comment block", "<!--\nsource: Ramón\n-->\n\nText\n", []string{`html "<!--\nsource: Ramón\n-->"`, `paragraph "Text"`}},
		{"one-line html comment", "<!-- Ramón -->\n", []string{`html "<!-- Ramón -->"`}},
		{"link reference definition", "[Kofi][k]\n\n[k]: https://example.org/kofi \"Kofi's page\"\n",
			[]string{`paragraph "Kofi"`, `link.label "k"`, `link.label "k"`, `link.url "https://example.org/kofi"`, `paragraph "\"Kofi's page\""`}},
	})
}

func TestInlines(t *testing.T) {
	runSegCases(t, Parse, []segCase{
		{"link text and url", "See [Maria's page](https://example.org/maria-santos) now.\n",
			[]string{`paragraph "See"`, `paragraph "Maria's page"`, `link.url "https://example.org/maria-santos"`, `paragraph "now."`}},
		{"link title stays prose", "[Kofi](https://x.org/k \"Kofi in Kpandu\")\n",
			[]string{`paragraph "Kofi"`, `link.url "https://x.org/k"`, `paragraph "\"Kofi in Kpandu\")"`}},
		{"angle destination", "[Kofi](<img/kofi mensah.jpg>)\n",
			[]string{`paragraph "Kofi"`, `link.url "img/kofi mensah.jpg"`}},
		{"destination with parentheses", "[K](https://x.org/a_(b)) end\n",
			[]string{`paragraph "K"`, `link.url "https://x.org/a_(b)"`, `paragraph "end"`}},
		{"image alt text and file name", "![Ramón at the beach](img/ramon-peralta-boca-chica.jpg)\n",
			[]string{`paragraph "Ramón at the beach"`, `link.url "img/ramon-peralta-boca-chica.jpg"`}},
		{"image file name without alt", "![](img/ramon-peralta-boca-chica.jpg)\n",
			[]string{`link.url "img/ramon-peralta-boca-chica.jpg"`}},
		{"image with caption", "![x](img/ramon-peralta-boca-chica.jpg)\n*Ramón in Boca Chica*\n",
			[]string{`paragraph "x"`, `link.url "img/ramon-peralta-boca-chica.jpg"`, `paragraph "*Ramón in Boca Chica*"`}},
		{"image inside link", "[![Kofi](img/kofi.jpg)](https://x.org/kofi)\n",
			[]string{`paragraph "Kofi"`, `link.url "img/kofi.jpg"`, `link.url "https://x.org/kofi"`}},
		{"reference link label", "Ask [Ama][ama-mensah].\n\n[ama-mensah]: /people/ama\n",
			[]string{`paragraph "Ask"`, `paragraph "Ama"`, `link.label "ama-mensah"`, `link.label "ama-mensah"`, `link.url "/people/ama"`}},
		{"brackets that are not links", "He said [sic] and [ok].\n", []string{`paragraph "He said [sic] and [ok]."`}},
		{"autolink url", "Profile <https://fb.com/ramon.peralta> here\n",
			[]string{`paragraph "Profile"`, `link.url "https://fb.com/ramon.peralta"`, `paragraph "here"`}},
		{"autolink email", "Write <ana@example.org>.\n", []string{`paragraph "Write"`, `link.url "ana@example.org"`}},
		{"inline html comment", "Text <!-- Ana is 14 --> more\n",
			[]string{`paragraph "Text"`, `html "<!-- Ana is 14 -->"`, `paragraph "more"`}},
		{"unclosed inline comment", "Text <!-- Ana\n", []string{`paragraph "Text"`, `html "<!-- Ana"`}},
		{"inline tag", "a <b>Kofi</b> b\n",
			[]string{`paragraph "a"`, `html "<b>"`, `paragraph "Kofi"`, `html "</b>"`, `paragraph "b"`}},
		{"less-than is not a tag", "3 < 4 and Kofi\n", []string{`paragraph "3 < 4 and Kofi"`}},
		{"code span", "Dial `+63 917 555 0142` now\n",
			[]string{`paragraph "Dial"`, `code "+63 917 555 0142"`, `paragraph "now"`}},
		{"double backtick code span", "a ``x ` Kofi`` b\n", []string{`paragraph "a"`, `code "x ` + "`" + ` Kofi"`, `paragraph "b"`}},
		{"unmatched backtick", "a ` Kofi\n", []string{"paragraph \"a ` Kofi\""}},
		{"escaped brackets", `\[Kofi](x)` + "\n", []string{`paragraph "\\[Kofi"`, `link.url "x"`}},
		{"emphasis across words", "We met **Maria** Santos\n", []string{`paragraph "We met **Maria** Santos"`}},
		{"punctuation between links is dropped", "[A](a), [B](b)\n",
			[]string{`paragraph "A"`, `link.url "a"`, `paragraph "B"`, `link.url "b"`}},
	})
}

func TestLineEndingsAndBOM(t *testing.T) {
	runSegCases(t, Parse, []segCase{
		{"crlf paragraph", "Maria met\r\nAna.\r\n\r\nNext\r\n", []string{`paragraph "Maria met\r\nAna."`, `paragraph "Next"`}},
		{"crlf front matter", "---\r\ntitle: Kofi\r\n---\r\n# Ama\r\n", []string{`frontmatter "Kofi"`, `heading "Ama"`}},
		{"crlf code", "```\r\nKofi\r\n```\r\n", []string{`code "Kofi"`}},
		{"crlf table", "| a |\r\n|---|\r\n| Kofi |\r\n", []string{`table "a"`, `table "Kofi"`}},
		{"bom", "\uFEFF# Kofi\n", []string{`heading "Kofi"`}},
		{"bom and front matter", "\uFEFF---\ntitle: Kofi\n---\nAma\n", []string{`frontmatter "Kofi"`, `paragraph "Ama"`}},
		{"bom only", "\uFEFF", nil},
		{"empty", "", nil},
		{"no final newline", "Kofi", []string{`paragraph "Kofi"`}},
		{"invalid utf-8", "Kofi \xff\xfe Ama\n", []string{"paragraph \"Kofi \\xff\\xfe Ama\""}},
	})
}

func TestParseText(t *testing.T) {
	runSegCases(t, ParseText, []segCase{
		{"paragraphs", "Maria met Ana.\nIn Sosua.\n\n\nNext\n", []string{`text "Maria met Ana.\nIn Sosua."`, `text "Next"`}},
		{"markdown is just text", "# Kofi\n[a](b)\n", []string{`text "# Kofi\n[a](b)"`}},
		{"crlf and blank lines with spaces", "Kofi\r\n  \r\nAma\r\n", []string{`text "Kofi"`, `text "Ama"`}},
		{"bom", "\uFEFFKofi\n", []string{`text "Kofi"`}},
		{"empty", "", nil},
	})
}

// TestOffsetsAreFileOffsets pins absolute offsets once, with a BOM and
// front matter before the body, so body offsets are shown to be shifted.
func TestOffsetsAreFileOffsets(t *testing.T) {
	src := []byte("\uFEFF---\nt: Kofi\n---\n# Ama\n")
	d := Parse(src)
	want := []Segment{{FrontMatter, 10, 14}, {Heading, 21, 24}}
	if diff := cmp.Diff(want, d.Segments); diff != "" {
		t.Errorf("segments (-want +got):\n%s", diff)
	}
}

// TestParseDoesNotModifyInput checks that src is left as it was.
func TestParseDoesNotModifyInput(t *testing.T) {
	src := []byte("---\nt: x\n---\n# Kofi\r\n\n| a |\n|---|\n| b |\n")
	before := string(src)
	Parse(src)
	ParseText(src)
	if string(src) != before {
		t.Fatalf("Parse modified its input")
	}
}

// TestFixturesInvariant parses every development draft in strict mode.
func TestFixturesInvariant(t *testing.T) {
	for _, path := range fixtureDrafts(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		d := Parse(src)
		checkInvariant(t, src, d)
		if len(d.Segments) == 0 {
			t.Errorf("%s: no segments", path)
		}
		checkInvariant(t, src, ParseText(src))
	}
}
