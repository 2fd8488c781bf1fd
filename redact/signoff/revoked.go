package signoff

import (
	"bytes"
	"os"
	"strings"

	"golang.org/x/crypto/ssh"
)

// RevokedKeys is a list of public keys whose signatures are never accepted,
// read from a file with one key per line in authorized_keys form (the text
// form ssh-keygen -Y verify -r accepts; binary KRLs are not supported).
// A nil *RevokedKeys revokes nothing.
type RevokedKeys struct {
	File string
	keys map[string]int // key blob -> line
}

// LoadRevokedKeys reads and parses a revoked keys file.
func LoadRevokedKeys(path string) (*RevokedKeys, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseRevokedKeys(path, data)
}

// ParseRevokedKeys parses one public key per line ("keytype base64
// [comment]", options allowed as in authorized_keys); blank lines and lines
// starting with # are ignored. Any other line that is not a key is an error
// (a typo must not silently un-revoke a key); name is used in the
// *ParseError.
func ParseRevokedKeys(name string, data []byte) (*RevokedKeys, error) {
	if bytes.HasPrefix(data, []byte("SSHKRL\n\x00")) {
		return nil, &ParseError{File: name, Line: 1, Msg: "binary key revocation lists (KRL) are not supported; list revoked public keys one per line"}
	}
	rk := &RevokedKeys{File: name, keys: map[string]int{}}
	for i, line := range strings.Split(string(data), "\n") {
		t := strings.Trim(strings.TrimSuffix(line, "\r"), " \t")
		if t == "" || t[0] == '#' {
			continue
		}
		key, _, _, _, err := ssh.ParseAuthorizedKey([]byte(t))
		if err != nil {
			return nil, &ParseError{File: name, Line: i + 1, Msg: "not a public key: " + strings.TrimPrefix(err.Error(), "ssh: ")}
		}
		if c, ok := key.(*ssh.Certificate); ok {
			key = c.Key // revoking a certificate revokes its key
		}
		if _, dup := rk.keys[string(key.Marshal())]; !dup {
			rk.keys[string(key.Marshal())] = i + 1
		}
	}
	return rk, nil
}

// IsRevoked reports whether key is in the list.
func (rk *RevokedKeys) IsRevoked(key ssh.PublicKey) bool {
	_, ok := rk.line(key)
	return ok
}

func (rk *RevokedKeys) line(key ssh.PublicKey) (int, bool) {
	if rk == nil || key == nil {
		return 0, false
	}
	n, ok := rk.keys[string(key.Marshal())]
	return n, ok
}

// Len returns the number of revoked keys.
func (rk *RevokedKeys) Len() int {
	if rk == nil {
		return 0
	}
	return len(rk.keys)
}
