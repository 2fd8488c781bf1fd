package signoff

import (
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"
)

// fixture is one verification scenario: a record stored under root for
// recordFor, then VerifyFile of verifyPath.
type fixture struct {
	signer     ssh.Signer
	record     *Record // stored as the record of recordFor; nil: no record
	recordFor  string
	fileEdit   func(string) string // edits the stored JSON text
	verifyPath string
	content    []byte
	packs      string
	allowed    *AllowedSigners
	revoked    *RevokedKeys
	now        time.Time
}

func TestVerify(t *testing.T) {
	const path = "stories/2025/maria.md"
	ed := newSigner(t)
	rsaSigner := signerOf(t, testRSAKey(t))
	ecSigner := signerOf(t, newECDSA(t))
	other := newSigner(t)

	base := func(s ssh.Signer) *fixture {
		r := mustSign(t, unsignedRecord(path), s)
		return &fixture{
			signer:     s,
			record:     &r,
			recordFor:  path,
			verifyPath: path,
			content:    testContent,
			packs:      "packs-sha256:0123abcd",
			allowed:    mustAllowed(t, "# reviewers", allowedLine("alice@example.org", "", s.PublicKey())),
			revoked:    mustRevoked(t, other.PublicKey()),
			now:        signedAt.Add(24 * time.Hour),
		}
	}
	replace := func(old, new string) func(string) string {
		return func(s string) string {
			if !strings.Contains(s, old) {
				t.Fatalf("record file does not contain %q:\n%s", old, s)
			}
			return strings.Replace(s, old, new, 1)
		}
	}
	rsa1024, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name  string
		setup func(f *fixture)
		want  Reason // 0: accepted
	}{
		{name: "ok ed25519", setup: func(f *fixture) {}},
		{name: "ok rsa", setup: func(f *fixture) { *f = *base(rsaSigner) }},
		{name: "ok ecdsa", setup: func(f *fixture) { *f = *base(ecSigner) }},
		{name: "ok principal wildcard and namespace pattern", setup: func(f *fixture) {
			f.allowed = mustAllowed(t, allowedLine("bob@example.org,*@example.org", `namespaces="file,redact-*",valid-after="20250101Z"`, ed.PublicKey()))
		}},
		{name: "ok second line accepts after first expired", setup: func(f *fixture) {
			f.allowed = mustAllowed(t,
				allowedLine("alice@example.org", `valid-before="20240101Z"`, ed.PublicKey()),
				allowedLine("alice@example.org", `valid-after="20240101Z"`, ed.PublicKey()))
		}},
		{name: "ok at valid-before exactly", setup: func(f *fixture) {
			f.allowed = mustAllowed(t, allowedLine("alice@example.org", `valid-before="20250301093000Z"`, ed.PublicKey()))
		}},
		{name: "no record", want: ReasonUnsigned, setup: func(f *fixture) { f.record = nil }},
		{name: "signature removed", want: ReasonUnsigned, setup: func(f *fixture) { f.record.Signature = "" }},
		{name: "content changed", want: ReasonContentChanged, setup: func(f *fixture) {
			f.content = []byte(strings.Replace(string(testContent), "old mill", "new mill", 1))
		}},
		{name: "principal edited in file", want: ReasonBadSignature, setup: func(f *fixture) {
			f.fileEdit = replace(`"principal": "alice@example.org"`, `"principal": "bob@example.org"`)
			f.allowed = mustAllowed(t, allowedLine("alice@example.org,bob@example.org", "", ed.PublicKey()))
		}},
		{name: "packs_digest edited in file", want: ReasonBadSignature, setup: func(f *fixture) {
			f.fileEdit = replace(`"packs_digest": "packs-sha256:0123abcd"`, `"packs_digest": "packs-sha256:ffff"`)
			f.packs = "packs-sha256:ffff"
		}},
		{name: "content_sha256 edited in file", want: ReasonBadSignature, setup: func(f *fixture) {
			f.content = []byte("other content")
			f.fileEdit = replace(ContentDigest(testContent), ContentDigest(f.content))
		}},
		{name: "suppression dropped in file", want: ReasonBadSignature, setup: func(f *fixture) {
			f.fileEdit = replace(`"reason": "no such place in the region"`, `"reason": "fine"`)
		}},
		{name: "signed_at edited in file", want: ReasonBadSignature, setup: func(f *fixture) {
			f.fileEdit = replace(`"signed_at": "2025-03-01T09:30:00Z"`, `"signed_at": "2024-03-01T09:30:00Z"`)
		}},
		{name: "garbage signature", want: ReasonBadSignature, setup: func(f *fixture) {
			f.record.Signature = "-----BEGIN SSH SIGNATURE-----\nU1NIU0lHAAAAAQ==\n-----END SSH SIGNATURE-----\n"
		}},
		{name: "not armoured", want: ReasonBadSignature, setup: func(f *fixture) { f.record.Signature = "trust me" }},
		{name: "text around the armour", want: ReasonBadSignature, setup: func(f *fixture) {
			f.record.Signature = "note\n" + f.record.Signature
		}},
		{name: "signature of another record", want: ReasonBadSignature, setup: func(f *fixture) {
			o := unsignedRecord(path)
			o.Tool = "other"
			f.record.Signature = mustSign(t, o, ed).Signature
		}},
		{name: "wrong namespace", want: ReasonBadSignature, setup: func(f *fixture) {
			r := rawSign(t, unsignedRecord(path), ed, "git")
			f.record = &r
		}},
		{name: "public_key names another key", want: ReasonBadSignature, setup: func(f *fixture) {
			r := unsignedRecord(path)
			r.PublicKey = authorizedKey(other.PublicKey())
			r = rawSign(t, r, ed, Namespace)
			f.record = &r
		}},
		{name: "record copied to another path", want: ReasonPathMismatch, setup: func(f *fixture) {
			f.verifyPath = "stories/2025/copy.md"
			f.recordFor = "stories/2025/copy.md"
		}},
		{name: "signer not allowed", want: ReasonSignerNotAllowed, setup: func(f *fixture) {
			f.allowed = mustAllowed(t, allowedLine("alice@example.org", "", other.PublicKey()))
		}},
		{name: "key allowed for another principal", want: ReasonSignerNotAllowed, setup: func(f *fixture) {
			f.allowed = mustAllowed(t, allowedLine("bob@example.org", "", ed.PublicKey()))
		}},
		{name: "principal excluded by negation", want: ReasonSignerNotAllowed, setup: func(f *fixture) {
			f.allowed = mustAllowed(t, allowedLine("!alice@example.org,*@example.org", "", ed.PublicKey()))
		}},
		{name: "cert-authority line does not allow a plain key", want: ReasonSignerNotAllowed, setup: func(f *fixture) {
			f.allowed = mustAllowed(t, allowedLine("alice@example.org", "cert-authority", ed.PublicKey()))
		}},
		{name: "no allowed_signers", want: ReasonSignerNotAllowed, setup: func(f *fixture) { f.allowed = nil }},
		{name: "namespaces excludes redact-signoff", want: ReasonNamespaceNotAllowed, setup: func(f *fixture) {
			f.allowed = mustAllowed(t, allowedLine("alice@example.org", `namespaces="git,file"`, ed.PublicKey()))
		}},
		{name: "signed after valid-before", want: ReasonExpired, setup: func(f *fixture) {
			f.allowed = mustAllowed(t, allowedLine("alice@example.org", `valid-before="20250301092959Z"`, ed.PublicKey()))
		}},
		{name: "signed before valid-after", want: ReasonNotYetValid, setup: func(f *fixture) {
			f.allowed = mustAllowed(t, allowedLine("alice@example.org", `valid-after="202503011000Z"`, ed.PublicKey()))
		}},
		{name: "revoked key", want: ReasonRevoked, setup: func(f *fixture) {
			f.revoked = mustRevoked(t, other.PublicKey(), ed.PublicKey())
		}},
		{name: "packs changed", want: ReasonPacksChanged, setup: func(f *fixture) { f.packs = "packs-sha256:9999" }},
		{name: "signed in the future", want: ReasonSignedInFuture, setup: func(f *fixture) {
			f.now = signedAt.Add(-MaxClockSkew - time.Second)
		}},
		{name: "certificate", want: ReasonUnsupportedKey, setup: func(f *fixture) {
			cert := &ssh.Certificate{Key: ed.PublicKey(), CertType: ssh.UserCert, ValidPrincipals: []string{"alice@example.org"},
				ValidBefore: ssh.CertTimeInfinity}
			ca := newSigner(t)
			if err := cert.SignCert(rand.Reader, ca); err != nil {
				t.Fatal(err)
			}
			cs, err := ssh.NewCertSigner(cert, ed)
			if err != nil {
				t.Fatal(err)
			}
			r := rawSign(t, unsignedRecord(path), cs, Namespace)
			f.record = &r
			f.allowed = mustAllowed(t, allowedLine("*@example.org", "cert-authority", ca.PublicKey()))
		}},
		{name: "rsa 1024", want: ReasonUnsupportedKey, setup: func(f *fixture) {
			s := signerOf(t, rsa1024)
			r := rawSign(t, unsignedRecord(path), s, Namespace)
			f.record = &r
			f.allowed = mustAllowed(t, allowedLine("alice@example.org", "", s.PublicKey()))
		}},
		{name: "malformed file", want: ReasonMalformed, setup: func(f *fixture) {
			f.fileEdit = func(s string) string { return s[:len(s)/2] }
		}},
		{name: "duplicate key in file", want: ReasonMalformed, setup: func(f *fixture) {
			f.fileEdit = replace(`"principal": "alice@example.org"`, `"principal": "alice@example.org", "principal": "bob@example.org"`)
		}},
	}
	seen := map[Reason]string{}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := base(ed)
			tc.setup(f)
			root := t.TempDir()
			if f.record != nil {
				rp, err := RecordPath(root, f.recordFor)
				if err != nil {
					t.Fatal(err)
				}
				data := encodeJSON(f.record.wire(), true) // not Save: it refuses some broken records
				if f.fileEdit != nil {
					data = []byte(f.fileEdit(string(data)))
				}
				writeFile(t, rp, data)
			}
			err := VerifyFile(root, f.verifyPath, f.content, f.packs, f.allowed, f.revoked, f.now)
			got, ok := ReasonOf(err)
			if tc.want == 0 {
				if err != nil {
					t.Fatalf("VerifyFile: %v", err)
				}
				return
			}
			if !ok || got != tc.want {
				t.Fatalf("VerifyFile reason = %s (%v), want %s", fmtReason(got, ok), err, tc.want)
			}
			var ve *VerifyError
			if !errors.As(err, &ve) || ve.Path != f.verifyPath || !strings.HasPrefix(err.Error(), f.verifyPath+": ") {
				t.Errorf("error %q does not name path %q", err, f.verifyPath)
			}
			checkNoSecret(t, err)
			t.Logf("%v", err)
			seen[tc.want] = tc.name
		})
	}
	for r := range reasonNames {
		if _, ok := seen[r]; !ok && r <= lastVerifyReason {
			t.Errorf("no test case yields %s", r)
		}
	}
}

// TestVerifyInMemory checks Verify on records that never went through a
// file, including a record whose fields are invalid.
func TestVerifyInMemory(t *testing.T) {
	s := newSigner(t)
	r := mustSign(t, unsignedRecord("a.md"), s)
	allowed := mustAllowed(t, allowedLine("alice@example.org", "", s.PublicKey()))
	if err := Verify("a.md", r, testContent, r.PacksDigest, allowed, nil, time.Time{}); err != nil {
		t.Fatalf("Verify: %v", err)
	}
	bad := r
	bad.Suppressions = append([]Suppression{}, r.Suppressions...)
	bad.Suppressions[0].Fingerprint = secret
	err := Verify("a.md", bad, testContent, r.PacksDigest, allowed, nil, time.Time{})
	if got, _ := ReasonOf(err); got != ReasonMalformed {
		t.Fatalf("Verify with clear text fingerprint: %v, want %s", err, ReasonMalformed)
	}
	checkNoSecret(t, err)
	if err := Verify("./a.md", r, testContent, r.PacksDigest, allowed, nil, time.Time{}); err == nil {
		t.Fatal("Verify accepted a non-canonical path")
	}
}

// TestVerifyDigest checks that a record verifies by its content's digest
// as it does by the content, and that another digest is a changed file.
func TestVerifyDigest(t *testing.T) {
	s := newSigner(t)
	r := mustSign(t, unsignedRecord("a.md"), s)
	allowed := mustAllowed(t, allowedLine("alice@example.org", "", s.PublicKey()))
	if err := VerifyDigest("a.md", r, ContentDigest(testContent), r.PacksDigest, allowed, nil, time.Time{}); err != nil {
		t.Fatalf("VerifyDigest: %v", err)
	}
	other := ContentDigest(append([]byte("x"), testContent...))
	if got, _ := ReasonOf(VerifyDigest("a.md", r, other, r.PacksDigest, allowed, nil, time.Time{})); got != ReasonContentChanged {
		t.Fatalf("VerifyDigest of other content: reason %s, want %s", got, ReasonContentChanged)
	}
}

func TestReasonStrings(t *testing.T) {
	names := map[string]bool{}
	for r := ReasonUnsigned; r <= LastReason; r++ {
		n := r.String()
		if strings.HasPrefix(n, "reason(") || names[n] {
			t.Errorf("reason %d has no distinct name: %q", int(r), n)
		}
		names[n] = true
		if _, ok := reasonText[r]; !ok {
			t.Errorf("reason %s has no message", r)
		}
	}
	e := &VerifyError{Path: "stories/a.md", Reason: ReasonContentChanged, Detail: "sha256 is 1, signed 2"}
	if got, want := e.Error(), "stories/a.md: content changed since it was signed off: sha256 is 1, signed 2"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if b, _ := ReasonPacksChanged.MarshalText(); string(b) != "packs-changed" {
		t.Errorf("MarshalText = %q", b)
	}
}

func TestVerifyFileIOError(t *testing.T) {
	root := t.TempDir()
	rp, _ := RecordPath(root, "a.md")
	if err := os.MkdirAll(rp, 0o755); err != nil { // a directory where the record should be
		t.Fatal(err)
	}
	err := VerifyFile(root, "a.md", testContent, "p", nil, nil, time.Time{})
	if err == nil {
		t.Fatal("VerifyFile accepted a directory as record")
	}
}
