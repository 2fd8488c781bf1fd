package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hiddeco/sshsig"
	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/rescue-stories/redact/cmd/internal/iostreams"
	"github.com/rescue-stories/redact/redact/signoff"
)

// localPack is the only rule pack of the test repositories, so the tests
// do not depend on how the default packs evolve: a blocking name and a
// review-severity shelter name.
const localPack = `pack: local
rules:
  - id: person
    category: name
    kind: terms
    terms: [Zara Quillon]
    message: test person
  - id: shelter
    category: operational
    severity: review
    kind: terms
    terms: [Harbour House]
    message: test shelter
`

const localConfig = `no_builtin = true
rules = ["rules/"]

[signoff]
allowed_signers = ".redact/allowed_signers"
`

const (
	cleanA = "# A good day\n\nThe team held a workshop on safe reporting.\n"
	cleanB = "# Another day\n\nVolunteers planted trees by the river.\n"
	// dirtyText has a blocking finding; reviewText a review-severity one.
	dirtyText  = "# Story\n\nZara Quillon was found safe.\n"
	reviewText = "# Story\n\nShe now lives at Harbour House.\n"
)

// signedRepo is a repository with two clean stories signed off by alice
// (an ed25519 key) through the CLI; bob (RSA) is a second reviewer key
// that is not allowed.
type signedRepo struct {
	*repo
	alice, bob *testKey
}

func newSignedRepo(t *testing.T) *signedRepo {
	t.Helper()
	r := newRepo(t, map[string]string{
		".redact.toml":     localConfig,
		"rules/local.yaml": localPack,
		"stories/a.md":     cleanA,
		"stories/b.md":     cleanB,
	})
	keys := t.TempDir()
	sr := &signedRepo{repo: r, alice: newTestKey(t, keys, "alice", "ed25519"), bob: newTestKey(t, keys, "bob", "rsa")}
	r.allow(sr.alice.line("alice@example.org", `namespaces="redact-signoff"`))
	if res := runCLI(t, nil, "signoff", "stories/a.md", "stories/b.md", "--key", sr.alice.privFile); res.code != 0 {
		t.Fatalf("signoff failed:\n%s", res)
	}
	return sr
}

// editRecord rewrites the stored record of content with edit.
func (r *repo) editRecord(content string, edit func(string) string) {
	r.t.Helper()
	p := ".redact/signoffs/" + content + ".json"
	r.write(p, edit(r.read(p)))
}

// signDirect writes a record for content signed straight through the
// signoff package, bypassing the CLI's refusal: what an older tool, or a
// tool that missed a finding, would have signed.
func (sr *signedRepo) signDirect(t *testing.T, content string, sups []signoff.Suppression) {
	t.Helper()
	f := NewFactory(iostreams.System())
	set, err := f.Rules()
	if err != nil {
		t.Fatal(err)
	}
	rec, err := signoff.Sign(signoff.Record{
		Path: content, ContentSHA256: signoff.ContentDigest([]byte(sr.read(content))), PacksDigest: set.Digest(),
		Suppressions: sups, Principal: "alice@example.org", Tool: "redact test",
	}, sr.alice.signer)
	if err != nil {
		t.Fatal(err)
	}
	rp, _ := signoff.RecordPath(sr.dir, content)
	if err := signoff.Save(rp, rec); err != nil {
		t.Fatal(err)
	}
}

// TestVerifyReasons shows each way a sign-off fails, end to end through
// the CLI, each with its own reason, while the untouched file still
// passes.
func TestVerifyReasons(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		want   string // in the failing line's message
		setup  func(t *testing.T, sr *signedRepo) []string
	}{
		{name: "content changed", reason: "content-changed", want: "content changed since it was signed off",
			setup: func(t *testing.T, sr *signedRepo) []string {
				sr.write("stories/a.md", cleanA+"\nOne more line.\n")
				return nil
			}},
		{name: "record edited to match new content", reason: "bad-signature", want: "edited after signing",
			setup: func(t *testing.T, sr *signedRepo) []string {
				changed := cleanA + "\nOne more line.\n"
				sr.write("stories/a.md", changed)
				sr.editRecord("stories/a.md", func(s string) string {
					var rec map[string]any
					if err := json.Unmarshal([]byte(s), &rec); err != nil {
						t.Fatal(err)
					}
					return strings.Replace(s, rec["content_sha256"].(string), signoff.ContentDigest([]byte(changed)), 1)
				})
				return nil
			}},
		{name: "record edited: principal", reason: "bad-signature", want: "signature does not match",
			setup: func(t *testing.T, sr *signedRepo) []string {
				sr.editRecord("stories/a.md", func(s string) string {
					return strings.Replace(s, `"principal": "alice@example.org"`, `"principal": "carol@example.org"`, 1)
				})
				return nil
			}},
		{name: "record copied to another file", reason: "path-mismatch", want: `record is for "stories/b.md"`,
			setup: func(t *testing.T, sr *signedRepo) []string {
				sr.write("stories/a.md", cleanB) // even with the same content
				sr.write(".redact/signoffs/stories/a.md.json", sr.read(".redact/signoffs/stories/b.md.json"))
				return nil
			}},
		{name: "signer not allowed", reason: "signer-not-allowed", want: "is not in",
			setup: func(t *testing.T, sr *signedRepo) []string {
				sr.allow(sr.bob.line("alice@example.org", ""))
				return nil
			}},
		{name: "key allowed for another principal", reason: "signer-not-allowed", want: `not for principal "alice@example.org"`,
			setup: func(t *testing.T, sr *signedRepo) []string {
				sr.allow(sr.alice.line("mallory@example.org", ""))
				return nil
			}},
		{name: "signed after valid-before", reason: "expired", want: "valid before 2020-01-01T00:00:00Z",
			setup: func(t *testing.T, sr *signedRepo) []string {
				sr.allow(sr.alice.line("alice@example.org", `valid-before="20200101Z"`))
				return nil
			}},
		{name: "revoked key", reason: "revoked", want: "is revoked (revoked_keys:2)",
			setup: func(t *testing.T, sr *signedRepo) []string {
				pub, err := os.ReadFile(sr.alice.pubFile)
				if err != nil {
					t.Fatal(err)
				}
				sr.write("revoked_keys", "# compromised 2025-03\n"+string(pub))
				return []string{"--revoked-keys", "revoked_keys"}
			}},
		{name: "namespace not allowed for the key", reason: "namespace-not-allowed", want: `allows namespaces "git"`,
			setup: func(t *testing.T, sr *signedRepo) []string {
				sr.allow(sr.alice.line("alice@example.org", `namespaces="git"`))
				return nil
			}},
		{name: "signature in another namespace", reason: "bad-signature", want: `signature namespace is "git"`,
			setup: func(t *testing.T, sr *signedRepo) []string {
				rp := sr.path(".redact/signoffs/stories/a.md.json")
				rec, err := signoff.Load(rp)
				if err != nil {
					t.Fatal(err)
				}
				sig, err := sshsig.Sign(bytes.NewReader(rec.Payload()), sr.alice.signer, sshsig.HashSHA512, "git")
				if err != nil {
					t.Fatal(err)
				}
				rec.Signature = string(sshsig.Armor(sig))
				if err := signoff.Save(rp, rec); err != nil {
					t.Fatal(err)
				}
				return nil
			}},
		{name: "packs changed", reason: "packs-changed", want: "a new sign-off is required",
			setup: func(t *testing.T, sr *signedRepo) []string {
				sr.write("rules/local.yaml", localPack+"  - id: extra\n    category: name\n    kind: terms\n    terms: [Nobody Here]\n")
				return nil
			}},
		{name: "unsigned file", reason: "unsigned", want: "no sign-off record .redact/signoffs/stories/a.md.json",
			setup: func(t *testing.T, sr *signedRepo) []string {
				if err := os.Remove(sr.path(".redact/signoffs/stories/a.md.json")); err != nil {
					t.Fatal(err)
				}
				return nil
			}},
		{name: "malformed record", reason: "malformed", want: "unknown key",
			setup: func(t *testing.T, sr *signedRepo) []string {
				sr.editRecord("stories/a.md", func(s string) string { return strings.Replace(s, `"tool"`, `"tool2"`, 1) })
				return nil
			}},
		{name: "dirty file", reason: "dirty", want: "1 unsuppressed finding not accepted by a sign-off (1 of blocking severity",
			setup: func(t *testing.T, sr *signedRepo) []string {
				sr.write("stories/a.md", dirtyText)
				sr.signDirect(t, "stories/a.md", nil)
				return nil
			}},
		{name: "review finding the sign-off did not accept", reason: "dirty", want: "1 unsuppressed finding not accepted by a sign-off\n",
			setup: func(t *testing.T, sr *signedRepo) []string {
				sr.write("stories/a.md", reviewText)
				sr.signDirect(t, "stories/a.md", nil)
				return nil
			}},
		{name: "suppression the sign-off did not accept", reason: "unapproved-suppression", want: "1 finding is suppressed now that the sign-off did not accept (local.person)",
			setup: func(t *testing.T, sr *signedRepo) []string {
				sr.write("stories/a.md", dirtyText+"<!-- redact:allow \"Zara Quillon\" reason=\"pseudonym\" -->\n")
				sr.signDirect(t, "stories/a.md", nil)
				return nil
			}},
		{name: "content deleted, record kept", reason: "orphan-record", want: "delete .redact/signoffs/stories/a.md.json",
			setup: func(t *testing.T, sr *signedRepo) []string {
				if err := os.Remove(sr.path("stories/a.md")); err != nil {
					t.Fatal(err)
				}
				return nil
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sr := newSignedRepo(t)
			if res := runCLI(t, nil, "verify"); res.code != 0 {
				t.Fatalf("verify before the change failed:\n%s", res)
			}
			args := append([]string{"verify"}, tt.setup(t, sr)...)
			res := runCLI(t, nil, args...)
			if res.code != ExitFindings {
				t.Fatalf("verify: want exit 1\n%s", res)
			}
			prefix := "stories/a.md: " + tt.reason + ": "
			var line string
			for _, l := range strings.Split(res.stdout, "\n") {
				if strings.HasPrefix(l, prefix) {
					line = l
				}
			}
			if line == "" {
				t.Fatalf("no line %q:\n%s", prefix, res)
			}
			if !strings.Contains(line+"\n", tt.want) {
				t.Errorf("reason line %q lacks %q", line, tt.want)
			}
			// A change of the trust or the packs fails both files alike.
			switch tt.reason {
			case "packs-changed", "signer-not-allowed", "expired", "namespace-not-allowed", "revoked":
				mustContain(t, "stdout", res.stdout, "stories/b.md: "+tt.reason+": ")
			default:
				mustContain(t, "stdout", res.stdout, "stories/b.md: ok (signed off by alice@example.org at ")
			}
			mustContain(t, "stderr", res.stderr, "content files not approved")
			if strings.Contains(res.stdout+res.stderr, "redact: ") {
				t.Errorf("a failed gate printed a tool error:\n%s", res)
			}
		})
	}
}

// TestVerifyMasksDirtyFindingsInCI: the findings of a dirty file are
// listed, masked when CI is set.
func TestVerifyMasksDirtyFindingsInCI(t *testing.T) {
	sr := newSignedRepo(t)
	sr.write("stories/a.md", dirtyText)
	sr.signDirect(t, "stories/a.md", nil)
	res := runCLI(t, nil, "verify")
	mustContain(t, "stdout", res.stdout, `stories/a.md:3:1: name local.person test person "Zara Quillon"`)
	res = runCLI(t, map[string]string{"CI": "true"}, "verify")
	mustContain(t, "stdout", res.stdout, `stories/a.md:3:1: name local.person test person "Z*** Q******"`)
	if strings.Contains(res.stdout+res.stderr, "Zara") {
		t.Errorf("CI output shows the text:\n%s", res)
	}
}

// TestVerifyAcceptsSuppressionsAndReviewFindings: what the reviewer
// accepted at sign-off (an inline allow, a review decision, a review
// finding) passes the gate; a decision added later does not.
func TestVerifyAcceptsSuppressionsAndReviewFindings(t *testing.T) {
	sr := newSignedRepo(t)
	sr.write("stories/a.md", "# Story\n\nZara Quillon lives at Harbour House.\n")
	// A review decision (sidecar) keeps the name.
	fp := scanFingerprint(t, "stories/a.md", "local.person")
	sr.write("stories/a.md.redact.json", `{"version":1,"decisions":[{"fingerprint":"`+fp+`","rule":"local.person","category":"name","action":"keep","reason":"pseudonym agreed with Zara Quillon"}]}`)
	res := runCLI(t, nil, "signoff", "stories/a.md", "--key", sr.alice.privFile)
	if res.code != 0 {
		t.Fatalf("signoff:\n%s", res)
	}
	rec := sr.read(".redact/signoffs/stories/a.md.json")
	if strings.Contains(rec, "Zara") || strings.Contains(rec, "Harbour") {
		t.Errorf("the record holds sensitive text:\n%s", rec)
	}
	mustContain(t, "record", rec, `"reason": "review decision: pseudonym agreed with Z*** Q******"`, `"reason": "review finding accepted at sign-off"`)
	if res := runCLI(t, nil, "verify"); res.code != 0 {
		t.Fatalf("verify of what was signed:\n%s", res)
	}
	// Dropping the decision unsuppresses a blocking finding: dirty.
	if err := os.Remove(sr.path("stories/a.md.redact.json")); err != nil {
		t.Fatal(err)
	}
	res = runCLI(t, nil, "verify")
	if res.code != 1 || !strings.Contains(res.stdout, "stories/a.md: dirty: ") {
		t.Fatalf("verify without the decision:\n%s", res)
	}
}

// scanFingerprint returns the report fingerprint of the first finding of
// rule in path, as `redact scan --format json` shows it.
func scanFingerprint(t *testing.T, path, rule string) string {
	t.Helper()
	res := runCLI(t, nil, "scan", "--format", "json", path)
	var rep struct {
		Files []struct {
			Findings []struct{ Rule, Fingerprint string }
		}
	}
	if err := json.Unmarshal([]byte(res.stdout), &rep); err != nil {
		t.Fatalf("%v\n%s", err, res)
	}
	for _, f := range rep.Files[0].Findings {
		if f.Rule == rule {
			return f.Fingerprint
		}
	}
	t.Fatalf("no %s finding in %s:\n%s", rule, path, res)
	return ""
}

func TestVerifyToolErrors(t *testing.T) {
	sr := newSignedRepo(t)
	for _, tc := range []struct {
		name string
		args []string
		prep func()
		want string
	}{
		{name: "no allowed signers", args: []string{"verify", "--config", "none.toml"},
			prep: func() { sr.write("none.toml", "no_builtin = true\nrules = [\"rules/\"]\n") },
			want: "verify needs an allowed_signers file"},
		{name: "missing allowed signers file", args: []string{"verify", "--allowed-signers", "nope"},
			want: "allowed signers: nope: no such file or directory"},
		{name: "malformed allowed signers", args: []string{"verify", "--allowed-signers", "bad"},
			prep: func() { sr.write("bad", "alice@example.org ssh-ed25519 !!!\n") }, want: "bad:1: invalid base64 key"},
		{name: "missing revoked keys file", args: []string{"verify", "--revoked-keys", "nope"},
			want: "revoked keys: nope: no such file or directory"},
		{name: "unknown format", args: []string{"verify", "--format", "xml"}, want: `--format must be one of`},
		{name: "standard input", args: []string{"verify", "-"}, want: "standard input has no sign-off record"},
		{name: "missing file", args: []string{"verify", "stories/a.md", "stories/none.md"}, want: "stories/none.md: no such file or directory\n1 file could not be checked; this is not a pass\n"},
		{name: "bad ref", args: []string{"verify", "--changed-since", "no-such-ref"}, want: "--changed-since no-such-ref: git merge-base"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.prep != nil {
				tc.prep()
			}
			res := runCLI(t, nil, tc.args...)
			if res.code != ExitError {
				t.Fatalf("want exit 2:\n%s", res)
			}
			mustContain(t, "stderr", res.stderr, tc.want)
		})
	}
}

// TestVerifyFormats runs verify in each machine format over a repository
// with one failing file: valid SARIF, workflow commands and a step
// summary, JSON with the reasons.
func TestVerifyFormats(t *testing.T) {
	sr := newSignedRepo(t)
	sr.write("stories/a.md", dirtyText)
	sr.signDirect(t, "stories/a.md", nil)
	sr.write("stories/b.md", cleanB+"changed\n")
	summary := filepath.Join(t.TempDir(), "summary.md")
	env := map[string]string{"CI": "true", "GITHUB_STEP_SUMMARY": summary}

	res := runCLI(t, env, "verify", "--format", "json")
	if res.code != 1 {
		t.Fatalf("json:\n%s", res)
	}
	var rep struct {
		Files []struct {
			Path     string
			Approved bool
			Problems []struct{ Reason string }
			Findings []struct{ Text string }
		}
	}
	if err := json.Unmarshal([]byte(res.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep.Files {
		for _, p := range f.Problems {
			got = append(got, f.Path+" "+p.Reason)
		}
	}
	if diff := cmp.Diff([]string{"stories/a.md dirty", "stories/b.md content-changed"}, got); diff != "" {
		t.Errorf("json problems (-want +got):\n%s", diff)
	}
	if len(rep.Files[0].Findings) != 1 || rep.Files[0].Findings[0].Text != "Z*** Q******" {
		t.Errorf("json findings %+v", rep.Files[0].Findings)
	}

	res = runCLI(t, env, "verify", "--format", "sarif")
	if res.code != 1 {
		t.Fatalf("sarif:\n%s", res)
	}
	log, err := sarif.FromBytes([]byte(res.stdout))
	if err != nil {
		t.Fatal(err)
	}
	if err := log.Validate(); err != nil {
		t.Fatalf("invalid SARIF: %v", err)
	}
	var ids []string
	for _, r := range log.Runs[0].Results {
		ids = append(ids, *r.RuleID)
	}
	if diff := cmp.Diff([]string{"local.person", "signoff/dirty", "signoff/content-changed"}, ids); diff != "" {
		t.Errorf("sarif rule ids (-want +got):\n%s", diff)
	}

	res = runCLI(t, env, "verify", "--format", "github")
	if res.code != 1 {
		t.Fatalf("github:\n%s", res)
	}
	mustContain(t, "annotations", res.stdout,
		"::error file=stories/a.md,title=redact verify (dirty)::",
		"::error file=stories/b.md,title=redact verify (content-changed)::",
		`::error file=stories/a.md,line=3,col=1,endLine=3,endColumn=13,title=name (local.person)::name: test person "Z*** Q******"`)
	sum, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "step summary", string(sum), "### redact verify", "| `stories/b.md` | **content-changed** |", "`Z*** Q******`")
	// Appended, never truncated: a second run adds a second summary.
	runCLI(t, env, "verify", "--format", "github")
	sum2, _ := os.ReadFile(summary)
	if !bytes.HasPrefix(sum2, sum) || bytes.Count(sum2, []byte("### redact verify")) != 2 {
		t.Errorf("the step summary was not appended to")
	}
	if bytes.Contains(sum2, []byte("Zara")) {
		t.Errorf("step summary shows the text")
	}
}

// TestVerifyPaths: given paths restrict the check; a directory also finds
// orphan records below it.
func TestVerifyPaths(t *testing.T) {
	sr := newSignedRepo(t)
	sr.write("other/c.md", cleanA)
	res := runCLI(t, nil, "verify", "stories")
	if res.code != 0 {
		t.Fatalf("verify stories:\n%s", res)
	}
	res = runCLI(t, nil, "verify")
	if res.code != 1 || !strings.Contains(res.stdout, "other/c.md: unsigned:") {
		t.Fatalf("verify all:\n%s", res)
	}
	if err := os.Remove(sr.path("stories/b.md")); err != nil {
		t.Fatal(err)
	}
	res = runCLI(t, nil, "verify", "stories")
	if res.code != 1 || !strings.Contains(res.stdout, "stories/b.md: orphan-record:") {
		t.Fatalf("verify after a deletion:\n%s", res)
	}
	// From a subdirectory, paths are still relative to the repository root.
	t.Chdir(sr.path("stories"))
	res = runCLI(t, nil, "verify", "a.md")
	if res.code != 0 || !strings.Contains(res.stdout, "stories/a.md: ok") {
		t.Fatalf("verify from a subdirectory:\n%s", res)
	}
}

// git runs git in dir with a fixed identity.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func TestVerifyChangedSince(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not on PATH")
	}
	sr := newSignedRepo(t)
	sr.write("stories/c.md", cleanA+"c\n")
	sr.write("stories/d.md", cleanA+"d\n")
	sr.write("stories/legacy.md", cleanA+"never signed\n")
	if res := runCLI(t, nil, "signoff", "stories/c.md", "stories/d.md", "--key", sr.alice.privFile); res.code != 0 {
		t.Fatal(res)
	}
	git(t, sr.dir, "init", "-q")
	git(t, sr.dir, "add", "-A")
	git(t, sr.dir, "commit", "-q", "-m", "base")
	git(t, sr.dir, "checkout", "-q", "-b", "pr")

	// Nothing changed: nothing to check, even the never-signed legacy file.
	res := runCLI(t, nil, "verify", "--changed-since", "main")
	if res.code != 0 || res.stdout != "" || !strings.Contains(res.stderr, "no content files to verify") {
		t.Fatalf("no change:\n%s", res)
	}

	sr.write("stories/new.md", cleanB+"new\n")            // added, unsigned
	git(t, sr.dir, "rm", "-q", "stories/b.md")            // deleted, record kept
	git(t, sr.dir, "mv", "stories/c.md", "stories/c2.md") // renamed, record not moved
	sr.editRecord("stories/d.md", func(s string) string { // record edited only
		return strings.Replace(s, `"tool": "redact`, `"tool": "REDACT`, 1)
	})
	sr.write("stories/a.md", cleanA+"edited\n") // modified and signed off again
	if res := runCLI(t, nil, "signoff", "stories/a.md", "--key", sr.alice.privFile); res.code != 0 {
		t.Fatal(res)
	}
	git(t, sr.dir, "add", "-A")
	git(t, sr.dir, "commit", "-q", "-m", "pr")

	res = runCLI(t, nil, "verify", "--changed-since", "main")
	want := []string{
		"stories/a.md: ok",
		"stories/b.md: orphan-record: the content file was deleted or renamed but its sign-off record remains; delete .redact/signoffs/stories/b.md.json",
		"stories/c.md: orphan-record:",
		"stories/c2.md: unsigned:",
		"stories/d.md: bad-signature:",
		"stories/new.md: unsigned:",
	}
	lines := strings.Split(strings.TrimSpace(res.stdout), "\n")
	if res.code != 1 || len(lines) != len(want) {
		t.Fatalf("want %d lines and exit 1:\n%s", len(want), res)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want prefix %q", i+1, lines[i], w)
		}
	}
	if strings.Contains(res.stdout, "legacy") {
		t.Errorf("an unchanged file was checked:\n%s", res)
	}

	// Fix it the documented way: remove orphan records, sign the renamed
	// and new files, restore the record. Then the gate passes.
	git(t, sr.dir, "rm", "-q", ".redact/signoffs/stories/b.md.json", ".redact/signoffs/stories/c.md.json")
	git(t, sr.dir, "checkout", "-q", "main", "--", ".redact/signoffs/stories/d.md.json")
	if res := runCLI(t, nil, "signoff", "stories/c2.md", "stories/new.md", "--key", sr.alice.privFile); res.code != 0 {
		t.Fatal(res)
	}
	res = runCLI(t, nil, "verify", "--changed-since", "main")
	if res.code != 0 {
		t.Fatalf("after the fixes:\n%s", res)
	}

	// Paths narrow the changed set.
	sr.write("stories/new.md", cleanB+"new, changed again\n")
	if res := runCLI(t, nil, "verify", "--changed-since", "main", "stories/a.md"); res.code != 0 {
		t.Fatalf("narrowed to a.md:\n%s", res)
	}

	// A change to the trust puts every sign-off in question.
	sr.write("stories/new.md", cleanB+"new\n")
	sr.allow(sr.alice.line("alice@example.org", `namespaces="redact-signoff"`), sr.bob.line("bob@example.org", ""))
	res = runCLI(t, nil, "verify", "--changed-since", "main")
	if res.code != 1 || !strings.Contains(res.stdout, "stories/legacy.md: unsigned:") ||
		!strings.Contains(res.stderr, ".redact/allowed_signers changed, so every content file is checked") {
		t.Fatalf("trust change:\n%s", res)
	}
}

func TestParseNameStatus(t *testing.T) {
	got, err := parseNameStatus("M\x00a.md\x00R087\x00old dir/b.md\x00new\tdir/b.md\x00D\x00c.md\x00A\x00d:e.md\x00")
	if err != nil {
		t.Fatal(err)
	}
	want := []change{{'M', "a.md", ""}, {'R', "new\tdir/b.md", "old dir/b.md"}, {'D', "c.md", ""}, {'A', "d:e.md", ""}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for _, bad := range []string{"R100\x00only-one\x00", "M\x00", "Q\x00x\x00", "\x00"} {
		if _, err := parseNameStatus(bad); err == nil {
			t.Errorf("parseNameStatus(%q) succeeded", bad)
		}
	}
	if cs, err := parseNameStatus(""); err != nil || len(cs) != 0 {
		t.Errorf("empty: %v %v", cs, err)
	}
}

func TestNewCmdVerify(t *testing.T) {
	tests := []struct {
		args    string
		want    VerifyOptions
		wantErr string
	}{
		{args: "", want: VerifyOptions{Paths: []string{}, Format: "text", Color: "auto", MaxAnnotations: 10, MaxFileSize: MaxFileSize}},
		{args: "--allowed-signers as --revoked-keys rk --changed-since origin/main -f sarif --mask --max-annotations 3 -q a.md docs",
			want: VerifyOptions{Paths: []string{"a.md", "docs"}, AllowedSigners: "as", RevokedKeys: "rk", ChangedSince: "origin/main",
				Format: "sarif", Color: "auto", Mask: true, MaskSet: true, Quiet: true, MaxAnnotations: 3, MaxFileSize: MaxFileSize}},
		{args: "-f xml", wantErr: `--format must be one of text, json, sarif, github; not "xml"`},
		{args: "--color sometimes", wantErr: `--color must be auto, always or never; not "sometimes"`},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			var got *VerifyOptions
			err := runCmd(t, newCmdVerify(NewFactory(ios), func(o *VerifyOptions) error { got = o; return nil }), tt.args)
			if wantFlagError(t, err, tt.wantErr) {
				return
			}
			if diff := cmp.Diff(&tt.want, got, cmpopts.IgnoreUnexported(VerifyOptions{})); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
