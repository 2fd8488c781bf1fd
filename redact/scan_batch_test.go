package redact_test

import (
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/rescue-stories/redact/redact"
)

// TestScanBatchAsEach: a batch gives each document what Scan gives it
// alone, errors included, whether the batch holds every document or a few,
// as Markdown and as plain text.
func TestScanBatchAsEach(t *testing.T) {
	paths, srcs := redact.FixtureDocs(t, []string{"drafts", "fresh", "published"}, "*.*", 12)
	// Documents the scan refuses, an empty one and one with a malformed
	// directive (an error of the last step), among the others.
	paths = append(paths[:5:5], append([]string{"nul.md", "empty.md", "utf16.md", "directive.md"}, paths[5:]...)...)
	srcs = append(srcs[:5:5], append([][]byte{[]byte("Maria\x00Santos"), nil, []byte("\xff\xfeM\x00a\x00"),
		[]byte("Maria Santos left.\n<!-- redact:allow Ana -->\n")}, srcs[5:]...)...)

	set, err := builtinSet()
	if err != nil {
		t.Fatal(err)
	}
	alone := redact.New(set, redact.Options{})
	type outcome struct {
		res *redact.Result
		err error
	}
	want := make([]outcome, len(srcs))
	for i := range srcs {
		want[i].res, want[i].err = alone.Scan(paths[i], srcs[i])
	}
	if want[5].err == nil || want[7].err == nil || want[8].err == nil || want[6].err != nil {
		t.Fatalf("the refused, empty and malformed documents scan as %v, %v, %v, %v", want[5].err, want[6].err, want[7].err, want[8].err)
	}
	findings := 0
	for _, w := range want {
		if w.res != nil {
			findings += len(w.res.Findings)
		}
	}
	if findings < 100 {
		t.Fatalf("%d findings in all: the comparison proves little", findings)
	}
	for _, size := range []int{len(srcs), 3} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			batched := redact.New(set, redact.Options{})
			for lo := 0; lo < len(srcs); lo += size {
				hi := min(lo+size, len(srcs))
				results, errs := batched.ScanBatch(paths[lo:hi], srcs[lo:hi])
				for k := range results {
					w := want[lo+k]
					if !errors.Is(errs[k], w.err) && fmt.Sprint(errs[k]) != fmt.Sprint(w.err) {
						t.Errorf("%s: error %v, alone %v", paths[lo+k], errs[k], w.err)
					}
					if !reflect.DeepEqual(results[k], w.res) {
						t.Errorf("%s: the batch's result differs from the document's alone", paths[lo+k])
					}
				}
			}
		})
	}
}
