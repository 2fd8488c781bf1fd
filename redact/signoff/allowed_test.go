package signoff

import (
	"crypto/rand"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/crypto/ssh"
)

func TestParseAllowedSigners(t *testing.T) {
	a := newSigner(t).PublicKey()
	b := signerOf(t, testRSAKey(t)).PublicKey()
	ak, bk := authorizedKey(a), authorizedKey(b)
	data := strings.Join([]string{
		"# reviewers of rescue stories",
		"",
		"   # indented comment",
		"alice@example.org " + ak + " alice laptop",
		"bob@example.org,carol@example.org\tnamespaces=\"redact-signoff,git\",VALID-AFTER=\"20240101\",valid-before=\"20251231235959Z\" " + bk,
		`"dan 1@example.org,*@ngo.example" cert-authority,namespaces="a\"b" ` + ak,
		"eve@example.org valid-after=\"202401021530UTC\" " + ak + "\r",
		"",
	}, "\n")
	got, err := ParseAllowedSigners("allowed_signers", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	want := &AllowedSigners{File: "allowed_signers", Signers: []AllowedSigner{
		{Line: 4, Principals: "alice@example.org", Key: a, Comment: "alice laptop"},
		{Line: 5, Principals: "bob@example.org,carol@example.org", HasNamespaces: true, Namespaces: "redact-signoff,git",
			ValidAfter:  time.Date(2024, 1, 1, 0, 0, 0, 0, time.Local),
			ValidBefore: time.Date(2025, 12, 31, 23, 59, 59, 0, time.UTC), Key: b},
		{Line: 6, Principals: "dan 1@example.org,*@ngo.example", CertAuthority: true, HasNamespaces: true, Namespaces: `a"b`, Key: a},
		{Line: 7, Principals: "eve@example.org", ValidAfter: time.Date(2024, 1, 2, 15, 30, 0, 0, time.UTC), Key: a},
	}}
	opts := cmp.Options{
		cmpopts.IgnoreUnexported(AllowedSigner{}),
		cmp.Comparer(func(x, y ssh.PublicKey) bool { return string(x.Marshal()) == string(y.Marshal()) }),
		cmp.Comparer(func(x, y time.Time) bool { return x.Equal(y) }),
	}
	if diff := cmp.Diff(want, got, opts); diff != "" {
		t.Errorf("ParseAllowedSigners mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"alice@example.org", "eve@example.org"}, got.PrincipalsFor(a)); diff != "" {
		t.Errorf("PrincipalsFor mismatch (-want +got):\n%s", diff)
	}
}

func TestParseAllowedSignersErrors(t *testing.T) {
	k := authorizedKey(newSigner(t).PublicKey())
	b64 := strings.Fields(k)[1]
	cert := &ssh.Certificate{Key: newSigner(t).PublicKey(), CertType: ssh.UserCert, ValidPrincipals: []string{"a"}, ValidBefore: ssh.CertTimeInfinity}
	if err := cert.SignCert(rand.Reader, newSigner(t)); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ line, want string }{
		{`alice@example.org namspaces="redact-signoff" ` + k, `allowed_signers:3: unknown option "namspaces"`},
		{`alice@example.org`, `allowed_signers:3: missing key after principals "alice@example.org"`},
		{`alice@example.org cert-authority`, `allowed_signers:3: missing key after options`},
		{`alice@example.org namespaces=redact-signoff ` + k, `allowed_signers:3: option namespaces: missing start quote (values are written in double quotes)`},
		{`alice@example.org namespaces="redact-signoff ` + k, `allowed_signers:3: options: missing end quote`},
		{`"alice@example.org ` + k, `allowed_signers:3: missing end quote in principals`},
		{`alice@example.org namespaces ` + k, `allowed_signers:3: option namespaces needs a value: namespaces="..."`},
		{`alice@example.org cert-authority="x" ` + k, `allowed_signers:3: option cert-authority takes no value`},
		{`alice@example.org namespaces="a",namespaces="b" ` + k, `allowed_signers:3: option namespaces given twice`},
		{`alice@example.org namespaces="a", ` + k, `allowed_signers:3: options end with a comma`},
		{`alice@example.org namespaces="a"x ` + k, `allowed_signers:3: unexpected "x" after option namespaces (options are separated by commas, values are quoted)`},
		{`alice@example.org namespaces="" ` + k, `allowed_signers:3: empty namespaces`},
		{`alice@example.org valid-after="2024" ` + k, `allowed_signers:3: option valid-after: invalid time "2024" (want YYYYMMDD[HHMM[SS]][Z])`},
		{`alice@example.org valid-after="20241301Z" ` + k, `allowed_signers:3: option valid-after: invalid time "20241301Z" (want YYYYMMDD[HHMM[SS]][Z])`},
		{`alice@example.org valid-after="2024-01-01" ` + k, `allowed_signers:3: option valid-after: invalid time "2024-01-01" (want YYYYMMDD[HHMM[SS]][Z])`},
		{`alice@example.org valid-after="19700101Z" ` + k, `allowed_signers:3: option valid-after: time "19700101Z" is not after 1970`},
		{`alice@example.org valid-after="20250101Z",valid-before="20240101Z" ` + k, `allowed_signers:3: valid-before is not after valid-after`},
		{`alice@example.org ssh-foo ` + b64, `allowed_signers:3: key type "ssh-foo" does not match the encoded key (ssh-ed25519)`},
		{`alice@example.org ssh-ed25519`, `allowed_signers:3: missing base64 key after "ssh-ed25519"`},
		{`alice@example.org ssh-ed25519 AAAA!`, `allowed_signers:3: invalid base64 key: illegal base64 data at input byte 4`},
		{`alice@example.org ssh-rsa ` + b64, `allowed_signers:3: key type "ssh-rsa" does not match the encoded key (ssh-ed25519)`},
		{`alice@example.org ` + authorizedKey(cert), `allowed_signers:3: a certificate is listed as a key; list the plain public key (or the CA key with cert-authority)`},
		{`,alice@example.org ` + k, `allowed_signers:3: principals: empty pattern in ",alice@example.org"`},
		{`alice@example.org namespaces="a,,b" ` + k, `allowed_signers:3: namespaces: empty pattern in "a,,b"`},
		{`alice@example.org ` + "cert-authority " + "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA==", `allowed_signers:3: invalid ssh-ed25519 key: ssh: short read`},
	}
	for _, tc := range tests {
		data := "# header\n" + k[:0] + "bob@example.org " + k + "\n" + tc.line + "\n"
		_, err := ParseAllowedSigners("allowed_signers", []byte(data))
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Line != 3 {
			t.Errorf("%q: error %v, want a *ParseError on line 3", tc.line, err)
			continue
		}
		if err.Error() != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.line, err, tc.want)
		}
	}
}

func TestMatchPatternList(t *testing.T) {
	tests := []struct {
		s, list string
		want    bool
	}{
		{"alice@example.org", "alice@example.org", true},
		{"alice@example.org", "Alice@example.org", false},
		{"alice@example.org", "bob@example.org,alice@example.org", true},
		{"alice@example.org", "*@example.org", true},
		{"alice@example.org", "?lice@*", true},
		{"alice@example.org", "??lice@*", false},
		{"alice@example.org", "*", true},
		{"alice@example.org", "!alice@example.org,*", false},
		{"alice@example.org", "*,!alice@example.org", false},
		{"bob@example.org", "!alice@example.org,*", true},
		{"alice@example.org", "!bob@example.org", false},
		{"alice@example.org", "*@example.com", false},
		{"alice@example.org", "a*e*e*e*e*e*e*e*e*e*e*e*x", false},
		{"redact-signoff", "redact-*", true},
		{"redact-signoff", "file,git", false},
		{"", "", true},
		{"a", "", false},
		{strings.Repeat("a", 2000), "*" + strings.Repeat("a", 1100), false}, // over-long sub-pattern: no match
	}
	for _, tc := range tests {
		if got := matchPatternList(tc.s, tc.list); got != tc.want {
			t.Errorf("matchPatternList(%.30q, %.30q) = %v, want %v", tc.s, tc.list, got, tc.want)
		}
	}
}

func TestParseSSHTime(t *testing.T) {
	loc := time.FixedZone("X", 2*3600)
	tests := []struct {
		in   string
		want time.Time
	}{
		{"20250301", time.Date(2025, 3, 1, 0, 0, 0, 0, loc)},
		{"20250301Z", time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)},
		{"20250301z", time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)},
		{"202503010930", time.Date(2025, 3, 1, 9, 30, 0, 0, loc)},
		{"20250301093015Z", time.Date(2025, 3, 1, 9, 30, 15, 0, time.UTC)},
		{"20250301093015UTC", time.Date(2025, 3, 1, 9, 30, 15, 0, time.UTC)},
	}
	for _, tc := range tests {
		got, err := parseSSHTime(tc.in, loc)
		if err != nil || !got.Equal(tc.want) {
			t.Errorf("parseSSHTime(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "Z", "2025030", "2025030109", "20250230", "20250301246000", "+2025030", "2025 301", "20250301ZZ"} {
		if _, err := parseSSHTime(bad, loc); err == nil {
			t.Errorf("parseSSHTime(%q) accepted", bad)
		}
	}
}

func TestRevokedKeys(t *testing.T) {
	a, b, c := newSigner(t).PublicKey(), newSigner(t).PublicKey(), newSigner(t).PublicKey()
	data := "# revoked\n\n" + authorizedKey(a) + " old laptop\r\n" + `restrict,from="x" ` + authorizedKey(b) + "\n"
	rk, err := ParseRevokedKeys("revoked", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if !rk.IsRevoked(a) || !rk.IsRevoked(b) || rk.IsRevoked(c) || rk.Len() != 2 {
		t.Errorf("IsRevoked a=%v b=%v c=%v len=%d", rk.IsRevoked(a), rk.IsRevoked(b), rk.IsRevoked(c), rk.Len())
	}
	var nilList *RevokedKeys
	if nilList.IsRevoked(a) || nilList.Len() != 0 {
		t.Error("nil list revokes")
	}
	_, err = ParseRevokedKeys("revoked", []byte(authorizedKey(a)+"\nssh-ed25519 AAAA-typo\n"))
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 2 || !strings.HasPrefix(err.Error(), "revoked:2: not a public key") {
		t.Errorf("typo line: %v", err)
	}
	_, err = ParseRevokedKeys("krl", []byte("SSHKRL\n\x00rest"))
	if err == nil || !strings.Contains(err.Error(), "KRL") {
		t.Errorf("KRL: %v", err)
	}
}

var lineNumber = regexp.MustCompile(`^allowed_signers:([0-9]+): `)

// FuzzParseAllowedSigners checks that the parser never panics, that every
// error is a *ParseError with a line number inside the input, and that every
// parsed line has principals and a key.
func FuzzParseAllowedSigners(f *testing.F) {
	k := authorizedKey(newSigner(f).PublicKey())
	f.Add([]byte("alice@example.org " + k + "\n"))
	f.Add([]byte(`"a b@x,!c@x,*@y" cert-authority,namespaces="redact-*",valid-after="20240101",valid-before="20250101Z" ` + k + " comment\n"))
	f.Add([]byte("# c\n\n x " + k + "\r\n"))
	f.Add([]byte(`a namespaces="x\"y",valid-after="202401011200UTC" ` + k))
	f.Add([]byte("a namspaces=\"x\" " + k))
	f.Add([]byte("a \"\" \" \\\" ,,, ssh-ed25519 AAAA"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseAllowedSigners("allowed_signers", data)
		lines := strings.Count(string(data), "\n") + 1
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line < 1 || pe.Line > lines {
				t.Fatalf("error without a valid line number: %v", err)
			}
			m := lineNumber.FindStringSubmatch(err.Error())
			if m == nil {
				t.Fatalf("error message without file:line: %q", err)
			}
			return
		}
		for _, s := range a.Signers {
			if s.Principals == "" || s.Key == nil || s.Line < 1 || s.Line > lines {
				t.Fatalf("bad entry %+v", s)
			}
			matchPatternList("alice@example.org", s.Principals)
			if s.HasNamespaces {
				matchPatternList(Namespace, s.Namespaces)
			}
		}
		a.check("alice@example.org", newSignerOnce(t), Namespace, signedAt)
	})
}

var fuzzKey ssh.PublicKey

func newSignerOnce(t testing.TB) ssh.PublicKey {
	if fuzzKey == nil {
		fuzzKey = newSigner(t).PublicKey()
	}
	return fuzzKey
}
