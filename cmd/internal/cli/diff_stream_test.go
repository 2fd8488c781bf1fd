package cli

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rescue-stories/redact/cmd/internal/iostreams"
	"github.com/rescue-stories/redact/redact/report"
)

// TestDiffStreamsAsWhole: `redact diff`, which writes each file's diff as
// soon as it is planned, prints exactly the diff of every change at once.
func TestDiffStreamsAsWhole(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "..", "fixtures", "drafts"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir()) // no .redact.toml of the repository's
	for _, tc := range []struct {
		args      []string
		mask, all bool
	}{
		{[]string{"--mask=false"}, false, false},
		{[]string{"--mask", "--all"}, true, true},
	} {
		args := tc.args
		ios, _, _, _ := iostreams.Test()
		pf := &planFlags{All: tc.all}
		files, errs, err := planFiles(NewFactory(ios), []string{dir}, pf, MaxFileSize)
		if err != nil || len(errs) > 0 {
			t.Fatal(err, errs)
		}
		changes := make([]*report.Change, len(files))
		for i, p := range files {
			changes[i] = p.change
		}
		var want bytes.Buffer
		if err := (&report.Diff{Opts: report.Options{Mask: tc.mask}}).Write(&want, changes); err != nil {
			t.Fatal(err)
		}
		if len(files) < 10 || want.Len() == 0 {
			t.Fatalf("%d files, %d bytes of diff: the comparison proves little", len(files), want.Len())
		}
		ios, _, out, errOut := iostreams.Test()
		if code := Main(append(append([]string{"diff"}, args...), dir), ios); code != ExitFindings {
			t.Fatalf("exit code %d, want 1; stderr:\n%s", code, errOut)
		}
		if diff := cmp.Diff(want.String(), out.String()); diff != "" {
			t.Errorf("diff %v differs from the whole diff (-whole +streamed):\n%s", args, diff)
		}
	}
}

// planFiles is planEach keeping every file, to build the whole diff the
// streamed one is compared with.
func planFiles(f *Factory, paths []string, pf *planFlags, maxSize int64) ([]planned, []error, error) {
	var out []planned
	errs, err := planEach(f, paths, "", pf, maxSize, func(p planned) error {
		out = append(out, p)
		return nil
	})
	return out, errs, err
}
