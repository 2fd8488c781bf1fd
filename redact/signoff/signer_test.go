package signoff

import (
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/rescue-stories/redact/redact/signoff/agenttest"
)

func TestLoadSignerFile(t *testing.T) {
	dir := t.TempDir()
	ed := newEd25519(t)
	for name, key := range map[string]any{"ed25519": ed, "rsa": testRSAKey(t), "ecdsa": newECDSA(t)} {
		t.Run(name, func(t *testing.T) {
			p := writePrivateKey(t, dir, "id_"+name, key, "")
			s, err := LoadSignerFile(p)
			if err != nil {
				t.Fatal(err)
			}
			r := mustSign(t, unsignedRecord("a.md"), s)
			allowed := mustAllowed(t, allowedLine("alice@example.org", "", s.PublicKey()))
			if err := Verify("a.md", r, testContent, r.PacksDigest, allowed, nil, time.Time{}); err != nil {
				t.Fatal(err)
			}
		})
	}

	enc := writePrivateKey(t, dir, "id_encrypted", ed, "correct horse")
	_, err := LoadSignerFile(enc)
	if !errors.Is(err, ErrEncryptedKey) || !strings.Contains(err.Error(), "ssh-agent") {
		t.Errorf("encrypted key: %v", err)
	}

	pub := filepath.Join(dir, "id.pub")
	writeFile(t, pub, ssh.MarshalAuthorizedKey(signerOf(t, ed).PublicKey()))
	if _, err := LoadSignerFile(pub); err == nil || !strings.Contains(err.Error(), "public key") {
		t.Errorf("public key file: %v", err)
	}
	if k, err := LoadPublicKeyFile(pub); err != nil || string(k.Marshal()) != string(signerOf(t, ed).PublicKey().Marshal()) {
		t.Errorf("LoadPublicKeyFile: %v", err)
	}
	if _, err := LoadPublicKeyFile(enc); err == nil {
		t.Error("LoadPublicKeyFile accepted a private key")
	}

	small, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LoadSignerFile(writePrivateKey(t, dir, "id_small", small, "")); !errors.Is(err, ErrUnsupportedKey) {
		t.Errorf("RSA 1024: %v", err)
	}
	garbage := filepath.Join(dir, "garbage")
	writeFile(t, garbage, []byte("hello"))
	if _, err := LoadSignerFile(garbage); err == nil {
		t.Error("LoadSignerFile accepted garbage")
	}
	if _, err := LoadSignerFile(filepath.Join(dir, "missing")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

func TestSignRefusesCertificate(t *testing.T) {
	ed := newSigner(t)
	cert := &ssh.Certificate{Key: ed.PublicKey(), CertType: ssh.UserCert, ValidPrincipals: []string{"alice@example.org"}, ValidBefore: ssh.CertTimeInfinity}
	if err := cert.SignCert(rand.Reader, newSigner(t)); err != nil {
		t.Fatal(err)
	}
	cs, err := ssh.NewCertSigner(cert, ed)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Sign(unsignedRecord("a.md"), cs); !errors.Is(err, ErrUnsupportedKey) || !strings.Contains(err.Error(), "certificates are not supported") {
		t.Errorf("Sign with certificate: %v", err)
	}
}

func TestAgentSigner(t *testing.T) {
	ed, rk := newEd25519(t), testRSAKey(t)
	sock := agenttest.Serve(t, ed, rk)
	for name, key := range map[string]any{"ed25519": ed, "rsa": rk} {
		t.Run(name, func(t *testing.T) {
			want := signerOf(t, key).PublicKey()
			s, closer, err := AgentSigner(sock, want)
			if err != nil {
				t.Fatal(err)
			}
			defer closer.Close()
			r := mustSign(t, unsignedRecord("a.md"), s)
			if !strings.Contains(r.Signature, "BEGIN SSH SIGNATURE") {
				t.Fatalf("signature %q", r.Signature)
			}
			allowed := mustAllowed(t, allowedLine("alice@example.org", "", want))
			if err := Verify("a.md", r, testContent, r.PacksDigest, allowed, nil, time.Time{}); err != nil {
				t.Fatal(err)
			}
		})
	}

	absent := newSigner(t).PublicKey()
	if _, _, err := AgentSigner(sock, absent); !errors.Is(err, ErrKeyNotInAgent) {
		t.Errorf("absent key: %v", err)
	}

	pub := filepath.Join(t.TempDir(), "id.pub")
	writeFile(t, pub, ssh.MarshalAuthorizedKey(signerOf(t, ed).PublicKey()))
	t.Setenv("SSH_AUTH_SOCK", sock)
	s, closer, err := LoadAgentSigner(pub)
	if err != nil {
		t.Fatal(err)
	}
	closer.Close()
	if string(s.PublicKey().Marshal()) != string(signerOf(t, ed).PublicKey().Marshal()) {
		t.Error("LoadAgentSigner chose another key")
	}
	t.Setenv("SSH_AUTH_SOCK", "")
	if _, _, err := LoadAgentSigner(pub); !errors.Is(err, ErrNoAgent) {
		t.Errorf("no agent: %v", err)
	}
	t.Setenv("SSH_AUTH_SOCK", filepath.Join(t.TempDir(), "nothing"))
	if _, _, err := LoadAgentSigner(pub); err == nil {
		t.Error("LoadAgentSigner with a dead socket succeeded")
	}
}
