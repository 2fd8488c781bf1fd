package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rescue-stories/redact/cmd/internal/iostreams"
	"github.com/rescue-stories/redact/redact/report"
)

func TestNewCmdScan(t *testing.T) {
	tests := []struct {
		name    string
		args    string
		want    ScanOptions
		wantErr string
	}{
		{name: "no paths means the current directory", args: "",
			want: ScanOptions{Paths: []string{"."}, Format: "text", Color: "auto", MaxFileSize: MaxFileSize}},
		{name: "paths and stdin", args: "a.md drafts -",
			want: ScanOptions{Paths: []string{"a.md", "drafts", "-"}, Format: "text", Color: "auto", MaxFileSize: MaxFileSize}},
		{name: "every flag", args: "-f json --color never --fail-on block --mask -q --explain --max-file-size 10 --include *.rst --include *.md --exclude old/** x.md",
			want: ScanOptions{Paths: []string{"x.md"}, Format: "json", Color: "never", FailOn: "block", Mask: true, MaskSet: true,
				Quiet: true, Explain: true, MaxFileSize: 10, Include: []string{"*.rst", "*.md"}, Exclude: []string{"old/**"}}},
		{name: "mask=false is remembered as set", args: "--mask=false -v a.md",
			want: ScanOptions{Paths: []string{"a.md"}, Format: "text", Color: "auto", MaskSet: true, Verbose: true, MaxFileSize: MaxFileSize}},
		{name: "bad format", args: "--format xml a.md", wantErr: `--format must be one of text, json, sarif, github; not "xml"`},
		{name: "bad colour", args: "--color maybe a.md", wantErr: `--color must be auto, always or never; not "maybe"`},
		{name: "bad fail-on", args: "--fail-on high a.md", wantErr: `--fail-on must be review, block or none; not "high"`},
		{name: "quiet and verbose", args: "-q -v a.md", wantErr: "--quiet and --verbose cannot be used together"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			f := NewFactory(ios)
			var got *ScanOptions
			err := runCmd(t, newCmdScan(f, func(o *ScanOptions) error { got = o; return nil }), tt.args)
			if wantFlagError(t, err, tt.wantErr) {
				if exitCode(err) != ExitError {
					t.Errorf("exit code %d, want %d", exitCode(err), ExitError)
				}
				return
			}
			if diff := cmp.Diff(tt.want, *got, cmp.AllowUnexported(ScanOptions{}), cmp.FilterPath(func(p cmp.Path) bool {
				return p.Last().String() == ".f"
			}, cmp.Ignore())); diff != "" {
				t.Errorf("options (-want +got):\n%s", diff)
			}
		})
	}
}

const testPack = `pack: local
rules:
  - id: phone
    category: identifier
    kind: pattern
    message: phone number
    pattern: '\+\d{2} \d{3} \d{3} \d{4}'
`

// scanFixture writes files into a temporary directory and returns a
// factory that uses only testPack (through a .redact.toml naming it).
func scanFixture(t *testing.T, files map[string]string) (*Factory, *bytes.Buffer, *bytes.Buffer, string) {
	t.Helper()
	dir := packTree(t, files, testPack)
	ios, _, out, errOut := iostreams.Test()
	f := NewFactory(ios)
	return f, out, errOut, dir
}

func TestScanRun(t *testing.T) {
	tests := []struct {
		name       string
		tty        bool
		env        map[string]string
		opts       ScanOptions
		wantCode   int
		wantOut    string
		wantErrOut string
		// errContains: stderr need only contain wantErrOut.
		errContains bool
	}{
		{name: "pipe: plain lines and summary", opts: ScanOptions{Paths: []string{"story.md"}},
			wantCode:   ExitFindings,
			wantOut:    "story.md:1:6: identifier local.phone phone number \"+63 917 555 0142\"\n",
			wantErrOut: "1 identifier in 1 of 1 file; run `redact diff` to review\n"},
		{name: "terminal: coloured", tty: true, opts: ScanOptions{Paths: []string{"story.md"}},
			wantCode:   ExitFindings,
			wantOut:    "\x1b[1mstory.md:1:6\x1b[0m: \x1b[33midentifier\x1b[0m \x1b[36mlocal.phone\x1b[0m phone number \x1b[1;31m\"+63 917 555 0142\"\x1b[0m\n",
			wantErrOut: "1 identifier in 1 of 1 file; run `redact diff` to review\n"},
		{name: "CI masks the text", env: map[string]string{"CI": "true"}, opts: ScanOptions{Paths: []string{"story.md"}},
			wantCode:   ExitFindings,
			wantOut:    "story.md:1:6: identifier local.phone phone number \"+## ### ### ####\"\n",
			wantErrOut: "1 identifier in 1 of 1 file; run `redact diff` to review\n"},
		{name: "CI with --mask=false shows it", env: map[string]string{"CI": "true"}, opts: ScanOptions{Paths: []string{"story.md"}, MaskSet: true},
			wantCode:   ExitFindings,
			wantOut:    "story.md:1:6: identifier local.phone phone number \"+63 917 555 0142\"\n",
			wantErrOut: "1 identifier in 1 of 1 file; run `redact diff` to review\n"},
		{name: "clean", opts: ScanOptions{Paths: []string{"clean.md"}},
			wantCode: ExitOK, wantErrOut: "nothing sensitive found in 1 file\n"},
		{name: "quiet", opts: ScanOptions{Paths: []string{"clean.md"}, Quiet: true}, wantCode: ExitOK},
		{name: "binary file named explicitly", opts: ScanOptions{Paths: []string{"photo.md"}},
			wantCode: ExitError, wantErrOut: "redact: photo.md: binary file (contains NUL bytes)\n"},
		{name: "binary file in a directory is skipped", opts: ScanOptions{Paths: []string{"bin"}, Verbose: true},
			wantCode: ExitOK, wantErrOut: "bin/photo.md: skipped: binary file (contains NUL bytes)\n", errContains: true},
		{name: "too large", opts: ScanOptions{Paths: []string{"story.md"}, MaxFileSize: 5},
			wantCode: ExitError, wantErrOut: "redact: story.md: larger than the ", errContains: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, out, errOut, _ := scanFixture(t, map[string]string{
				"story.md":     "Call +63 917 555 0142.\n",
				"clean.md":     "Thank you.\n",
				"photo.md":     "GIF89a\x00\x01",
				"bin/photo.md": "GIF89a\x00\x01",
			})
			f.IO.SetTTY(false, tt.tty, false)
			f.IO.Getenv = func(k string) string { return tt.env[k] }
			opts := tt.opts
			opts.f = f
			if opts.Format == "" {
				opts.Format = "text"
			}
			if opts.Color == "" {
				opts.Color = "auto"
			}
			if opts.MaxFileSize == 0 {
				opts.MaxFileSize = MaxFileSize
			}
			code := exitCode(runScan(&opts))
			if code != tt.wantCode {
				t.Errorf("exit code %d, want %d", code, tt.wantCode)
			}
			if diff := cmp.Diff(tt.wantOut, out.String()); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
			if tt.errContains {
				if !strings.Contains(errOut.String(), tt.wantErrOut) {
					t.Errorf("stderr %q does not contain %q", errOut, tt.wantErrOut)
				}
			} else if diff := cmp.Diff(tt.wantErrOut, errOut.String()); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
}

// TestScanJSONOverFixtures runs the real command over the development
// drafts with the built-in packs and checks, as a consumer of the JSON
// report would, that every finding's text is the file's bytes [start:end).
func TestScanJSONOverFixtures(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "..", "fixtures", "drafts"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir()) // no .redact.toml of the repository's
	ios, _, out, errOut := iostreams.Test()
	code := Main([]string{"scan", "--format", "json", dir}, ios)
	if code != ExitFindings {
		t.Fatalf("exit code %d, want 1; stderr:\n%s", code, errOut)
	}
	var rep report.JSONReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) == 0 || rep.Summary.Findings == 0 {
		t.Fatalf("report has %d files and %d findings", len(rep.Files), rep.Summary.Findings)
	}
	n := 0
	for _, jf := range rep.Files {
		src, err := os.ReadFile(jf.Path)
		if err != nil {
			t.Fatal(err)
		}
		for _, fd := range jf.Findings {
			if fd.Start < 0 || fd.End > len(src) || fd.Start >= fd.End {
				t.Errorf("%s: bad span %d-%d", jf.Path, fd.Start, fd.End)
				continue
			}
			if got := string(src[fd.Start:fd.End]); got != fd.Text {
				t.Errorf("%s: text %q, file[%d:%d] = %q", jf.Path, fd.Text, fd.Start, fd.End, got)
			}
			n++
		}
	}
	if n != rep.Summary.Findings {
		t.Errorf("checked %d findings, summary says %d", n, rep.Summary.Findings)
	}
}
