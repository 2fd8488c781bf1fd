package signoff

import (
	"bytes"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/hiddeco/sshsig"
	"golang.org/x/crypto/ssh"
)

// Reason says why a sign-off is not accepted. Each failure mode has its own
// Reason; String gives a stable identifier for machine-readable output.
type Reason int

// The reasons, in the order Verify checks for them (the first failing check
// is reported).
const (
	ReasonUnsigned            Reason = iota + 1 // no record, or a record without signature
	ReasonMalformed                             // the record file or a field is not valid
	ReasonBadSignature                          // not a valid SSHSIG over this record's payload in namespace redact-signoff
	ReasonUnsupportedKey                        // certificate, or key type/size not accepted
	ReasonRevoked                               // the signing key is in the revoked keys file
	ReasonSignerNotAllowed                      // key not in allowed_signers for the record's principal
	ReasonNamespaceNotAllowed                   // the matching allowed_signers line's namespaces= excludes redact-signoff
	ReasonNotYetValid                           // signed_at before the line's valid-after
	ReasonExpired                               // signed_at after the line's valid-before
	ReasonSignedInFuture                        // signed_at later than now (plus MaxClockSkew)
	ReasonPathMismatch                          // the record belongs to another file
	ReasonContentChanged                        // the content's sha256 differs from content_sha256
	ReasonPacksChanged                          // the rule packs differ from packs_digest: sign off again

	// The reasons below are found by the caller, which scans the content
	// and walks the content and the records; Verify never returns them.

	ReasonDirty                 // a fresh scan finds unsuppressed findings the sign-off did not accept
	ReasonUnapprovedSuppression // a finding is suppressed now that the sign-off did not accept
	ReasonOrphanRecord          // the content file is gone (deleted or renamed) but its record remains
	ReasonSymbolicLink          // a content path is a symbolic link the gate cannot vouch for: never followed, never verified
)

// LastReason is the highest Reason value, for tests that range over them.
const LastReason = ReasonSymbolicLink

// lastVerifyReason is the last Reason that Verify itself returns.
const lastVerifyReason = ReasonPacksChanged

var reasonNames = map[Reason]string{
	ReasonUnsigned:              "unsigned",
	ReasonMalformed:             "malformed",
	ReasonBadSignature:          "bad-signature",
	ReasonUnsupportedKey:        "unsupported-key",
	ReasonRevoked:               "revoked",
	ReasonSignerNotAllowed:      "signer-not-allowed",
	ReasonNamespaceNotAllowed:   "namespace-not-allowed",
	ReasonNotYetValid:           "not-yet-valid",
	ReasonExpired:               "expired",
	ReasonSignedInFuture:        "signed-in-future",
	ReasonPathMismatch:          "path-mismatch",
	ReasonContentChanged:        "content-changed",
	ReasonPacksChanged:          "packs-changed",
	ReasonDirty:                 "dirty",
	ReasonUnapprovedSuppression: "unapproved-suppression",
	ReasonOrphanRecord:          "orphan-record",
	ReasonSymbolicLink:          "symbolic-link",
}

var reasonText = map[Reason]string{
	ReasonUnsigned:              "not signed off",
	ReasonMalformed:             "sign-off record is malformed",
	ReasonBadSignature:          "sign-off signature is not valid for this record (edited after signing?)",
	ReasonUnsupportedKey:        "sign-off was made with an unsupported key",
	ReasonRevoked:               "sign-off was made with a revoked key",
	ReasonSignerNotAllowed:      "signer is not allowed",
	ReasonNamespaceNotAllowed:   "allowed_signers does not allow this key to sign " + Namespace,
	ReasonNotYetValid:           "sign-off predates the signer's valid-after",
	ReasonExpired:               "sign-off was made after the signer's valid-before",
	ReasonSignedInFuture:        "sign-off is dated in the future",
	ReasonPathMismatch:          "sign-off belongs to another file",
	ReasonContentChanged:        "content changed since it was signed off",
	ReasonPacksChanged:          "rule packs changed since it was signed off; a new sign-off is required",
	ReasonDirty:                 "a fresh scan finds findings the sign-off did not accept",
	ReasonUnapprovedSuppression: "findings are suppressed that the sign-off did not accept",
	ReasonOrphanRecord:          "the content file is gone but its sign-off record remains; delete the record",
	ReasonSymbolicLink:          "symbolic link that leaves the repository, does not resolve, or leads to content the gate does not check: its content cannot be verified",
}

// String returns the stable identifier of r, e.g. "content-changed".
func (r Reason) String() string {
	if s, ok := reasonNames[r]; ok {
		return s
	}
	return fmt.Sprintf("reason(%d)", int(r))
}

// MarshalText implements encoding.TextMarshaler with String.
func (r Reason) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// VerifyError is the error Verify returns: why the sign-off of Path is not
// accepted. Its message never contains content text; Detail holds hashes,
// key fingerprints, principals, times and allowed_signers line numbers.
type VerifyError struct {
	Path   string
	Reason Reason
	Detail string
}

func (e *VerifyError) Error() string {
	msg, ok := reasonText[e.Reason]
	if !ok {
		msg = "sign-off rejected (" + e.Reason.String() + ")"
	}
	s := msg
	if e.Path != "" {
		s = e.Path + ": " + msg
	}
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

// ReasonOf returns the Reason of a *VerifyError in err's chain.
func ReasonOf(err error) (Reason, bool) {
	var ve *VerifyError
	if errors.As(err, &ve) {
		return ve.Reason, true
	}
	return 0, false
}

// MaxClockSkew is how far signed_at may lie after the verifier's now.
const MaxClockSkew = 5 * time.Minute

// Verify checks that r is a valid sign-off of content at path (canonical,
// see CheckPath) under the current rule packs digest. It fails closed: any
// doubt is an error, always a *VerifyError whose Reason says which check
// failed. The checks, in order:
//
//  1. r has a signature (ReasonUnsigned) and well-formed fields (ReasonMalformed);
//  2. r.Signature is one armoured SSHSIG in namespace redact-signoff
//     over exactly r.Payload(), made by the key in r.PublicKey
//     (ReasonBadSignature); the key is a plain ed25519, ECDSA or RSA
//     (>= 2048 bits) key (ReasonUnsupportedKey);
//  3. the key is not in revoked (ReasonRevoked; a nil revoked list is empty);
//  4. a line of allowed lists the key for r.Principal (ReasonSignerNotAllowed;
//     a nil allowed accepts nobody), allows the namespace
//     (ReasonNamespaceNotAllowed) and covers r.SignedAt with valid-after
//     (ReasonNotYetValid) and valid-before (ReasonExpired);
//  5. r.SignedAt is not after now+MaxClockSkew (ReasonSignedInFuture; a zero
//     now means time.Now());
//  6. r.Path equals path (ReasonPathMismatch), the content hash matches
//     (ReasonContentChanged) and r.PacksDigest equals packsDigest
//     (ReasonPacksChanged).
//
// A change of the rule packs always requires a new sign-off: the record
// states what the reviewer saw, and findings new packs would raise were
// never reviewed.
//
// valid-after and valid-before are applied at r.SignedAt, which is covered
// by the signature and cannot be edited without breaking it (the signer
// chooses it, though: a key whose holder must lose the right to sign at
// once belongs in the revoked keys file, not behind valid-before).
func Verify(path string, r Record, content []byte, packsDigest string, allowed *AllowedSigners, revoked *RevokedKeys, now time.Time) error {
	return VerifyDigest(path, r, ContentDigest(content), packsDigest, allowed, revoked, now)
}

// VerifyDigest is Verify for content known by its ContentDigest: a caller
// that signs many files need not keep their bytes to check each record.
func VerifyDigest(path string, r Record, contentDigest string, packsDigest string, allowed *AllowedSigners, revoked *RevokedKeys, now time.Time) error {
	fail := func(reason Reason, format string, args ...any) error {
		return &VerifyError{Path: path, Reason: reason, Detail: fmt.Sprintf(format, args...)}
	}
	if now.IsZero() {
		now = time.Now()
	}
	if r.Signature == "" {
		return fail(ReasonUnsigned, "the record has no signature")
	}
	if err := r.validate(true); err != nil {
		return fail(ReasonMalformed, "%s", strings.TrimPrefix(err.Error(), ErrInvalidRecord.Error()+": "))
	}

	sig, err := unarmorStrict(r.Signature)
	if err != nil {
		return fail(ReasonBadSignature, "%v", err)
	}
	if sig.Namespace != Namespace {
		return fail(ReasonBadSignature, "signature namespace is %q, want %q", sig.Namespace, Namespace)
	}
	key := sig.PublicKey
	if err := checkKey(key); err != nil {
		return fail(ReasonUnsupportedKey, "%s", strings.TrimPrefix(err.Error(), ErrUnsupportedKey.Error()+": "))
	}
	if err := sshsig.Verify(bytes.NewReader(r.Payload()), sig, key, sig.HashAlgorithm, Namespace); err != nil {
		return fail(ReasonBadSignature, "signature does not match the record's payload")
	}
	recordKey, _, _, _, err := ssh.ParseAuthorizedKey([]byte(r.PublicKey))
	if err != nil || !bytes.Equal(recordKey.Marshal(), key.Marshal()) {
		return fail(ReasonBadSignature, "public_key does not name the key that made the signature")
	}
	fp := ssh.FingerprintSHA256(key)

	if line, ok := revoked.line(key); ok {
		return fail(ReasonRevoked, "key %s is revoked (%s:%d)", fp, revoked.File, line)
	}
	at := r.SignedAt.UTC().Truncate(time.Second)
	if reason, detail := allowed.check(r.Principal, key, Namespace, at); reason != 0 {
		return fail(reason, "%s", detail)
	}
	if at.After(now.Add(MaxClockSkew)) {
		return fail(ReasonSignedInFuture, "signed_at %s is after now (%s)", at.Format(TimeLayout), now.UTC().Format(TimeLayout))
	}

	if r.Path != path {
		return fail(ReasonPathMismatch, "record is for %q", r.Path)
	}
	if contentDigest != r.ContentSHA256 {
		return fail(ReasonContentChanged, "sha256 is %s, signed %s", contentDigest, r.ContentSHA256)
	}
	if packsDigest != r.PacksDigest {
		return fail(ReasonPacksChanged, "packs digest is %q, signed %q", packsDigest, r.PacksDigest)
	}
	return nil
}

// VerifyFile loads the record of contentPath under root (see RecordPath)
// and verifies it with Verify. A missing record is ReasonUnsigned and an
// unreadable or invalid one ReasonMalformed, both as *VerifyError; other
// I/O errors are returned as they are.
func VerifyFile(root, contentPath string, content []byte, packsDigest string, allowed *AllowedSigners, revoked *RevokedKeys, now time.Time) error {
	p, err := RecordPath(root, contentPath)
	if err != nil {
		return &VerifyError{Path: contentPath, Reason: ReasonMalformed, Detail: err.Error()}
	}
	r, err := Load(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &VerifyError{Path: contentPath, Reason: ReasonUnsigned, Detail: "no sign-off record " + p}
	case errors.Is(err, ErrInvalidRecord):
		return &VerifyError{Path: contentPath, Reason: ReasonMalformed, Detail: strings.Replace(err.Error(), ErrInvalidRecord.Error()+": ", "", 1)}
	case err != nil:
		return err
	}
	return Verify(contentPath, r, content, packsDigest, allowed, revoked, now)
}

// unarmorStrict parses an armoured SSH signature that must be the whole of
// s (surrounding whitespace aside), without PEM headers.
func unarmorStrict(s string) (*sshsig.Signature, error) {
	data := []byte(strings.TrimSpace(s))
	block, rest := pem.Decode(data)
	if block == nil || !bytes.HasPrefix(data, []byte("-----BEGIN ")) {
		return nil, errors.New("signature is not an armoured SSH signature")
	}
	if block.Type != sshsig.PEMType {
		return nil, fmt.Errorf("signature block is %q, want %q", block.Type, sshsig.PEMType)
	}
	if len(block.Headers) != 0 || len(bytes.TrimSpace(rest)) != 0 {
		return nil, errors.New("signature has extra text around the armoured block")
	}
	sig, err := sshsig.ParseSignature(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("signature cannot be parsed: %v", err)
	}
	return sig, nil
}
