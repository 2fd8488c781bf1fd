package report

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/redact/eval"
	"github.com/rescue-stories/redact/rules"
)

// applyUnified applies a unified diff of one file to old, checking every
// context and removed line against old: a minimal patch(1) for the tests,
// so they do not depend on patch being installed.
func applyUnified(old []byte, diff []byte) ([]byte, error) {
	oldLines := splitKeep(old)
	var out [][]byte
	pos := 0 // next unconsumed old line
	ls := splitKeep(diff)
	hdr := regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@`)
	for i := 0; i < len(ls); i++ {
		l := ls[i]
		if bytes.HasPrefix(l, []byte("#")) || bytes.HasPrefix(l, []byte("--- ")) || bytes.HasPrefix(l, []byte("+++ ")) {
			continue
		}
		m := hdr.FindSubmatch(l)
		if m == nil {
			return nil, fmt.Errorf("line %d: unexpected %q", i+1, l)
		}
		oldStart, _ := strconv.Atoi(string(m[1]))
		oldN, newN := 1, 1
		if m[2] != nil {
			oldN, _ = strconv.Atoi(string(m[2]))
		}
		if m[4] != nil {
			newN, _ = strconv.Atoi(string(m[4]))
		}
		start := oldStart - 1
		if oldN == 0 {
			start = oldStart
		}
		if start < pos {
			return nil, fmt.Errorf("hunk at line %d goes backwards", oldStart)
		}
		out = append(out, oldLines[pos:start]...)
		pos = start
		gotOld, gotNew := 0, 0
		for gotOld < oldN || gotNew < newN {
			i++
			if i >= len(ls) {
				return nil, fmt.Errorf("hunk at %d: diff ends early", oldStart)
			}
			l := ls[i]
			text := bytes.Clone(l[1:])
			if i+1 < len(ls) && bytes.HasPrefix(ls[i+1], []byte(`\ No newline at end of file`)) {
				text = bytes.TrimSuffix(text, []byte("\n"))
				i++
			}
			switch l[0] {
			case ' ', '-':
				if pos >= len(oldLines) || !bytes.Equal(oldLines[pos], text) {
					return nil, fmt.Errorf("hunk at %d: line %d is %q, diff says %q", oldStart, pos+1, at(oldLines, pos), text)
				}
				pos++
				gotOld++
				if l[0] == ' ' {
					out = append(out, text)
					gotNew++
				}
			case '+':
				out = append(out, text)
				gotNew++
			default:
				return nil, fmt.Errorf("hunk at %d: bad line %q", oldStart, l)
			}
		}
	}
	out = append(out, oldLines[pos:]...)
	return bytes.Join(out, nil), nil
}

func at(ls [][]byte, i int) []byte {
	if i < len(ls) {
		return ls[i]
	}
	return nil
}

func splitKeep(b []byte) [][]byte {
	var out [][]byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			out = append(out, b)
			break
		}
		out = append(out, b[:i+1])
		b = b[i+1:]
	}
	return out
}

// change builds a Change from hand-made edits.
func change(t *testing.T, src string, edits ...redact.Edit) *Change {
	t.Helper()
	p, err := redact.NewPlan(edits)
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewChange(&redact.Result{Path: "story.md", Src: []byte(src)}, p)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func edit(src, text, rep string) redact.Edit {
	i := strings.Index(src, text)
	if i < 0 {
		panic("no " + text)
	}
	return redact.Edit{Span: redact.Span{Start: i, End: i + len(text)}, Replacement: rep}
}

func TestPatchEdgeCases(t *testing.T) {
	long := strings.Repeat("filler line\n", 10)
	tests := []struct {
		name  string
		src   string
		edits [][2]string
	}{
		{"one word", "a\nb\nWe met Maria.\nc\n", [][2]string{{"Maria", "[name 1]"}}},
		{"first line", "Maria came.\nnext\n", [][2]string{{"Maria", "[name 1]"}}},
		{"last line without newline", "one\ntwo\nMaria came", [][2]string{{"Maria", "[name 1]"}}},
		{"crlf", "one\r\nMaria came\r\nthree\r\n", [][2]string{{"Maria", "[name 1]"}}},
		{"bom", "\ufeffMaria came\nok\n", [][2]string{{"Maria", "[name 1]"}}},
		{"two hunks", "Maria\n" + long + "Sosúa\n", [][2]string{{"Maria", "[name 1]"}, {"Sosúa", "[location]"}}},
		{"one hunk for near changes", "Maria\nx\ny\nz\nw\nv\nu\nSosúa\n", [][2]string{{"Maria", "[name 1]"}, {"Sosúa", "[location]"}}},
		{"edit across lines", "a\nKisenyi\nPreheader here\nb\n", [][2]string{{"Kisenyi\nPreheader", "[location]"}}},
		{"edit eats a newline", "a\nMaria\nnext\nb\n", [][2]string{{"Maria\n", ""}}},
		{"a whole line goes", "a\nMaria\nb\n", [][2]string{{"Maria\n", ""}}},
		{"the only line goes", "Maria", [][2]string{{"Maria", ""}}},
		{"replacement with newline", "a Maria b\n", [][2]string{{"Maria", "x\ny"}}},
		{"last line loses its text", "a\nMaria", [][2]string{{"\nMaria", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var es []redact.Edit
			for _, e := range tt.edits {
				es = append(es, edit(tt.src, e[0], e[1]))
			}
			c := change(t, tt.src, es...)
			var b bytes.Buffer
			if err := WritePatch(&b, []*Change{c}); err != nil {
				t.Fatal(err)
			}
			got, err := applyUnified([]byte(tt.src), b.Bytes())
			if err != nil {
				t.Fatalf("%v\n%s", err, b.Bytes())
			}
			if !bytes.Equal(got, c.Out) {
				t.Fatalf("patched = %q\nwant      %q\ndiff:\n%s", got, c.Out, b.Bytes())
			}
			checkWithPatch(t, tt.src, b.Bytes(), c.Out)
		})
	}
}

// checkWithPatch applies the diff with patch(1), when installed.
func checkWithPatch(t *testing.T, src string, diff, want []byte) {
	t.Helper()
	if _, err := exec.LookPath("patch"); err != nil {
		return
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "story.md"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("patch", "-p1", "--quiet", "--batch", "--no-backup-if-mismatch")
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(diff)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch: %v\n%s\ndiff:\n%s", err, out, diff)
	}
	got, err := os.ReadFile(filepath.Join(dir, "story.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("patch(1) gave %q\nwant %q", got, want)
	}
}

var (
	setOnce sync.Once
	set     *rules.Set
	setErr  error
)

func defaultSet(t *testing.T) *rules.Set {
	setOnce.Do(func() {
		ps, err := rules.LoadBuiltin("default")
		if err != nil {
			setErr = err
			return
		}
		set, setErr = rules.NewSet(ps...)
	})
	if setErr != nil {
		t.Fatal(setErr)
	}
	return set
}

// TestPatchEqualsApplyOnFixtures: on every development draft, the plain
// diff (with its review notes) applied as a patch gives exactly the bytes
// apply writes, with and without --all.
func TestPatchEqualsApplyOnFixtures(t *testing.T) {
	files, err := filepath.Glob("../../fixtures/drafts/*.ann.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	sc := redact.New(defaultSet(t), redact.Options{})
	for _, f := range files {
		ann, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src, _, err := eval.Strip(ann)
		if err != nil {
			t.Fatal(err)
		}
		for _, all := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/all=%v", filepath.Base(f), all), func(t *testing.T) {
				res, err := sc.Scan("story.md", src)
				if err != nil {
					t.Fatal(err)
				}
				plan, err := res.Plan(redact.PlanOptions{Rules: defaultSet(t), All: all})
				if err != nil {
					t.Fatal(err)
				}
				c, err := NewChange(res, plan)
				if err != nil {
					t.Fatal(err)
				}
				if c.Empty() {
					t.Fatal("no changes proposed for a draft full of sensitive details")
				}
				var b bytes.Buffer
				if err := (&Diff{}).Write(&b, []*Change{c}); err != nil {
					t.Fatal(err)
				}
				got, err := applyUnified(src, b.Bytes())
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, c.Out) {
					t.Fatalf("patched text differs from apply's")
				}
				checkWithPatch(t, string(src), b.Bytes(), c.Out)
			})
		}
	}
}
