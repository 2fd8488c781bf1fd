package cli

import (
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rescue-stories/redact/cmd/internal/iostreams"
)

func TestNewCmdApplyFlags(t *testing.T) {
	tests := []struct {
		args    string
		want    ApplyOptions
		wantErr string
	}{
		{args: "story.md", want: ApplyOptions{Paths: []string{"story.md"}}},
		{args: "-w --all story.md a.md", want: ApplyOptions{Paths: []string{"story.md", "a.md"}, Write: true, Plan: planFlags{All: true}}},
		{args: "--only name,date --rule date.time -o out.md story.md", want: ApplyOptions{Paths: []string{"story.md"}, Output: "out.md", Plan: planFlags{Only: []string{"name", "date"}, RuleIDs: []string{"date.time"}}}},
		{args: "", wantErr: "name the files to redact"},
		{args: "--write -", wantErr: "--write cannot replace standard input"},
		{args: "-w -o x story.md", wantErr: "cannot be used together"},
		{args: "-o x a.md b.md", wantErr: "--output takes one input file"},
		{args: "--only places story.md", wantErr: `unknown category "places"`},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			var got *ApplyOptions
			cmd := newCmdApply(NewFactory(ios), func(o *ApplyOptions) error { got = o; return nil })
			cmd.SetArgs(strings.Fields(tt.args))
			cmd.SetOut(io.Discard)
			cmd.SetErr(io.Discard)
			err := cmd.Execute()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.want.MaxFileSize = MaxFileSize
			if d := cmp.Diff(tt.want, *got, cmp.AllowUnexported(ApplyOptions{}), cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".f" }, cmp.Ignore())); d != "" {
				t.Fatalf("options (-want +got):\n%s", d)
			}
		})
	}
}

func TestNewCmdDiffAndReviewFlags(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	var d *DiffOptions
	cmd := newCmdDiff(NewFactory(ios), func(o *DiffOptions) error { d = o; return nil })
	cmd.SetArgs([]string{"--color=never", "--mask", "--literal"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if d.Color != "never" || !d.Mask || !d.MaskSet || !d.Plan.Literal || len(d.Paths) != 1 || d.Paths[0] != "." {
		t.Fatalf("diff options: %+v", d)
	}
	cmd = newCmdDiff(NewFactory(ios), func(*DiffOptions) error { return nil })
	cmd.SetArgs([]string{"--color=sometimes"})
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	if err := cmd.Execute(); err == nil {
		t.Fatal("--color=sometimes accepted")
	}

	var r *ReviewOptions
	rc := newCmdReview(NewFactory(ios), func(o *ReviewOptions) error { r = o; return nil })
	rc.SetArgs([]string{"--only", "name", "story.md"})
	if err := rc.Execute(); err != nil {
		t.Fatal(err)
	}
	if r.Path != "story.md" || len(r.Plan.Only) != 1 {
		t.Fatalf("review options: %+v", r)
	}
	rc = newCmdReview(NewFactory(ios), func(*ReviewOptions) error { return nil })
	rc.SetArgs([]string{"-"})
	rc.SetOut(io.Discard)
	rc.SetErr(io.Discard)
	if err := rc.Execute(); err == nil || !strings.Contains(err.Error(), "review needs a file") {
		t.Fatalf("review - : %v", err)
	}
}

// TestReviewNeedsATerminal: without a terminal review explains what to use
// and exits 2, touching nothing.
func TestReviewNeedsATerminal(t *testing.T) {
	ios, _, stdout, stderr := iostreams.Test()
	code := Main([]string{"review", "story.md"}, ios)
	if code != ExitError || stdout.Len() != 0 || !strings.Contains(stderr.String(), "use `redact diff story.md`") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
