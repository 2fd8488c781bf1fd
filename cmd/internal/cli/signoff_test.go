package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/rescue-stories/redact/cmd/internal/iostreams"
	"github.com/rescue-stories/redact/redact/signoff"
	"github.com/rescue-stories/redact/redact/signoff/agenttest"
)

func TestNewCmdSignoff(t *testing.T) {
	tests := []struct {
		args    string
		want    SignoffOptions
		wantErr string
	}{
		{args: "a.md", want: SignoffOptions{Paths: []string{"a.md"}, Color: "auto", MaxFileSize: MaxFileSize}},
		{args: "-k id --principal p@x --allowed-signers as --revoked-keys rk --mask -q --color never a.md dir",
			want: SignoffOptions{Paths: []string{"a.md", "dir"}, Key: "id", Principal: "p@x", AllowedSigners: "as", RevokedKeys: "rk",
				Mask: true, MaskSet: true, Quiet: true, Color: "never", MaxFileSize: MaxFileSize}},
		{args: "", wantErr: "requires at least 1 arg(s), only received 0"},
		{args: "-", wantErr: "signoff needs files: standard input has no path to bind the sign-off to"},
		{args: "--color x a.md", wantErr: `--color must be auto, always or never; not "x"`},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			var got *SignoffOptions
			err := runCmd(t, newCmdSignoff(NewFactory(ios), func(o *SignoffOptions) error { got = o; return nil }), tt.args)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(&tt.want, got, cmpopts.IgnoreUnexported(SignoffOptions{})); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestSignoffRecord checks what a sign-off binds.
func TestSignoffRecord(t *testing.T) {
	r := newRepo(t, map[string]string{
		".redact.toml":     localConfig,
		"rules/local.yaml": localPack,
		"stories/a.md":     "# Story\n\nZara Quillon lives at Harbour House.\n<!-- redact:allow \"Zara Quillon\" reason=\"pseudonym; Zara Quillon agreed\" -->\n",
	})
	key := newTestKey(t, t.TempDir(), "alice", "ed25519")
	r.allow(key.line("alice@example.org", ""))
	res := runCLI(t, nil, "signoff", "stories/a.md", "--key", key.privFile)
	if res.code != 0 {
		t.Fatal(res)
	}
	if res.stdout != "" {
		t.Errorf("signoff printed results: %q", res.stdout)
	}
	mustContain(t, "stderr", res.stderr, "signed off stories/a.md as alice@example.org: .redact/signoffs/stories/a.md.json")

	data := r.read(".redact/signoffs/stories/a.md.json")
	rec, err := signoff.ParseRecord([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	set, err := NewFactory(iostreams.System()).Rules()
	if err != nil {
		t.Fatal(err)
	}
	want := signoff.Record{
		Version: 1, Path: "stories/a.md", ContentSHA256: signoff.ContentDigest([]byte(r.read("stories/a.md"))),
		PacksDigest: set.Digest(),
		Suppressions: []signoff.Suppression{
			{Fingerprint: signoff.Fingerprint("local.person", "zara quillon"), Rule: "local.person", Category: "name",
				Reason: "inline allow: pseudonym; Z*** Q****** agreed"},
			{Fingerprint: signoff.Fingerprint("local.shelter", "harbour house"), Rule: "local.shelter", Category: "operational",
				Reason: "review finding accepted at sign-off"},
		},
		Principal: "alice@example.org", Tool: "redact dev",
	}
	if diff := cmp.Diff(want, rec, cmpopts.IgnoreFields(signoff.Record{}, "SignedAt", "PublicKey", "Signature")); diff != "" {
		t.Errorf("record (-want +got):\n%s", diff)
	}
	if time.Since(rec.SignedAt) > time.Minute || rec.SignedAt.After(time.Now()) {
		t.Errorf("signed_at %v is not now", rec.SignedAt)
	}
	for _, secret := range []string{"Zara", "Quillon", "Harbour"} {
		if strings.Contains(data, secret) {
			t.Errorf("the record contains %q:\n%s", secret, data)
		}
	}
	if res := runCLI(t, nil, "verify"); res.code != 0 {
		t.Fatalf("verify of a fresh sign-off:\n%s", res)
	}
	// Signing again replaces the record and still verifies.
	if res := runCLI(t, nil, "signoff", "stories", "--key", key.privFile, "-q"); res.code != 0 || res.stderr != "" {
		t.Fatalf("second signoff:\n%s", res)
	}
	if res := runCLI(t, nil, "verify"); res.code != 0 {
		t.Fatalf("verify after signing again:\n%s", res)
	}
}

// TestSignoffRefusesBlockingFindings: nothing is signed while a blocking
// finding is unsuppressed, and the refusal is masked in CI.
func TestSignoffRefusesBlockingFindings(t *testing.T) {
	r := newRepo(t, map[string]string{
		".redact.toml":     localConfig,
		"rules/local.yaml": localPack,
		"stories/a.md":     cleanA,
		"stories/b.md":     dirtyText,
	})
	key := newTestKey(t, t.TempDir(), "alice", "ed25519")
	r.allow(key.line("alice@example.org", ""))
	for _, env := range []map[string]string{nil, {"CI": "true"}} {
		res := runCLI(t, env, "signoff", "stories", "--key", key.privFile)
		if res.code != ExitFindings {
			t.Fatalf("want exit 1:\n%s", res)
		}
		mustContain(t, "stderr", res.stderr, "refusing to sign off: 1 finding of blocking severity remains", "nothing was signed")
		text := `"Zara Quillon"`
		if env != nil {
			text = `"Z*** Q******"`
			if strings.Contains(res.stdout+res.stderr, "Zara") {
				t.Errorf("CI output shows the text:\n%s", res)
			}
		}
		mustContain(t, "stdout", res.stdout, "stories/b.md:3:1: name local.person test person "+text)
		if r.exists(".redact/signoffs") {
			t.Fatal("a record was written for a refused batch")
		}
	}
	// --mask without CI masks too.
	res := runCLI(t, nil, "signoff", "stories/b.md", "--key", key.privFile, "--mask")
	if strings.Contains(res.stdout+res.stderr, "Zara") {
		t.Errorf("--mask output shows the text:\n%s", res)
	}
}

// TestSignoffKeys covers the ways to name a key and a principal, and the
// refusals when verify would reject the result.
func TestSignoffKeys(t *testing.T) {
	r := newRepo(t, map[string]string{
		".redact.toml":     localConfig,
		"rules/local.yaml": localPack,
		"stories/a.md":     cleanA,
	})
	keys := t.TempDir()
	ed := newTestKey(t, keys, "ed", "ed25519")
	rsaKey := newTestKey(t, keys, "rsa", "rsa")
	other := newTestKey(t, keys, "other", "ed25519")
	r.allow(ed.line("alice@example.org", ""), rsaKey.line("bob@example.org,robert@example.org", ""), other.line("*@example.org", ""))

	signedBy := func(t *testing.T) signoff.Record {
		t.Helper()
		rec, err := signoff.Load(r.path(".redact/signoffs/stories/a.md.json"))
		if err != nil {
			t.Fatal(err)
		}
		return rec
	}

	t.Run("ed25519 file, principal from allowed_signers", func(t *testing.T) {
		if res := runCLI(t, nil, "signoff", "stories/a.md", "--key", ed.privFile); res.code != 0 {
			t.Fatal(res)
		}
		if p := signedBy(t).Principal; p != "alice@example.org" {
			t.Errorf("principal %q", p)
		}
	})
	t.Run("rsa file, several principals", func(t *testing.T) {
		res := runCLI(t, nil, "signoff", "stories/a.md", "--key", rsaKey.privFile)
		if res.code != ExitError || !strings.Contains(res.stderr, "--principal is required: .redact/allowed_signers lists several principals for key") {
			t.Fatalf("want a usage error:\n%s", res)
		}
		if res := runCLI(t, nil, "signoff", "stories/a.md", "--key", rsaKey.privFile, "--principal", "robert@example.org"); res.code != 0 {
			t.Fatal(res)
		}
		rec := signedBy(t)
		if rec.Principal != "robert@example.org" || !strings.HasPrefix(rec.PublicKey, "ssh-rsa ") {
			t.Errorf("principal %q, key %q", rec.Principal, rec.PublicKey)
		}
		if res := runCLI(t, nil, "verify"); res.code != 0 {
			t.Fatal(res)
		}
	})
	t.Run("wildcard principal needs --principal", func(t *testing.T) {
		res := runCLI(t, nil, "signoff", "stories/a.md", "--key", other.privFile)
		if res.code != ExitError || !strings.Contains(res.stderr, "lists no principal for key") {
			t.Fatalf("want a usage error:\n%s", res)
		}
		if res := runCLI(t, nil, "signoff", "stories/a.md", "--key", other.privFile, "--principal", "carol@example.org"); res.code != 0 {
			t.Fatal(res)
		}
	})
	t.Run("refused when verify would reject", func(t *testing.T) {
		before := r.read(".redact/signoffs/stories/a.md.json")
		res := runCLI(t, nil, "signoff", "stories/a.md", "--key", ed.privFile, "--principal", "mallory@example.org")
		if res.code != ExitFindings || !strings.Contains(res.stderr, "refusing to sign off: verify would reject it (signer-not-allowed)") {
			t.Fatalf("want a refusal:\n%s", res)
		}
		r.write("revoked", mustRead(t, ed.pubFile))
		res = runCLI(t, nil, "signoff", "stories/a.md", "--key", ed.privFile, "--revoked-keys", "revoked")
		if res.code != ExitFindings || !strings.Contains(res.stderr, "(revoked)") {
			t.Fatalf("want a refusal:\n%s", res)
		}
		if r.read(".redact/signoffs/stories/a.md.json") != before {
			t.Error("a refused sign-off replaced the record")
		}
	})
	t.Run("no allowed_signers: principal required, record written with a note", func(t *testing.T) {
		r.write("plain.toml", "no_builtin = true\nrules = [\"rules/\"]\n")
		res := runCLI(t, nil, "--config", "plain.toml", "signoff", "stories/a.md", "--key", ed.privFile)
		if res.code != ExitError || !strings.Contains(res.stderr, "--principal is required: no allowed_signers file") {
			t.Fatalf("want a usage error:\n%s", res)
		}
		res = runCLI(t, nil, "--config", "plain.toml", "signoff", "stories/a.md", "--key", ed.privFile, "--principal", "alice@example.org")
		if res.code != 0 || !strings.Contains(res.stderr, "note: no allowed_signers file configured") {
			t.Fatalf("signoff without allowed_signers:\n%s", res)
		}
	})
	t.Run("ssh-agent", func(t *testing.T) {
		sock := agenttest.Serve(t, ed.priv, rsaKey.priv)
		env := map[string]string{"SSH_AUTH_SOCK": sock}
		// A public key file selects the agent key.
		if res := runCLI(t, env, "signoff", "stories/a.md", "--key", rsaKey.pubFile, "--principal", "bob@example.org"); res.code != 0 {
			t.Fatal(res)
		}
		if k := signedBy(t).PublicKey; !strings.HasPrefix(k, "ssh-rsa ") {
			t.Errorf("signed with %q", k)
		}
		// Without --key, two agent keys are listed in allowed_signers.
		res := runCLI(t, env, "signoff", "stories/a.md")
		if res.code != ExitError || !strings.Contains(res.stderr, "ssh-agent holds 2 keys that could sign") {
			t.Fatalf("want a usage error:\n%s", res)
		}
		// With one listed, it is chosen.
		r.allow(ed.line("alice@example.org", ""))
		if res := runCLI(t, env, "signoff", "stories/a.md"); res.code != 0 {
			t.Fatal(res)
		}
		if p := signedBy(t).Principal; p != "alice@example.org" {
			t.Errorf("principal %q", p)
		}
		// The public key of a key the agent does not hold.
		res = runCLI(t, env, "signoff", "stories/a.md", "--key", other.pubFile)
		if res.code != ExitError || !strings.Contains(res.stderr, "key is not in ssh-agent") {
			t.Fatalf("want an error:\n%s", res)
		}
	})
	t.Run("no key and no agent", func(t *testing.T) {
		res := runCLI(t, nil, "signoff", "stories/a.md")
		if res.code != ExitError || !strings.Contains(res.stderr, "--key is required") {
			t.Fatalf("want a usage error:\n%s", res)
		}
		res = runCLI(t, nil, "signoff", "stories/a.md", "--key", ed.pubFile)
		if res.code != ExitError || !strings.Contains(res.stderr, "is a public key, and ssh-agent is not running") {
			t.Fatalf("want an error:\n%s", res)
		}
		res = runCLI(t, nil, "signoff", "stories/a.md", "--key", "missing")
		if res.code != ExitError || !strings.Contains(res.stderr, "key missing: no such file or directory") {
			t.Fatalf("want an error:\n%s", res)
		}
	})
}

func mustRead(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestSignoffVerifiesWithSSHKeygen: a record written by `redact signoff`
// passes stock OpenSSH with the command docs/signoff.md gives, for
// ed25519 and RSA keys; an edited payload does not.
func TestSignoffVerifiesWithSSHKeygen(t *testing.T) {
	bin, err := exec.LookPath("ssh-keygen")
	if err != nil {
		t.Skip("ssh-keygen not on PATH (apt-get install openssh-client)")
	}
	for _, kind := range []string{"ed25519", "rsa"} {
		t.Run(kind, func(t *testing.T) {
			r := newRepo(t, map[string]string{".redact.toml": localConfig, "rules/local.yaml": localPack, "stories/a.md": reviewText})
			key := newTestKey(t, t.TempDir(), "reviewer", kind)
			r.allow(key.line("alice@example.org", `namespaces="redact-signoff",valid-after="20200101"`))
			if res := runCLI(t, nil, "signoff", "stories/a.md", "--key", key.privFile); res.code != 0 {
				t.Fatal(res)
			}
			payload := runCLI(t, nil, "signoff", "payload", "stories/a.md")
			sig := runCLI(t, nil, "signoff", "signature", ".redact/signoffs/stories/a.md.json")
			if payload.code != 0 || sig.code != 0 {
				t.Fatalf("payload/signature:\n%s\n%s", payload, sig)
			}
			r.write("sig", sig.stdout)
			rec, err := signoff.Load(r.path(".redact/signoffs/stories/a.md.json"))
			if err != nil {
				t.Fatal(err)
			}
			keygen := func(stdin string) (string, error) {
				cmd := exec.Command(bin, "-Y", "verify", "-f", ".redact/allowed_signers", "-I", "alice@example.org",
					"-n", "redact-signoff", "-s", "sig", "-Overify-time="+rec.OpenSSHVerifyTime())
				cmd.Dir = r.dir
				cmd.Stdin = strings.NewReader(stdin)
				out, err := cmd.CombinedOutput()
				return string(out), err
			}
			out, err := keygen(payload.stdout)
			if err != nil {
				t.Fatalf("ssh-keygen -Y verify rejected the sign-off: %v\n%s", err, out)
			}
			if !strings.Contains(out, `Good "redact-signoff" signature for alice@example.org`) {
				t.Errorf("ssh-keygen said:\n%s", out)
			}
			// The payload is the record without its signature, compact:
			// what jq -c 'del(.signature)' prints.
			var m map[string]any
			if err := json.Unmarshal([]byte(payload.stdout), &m); err != nil || m["signature"] != nil || strings.Count(payload.stdout, "\n") != 1 {
				t.Errorf("payload is not the compact record without signature: %q", payload.stdout)
			}
			if out, err := keygen(strings.Replace(payload.stdout, "alice@", "mallory@", 1)); err == nil {
				t.Errorf("ssh-keygen accepted an edited payload:\n%s", out)
			}
		})
	}
}

func TestSignoffShowErrors(t *testing.T) {
	newRepo(t, map[string]string{".redact.toml": localConfig, "rules/local.yaml": localPack, "stories/a.md": cleanA})
	res := runCLI(t, nil, "signoff", "payload", "stories/a.md")
	if res.code != ExitError || !strings.Contains(res.stderr, "stories/a.md has no sign-off record (.redact/signoffs/stories/a.md.json)") {
		t.Fatalf("want an error:\n%s", res)
	}
	res = runCLI(t, nil, "signoff", "payload", filepath.Join("..", "outside.md"))
	if res.code != ExitError || !strings.Contains(res.stderr, "is outside the repository root") {
		t.Fatalf("want an error:\n%s", res)
	}
}

func TestScrubReason(t *testing.T) {
	for _, tc := range []struct{ reason, text, want string }{
		{"pseudonym agreed", "Ana", "pseudonym agreed"},
		{"Ana agreed; ana is fine", "Ana", "A** agreed; a** is fine"},
		{"line\nbreak\u202eand\ttab", "x", "line break and tab"},
		{"Zoë Quillon said yes", "zoë quillon", "Z** Q****** said yes"},
		{"", "Ana", ""},
	} {
		if got := scrubReason(tc.reason, tc.text); got != tc.want {
			t.Errorf("scrubReason(%q, %q) = %q, want %q", tc.reason, tc.text, got, tc.want)
		}
	}
}
