package main

import (
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"encoding/pem"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/crypto/ssh"
)

// The scripts make their SSH keys when they run, so that no private key
// is ever committed: secret scanners would rightly flag one in this
// repository, and a test key that protects nothing still looks like a
// leaked one.

// cmdSSHKey implements "sshkey ed25519|rsa FILE [COMMENT]": it writes an
// unencrypted OpenSSH private key to FILE (mode 0600) and its
// authorized_keys line to FILE.pub.
func cmdSSHKey(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! sshkey")
	}
	if len(args) < 2 || len(args) > 3 {
		ts.Fatalf("usage: sshkey ed25519|rsa FILE [COMMENT]")
	}
	var key crypto.Signer
	var err error
	switch args[0] {
	case "ed25519":
		_, key, err = ed25519.GenerateKey(rand.Reader)
	case "rsa":
		// 2048 bits: the smallest size OpenSSH accepts for signatures,
		// and quick enough to make in every run.
		key, err = rsa.GenerateKey(rand.Reader, 2048)
	default:
		ts.Fatalf("sshkey: unknown key type %q (want ed25519 or rsa)", args[0])
	}
	ts.Check(err)
	comment := ""
	if len(args) == 3 {
		comment = args[2]
	}
	block, err := ssh.MarshalPrivateKey(key, comment)
	ts.Check(err)
	pub, err := ssh.NewPublicKey(key.Public())
	ts.Check(err)
	line := ssh.MarshalAuthorizedKey(pub) // ends in a newline
	if comment != "" {
		line = append(line[:len(line)-1], []byte(" "+comment+"\n")...)
	}
	file := ts.MkAbs(args[1])
	ts.Check(os.MkdirAll(filepath.Dir(file), 0o755))
	ts.Check(os.WriteFile(file, pem.EncodeToMemory(block), 0o600))
	ts.Check(os.WriteFile(file+".pub", line, 0o644))
}

// keyRef is a placeholder for a public key in a script's file:
// @keys/alice.pub@ stands for the key line in keys/alice.pub, and
// @keys/alice.pub:fingerprint@ for its SHA256 fingerprint as OpenSSH
// prints it. The .pub suffix keeps e-mail addresses from matching.
var keyRef = regexp.MustCompile(`@([^@\s]+\.pub)(:fingerprint)?@`)

// cmdSubKeys implements "subkeys FILE...": it replaces each key
// placeholder in each FILE, with paths relative to the current directory.
func cmdSubKeys(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! subkeys")
	}
	if len(args) == 0 {
		ts.Fatalf("usage: subkeys FILE...")
	}
	for _, name := range args {
		file := ts.MkAbs(name)
		data, err := os.ReadFile(file)
		ts.Check(err)
		n := 0
		out := keyRef.ReplaceAllStringFunc(string(data), func(ref string) string {
			m := keyRef.FindStringSubmatch(ref)
			n++
			text := strings.TrimSpace(ts.ReadFile(m[1]))
			if m[2] == "" {
				return text
			}
			pub, _, _, _, err := ssh.ParseAuthorizedKey([]byte(text))
			if err != nil {
				ts.Fatalf("subkeys: %s: %v", m[1], err)
			}
			return ssh.FingerprintSHA256(pub)
		})
		if n == 0 {
			ts.Fatalf("subkeys: %s has no @FILE.pub@ placeholder", name)
		}
		info, err := os.Stat(file)
		ts.Check(err)
		ts.Check(os.WriteFile(file, []byte(out), info.Mode().Perm()))
	}
}
