package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/rules"
)

// diffStory is a small draft with a name mentioned twice, a phone number,
// a review-severity operational detail and a control character.
const diffStory = `# Home from the beach

Our investigators met Maria Santos in March.
She had been brought there by a broker.
Line three.
Line four.
Line five.
Line six.
Line seven.
A team of 18 officers came. Maria smiled.
Call +1 809-555-0147 to help` + "\x1b[2J" + `.`

func diffChange(t *testing.T) *Change {
	t.Helper()
	res := &redact.Result{Path: "drafts/story.md", Src: []byte(diffStory)}
	li := redact.NewLineIndex(res.Src)
	add := func(text, rule, cat string, sev rules.Severity, rep string, nth int) {
		off := 0
		for ; nth > 0; nth-- {
			off += strings.Index(diffStory[off:], text) + 1
		}
		i := off + strings.Index(diffStory[off:], text)
		f := redact.Finding{Rule: rule, Category: cat, Severity: sev, Span: redact.Span{Start: i, End: i + len(text)}, Text: text, Replacement: rep}
		f.Pos = li.Pos(i)
		res.Findings = append(res.Findings, f)
	}
	add("Maria Santos", "default.proper.nouns", "name", rules.Block, "[name]", 0)
	add("A team of 18 officers", "default.operational.team", "operational", rules.Review, "[team]", 0)
	add("Maria", "default.proper.nouns", "name", rules.Block, "[name]", 1)
	add("+1 809-555-0147", "default.identifier.phone", "identifier", rules.Block, "[phone number]", 0)
	plan, err := res.Plan(redact.PlanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewChange(res, plan)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestDiffGolden(t *testing.T) {
	c := diffChange(t)
	for _, tc := range []struct {
		name string
		opts Options
	}{
		{"diff_plain.golden", Options{}},
		{"diff_color.golden", Options{Color: ANSI}},
		{"diff_mask.golden", Options{Mask: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := (&Diff{Opts: tc.opts}).Write(&b, []*Change{c}); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name, b.Bytes())
		})
	}
}

func TestDiffPlainIsAPatch(t *testing.T) {
	c := diffChange(t)
	var b bytes.Buffer
	if err := (&Diff{}).Write(&b, []*Change{c}); err != nil {
		t.Fatal(err)
	}
	got, err := applyUnified([]byte(diffStory), b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, c.Out) {
		t.Fatalf("patched %q, want %q", got, c.Out)
	}
	// The plain diff is WritePatch's output with note lines before it.
	var p bytes.Buffer
	if err := WritePatch(&p, []*Change{c}); err != nil {
		t.Fatal(err)
	}
	var body []string
	for _, l := range strings.SplitAfter(b.String(), "\n") {
		if !strings.HasPrefix(l, "# ") {
			body = append(body, l)
		}
	}
	if strings.Join(body, "") != p.String() {
		t.Fatalf("diff without notes differs from the patch:\n%s\n---\n%s", b.String(), p.String())
	}
}

func TestDiffMaskHidesText(t *testing.T) {
	c := diffChange(t)
	for _, opts := range []Options{{Mask: true}, {Mask: true, Color: ANSI}} {
		var b bytes.Buffer
		if err := (&Diff{Opts: opts}).Write(&b, []*Change{c}); err != nil {
			t.Fatal(err)
		}
		for _, secret := range []string{"Maria", "Santos", "809", "0147", "18 officers"} {
			if strings.Contains(b.String(), secret) {
				t.Errorf("masked diff (color %v) shows %q:\n%s", opts.Color != nil, secret, b.String())
			}
		}
	}
}

func TestDiffColorSanitizes(t *testing.T) {
	c := diffChange(t)
	var b bytes.Buffer
	if err := (&Diff{Opts: Options{Color: ANSI}}).Write(&b, []*Change{c}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "\x1b[2J") {
		t.Fatal("an escape sequence from the draft reached the terminal")
	}
	if !strings.Contains(b.String(), ANSI.Removed+wordHighlight+"Maria Santos") || !strings.Contains(b.String(), ANSI.Added+wordHighlight+"[name 1]") {
		t.Fatalf("changed words are not highlighted:\n%q", b.String())
	}
}
