package signoff

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/ssh"
)

// Version is the only record format version this package writes and accepts.
const Version = 1

// Namespace is the SSHSIG namespace of every sign-off signature (ssh-keygen -n).
const Namespace = "redact-signoff"

// TimeLayout is the layout of signed_at: RFC 3339, UTC, whole seconds.
const TimeLayout = "2006-01-02T15:04:05Z"

// ErrInvalidRecord is wrapped by every error about a record that is not
// well-formed: returned by Sign for bad input, and by Load and ParseRecord
// for a file that is not a valid record.
var ErrInvalidRecord = errors.New("invalid sign-off record")

// Record is the signed statement that one content file was reviewed and
// approved. It is stored as JSON under .redact/signoffs/ (see RecordPath).
//
// Every field except Signature is covered by the signature (see Payload).
// The record never holds sensitive text: suppressed findings are identified
// by a fingerprint only.
type Record struct {
	Version       int           // always 1 (Version)
	Path          string        // content path, slash-separated, relative to the repository root
	ContentSHA256 string        // lowercase hex sha256 of the content bytes
	PacksDigest   string        // digest of the rule packs in force, computed by the caller
	Suppressions  []Suppression // findings the reviewer accepted
	Principal     string        // reviewer identity as listed in allowed_signers, e.g. an email
	SignedAt      time.Time     // signing time; stored in UTC with whole seconds
	Tool          string        // tool version string, informational
	PublicKey     string        // signer key in authorized_keys form (set by Sign), informational
	Signature     string        // armoured SSHSIG block (set by Sign), not part of the payload
}

// Suppression records that the reviewer accepted one finding. The sensitive
// text itself is never stored: Fingerprint identifies it (see Fingerprint).
type Suppression struct {
	Fingerprint string `json:"fingerprint"` // lowercase hex sha256, see Fingerprint
	Rule        string `json:"rule"`        // rule id
	Category    string `json:"category"`    // rule category
	Reason      string `json:"reason"`      // why it is acceptable; must not quote the sensitive text
}

// Fingerprint returns the fingerprint of a finding: the lowercase hex
// sha256 of ruleID, a NUL byte, and the normalised matched text. The caller
// normalises the text (the same way the scanner does) before calling it.
//
// A bare hash of a short text such as a name can be guessed by trying
// candidates; it hides the text from casual readers of a pull request, not
// from someone who already suspects what it is.
func Fingerprint(ruleID, normalised string) string {
	h := sha256.New()
	h.Write([]byte(ruleID))
	h.Write([]byte{0})
	h.Write([]byte(normalised))
	return hex.EncodeToString(h.Sum(nil))
}

// ContentDigest returns the lowercase hex sha256 of content, the value of
// Record.ContentSHA256.
func ContentDigest(content []byte) string {
	sum := sha256.Sum256(content)
	return hex.EncodeToString(sum[:])
}

// wireRecord is the JSON form of a Record. Its field order is the key
// order of both the stored file and the signed payload.
type wireRecord struct {
	Version       int           `json:"version"`
	Path          string        `json:"path"`
	ContentSHA256 string        `json:"content_sha256"`
	PacksDigest   string        `json:"packs_digest"`
	Suppressions  []Suppression `json:"suppressions"`
	Principal     string        `json:"principal"`
	SignedAt      string        `json:"signed_at"`
	Tool          string        `json:"tool"`
	PublicKey     string        `json:"public_key"`
	Signature     string        `json:"signature,omitempty"`
}

var recordKeys = []string{"version", "path", "content_sha256", "packs_digest", "suppressions",
	"principal", "signed_at", "tool", "public_key", "signature"}

var suppressionKeys = []string{"fingerprint", "rule", "category", "reason"}

func (r Record) wire() wireRecord {
	sups := r.Suppressions
	if sups == nil {
		sups = []Suppression{}
	}
	return wireRecord{
		Version:       r.Version,
		Path:          r.Path,
		ContentSHA256: r.ContentSHA256,
		PacksDigest:   r.PacksDigest,
		Suppressions:  sups,
		Principal:     r.Principal,
		SignedAt:      r.SignedAt.UTC().Format(TimeLayout),
		Tool:          r.Tool,
		PublicKey:     r.PublicKey,
		Signature:     r.Signature,
	}
}

func encodeJSON(v any, indent bool) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		// Cannot happen for wireRecord (strings, ints, slices of structs).
		return nil
	}
	return buf.Bytes()
}

// Payload returns the exact bytes that are signed: the record as compact
// JSON without the signature key, keys in the fixed order version, path,
// content_sha256, packs_digest, suppressions, principal, signed_at, tool,
// public_key, followed by one newline. No HTML escaping is done, so for a
// valid record the bytes equal the output of
//
//	jq -c 'del(.signature)' RECORD.json
//
// on a record file written by Save.
func (r Record) Payload() []byte {
	w := r.wire()
	w.Signature = ""
	return encodeJSON(w, false)
}

// Marshal returns the record in the stored file form: indented JSON with the
// keys in payload order and signature last, ending in a newline.
func (r Record) Marshal() ([]byte, error) {
	if err := r.validate(false); err != nil {
		return nil, err
	}
	return encodeJSON(r.wire(), true), nil
}

// OpenSSHVerifyTime returns SignedAt in the form ssh-keygen accepts for
// -Overify-time= (YYYYMMDDHHMMSSZ), so that a manual check with ssh-keygen
// applies valid-after/valid-before at the signing time as Verify does.
func (r Record) OpenSSHVerifyTime() string {
	return r.SignedAt.UTC().Format("20060102150405Z")
}

// ParseRecord parses a stored record strictly: exactly the known keys, each
// once, in any order; no trailing data; signed_at in TimeLayout. Errors wrap
// ErrInvalidRecord.
func ParseRecord(data []byte) (Record, error) {
	if err := checkKeys(data); err != nil {
		return Record{}, fmt.Errorf("%w: %v", ErrInvalidRecord, err)
	}
	var w wireRecord
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return Record{}, fmt.Errorf("%w: %v", ErrInvalidRecord, err)
	}
	at, err := time.Parse(TimeLayout, w.SignedAt)
	if err != nil || at.Format(TimeLayout) != w.SignedAt {
		return Record{}, fmt.Errorf("%w: signed_at %q is not of the form 2006-01-02T15:04:05Z", ErrInvalidRecord, w.SignedAt)
	}
	r := Record{
		Version:       w.Version,
		Path:          w.Path,
		ContentSHA256: w.ContentSHA256,
		PacksDigest:   w.PacksDigest,
		Suppressions:  w.Suppressions,
		Principal:     w.Principal,
		SignedAt:      at,
		Tool:          w.Tool,
		PublicKey:     w.PublicKey,
		Signature:     w.Signature,
	}
	if err := r.validate(false); err != nil {
		return Record{}, err
	}
	return r, nil
}

// checkKeys walks the JSON tokens and rejects anything but one object with
// known keys (exact spelling, each at most once), whose suppressions are
// objects with known keys, followed by nothing. encoding/json alone would
// accept duplicate keys (last wins) and keys in any letter case, which
// would let a file show a reader one value while another is verified.
func checkKeys(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := expectDelim(dec, '{'); err != nil {
		return err
	}
	seen := map[string]bool{}
	for dec.More() {
		key, err := objectKey(dec, recordKeys, seen)
		if err != nil {
			return err
		}
		if key == "suppressions" {
			if err := checkSuppressions(dec); err != nil {
				return err
			}
			continue
		}
		if err := skipValue(dec); err != nil {
			return err
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return err
	}
	if _, err := dec.Token(); err == nil {
		return errors.New("trailing data after the record")
	}
	for _, k := range recordKeys {
		if !seen[k] && k != "signature" {
			return fmt.Errorf("missing key %q", k)
		}
	}
	return nil
}

func checkSuppressions(dec *json.Decoder) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return errors.New("suppressions is not a list")
	}
	for dec.More() {
		if err := expectDelim(dec, '{'); err != nil {
			return fmt.Errorf("suppression: %v", err)
		}
		seen := map[string]bool{}
		for dec.More() {
			if _, err := objectKey(dec, suppressionKeys, seen); err != nil {
				return fmt.Errorf("suppression: %v", err)
			}
			if err := skipValue(dec); err != nil {
				return err
			}
		}
		if err := expectDelim(dec, '}'); err != nil {
			return err
		}
	}
	return expectDelim(dec, ']')
}

func objectKey(dec *json.Decoder, known []string, seen map[string]bool) (string, error) {
	tok, err := dec.Token()
	if err != nil {
		return "", err
	}
	key, ok := tok.(string)
	if !ok {
		return "", errors.New("expected an object key")
	}
	if !slices.Contains(known, key) {
		return "", fmt.Errorf("unknown key %q", key)
	}
	if seen[key] {
		return "", fmt.Errorf("duplicate key %q", key)
	}
	seen[key] = true
	return key, nil
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return fmt.Errorf("expected %q", string(want))
	}
	return nil
}

// skipValue consumes one JSON value of any kind.
func skipValue(dec *json.Decoder) error {
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				depth++
			default:
				depth--
			}
		}
		if depth == 0 {
			return nil
		}
	}
}

// validate checks the record's fields. With signed, PublicKey and Signature
// must be present too.
func (r Record) validate(signed bool) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrInvalidRecord, fmt.Sprintf(format, args...))
	}
	if r.Version != Version {
		return bad("unsupported version %d (want %d)", r.Version, Version)
	}
	if err := CheckPath(r.Path); err != nil {
		return bad("path: %v", err)
	}
	if !isHexSHA256(r.ContentSHA256) {
		return bad("content_sha256 is not 64 lowercase hex digits")
	}
	if r.PacksDigest == "" {
		return bad("packs_digest is empty")
	}
	if err := checkText(r.PacksDigest, false); err != nil {
		return bad("packs_digest: %v", err)
	}
	for i, s := range r.Suppressions {
		if !isHexSHA256(s.Fingerprint) {
			return bad("suppression %d: fingerprint is not 64 lowercase hex digits (never store the text itself)", i+1)
		}
		if s.Rule == "" {
			return bad("suppression %d: rule is empty", i+1)
		}
		for name, v := range map[string]string{"rule": s.Rule, "category": s.Category, "reason": s.Reason} {
			if err := checkText(v, false); err != nil {
				return bad("suppression %d: %s: %v", i+1, name, err)
			}
		}
	}
	if err := CheckPrincipal(r.Principal); err != nil {
		return bad("principal: %v", err)
	}
	if r.SignedAt.IsZero() {
		return bad("signed_at is not set")
	}
	if y := r.SignedAt.UTC().Year(); y < 1970 || y > 9999 {
		return bad("signed_at year %d out of range", y)
	}
	if err := checkText(r.Tool, false); err != nil {
		return bad("tool: %v", err)
	}
	if err := checkText(r.PublicKey, false); err != nil {
		return bad("public_key: %v", err)
	}
	if err := checkText(r.Signature, true); err != nil {
		return bad("signature: %v", err)
	}
	if signed {
		if r.PublicKey == "" {
			return bad("public_key is empty")
		}
		if r.Signature == "" {
			return bad("signature is empty")
		}
	}
	return nil
}

func isHexSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// checkText accepts valid UTF-8 without control characters, line or
// paragraph separators and bidirectional formatting characters, so that
// a record reads the same in a pull request as it verifies, and JSON
// encoders agree on its bytes. With newlines, '\n' is allowed (for the
// armoured signature).
func checkText(s string, newlines bool) error {
	if !utf8.ValidString(s) {
		return errors.New("not valid UTF-8")
	}
	for _, c := range s {
		switch {
		case c == '\n' && newlines:
		case c < 0x20, c >= 0x7f && c <= 0x9f:
			return fmt.Errorf("control character %U", c)
		case c == 0x2028, c == 0x2029:
			return fmt.Errorf("line separator %U", c)
		case c >= 0x202a && c <= 0x202e, c >= 0x2066 && c <= 0x2069, c == 0x200e, c == 0x200f, c == 0x061c:
			return fmt.Errorf("bidirectional formatting character %U", c)
		}
	}
	return nil
}

// CheckPrincipal reports whether p can be used as a reviewer identity: a
// non-empty string without whitespace, commas, quotes or control characters
// (it is passed to ssh-keygen -I and matched against allowed_signers
// pattern-lists).
func CheckPrincipal(p string) error {
	if p == "" {
		return errors.New("empty")
	}
	if err := checkText(p, false); err != nil {
		return err
	}
	if strings.ContainsAny(p, " \t,\"*?!") {
		return fmt.Errorf("%q contains a space, comma, double quote or pattern character (*?!)", p)
	}
	return nil
}

// CheckPath reports whether p is a canonical content path: relative to the
// repository root, slash-separated, clean (no ".", ".." or empty elements,
// no trailing slash) and free of backslashes and control characters.
func CheckPath(p string) error {
	switch {
	case p == "":
		return errors.New("empty")
	case strings.HasPrefix(p, "/"):
		return fmt.Errorf("%q is absolute; want a path relative to the repository root", p)
	case strings.Contains(p, `\`):
		return fmt.Errorf("%q contains a backslash; want slash-separated", p)
	case path.Clean(p) != p || p == ".":
		return fmt.Errorf("%q is not clean (want %q)", p, path.Clean(p))
	case p == ".." || strings.HasPrefix(p, "../"):
		return fmt.Errorf("%q is outside the repository", p)
	}
	return checkText(p, false)
}

// RelPath returns the canonical content path (for Record.Path and Verify)
// of file, a path on disk, relative to the repository root. Symbolic links
// are not resolved.
func RelPath(root, file string) (string, error) {
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	absFile, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(absRoot, absFile)
	if err != nil {
		return "", err
	}
	rel = filepath.ToSlash(rel)
	if err := CheckPath(rel); err != nil {
		return "", fmt.Errorf("%s: %v", file, err)
	}
	return rel, nil
}

// authorizedKey returns key in authorized_keys form without the newline.
func authorizedKey(key ssh.PublicKey) string {
	return strings.TrimSuffix(string(ssh.MarshalAuthorizedKey(key)), "\n")
}
