package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// fixtureDrafts lists the development drafts; they are the fuzz seeds and
// the realistic inputs of TestFixturesInvariant.
func fixtureDrafts(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "fixtures", "drafts", "*.md"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no drafts under fixtures/drafts (err %v)", err)
	}
	return paths
}

// FuzzParse checks that Parse and ParseText never panic (strict mode is on,
// so a repaired segment panics too), keep the segment invariant and leave
// their input unchanged.
func FuzzParse(f *testing.F) {
	for _, path := range fixtureDrafts(f) {
		src, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range []string{
		"---\ntitle: x\n---\n", "+++\n[a]\nb = 'c'\n+++\n", "\uFEFF# h\r\n",
		"[a](<b>) ![c](d \"e\") <f@g.h> <!-- i", "| a |\n|---|\n| `b|` |\n",
		"> - [x][y]\n>\n>     code\n\n[y]: z", "``` \n<!--\n```\n-->", "a\\", "[", "![", "]([",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		before := bytes.Clone(src)
		checkInvariant(t, src, Parse(src))
		checkInvariant(t, src, ParseText(src))
		if !bytes.Equal(src, before) {
			t.Fatalf("input modified")
		}
	})
}
