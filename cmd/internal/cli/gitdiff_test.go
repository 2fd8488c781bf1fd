package cli

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// encodeNameStatus writes changes the way git diff --name-status -z does.
func encodeNameStatus(cs []change) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteByte(c.Status)
		b.WriteByte(0)
		if c.Status == 'R' || c.Status == 'C' {
			b.WriteString(c.Old)
			b.WriteByte(0)
		}
		b.WriteString(c.Path)
		b.WriteByte(0)
	}
	return b.String()
}

// FuzzParseNameStatus: git's output is parsed without panics, and what
// parses re-encodes to an equivalent list.
func FuzzParseNameStatus(f *testing.F) {
	for _, seed := range []string{
		"M\x00a.md\x00",
		"R087\x00old dir/b.md\x00new\tdir/b.md\x00D\x00c.md\x00",
		"C100\x00a\x00b\x00A\x00d:e.md\x00",
		"R100\x00only-one\x00",
		"\x00",
		"",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, out string) {
		cs, err := parseNameStatus(out)
		if err != nil {
			return
		}
		again, err := parseNameStatus(encodeNameStatus(cs))
		if err != nil {
			t.Fatalf("re-encoded changes do not parse: %v", err)
		}
		if diff := cmp.Diff(cs, again); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
		for _, c := range cs {
			if c.Path == "" {
				t.Fatalf("empty path in %+v", c)
			}
		}
	})
}
