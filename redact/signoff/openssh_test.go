package signoff

import (
	"bytes"
	"crypto"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"
)

func sshKeygen(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("ssh-keygen")
	if err != nil {
		t.Skip("ssh-keygen not on PATH")
	}
	return p
}

// runKeygen runs ssh-keygen in dir with stdin and returns its standard
// output (followed by its standard error when it failed) and whether it
// exited 0.
func runKeygen(t *testing.T, bin, dir string, stdin []byte, args ...string) (string, bool) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("running ssh-keygen: %v", err)
		}
		return out.String() + errOut.String(), false
	}
	return out.String(), true
}

func interopKeys(t *testing.T) map[string]crypto.PrivateKey {
	return map[string]crypto.PrivateKey{"ed25519": newEd25519(t), "rsa": testRSAKey(t)}
}

// TestOpenSSHVerifiesSignoff checks the documented command:
//
//	ssh-keygen -Y verify -f allowed_signers -I <principal> -n redact-signoff -s sig -Overify-time=<signed_at> < payload
func TestOpenSSHVerifiesSignoff(t *testing.T) {
	bin := sshKeygen(t)
	for name, key := range interopKeys(t) {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			s := signerOf(t, key)
			r := mustSign(t, unsignedRecord("stories/a.md"), s)
			writeFile(t, filepath.Join(dir, "sig"), []byte(r.Signature))
			writeFile(t, filepath.Join(dir, "payload"), r.Payload())
			writeAllowed := func(options string) {
				writeFile(t, filepath.Join(dir, "allowed_signers"), []byte(allowedLine("alice@example.org", options, s.PublicKey())+"\n"))
			}
			verify := func(payload []byte, extra ...string) (string, bool) {
				args := append([]string{"-Y", "verify", "-f", "allowed_signers", "-I", r.Principal, "-n", "redact-signoff", "-s", "sig",
					"-Overify-time=" + r.OpenSSHVerifyTime()}, extra...)
				return runKeygen(t, bin, dir, payload, args...)
			}
			ours := func(options string) error {
				return Verify(r.Path, r, testContent, r.PacksDigest, mustAllowed(t, allowedLine("alice@example.org", options, s.PublicKey())), nil, time.Time{})
			}

			writeAllowed(`namespaces="redact-signoff"`)
			if out, ok := verify(r.Payload()); !ok {
				t.Fatalf("ssh-keygen rejected the sign-off:\n%s", out)
			}
			if out, ok := verify(bytes.Replace(r.Payload(), []byte("alice@"), []byte("mallory@"), 1)); ok {
				t.Errorf("ssh-keygen accepted an edited payload:\n%s", out)
			}
			if out, ok := runKeygen(t, bin, dir, r.Payload(), "-Y", "verify", "-f", "allowed_signers", "-I", r.Principal, "-n", "git", "-s", "sig"); ok {
				t.Errorf("ssh-keygen accepted the signature in namespace git:\n%s", out)
			}
			writeFile(t, filepath.Join(dir, "revoked_keys"), ssh.MarshalAuthorizedKey(s.PublicKey()))
			if out, ok := verify(r.Payload(), "-r", "revoked_keys"); ok {
				t.Errorf("ssh-keygen accepted a revoked key:\n%s", out)
			}

			// valid-before and namespaces agree with Verify at the signing time.
			for _, tc := range []struct {
				options string
				ok      bool
			}{
				{`valid-before="20250301093000Z"`, true}, // before now: needs -Overify-time
				{`valid-before="20250301092959Z"`, false},
				{`valid-after="20250301093001Z"`, false},
				{`namespaces="git,file"`, false},
				{`namespaces="redact-*"`, true},
			} {
				writeAllowed(tc.options)
				out, ok := verify(r.Payload())
				err := ours(tc.options)
				if ok != tc.ok || (err == nil) != tc.ok {
					t.Errorf("%s: ssh-keygen ok=%v, Verify=%v, want ok=%v\n%s", tc.options, ok, err, tc.ok, out)
				}
			}
		})
	}
}

// TestVerifyAcceptsOpenSSHSignature signs a payload with
// ssh-keygen -Y sign -f key -n redact-signoff and checks Verify accepts it.
func TestVerifyAcceptsOpenSSHSignature(t *testing.T) {
	bin := sshKeygen(t)
	for name, key := range interopKeys(t) {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			keyFile := writePrivateKey(t, dir, "id", key, "")
			pub := signerOf(t, key).PublicKey()
			r := unsignedRecord("stories/a.md")
			r.Version = Version
			r.PublicKey = authorizedKey(pub)
			sig, ok := runKeygen(t, bin, dir, r.Payload(), "-Y", "sign", "-f", keyFile, "-n", "redact-signoff")
			if !ok {
				t.Fatalf("ssh-keygen -Y sign failed:\n%s", sig)
			}
			if !strings.HasPrefix(sig, "-----BEGIN SSH SIGNATURE-----") {
				t.Fatalf("ssh-keygen output is not a signature:\n%s", sig)
			}
			r.Signature = sig
			allowed := mustAllowed(t, allowedLine("*@example.org", "", pub))
			if err := Verify(r.Path, r, testContent, r.PacksDigest, allowed, nil, time.Time{}); err != nil {
				t.Fatalf("Verify: %v", err)
			}
			// Through the store as well.
			root := t.TempDir()
			rp, _ := RecordPath(root, r.Path)
			if err := Save(rp, r); err != nil {
				t.Fatal(err)
			}
			if err := VerifyFile(root, r.Path, testContent, r.PacksDigest, allowed, nil, time.Time{}); err != nil {
				t.Fatalf("VerifyFile: %v", err)
			}

			// A signature in another namespace is rejected.
			other, ok := runKeygen(t, bin, dir, r.Payload(), "-Y", "sign", "-f", keyFile, "-n", "git")
			if !ok {
				t.Fatalf("ssh-keygen -Y sign -n git failed:\n%s", other)
			}
			r.Signature = other
			if got, _ := ReasonOf(Verify(r.Path, r, testContent, r.PacksDigest, allowed, nil, time.Time{})); got != ReasonBadSignature {
				t.Errorf("namespace git: reason %s, want %s", got, ReasonBadSignature)
			}
		})
	}
}
