package signoff

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/rsa"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/hiddeco/sshsig"
	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
)

// MinRSABits is the smallest RSA modulus accepted for signing and verifying.
const MinRSABits = 2048

var (
	// ErrUnsupportedKey is wrapped by errors about keys that cannot sign
	// sign-offs: certificates, and types other than ed25519, ECDSA and RSA
	// of at least MinRSABits.
	ErrUnsupportedKey = errors.New("unsupported key")
	// ErrEncryptedKey is wrapped when a private key file is passphrase
	// protected. Such keys are used through ssh-agent (ssh-add, then
	// LoadAgentSigner).
	ErrEncryptedKey = errors.New("private key is encrypted")
	// ErrNoAgent is wrapped when SSH_AUTH_SOCK is unset.
	ErrNoAgent = errors.New("no ssh-agent: SSH_AUTH_SOCK is not set")
	// ErrKeyNotInAgent is wrapped when the agent does not hold the wanted key.
	ErrKeyNotInAgent = errors.New("key is not in ssh-agent")
)

// checkKey accepts plain ed25519, ECDSA (nistp256/384/521) and RSA keys of
// at least MinRSABits.
func checkKey(key ssh.PublicKey) error {
	if key == nil {
		return fmt.Errorf("%w: no key", ErrUnsupportedKey)
	}
	// Normalise (an agent key is an *agent.Key) to a parsed public key.
	k, err := ssh.ParsePublicKey(key.Marshal())
	if err != nil {
		return fmt.Errorf("%w: %v", ErrUnsupportedKey, err)
	}
	if _, ok := k.(*ssh.Certificate); ok {
		return fmt.Errorf("%w: SSH certificates are not supported; sign with a plain key listed in allowed_signers", ErrUnsupportedKey)
	}
	switch k.Type() {
	case ssh.KeyAlgoED25519:
		return nil
	case ssh.KeyAlgoECDSA256, ssh.KeyAlgoECDSA384, ssh.KeyAlgoECDSA521:
		if _, ok := k.(ssh.CryptoPublicKey).CryptoPublicKey().(*ecdsa.PublicKey); ok {
			return nil
		}
	case ssh.KeyAlgoRSA:
		if pub, ok := k.(ssh.CryptoPublicKey).CryptoPublicKey().(*rsa.PublicKey); ok {
			if bits := pub.N.BitLen(); bits < MinRSABits {
				return fmt.Errorf("%w: RSA key of %d bits (want at least %d)", ErrUnsupportedKey, bits, MinRSABits)
			}
			return nil
		}
	}
	return fmt.Errorf("%w: key type %s (want ssh-ed25519, ecdsa-sha2-* or ssh-rsa)", ErrUnsupportedKey, k.Type())
}

// Sign returns r signed by signer. It sets Version, PublicKey (from the
// signer) and Signature, fills SignedAt with the current time if it is zero
// and rounds it to whole seconds in UTC, and sorts Suppressions by rule and
// fingerprint. The caller sets Path, ContentSHA256 (ContentDigest),
// PacksDigest, Suppressions, Principal and Tool.
//
// The signature is an SSHSIG (the format of ssh-keygen -Y sign) over
// r.Payload() with namespace redact-signoff and hash sha512; RSA keys sign
// with rsa-sha2-512. Sign does not check allowed_signers: call Verify on the
// result to tell the reviewer whether the sign-off will be accepted.
func Sign(r Record, signer ssh.Signer) (Record, error) {
	if signer == nil {
		return Record{}, errors.New("signoff: no signer")
	}
	pub := signer.PublicKey()
	if err := checkKey(pub); err != nil {
		return Record{}, err
	}
	r.Version = Version
	r.PublicKey = authorizedKey(pub)
	r.Signature = ""
	if r.SignedAt.IsZero() {
		r.SignedAt = time.Now()
	}
	r.SignedAt = r.SignedAt.UTC().Truncate(time.Second)
	r.Suppressions = slices.Clone(r.Suppressions)
	slices.SortStableFunc(r.Suppressions, func(a, b Suppression) int {
		if c := strings.Compare(a.Rule, b.Rule); c != 0 {
			return c
		}
		return strings.Compare(a.Fingerprint, b.Fingerprint)
	})
	if err := r.validate(false); err != nil {
		return Record{}, err
	}
	payload := r.Payload()
	sig, err := sshsig.Sign(bytes.NewReader(payload), signer, sshsig.HashSHA512, Namespace)
	if err != nil {
		return Record{}, fmt.Errorf("signoff: signing failed: %w", err)
	}
	// Check what the signer produced (an agent could answer with another key).
	if err := sshsig.Verify(bytes.NewReader(payload), sig, pub, sshsig.HashSHA512, Namespace); err != nil {
		return Record{}, fmt.Errorf("signoff: the signer produced an invalid signature: %w", err)
	}
	r.Signature = string(sshsig.Armor(sig))
	return r, nil
}

// LoadSignerFile reads an unencrypted private key (OpenSSH format; PKCS#1,
// PKCS#8 and SEC 1 PEM also work). An encrypted key yields an error
// wrapping ErrEncryptedKey that tells to use ssh-agent.
func LoadSignerFile(path string) (ssh.Signer, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	signer, err := ssh.ParsePrivateKey(data)
	if err != nil {
		var pm *ssh.PassphraseMissingError
		if errors.As(err, &pm) {
			return nil, fmt.Errorf("%s: %w; add it to ssh-agent (ssh-add %s) and sign with the agent using its public key file", path, ErrEncryptedKey, path)
		}
		if _, _, _, _, perr := ssh.ParseAuthorizedKey(data); perr == nil {
			return nil, fmt.Errorf("%s is a public key; give the private key file, or use ssh-agent with this public key", path)
		}
		return nil, fmt.Errorf("%s: not a private key: %v", path, strings.TrimPrefix(err.Error(), "ssh: "))
	}
	if err := checkKey(signer.PublicKey()); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return signer, nil
}

// LoadPublicKeyFile reads a public key in authorized_keys form (such as
// id_ed25519.pub).
func LoadPublicKeyFile(path string) (ssh.PublicKey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	key, _, _, _, err := ssh.ParseAuthorizedKey(data)
	if err != nil {
		return nil, fmt.Errorf("%s: not a public key: %v", path, strings.TrimPrefix(err.Error(), "ssh: "))
	}
	return key, nil
}

// AgentSigner connects to the ssh-agent at socket and returns the signer for
// the agent key equal to want. Close the returned io.Closer after signing.
func AgentSigner(socket string, want ssh.PublicKey) (ssh.Signer, io.Closer, error) {
	if err := checkKey(want); err != nil {
		return nil, nil, err
	}
	conn, err := net.Dial("unix", socket)
	if err != nil {
		return nil, nil, fmt.Errorf("connecting to ssh-agent: %w", err)
	}
	signers, err := agent.NewClient(conn).Signers()
	if err != nil {
		conn.Close()
		return nil, nil, fmt.Errorf("listing ssh-agent keys: %w", err)
	}
	blob := want.Marshal()
	for _, s := range signers {
		if bytes.Equal(s.PublicKey().Marshal(), blob) {
			return s, conn, nil
		}
	}
	conn.Close()
	return nil, nil, fmt.Errorf("%w: %s (add it with ssh-add)", ErrKeyNotInAgent, ssh.FingerprintSHA256(want))
}

// AgentSigners connects to the ssh-agent at socket and returns its keys
// that can sign sign-offs (see checkKey), in the agent's order. Close the
// returned io.Closer after signing.
func AgentSigners(socket string) ([]ssh.Signer, io.Closer, error) {
	conn, err := net.Dial("unix", socket)
	if err != nil {
		return nil, nil, fmt.Errorf("connecting to ssh-agent: %w", err)
	}
	signers, err := agent.NewClient(conn).Signers()
	if err != nil {
		conn.Close()
		return nil, nil, fmt.Errorf("listing ssh-agent keys: %w", err)
	}
	var out []ssh.Signer
	for _, s := range signers {
		if checkKey(s.PublicKey()) == nil {
			out = append(out, s)
		}
	}
	return out, conn, nil
}

// LoadAgentSigner returns the signer of the ssh-agent named by SSH_AUTH_SOCK
// for the public key in publicKeyFile. Close the returned io.Closer after
// signing.
func LoadAgentSigner(publicKeyFile string) (ssh.Signer, io.Closer, error) {
	socket := os.Getenv("SSH_AUTH_SOCK")
	if socket == "" {
		return nil, nil, ErrNoAgent
	}
	want, err := LoadPublicKeyFile(publicKeyFile)
	if err != nil {
		return nil, nil, err
	}
	return AgentSigner(socket, want)
}
