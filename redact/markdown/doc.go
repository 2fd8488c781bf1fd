// Package markdown splits a rescue story into scoped segments whose byte
// spans point exactly into the original file.
//
// # The invariant
//
// Every Segment's Start and End are byte offsets into the source that was
// passed to Parse or ParseText (End exclusive). They are taken from positions
// the parsers record (goldmark's line and inline segments, YAML line/column,
// TOML ranges) or from short, bounded scans between two such positions; they
// are never recovered by searching for a segment's text again. The scanner can
// therefore run word matching over src[seg.Start:seg.End] and report a match
// at seg.Start+i as an exact offset into the file, whatever the file contains:
// CRLF line endings, a UTF-8 byte order mark, tabs or invalid UTF-8.
// Segments are ordered by Start, never overlap and are never empty.
//
// # Why segments may contain inline markup
//
// A segment is the raw source of a region, not its rendered text. Emphasis
// (**Maria** Santos), the "> " prefixes of a block quote's continuation lines,
// the indentation of a list item's second line and the line breaks inside a
// paragraph all stay inside one segment. That is deliberate: the scanner's
// tokenizer treats punctuation and white space as word separators, so
// "**Maria**\n> Santos" still tokenizes to the words "Maria" "Santos", and
// multi-word rules match across emphasis and line breaks. Splitting at every
// markup boundary would break those matches and would need an offset map back
// to the source.
//
// # What is left outside segments
//
// Only syntax is left out: list markers, heading #'s and setext underlines,
// "> " before a block's first line, table pipes and delimiter rows, fence
// lines (including the info string), link and image brackets and the "](",
// ")" around destinations, code span backticks, autolink angle brackets,
// front matter delimiters and keys, and stretches of prose that hold nothing
// but ASCII punctuation and white space (for example the ", " between two
// links). Link and image destinations, autolinks and the destinations of link
// reference definitions are their own LinkURL segments; the prose around a
// link is split into the text before it, the link text and the text after.
package markdown

// Scope says where in a document a segment sits; rules can be limited to scopes.
type Scope string

// The scopes a Segment can have.
const (
	FrontMatter Scope = "frontmatter" // one segment per scalar value of YAML (---) or TOML (+++) front matter: the value's bytes only (no key, no quotes); also comments
	Heading     Scope = "heading"     // ATX/setext heading content, without the #'s
	Paragraph   Scope = "paragraph"   // top-level paragraphs
	List        Scope = "list"        // paragraphs / text blocks inside list items
	Blockquote  Scope = "blockquote"  // paragraphs inside block quotes (span from first line's text to last line's end; may include "> " of inner lines)
	Table       Scope = "table"       // one segment per table cell (GFM tables)
	Code        Scope = "code"        // fenced/indented code block content, and inline code spans
	HTML        Scope = "html"        // HTML blocks and inline HTML, including <!-- comments -->
	LinkURL     Scope = "link.url"    // link and image destinations (URLs and file names) and autolinks
	LinkLabel   Scope = "link.label"  // reference labels: the "ref" of [text][ref] and of a definition [ref]: url
	Text        Scope = "text"        // plain-text files: one segment per paragraph (blank-line separated)
)

// Segment is a region of the source. Start and End are byte offsets into
// Doc.Src, End exclusive.
type Segment struct {
	Scope      Scope
	Start, End int // byte offsets into the source, End exclusive
}

// Doc is a parsed document.
type Doc struct {
	Src      []byte
	Segments []Segment // ordered by Start, non-overlapping, every one non-empty, within bounds
}

// Text returns the bytes of s in d's source.
func (d *Doc) Text(s Segment) []byte { return d.Src[s.Start:s.End] }
