package signoff

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"os"
	"strings"
	"time"

	"golang.org/x/crypto/ssh"
)

// ParseError is an error in an allowed_signers or revoked keys file. Its
// message has the form "FILE:LINE: problem".
type ParseError struct {
	File string // file name as given to the parser
	Line int    // 1-based line number
	Msg  string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// AllowedSigner is one line of an allowed_signers file.
type AllowedSigner struct {
	Line          int           // 1-based line number in the file
	Principals    string        // pattern-list of identities, e.g. "alice@example.org,*@ngo.example"
	CertAuthority bool          // cert-authority: Key is a CA key (certificates are not supported, see package doc)
	HasNamespaces bool          // a namespaces= option is present
	Namespaces    string        // its pattern-list (only meaningful with HasNamespaces)
	ValidAfter    time.Time     // valid-after=, zero if absent
	ValidBefore   time.Time     // valid-before=, zero if absent
	Key           ssh.PublicKey // the signer's public key (or CA key)
	Comment       string        // text after the key, if any

	blob []byte // Key.Marshal()
}

// AllowedSigners is a parsed allowed_signers file in the format of
// ssh-keygen(1), section ALLOWED SIGNERS.
type AllowedSigners struct {
	File    string
	Signers []AllowedSigner
}

// LoadAllowedSigners reads and parses an allowed_signers file.
func LoadAllowedSigners(path string) (*AllowedSigners, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseAllowedSigners(path, data)
}

// ParseAllowedSigners parses data in the allowed_signers format of
// ssh-keygen(1):
//
//	principals [options] keytype base64-key [comment]
//
// principals is a comma-separated pattern-list (with *, ? and !negation,
// case-sensitive), optionally enclosed in double quotes. options is a
// comma-separated list of cert-authority, namespaces="pattern-list",
// valid-after="time" and valid-before="time" (keywords case-insensitive,
// values in double quotes), where time is YYYYMMDD[Z], YYYYMMDDHHMM[Z] or
// YYYYMMDDHHMMSS[Z]; a time without a Z (or UTC) suffix is in the local
// time zone, as in OpenSSH. Blank lines and lines starting with # are
// ignored.
//
// Unlike ssh-keygen, which skips lines for other principals without
// reading them, any malformed line makes the whole file invalid; name is
// used in the *ParseError.
func ParseAllowedSigners(name string, data []byte) (*AllowedSigners, error) {
	a := &AllowedSigners{File: name}
	for i, line := range strings.Split(string(data), "\n") {
		n := i + 1
		s, err := parseAllowedLine(line, time.Local)
		if err != nil {
			return nil, &ParseError{File: name, Line: n, Msg: err.Error()}
		}
		if s == nil {
			continue
		}
		s.Line = n
		a.Signers = append(a.Signers, *s)
	}
	return a, nil
}

type lineError string

func (e lineError) Error() string { return string(e) }

func errorf(format string, args ...any) error { return lineError(fmt.Sprintf(format, args...)) }

func isSpace(c byte) bool { return c == ' ' || c == '\t' }

func trimSpace(s string) string { return strings.Trim(s, " \t") }

// nextField splits off the leading field of s (which starts with a
// non-space), honouring double quotes and \" inside them like OpenSSH's
// option scanner, and returns the field and the rest with leading space
// removed.
func nextField(s string) (field, rest string, err error) {
	quoted := false
	i := 0
	for ; i < len(s) && (quoted || !isSpace(s[i])); i++ {
		if s[i] == '\\' && i+1 < len(s) && s[i+1] == '"' {
			i++
		} else if s[i] == '"' {
			quoted = !quoted
		}
	}
	if quoted {
		return "", "", errorf("missing end quote")
	}
	return s[:i], strings.TrimLeft(s[i:], " \t"), nil
}

// parseAllowedLine parses one line; it returns nil, nil for blank lines and
// comments.
func parseAllowedLine(line string, loc *time.Location) (*AllowedSigner, error) {
	line = strings.TrimSuffix(line, "\r")
	rest := strings.TrimLeft(line, " \t")
	if rest == "" || rest[0] == '#' {
		return nil, nil
	}
	s := &AllowedSigner{}

	// Principals: a plain field, or a double-quoted one.
	if rest[0] == '"' {
		end := strings.IndexByte(rest[1:], '"')
		if end < 0 {
			return nil, errorf("missing end quote in principals")
		}
		s.Principals = rest[1 : 1+end]
		rest = rest[2+end:]
		if rest != "" && !isSpace(rest[0]) {
			return nil, errorf("principals: unexpected text after the closing quote")
		}
		rest = strings.TrimLeft(rest, " \t")
	} else {
		i := strings.IndexAny(rest, " \t")
		if i < 0 {
			return nil, errorf("missing key after principals %q", rest)
		}
		s.Principals, rest = rest[:i], strings.TrimLeft(rest[i:], " \t")
	}
	if err := checkPatternList("principals", s.Principals); err != nil {
		return nil, err
	}
	if rest == "" {
		return nil, errorf("missing key after principals %q", s.Principals)
	}

	// Options, unless the next field is already a key type.
	first, after, err := nextField(rest)
	if err != nil {
		return nil, errorf("options: %v", err)
	}
	if !looksLikeKeyType(first) {
		if err := s.parseOptions(first, loc); err != nil {
			return nil, err
		}
		if after == "" {
			return nil, errorf("missing key after options")
		}
		rest = after
	}

	// Key type, base64 key, comment.
	keyType, rest := splitField(rest)
	b64, comment := splitField(rest)
	if !looksLikeKeyType(keyType) {
		return nil, errorf("unknown key type %q", keyType)
	}
	if b64 == "" {
		return nil, errorf("missing base64 key after %q", keyType)
	}
	blob, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return nil, errorf("invalid base64 key: %v", err)
	}
	key, err := ssh.ParsePublicKey(blob)
	if err != nil {
		return nil, errorf("invalid %s key: %v", keyType, err)
	}
	if key.Type() != keyType {
		return nil, errorf("key type %q does not match the encoded key (%s)", keyType, key.Type())
	}
	if _, ok := key.(*ssh.Certificate); ok {
		return nil, errorf("a certificate is listed as a key; list the plain public key (or the CA key with cert-authority)")
	}
	s.Key = key
	s.blob = key.Marshal()
	s.Comment = trimSpace(comment)
	return s, nil
}

func splitField(s string) (field, rest string) {
	s = strings.TrimLeft(s, " \t")
	i := strings.IndexAny(s, " \t")
	if i < 0 {
		return s, ""
	}
	return s[:i], s[i:]
}

func looksLikeKeyType(f string) bool {
	if strings.ContainsAny(f, "=,\"") {
		return false
	}
	for _, p := range []string{"ssh-", "ecdsa-", "sk-"} {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}

// parseOptions parses the options field like OpenSSH's sshsigopt_parse.
func (s *AllowedSigner) parseOptions(opts string, loc *time.Location) error {
	seen := map[string]bool{}
	for opts != "" {
		name := opts
		if i := strings.IndexAny(name, "=,"); i >= 0 {
			name = name[:i]
		}
		lname := strings.ToLower(name)
		var value string
		switch lname {
		case "cert-authority":
			opts = opts[len(name):]
			if strings.HasPrefix(opts, "=") {
				return errorf("option cert-authority takes no value")
			}
		case "namespaces", "valid-after", "valid-before":
			opts = opts[len(name):]
			if !strings.HasPrefix(opts, "=") {
				return errorf("option %s needs a value: %s=\"...\"", lname, lname)
			}
			var err error
			value, opts, err = dequote(opts[1:])
			if err != nil {
				return errorf("option %s: %v", lname, err)
			}
		default:
			return errorf("unknown option %q", name)
		}
		if seen[lname] {
			return errorf("option %s given twice", lname)
		}
		seen[lname] = true
		switch lname {
		case "cert-authority":
			s.CertAuthority = true
		case "namespaces":
			if err := checkPatternList("namespaces", value); err != nil {
				return err
			}
			s.HasNamespaces, s.Namespaces = true, value
		case "valid-after", "valid-before":
			t, err := parseSSHTime(value, loc)
			if err != nil {
				return errorf("option %s: %v", lname, err)
			}
			if lname == "valid-after" {
				s.ValidAfter = t
			} else {
				s.ValidBefore = t
			}
		}
		if opts == "" {
			break
		}
		if opts[0] != ',' {
			return errorf("unexpected %q after option %s (options are separated by commas, values are quoted)", opts, lname)
		}
		opts = opts[1:]
		if opts == "" {
			return errorf("options end with a comma")
		}
	}
	if !s.ValidAfter.IsZero() && !s.ValidBefore.IsZero() && !s.ValidBefore.After(s.ValidAfter) {
		return errorf("valid-before is not after valid-after")
	}
	return nil
}

// dequote reads a double-quoted value (\" escapes a quote) at the start of
// s and returns it and what follows it.
func dequote(s string) (value, rest string, err error) {
	if !strings.HasPrefix(s, `"`) {
		return "", "", errorf("missing start quote (values are written in double quotes)")
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == '"':
			b.WriteByte('"')
			i++
		case s[i] == '"':
			return b.String(), s[i+1:], nil
		default:
			b.WriteByte(s[i])
		}
	}
	return "", "", errorf("missing end quote")
}

// parseSSHTime parses an OpenSSH absolute time: YYYYMMDD, YYYYMMDDHHMM or
// YYYYMMDDHHMMSS, optionally followed by Z or UTC for UTC; otherwise in loc.
func parseSSHTime(v string, loc *time.Location) (time.Time, error) {
	s := v
	switch {
	case len(s) > 1 && strings.EqualFold(s[len(s)-1:], "Z"):
		s, loc = s[:len(s)-1], time.UTC
	case len(s) > 3 && strings.EqualFold(s[len(s)-3:], "UTC"):
		s, loc = s[:len(s)-3], time.UTC
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return time.Time{}, fmt.Errorf("invalid time %q (want YYYYMMDD[HHMM[SS]][Z])", v)
		}
	}
	var layout string
	switch len(s) {
	case 8:
		layout = "20060102"
	case 12:
		layout = "200601021504"
	case 14:
		layout = "20060102150405"
	default:
		return time.Time{}, fmt.Errorf("invalid time %q (want YYYYMMDD[HHMM[SS]][Z])", v)
	}
	t, err := time.ParseInLocation(layout, s, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("invalid time %q (want YYYYMMDD[HHMM[SS]][Z])", v)
	}
	if t.Unix() <= 0 {
		return time.Time{}, fmt.Errorf("time %q is not after 1970", v)
	}
	return t, nil
}

// maxSubpattern mirrors OpenSSH, which treats a longer sub-pattern as no
// match; here it is a parse error instead.
const maxSubpattern = 1023

func checkPatternList(what, list string) error {
	if list == "" {
		return errorf("empty %s", what)
	}
	for _, p := range strings.Split(list, ",") {
		if strings.TrimPrefix(p, "!") == "" {
			return errorf("%s: empty pattern in %q", what, list)
		}
		if len(strings.TrimPrefix(p, "!")) > maxSubpattern {
			return errorf("%s: pattern longer than %d bytes", what, maxSubpattern)
		}
	}
	return nil
}

// matchPatternList reports whether s matches the comma-separated
// pattern-list like OpenSSH's match_pattern_list (case-sensitive): false if
// any negated pattern (!pat) matches, otherwise whether any pattern does.
func matchPatternList(s, list string) bool {
	positive := false
	for _, p := range strings.Split(list, ",") {
		negated := strings.HasPrefix(p, "!")
		if negated {
			p = p[1:]
		}
		if len(p) > maxSubpattern {
			return false
		}
		if matchPattern(s, p) {
			if negated {
				return false
			}
			positive = true
		}
	}
	return positive
}

// matchPattern matches s against a glob with * (any bytes) and ? (one
// byte), without backtracking blow-up.
func matchPattern(s, p string) bool {
	si, pi := 0, 0
	star, mark := -1, 0
	for si < len(s) {
		switch {
		case pi < len(p) && p[pi] == '*':
			star, mark = pi, si
			pi++
		case pi < len(p) && (p[pi] == '?' || p[pi] == s[si]):
			si++
			pi++
		case star >= 0:
			pi = star + 1
			mark++
			si = mark
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}

// PrincipalsFor returns the principals pattern-lists of the lines that list
// key as a plain (non-CA) key, in file order. A CLI can use it to suggest
// the principal to sign as.
func (a *AllowedSigners) PrincipalsFor(key ssh.PublicKey) []string {
	if a == nil || key == nil {
		return nil
	}
	blob := key.Marshal()
	var out []string
	for _, s := range a.Signers {
		if !s.CertAuthority && bytes.Equal(s.blob, blob) {
			out = append(out, s.Principals)
		}
	}
	return out
}

// check decides whether key may sign as principal in namespace at time at,
// like ssh-keygen -Y verify with -Overify-time=at: a line must list the key
// (not as cert-authority), match the principal, allow the namespace and
// cover the time. The first line that accepts wins; otherwise the reason of
// the first line that listed key for principal is returned.
func (a *AllowedSigners) check(principal string, key ssh.PublicKey, namespace string, at time.Time) (Reason, string) {
	if a == nil {
		return ReasonSignerNotAllowed, "no allowed_signers file was given"
	}
	blob := key.Marshal()
	var (
		failReason Reason
		failDetail string
		others     []string
	)
	fail := func(r Reason, d string) {
		if failReason == 0 {
			failReason, failDetail = r, d
		}
	}
	for _, s := range a.Signers {
		if s.CertAuthority || !bytes.Equal(s.blob, blob) {
			continue
		}
		where := fmt.Sprintf("%s:%d", a.File, s.Line)
		if !matchPatternList(principal, s.Principals) {
			others = append(others, s.Principals)
			continue
		}
		if s.HasNamespaces && !matchPatternList(namespace, s.Namespaces) {
			fail(ReasonNamespaceNotAllowed, fmt.Sprintf("%s allows namespaces %q, not %q", where, s.Namespaces, namespace))
			continue
		}
		if !s.ValidAfter.IsZero() && at.Before(s.ValidAfter) {
			fail(ReasonNotYetValid, fmt.Sprintf("signed at %s, %s is valid after %s", at.UTC().Format(TimeLayout), where, s.ValidAfter.UTC().Format(TimeLayout)))
			continue
		}
		if !s.ValidBefore.IsZero() && at.After(s.ValidBefore) {
			fail(ReasonExpired, fmt.Sprintf("signed at %s, %s is valid before %s", at.UTC().Format(TimeLayout), where, s.ValidBefore.UTC().Format(TimeLayout)))
			continue
		}
		return 0, ""
	}
	if failReason != 0 {
		return failReason, failDetail
	}
	fp := ssh.FingerprintSHA256(key)
	if len(others) > 0 {
		return ReasonSignerNotAllowed, fmt.Sprintf("key %s is allowed for %s, not for principal %q", fp, strings.Join(others, " "), principal)
	}
	return ReasonSignerNotAllowed, fmt.Sprintf("key %s of principal %q is not in %s", fp, principal, a.File)
}
