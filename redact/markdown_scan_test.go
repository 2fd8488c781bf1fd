package redact_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/redact/eval"
	"github.com/rescue-stories/redact/rules"
)

// builtinSet loads the built-in default pack once for the tests in this file.
var builtinSet = sync.OnceValues(func() (*rules.Set, error) {
	packs, err := rules.LoadBuiltin("default")
	if err != nil {
		return nil, err
	}
	return rules.NewSet(packs...)
})

func defaultScanner(t *testing.T) *redact.Scanner {
	t.Helper()
	set, err := builtinSet()
	if err != nil {
		t.Fatalf("load built-in packs: %v", err)
	}
	return redact.New(set, redact.Options{})
}

// TestEveryMarkdownElementIsScanned puts one phone number in each place a
// reader, a search engine or an image viewer can see, and requires an
// identifier finding over each one. The identifier patterns are used
// because they are stable while the name and place lists are tuned.
func TestEveryMarkdownElementIsScanned(t *testing.T) {
	const phone = "+63 917 555 0142"
	const dashed = "+63-917-555-0142" // as it appears in URLs and file names
	parts := []struct{ element, md, number string }{
		{"yaml front matter", "---\ntitle: Home\ncontact: " + phone + "\n---\n", phone},
		{"atx heading", "# Call " + phone + "\n\n", phone},
		{"setext heading", "Call " + phone + "\n---\n\n", phone},
		{"paragraph", "You can reach her on " + phone + " any day.\n\n", phone},
		{"emphasis", "Her number: **" + phone + "**\n\n", phone},
		// An underscore is a word character to \b: a closing one had cut
		// the last group of digits off.
		{"underscore emphasis", "_Her number: " + phone + "_\n\n", phone},
		{"underscore strong", "Her number: __" + phone + "__, any day.\n\n", phone},
		{"list item", "- mobile " + phone + "\n\n", phone},
		{"block quote", "> call me on " + phone + "\n\n", phone},
		{"table cell", "| Who | Phone |\n|---|---|\n| Ana | " + phone + " |\n\n", phone},
		{"link text", "[" + phone + "](https://example.org/contact)\n\n", phone},
		{"link url", "[call her](tel:" + dashed + ")\n\n", dashed},
		{"image alt text", "![" + phone + "](img/photo.jpg)\n\n", phone},
		{"image file name", "![photo](img/" + dashed + ".jpg)\n\n", dashed},
		{"autolink", "<tel:" + dashed + ">\n\n", dashed},
		{"html comment", "<!-- source: " + phone + " -->\n\n", phone},
		{"inline html comment", "Text <!-- " + phone + " --> more.\n\n", phone},
		{"html block", "<div>\ncall " + phone + "\n</div>\n\n", phone},
		{"code span", "Dial `" + phone + "` now.\n\n", phone},
		{"fenced code", "```\ncall(\"" + phone + "\")\n```\n\n", phone},
		{"indented code", "    call " + phone + "\n\n", phone},
		{"link reference definition", "[x]: https://example.org/" + dashed + "\n\n", dashed},
	}
	var src strings.Builder
	at := make([]int, len(parts))
	for i, p := range parts {
		k := strings.Index(p.md, p.number)
		if k < 0 {
			t.Fatalf("%s: number not in the snippet", p.element)
		}
		at[i] = src.Len() + k
		src.WriteString(p.md)
	}
	res, err := defaultScanner(t).Scan("story.md", []byte(src.String()))
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range parts {
		want := redact.Span{Start: at[i], End: at[i] + len(p.number)}
		found := false
		for _, f := range res.Findings {
			if f.Category == "identifier" && f.Span.Start <= want.Start && want.End <= f.Span.End {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("%s: no identifier finding covers %q at %d-%d", p.element, p.number, want.Start, want.End)
		}
	}
	for _, f := range res.Findings {
		if got := src.String()[f.Span.Start:f.Span.End]; f.Text != got {
			t.Errorf("finding text %q is not the draft's %q", f.Text, got)
		}
	}
	if t.Failed() {
		for _, f := range res.Findings {
			t.Logf("finding %s %s %d-%d %q (%s)", f.Category, f.Rule, f.Span.Start, f.Span.End, f.Text, f.Scope)
		}
	}
}

// TestFindingSpansOnFixtures scans every development draft (markers
// stripped, as a writer would have it) and checks each finding's span: in
// bounds, on UTF-8 boundaries, text == src[start:end], sorted and disjoint,
// and line:column pointing at the start.
func TestFindingSpansOnFixtures(t *testing.T) {
	sc := defaultScanner(t)
	paths, err := filepath.Glob(filepath.Join("..", "fixtures", "drafts", "*.md"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures/drafts (err %v)", err)
	}
	total := 0
	for _, path := range paths {
		ann, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		src, _, err := eval.Strip(ann)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		res, err := sc.Scan(path, src)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		li := redact.NewLineIndex(src)
		prevEnd := 0
		for _, f := range res.Findings {
			s, e := f.Span.Start, f.Span.End
			switch {
			case s < 0 || e > len(src) || s >= e:
				t.Errorf("%s: span %d-%d out of bounds or empty", path, s, e)
				continue
			case !utf8.RuneStart(src[s]) || (e < len(src) && !utf8.RuneStart(src[e])):
				t.Errorf("%s: span %d-%d %q not on UTF-8 boundaries", path, s, e, src[s:e])
			case f.Text != string(src[s:e]):
				t.Errorf("%s: text %q != src[%d:%d] %q", path, f.Text, s, e, src[s:e])
			case s < prevEnd:
				t.Errorf("%s: finding at %d overlaps or precedes the previous one ending at %d", path, s, prevEnd)
			case f.Pos != li.Pos(s):
				t.Errorf("%s: finding at %d has position %v, want %v", path, s, f.Pos, li.Pos(s))
			}
			prevEnd = e
			total++
		}
	}
	if total == 0 {
		t.Fatal("no findings in any fixture: the test checked nothing")
	}
}
