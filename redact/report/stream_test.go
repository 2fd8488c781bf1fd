package report

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/rules"
)

// streamInputs are multi-file inputs for comparing streamed reports with
// whole ones: findings over several rules (SARIF's rule table grows as
// files come), suppressions, clean files first and last, text and paths
// that JSON escapes (HTML characters, quotes, invalid UTF-8).
func streamInputs(t *testing.T) map[string][]*redact.Result {
	odd := "Tom & <b>Jerry</b> met \"Ana\" at \xff Sosúa.\n"
	oddRes := &redact.Result{Path: `drafts/<odd> & "q".md`, Src: []byte(odd), Findings: []redact.Finding{
		finding(t, odd, "Tom & <b>Jerry</b>", 0, "name.full", "name", rules.Block, "[name]", "person's <name>", "a & b"),
		finding(t, odd, "\"Ana\"", 0, "name.given", "name", rules.Review, "[name]", "person's name", ""),
		finding(t, odd, "Sosúa", 0, "place.towns", "location", rules.Block, "[town]", "place name", "gazetteer: DO"),
	}}
	first := &redact.Result{Path: "a/empty.md", Src: []byte{}}
	many := append(append([]*redact.Result{first}, sampleResults(t)...), testResults()...)
	many = append(many, oddRes, sampleResults(t)[0], &redact.Result{Path: "z/last.txt", Src: []byte("clean\n")})
	// A file whose report is many times streamChunk, suppressed findings
	// too: the JSON writer writes it a piece at a time.
	big := clone(sampleResults(t)[0])
	big.Path = "big.md"
	for len(big.Findings) < 2000 {
		big.Findings = append(big.Findings, big.Findings...)
		big.Suppressed = append(big.Suppressed, big.Suppressed...)
	}
	return map[string][]*redact.Result{
		"large": {sampleResults(t)[1], big, oddRes},
		"none":  nil,
		"clean": {first, sampleResults(t)[1]},
		"one":   sampleResults(t)[:1],
		"many":  many,
	}
}

// clone copies a result deeply, so that the copy can be scribbled on.
func clone(r *redact.Result) *redact.Result {
	c := *r
	c.Src = slices.Clone(r.Src)
	c.Findings = slices.Clone(r.Findings)
	c.Suppressed = slices.Clone(r.Suppressed)
	return &c
}

// scribble overwrites everything a result holds, as a caller reusing or
// dropping it would.
func scribble(r *redact.Result) {
	for i := range r.Src {
		r.Src[i] = 'X'
	}
	r.Src = nil
	r.Path = "gone"
	for i := range r.Findings {
		r.Findings[i] = redact.Finding{Rule: "gone", Text: "gone"}
	}
	for i := range r.Suppressed {
		r.Suppressed[i] = redact.Suppressed{}
	}
}

// streamed writes rs through Stream, scribbling on each result once it is
// added: the bytes must not depend on a result after Add returns.
func streamed(t *testing.T, s Streamer, rs []*redact.Result) []byte {
	t.Helper()
	var buf bytes.Buffer
	fw, err := s.Stream(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		c := clone(r)
		if err := fw.Add(c); err != nil {
			t.Fatal(err)
		}
		scribble(c)
	}
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestStreamEqualsWhole: each format streamed file by file writes exactly
// the bytes of the whole-report path (JSON: one encoding/json document;
// SARIF: the go-sarif log built at once; GitHub: annotations and job
// summary from every result), for every option that changes the output.
func TestStreamEqualsWhole(t *testing.T) {
	opts := map[string]Options{
		"plain":   {},
		"tool":    {ToolVersion: `v1.2.3 "files": [] "results": []`},
		"mask":    {Mask: true, ToolVersion: "v1"},
		"explain": {Explain: true, ShowSuppressed: true},
	}
	for inName, rs := range streamInputs(t) {
		for optName, o := range opts {
			for _, format := range []string{"json", "sarif", "github"} {
				t.Run(inName+"/"+optName+"/"+format, func(t *testing.T) {
					w, err := New(format, o)
					if err != nil {
						t.Fatal(err)
					}
					var whole bytes.Buffer
					if err := w.Write(&whole, rs); err != nil {
						t.Fatal(err)
					}
					got := streamed(t, w, rs)
					if !bytes.Equal(whole.Bytes(), got) {
						t.Errorf("streamed differs from whole (-whole +streamed):\n%s", cmp.Diff(whole.String(), string(got)))
					}
				})
			}
		}
	}
}

// TestStreamGitHubSummary: the job summary and the notice for annotations
// over the maximum are the same streamed, with the table's rows spooled in
// memory or in a file.
func TestStreamGitHubSummary(t *testing.T) {
	for inName, rs := range streamInputs(t) {
		for _, limit := range []int{1, 3, 0, 100} {
			for _, spool := range []string{"memory", "file"} {
				t.Run(inName+"/"+spool, func(t *testing.T) {
					var wholeOut, wholeSum bytes.Buffer
					if err := (&GitHub{Max: limit, Summary: &wholeSum}).Write(&wholeOut, rs); err != nil {
						t.Fatal(err)
					}
					var sum bytes.Buffer
					g := &GitHub{Max: limit, Summary: &sum}
					if spool == "file" {
						f, err := os.Create(filepath.Join(t.TempDir(), "spool"))
						if err != nil {
							t.Fatal(err)
						}
						defer f.Close()
						g.Spool = f
					}
					out := streamed(t, g, rs)
					if diff := cmp.Diff(wholeOut.String(), string(out)); diff != "" {
						t.Errorf("annotations differ (-whole +streamed):\n%s", diff)
					}
					if diff := cmp.Diff(wholeSum.String(), sum.String()); diff != "" {
						t.Errorf("job summary differs (-whole +streamed):\n%s", diff)
					}
				})
			}
		}
	}
}

// TestStreamText: text streamed one file at a time is the golden-tested
// Write output, with colour and suppressed findings.
func TestStreamText(t *testing.T) {
	rs := streamInputs(t)["many"]
	o := Options{Color: ANSI, Explain: true, ShowSuppressed: true}
	var whole bytes.Buffer
	if err := (&Text{Opts: o}).Write(&whole, rs); err != nil {
		t.Fatal(err)
	}
	if got := streamed(t, &Text{Opts: o}, rs); !bytes.Equal(whole.Bytes(), got) {
		t.Errorf("streamed differs from whole:\n%s", cmp.Diff(whole.String(), string(got)))
	}
}

// TestSplitDoc: the array to stream into must be there, empty, once.
func TestSplitDoc(t *testing.T) {
	head, tail, indent, err := splitDoc([]byte("{\n  \"a\": 1,\n  \"files\": [],\n  \"b\": 2\n}\n"), `"files"`)
	if err != nil || string(head) != "{\n  \"a\": 1,\n  \"files\": [" || string(tail) != "],\n  \"b\": 2\n}\n" || indent != "  " {
		t.Errorf("splitDoc = %q, %q, %q, %v", head, tail, indent, err)
	}
	for _, doc := range []string{
		`{"files": [1]}`,
		`{"x": {"files": []}, "files": []}`,
		`{}`,
	} {
		if _, _, _, err := splitDoc([]byte(doc), `"files"`); err == nil {
			t.Errorf("splitDoc(%s): no error", doc)
		}
	}
}
