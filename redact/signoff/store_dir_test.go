package signoff

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rescue-stories/redact/redact/signoff/agenttest"
)

func TestRecordPathIn(t *testing.T) {
	got, err := RecordPathIn("/repo", "review/records", "a/b.md")
	if want := filepath.FromSlash("/repo/review/records/a/b.md.json"); err != nil || got != want {
		t.Errorf("RecordPathIn = %q, %v; want %q", got, err, want)
	}
	if got, _ := RecordPathIn("/repo", "", "a.md"); got != filepath.FromSlash("/repo/.redact/signoffs/a.md.json") {
		t.Errorf("empty dir: %q", got)
	}
	for _, dir := range []string{"../out", "/abs", "a/../../b"} {
		if p, err := RecordPathIn("/repo", dir, "a.md"); err == nil {
			t.Errorf("RecordPathIn(dir %q) = %q, want an error", dir, p)
		}
	}
}

func TestListInAndContentPathOf(t *testing.T) {
	root := t.TempDir()
	s := newSigner(t)
	for _, p := range []string{"z.md", "stories/a.md"} {
		rp, err := RecordPathIn(root, "recs", p)
		if err != nil {
			t.Fatal(err)
		}
		if err := Save(rp, mustSign(t, unsignedRecord(p), s)); err != nil {
			t.Fatal(err)
		}
	}
	// A leftover temporary file of Save is not a record.
	writeFile(t, filepath.Join(root, "recs", ".signoff-123.json"), []byte("{}"))
	got, err := ListIn(root, "recs")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"stories/a.md", "z.md"}, got); diff != "" {
		t.Errorf("ListIn (-want +got):\n%s", diff)
	}
	if got, err := ListIn(root, "none"); err != nil || len(got) != 0 {
		t.Errorf("ListIn of a missing directory = %v, %v", got, err)
	}
	if _, err := os.Stat(filepath.Join(root, ".redact")); err == nil {
		t.Error("RecordPathIn wrote under the default directory")
	}

	for _, tc := range []struct {
		dir, file, want string
		ok              bool
	}{
		{"", ".redact/signoffs/stories/a.md.json", "stories/a.md", true},
		{"recs", "recs/a.md.json", "a.md", true},
		{"", ".redact/signoffs/a.md", "", false},
		{"", "stories/a.md.json", "", false},
		{"", ".redact/signoffs/../x.md.json", "", false},
	} {
		got, ok := ContentPathOf(tc.dir, tc.file)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ContentPathOf(%q, %q) = %q, %v; want %q, %v", tc.dir, tc.file, got, ok, tc.want, tc.ok)
		}
	}
}

func TestAgentSigners(t *testing.T) {
	ed, rk := newEd25519(t), testRSAKey(t)
	sock := agenttest.Serve(t, ed, rk)
	signers, closer, err := AgentSigners(sock)
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	if len(signers) != 2 {
		t.Fatalf("AgentSigners returned %d keys, want 2", len(signers))
	}
	if _, _, err := AgentSigners(filepath.Join(t.TempDir(), "none")); err == nil {
		t.Error("AgentSigners with a dead socket succeeded")
	}
}
