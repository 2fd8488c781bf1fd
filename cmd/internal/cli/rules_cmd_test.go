package cli

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spf13/cobra"

	"github.com/rescue-stories/redact/cmd/internal/iostreams"
	"github.com/rescue-stories/redact/rules"
)

// runCmd parses args with a command whose run function is replaced.
func runCmd(t *testing.T, cmd *cobra.Command, args string) error {
	t.Helper()
	cmd.SetArgs(strings.Fields(args))
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	return cmd.Execute()
}

// wantFlagError checks err against a table case's wantErr: with one, err
// must be a FlagError with that text, and it reports true (the case is
// over); without, err must be nil.
func wantFlagError(t *testing.T, err error, want string) bool {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Fatal(err)
		}
		return false
	}
	var fe *FlagError
	if !errors.As(err, &fe) || err.Error() != want {
		t.Fatalf("error %v, want FlagError %q", err, want)
	}
	return true
}

func TestNewCmdEval(t *testing.T) {
	tests := []struct {
		args    string
		want    []floor
		wantErr string
	}{
		{args: "drafts"},
		{args: "--min-recall 0.9 --min-recall operational=0.85,name=0.95 --min-precision 0.85 --min-cover date=1 drafts",
			want: []floor{{"recall", "all", 0.9}, {"recall", "operational", 0.85}, {"recall", "name", 0.95}, {"cover", "date", 1}, {"precision", "all", 0.85}}},
		{args: "--min-recall names=0.9 drafts", wantErr: `--min-recall: unknown category "names" (one of name, location, date, operational, identifier, all)`},
		{args: "--min-precision 1.5 drafts", wantErr: `--min-precision: "1.5" is not a number between 0 and 1`},
		{args: "--min-cover x drafts", wantErr: `--min-cover: "x" is not a number between 0 and 1`},
		{args: "--format xml drafts", wantErr: `--format must be text or json; not "xml"`},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			var got *EvalOptions
			err := runCmd(t, newCmdEval(NewFactory(ios), func(o *EvalOptions) error { got = o; return nil }), tt.args)
			if wantFlagError(t, err, tt.wantErr) {
				return
			}
			if diff := cmp.Diff(tt.want, got.floors); diff != "" {
				t.Errorf("floors (-want +got):\n%s", diff)
			}
		})
	}
	ios, _, _, _ := iostreams.Test()
	if err := runCmd(t, newCmdEval(NewFactory(ios), func(*EvalOptions) error { return nil }), ""); err == nil {
		t.Error("eval with no directory: no error")
	}
}

func TestNewCmdRulesHash(t *testing.T) {
	tests := []struct {
		args    string
		want    RulesHashOptions
		wantErr string
	}{
		{args: "--salt s Ana Kofi", want: RulesHashOptions{Salt: "s", Terms: []string{"Ana", "Kofi"}}},
		{args: "--pack p.yaml", want: RulesHashOptions{Pack: "p.yaml", Terms: []string{}}},
		{args: "--new-salt", want: RulesHashOptions{NewSalt: true, Terms: []string{}}},
		{args: "Ana", wantErr: "give one of --salt, --pack or --new-salt"},
		{args: "--salt s --pack p.yaml", wantErr: "give one of --salt, --pack or --new-salt"},
		{args: "--new-salt Ana", wantErr: "--new-salt takes no terms"},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			var got *RulesHashOptions
			err := runCmd(t, newCmdRulesHash(NewFactory(ios), func(o *RulesHashOptions) error { got = o; return nil }), tt.args)
			if wantFlagError(t, err, tt.wantErr) {
				return
			}
			if diff := cmp.Diff(tt.want, *got, cmp.AllowUnexported(RulesHashOptions{}), cmp.FilterPath(func(p cmp.Path) bool {
				return p.Last().String() == ".f"
			}, cmp.Ignore())); diff != "" {
				t.Errorf("options (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRulesHashRun(t *testing.T) {
	ios, in, out, errOut := iostreams.Test()
	in.WriteString("# staff\n\nQuillon Vantrask\n  Brennick  \n")
	err := runRulesHash(&RulesHashOptions{f: NewFactory(ios), Salt: "test-salt-0123456789"})
	if err != nil {
		t.Fatal(err)
	}
	want := rules.HashTerm("test-salt-0123456789", "quillon vantrask") + "\n" + rules.HashTerm("test-salt-0123456789", "brennick") + "\n"
	if out.String() != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, want)
	}
	if errOut.Len() != 0 {
		t.Errorf("stderr: %s", errOut)
	}
	// A short salt and a long term are warned about; a term with no words is an error.
	ios, _, _, errOut = iostreams.Test()
	err = runRulesHash(&RulesHashOptions{f: NewFactory(ios), Salt: "short", Terms: []string{"one two three four five"}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut.String(), "the salt has 5 characters") || !strings.Contains(errOut.String(), "term 1 has 5 words") {
		t.Errorf("stderr: %s", errOut)
	}
	if strings.Contains(errOut.String(), "three") {
		t.Errorf("stderr repeats the term: %s", errOut)
	}
	ios, _, _, _ = iostreams.Test()
	if err := runRulesHash(&RulesHashOptions{f: NewFactory(ios), Salt: "test-salt-0123456789", Terms: []string{"--"}}); err == nil || err.Error() != "term 1 has no words" {
		t.Errorf("error %v", err)
	}
}

func TestNewCmdExplain(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	var got *ExplainOptions
	if err := runCmd(t, newCmdExplain(NewFactory(ios), func(o *ExplainOptions) error { got = o; return nil }), "-f json --mask=false --dropped=false a.md b.md"); err != nil {
		t.Fatal(err)
	}
	if got.Format != "json" || !got.MaskSet || got.Mask || got.Dropped || strings.Join(got.Paths, ",") != "a.md,b.md" {
		t.Errorf("options %+v", got)
	}
	err := runCmd(t, newCmdExplain(NewFactory(ios), func(*ExplainOptions) error { return nil }), "--format sarif a.md")
	var fe *FlagError
	if !errors.As(err, &fe) {
		t.Errorf("bad format: %v", err)
	}
}

func TestAnnotate(t *testing.T) {
	text := "We met Kofi Mensah and Ama in town."
	marks := []mark{{23, 26, "name"}, {7, 18, "name"}}
	if got, want := annotate(text, marks, nil), "We met [[name:Kofi Mensah]] and [[name:Ama]] in town."; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if marks[0].Start != 23 {
		t.Error("annotate reordered the caller's marks")
	}
	// Masking covers the masked spans whether or not they are marked here.
	if got, want := annotate(text, []mark{{23, 26, "name"}}, []mark{{7, 18, ""}, {23, 26, ""}}), "We met K*** M***** and [[name:A**]] in town."; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestMaskWhy(t *testing.T) {
	for in, want := range map[string]string{
		"term maria santos": "term m**** s*****",
		"after cue village": "after cue v******",
		"known name":        "known name",
	} {
		if got := maskWhy(in); got != want {
			t.Errorf("maskWhy(%q) = %q, want %q", in, got, want)
		}
	}
}
