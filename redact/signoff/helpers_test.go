package signoff

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hiddeco/sshsig"
	"golang.org/x/crypto/ssh"
)

// secret is sensitive text that appears in test content; no error message
// may contain it.
const secret = "Maria Zqxlopez"

var testContent = []byte("# Story\n\n" + secret + " was found at the old mill.\n")

var signedAt = time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)

var (
	keysOnce sync.Once
	rsaKey   *rsa.PrivateKey
)

func testRSAKey(t testing.TB) *rsa.PrivateKey {
	t.Helper()
	keysOnce.Do(func() {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			panic(err)
		}
		rsaKey = k
	})
	return rsaKey
}

func newEd25519(t testing.TB) ed25519.PrivateKey {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return priv
}

func newECDSA(t testing.TB) *ecdsa.PrivateKey {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func signerOf(t testing.TB, key crypto.PrivateKey) ssh.Signer {
	t.Helper()
	s, err := ssh.NewSignerFromKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func newSigner(t testing.TB) ssh.Signer { return signerOf(t, newEd25519(t)) }

// allowedLine returns an allowed_signers line for key.
func allowedLine(principals, options string, key ssh.PublicKey) string {
	if options != "" {
		options += " "
	}
	return principals + " " + options + authorizedKey(key)
}

func mustAllowed(t testing.TB, lines ...string) *AllowedSigners {
	t.Helper()
	a, err := ParseAllowedSigners("allowed_signers", []byte(strings.Join(lines, "\n")+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func mustRevoked(t testing.TB, keys ...ssh.PublicKey) *RevokedKeys {
	t.Helper()
	var b strings.Builder
	b.WriteString("# revoked\n")
	for _, k := range keys {
		b.Write(ssh.MarshalAuthorizedKey(k))
	}
	rk, err := ParseRevokedKeys("revoked_keys", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return rk
}

// unsignedRecord returns a record of testContent at path, ready to sign.
func unsignedRecord(path string) Record {
	return Record{
		Path:          path,
		ContentSHA256: ContentDigest(testContent),
		PacksDigest:   "packs-sha256:0123abcd",
		Suppressions: []Suppression{
			{Fingerprint: Fingerprint("pii.name", "maria zqxlopez"), Rule: "pii.name", Category: "identity", Reason: "pseudonym agreed with the survivor"},
			{Fingerprint: Fingerprint("geo.place", "old mill"), Rule: "geo.place", Category: "location", Reason: "no such place in the region"},
		},
		Principal: "alice@example.org",
		SignedAt:  signedAt,
		Tool:      "redact test",
	}
}

func mustSign(t testing.TB, r Record, s ssh.Signer) Record {
	t.Helper()
	r, err := Sign(r, s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// rawSign signs r's payload directly with sshsig, bypassing Sign's checks,
// with the given namespace. r.PublicKey is set to the signer's key unless
// it is already set.
func rawSign(t testing.TB, r Record, s ssh.Signer, namespace string) Record {
	t.Helper()
	r.Version = Version
	if r.PublicKey == "" {
		r.PublicKey = authorizedKey(s.PublicKey())
	}
	r.Signature = ""
	sig, err := sshsig.Sign(bytes.NewReader(r.Payload()), s, sshsig.HashSHA512, namespace)
	if err != nil {
		t.Fatal(err)
	}
	r.Signature = string(sshsig.Armor(sig))
	return r
}

// writePrivateKey writes key in OpenSSH format with mode 0600.
func writePrivateKey(t testing.TB, dir, name string, key crypto.PrivateKey, passphrase string) string {
	t.Helper()
	var (
		block *pem.Block
		err   error
	)
	if passphrase == "" {
		block, err = ssh.MarshalPrivateKey(key, "test key")
	} else {
		block, err = ssh.MarshalPrivateKeyWithPassphrase(key, "test key", []byte(passphrase))
	}
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func writeFile(t testing.TB, p string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func checkNoSecret(t testing.TB, err error) {
	t.Helper()
	if err != nil && strings.Contains(err.Error(), secret) {
		t.Errorf("error message leaks content text: %v", err)
	}
}

func fmtReason(r Reason, ok bool) string {
	if !ok {
		return "none"
	}
	return fmt.Sprint(r)
}
