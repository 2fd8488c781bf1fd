// Package agenttest serves an in-process ssh-agent for tests of signing
// through SSH_AUTH_SOCK (the signoff package's and the CLI's).
package agenttest

import (
	"net"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/crypto/ssh/agent"
)

// Serve starts an agent holding the private keys (crypto.PrivateKey
// values ssh/agent accepts) on a unix socket and returns the socket's
// path; it stops when the test ends.
func Serve(t testing.TB, keys ...any) string {
	t.Helper()
	keyring := agent.NewKeyring()
	for _, k := range keys {
		if err := keyring.Add(agent.AddedKey{PrivateKey: k}); err != nil {
			t.Fatal(err)
		}
	}
	// A short path: unix socket names are limited to about 100 bytes,
	// which a test's temporary directory can exceed.
	dir, err := os.MkdirTemp("", "agent")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	sock := filepath.Join(dir, "s")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				agent.ServeAgent(keyring, c)
			}()
		}
	}()
	return sock
}
