package cli

import (
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/crypto/ssh"

	"github.com/rescue-stories/redact/cmd/internal/iostreams"
)

// cliRun is one invocation of the CLI through Main, as a user would run it.
type cliRun struct {
	code           int
	stdout, stderr string
}

// runCLI runs Main in the current directory with the given environment
// (nothing else of the process environment is visible).
func runCLI(t *testing.T, env map[string]string, args ...string) cliRun {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.Getenv = func(k string) string { return env[k] }
	code := Main(args, ios)
	return cliRun{code: code, stdout: out.String(), stderr: errOut.String()}
}

func (r cliRun) String() string {
	return fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", r.code, r.stdout, r.stderr)
}

// testKey is a key pair generated for one test run; nothing is committed.
type testKey struct {
	name     string
	priv     crypto.PrivateKey
	signer   ssh.Signer
	privFile string // OpenSSH private key file
	pubFile  string // authorized_keys form
}

var (
	rsaOnce sync.Once
	rsaPriv *rsa.PrivateKey
)

// newTestKey generates an ed25519 or RSA (2048-bit, generated once per
// process: it is slow) key and writes both halves into dir.
func newTestKey(t *testing.T, dir, name, kind string) *testKey {
	t.Helper()
	var priv crypto.PrivateKey
	switch kind {
	case "ed25519":
		_, k, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		priv = k
	case "rsa":
		rsaOnce.Do(func() {
			k, err := rsa.GenerateKey(rand.Reader, 2048)
			if err != nil {
				panic(err)
			}
			rsaPriv = k
		})
		priv = rsaPriv
	default:
		t.Fatalf("unknown key kind %q", kind)
	}
	s, err := ssh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKey(priv, name+" (test only)")
	if err != nil {
		t.Fatal(err)
	}
	k := &testKey{name: name, priv: priv, signer: s,
		privFile: filepath.Join(dir, name), pubFile: filepath.Join(dir, name+".pub")}
	if err := os.WriteFile(k.privFile, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(k.pubFile, ssh.MarshalAuthorizedKey(s.PublicKey()), 0o644); err != nil {
		t.Fatal(err)
	}
	return k
}

// line returns the key's allowed_signers line.
func (k *testKey) line(principals, options string) string {
	if options != "" {
		options += " "
	}
	return principals + " " + options + strings.TrimSpace(string(ssh.MarshalAuthorizedKey(k.signer.PublicKey())))
}

// repo is a content repository in a temporary directory, which becomes
// the working directory.
type repo struct {
	t   *testing.T
	dir string
}

// newRepo writes files (slash paths) into a fresh directory, makes it the
// working directory and returns it. Unless files has one, a .redact.toml
// naming .redact/allowed_signers is written, so the directory is the
// repository root whether or not the temporary directory is inside a git
// work tree.
func newRepo(t *testing.T, files map[string]string) *repo {
	t.Helper()
	dir := t.TempDir()
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	if _, ok := files[".redact.toml"]; !ok {
		files[".redact.toml"] = "[signoff]\nallowed_signers = \".redact/allowed_signers\"\n"
	}
	r := &repo{t: t, dir: dir}
	for p, body := range files {
		r.write(p, body)
	}
	t.Chdir(dir)
	return r
}

func (r *repo) path(p string) string { return filepath.Join(r.dir, filepath.FromSlash(p)) }

func (r *repo) write(p, body string) {
	r.t.Helper()
	full := r.path(p)
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(body), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *repo) read(p string) string {
	r.t.Helper()
	data, err := os.ReadFile(r.path(p))
	if err != nil {
		r.t.Fatal(err)
	}
	return string(data)
}

func (r *repo) exists(p string) bool {
	_, err := os.Stat(r.path(p))
	return err == nil
}

// allow writes .redact/allowed_signers with the given lines.
func (r *repo) allow(lines ...string) {
	r.write(".redact/allowed_signers", strings.Join(lines, "\n")+"\n")
}

// mustContain fails unless s contains every want.
func mustContain(t *testing.T, what, s string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, s)
		}
	}
}
