package signoff

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// fixedSigner is a deterministic ed25519 key (ed25519 signatures are
// deterministic too), so the whole signed record is a golden value.
func fixedSigner(t testing.TB) (ed25519.PrivateKey, string) {
	key := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))
	return key, authorizedKey(signerOf(t, key).PublicKey())
}

func goldenRecord() Record {
	return Record{
		Path:          "stories/2025/río-grande.md",
		ContentSHA256: ContentDigest([]byte("story\n")),
		PacksDigest:   "sha256:5f2b0c",
		Suppressions: []Suppression{
			{Fingerprint: Fingerprint("pii.name", "maria"), Rule: "pii.name", Category: "identity", Reason: "pseudonym <agreed> & \"approved\""},
		},
		Principal: "alice@example.org",
		SignedAt:  time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC),
		Tool:      "redact 0.1.0",
	}
}

const goldenPayload = `{"version":1,"path":"stories/2025/río-grande.md","content_sha256":"ec58ca8b0a2a8ab4c7ae1bcb0d8e2c32e7e4a5ae3b1d4d6c89c1b8f0e1bb1a3b","packs_digest":"sha256:5f2b0c","suppressions":[{"fingerprint":"FP","rule":"pii.name","category":"identity","reason":"pseudonym <agreed> & \"approved\""}],"principal":"alice@example.org","signed_at":"2025-03-01T09:30:00Z","tool":"redact 0.1.0","public_key":"PUB"}` + "\n"

func TestPayloadGolden(t *testing.T) {
	key, pub := fixedSigner(t)
	r := mustSign(t, goldenRecord(), signerOf(t, key))
	want := strings.NewReplacer(
		"ec58ca8b0a2a8ab4c7ae1bcb0d8e2c32e7e4a5ae3b1d4d6c89c1b8f0e1bb1a3b", ContentDigest([]byte("story\n")),
		"FP", Fingerprint("pii.name", "maria"),
		"PUB", pub,
	).Replace(goldenPayload)
	if diff := cmp.Diff(want, string(r.Payload())); diff != "" {
		t.Errorf("Payload mismatch (-want +got):\n%s", diff)
	}
	// The signature is not part of the payload.
	u := r
	u.Signature = ""
	if !bytes.Equal(u.Payload(), r.Payload()) {
		t.Error("Payload depends on Signature")
	}
	// Nil and empty suppressions give the same bytes.
	a, b := r, r
	a.Suppressions, b.Suppressions = nil, []Suppression{}
	if !bytes.Equal(a.Payload(), b.Payload()) || !bytes.Contains(a.Payload(), []byte(`"suppressions":[]`)) {
		t.Errorf("nil suppressions: %s", a.Payload())
	}
	file, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("record file:\n%s", file)
	if !bytes.HasSuffix(file, []byte("\"\n}\n")) || !bytes.Contains(file, []byte("  \"signature\": \"-----BEGIN SSH SIGNATURE-----\\n")) {
		t.Errorf("record file is not indented JSON ending with the signature:\n%s", file)
	}
	got, err := ParseRecord(file)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(r, got); diff != "" {
		t.Errorf("ParseRecord(Marshal) mismatch (-want +got):\n%s", diff)
	}
	// Signing is deterministic for ed25519: a second Sign gives the same file.
	again, _ := mustSign(t, goldenRecord(), signerOf(t, key)).Marshal()
	if !bytes.Equal(file, again) {
		t.Error("Sign is not deterministic for ed25519")
	}
}

// TestPayloadJQ checks the documented way to extract the payload without
// redact: jq -c 'del(.signature)' on the record file.
func TestPayloadJQ(t *testing.T) {
	jq, err := exec.LookPath("jq")
	if err != nil {
		t.Skip("jq not on PATH")
	}
	key, _ := fixedSigner(t)
	r := goldenRecord()
	r.Suppressions = append(r.Suppressions, Suppression{
		Fingerprint: Fingerprint("x", "y"), Rule: "geo.place", Category: "lieu", Reason: `back\slash, tab-free “quotes” 日本 ü`,
	})
	r = mustSign(t, r, signerOf(t, key))
	p := filepath.Join(t.TempDir(), "r.json")
	if err := Save(p, r); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(jq, "-c", "del(.signature)", p).Output()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(r.Payload()), string(out)); diff != "" {
		t.Errorf("jq payload differs (-Payload +jq):\n%s", diff)
	}
	sig, err := exec.Command(jq, "-r", ".signature", p).Output()
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(string(sig)) != strings.TrimSpace(r.Signature) {
		t.Errorf("jq -r .signature = %q", sig)
	}
}

func TestParseRecordStrict(t *testing.T) {
	key, _ := fixedSigner(t)
	good, err := mustSign(t, goldenRecord(), signerOf(t, key)).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseRecord(good); err != nil {
		t.Fatal(err)
	}
	noSups := goldenRecord()
	noSups.Suppressions = nil
	noSupsFile, err := mustSign(t, noSups, signerOf(t, key)).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseRecord(noSupsFile); err != nil {
		t.Fatal(err)
	}
	nullSups := bytes.Replace(noSupsFile, []byte(`"suppressions": []`), []byte(`"suppressions": null`), 1)
	edit := func(old, new string) []byte {
		if !bytes.Contains(good, []byte(old)) {
			t.Fatalf("no %q in record", old)
		}
		return bytes.Replace(good, []byte(old), []byte(new), 1)
	}
	tests := map[string][]byte{
		"duplicate key":        edit(`"tool": `, `"tool": "x", "tool": `),
		"case variant key":     edit(`"tool": `, `"Tool": `),
		"unknown key":          edit(`"tool": `, `"note": "x", "tool": `),
		"missing key":          edit(`"tool": "redact 0.1.0",`, ``),
		"unknown suppression":  edit(`"rule": `, `"text": "maria", "rule": `),
		"duplicate suppr key":  edit(`"rule": `, `"rule": "a", "rule": `),
		"null suppressions":    nullSups,
		"trailing data":        append(append([]byte{}, good...), []byte("{}")...),
		"signed_at offset":     edit(`2025-03-01T09:30:00Z`, `2025-03-01T09:30:00+00:00`),
		"signed_at fraction":   edit(`2025-03-01T09:30:00Z`, `2025-03-01T09:30:00.5Z`),
		"version 2":            edit(`"version": 1`, `"version": 2`),
		"version string":       edit(`"version": 1`, `"version": "1"`),
		"path absolute":        edit(`"stories/`, `"/stories/`),
		"path dotdot":          edit(`"stories/`, `"../stories/`),
		"content not hex":      edit(`"content_sha256": "`, `"content_sha256": "x`),
		"fingerprint as text":  edit(Fingerprint("pii.name", "maria"), "maria"),
		"control character":    edit(`"tool": "redact`, `"tool": "\u0007redact`),
		"bidi override":        edit(`"tool": "redact`, `"tool": "\u202eredact`),
		"principal with space": edit(`"alice@example.org"`, `"alice @example.org"`),
		"not an object":        []byte(`[]`),
		"empty":                nil,
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := ParseRecord(data)
			if !errors.Is(err, ErrInvalidRecord) {
				t.Fatalf("ParseRecord = %v, want ErrInvalidRecord", err)
			}
			if strings.Contains(err.Error(), "maria\"") {
				t.Errorf("error quotes suppressed text: %v", err)
			}
		})
	}
}

func TestSignRejects(t *testing.T) {
	s := newSigner(t)
	tests := map[string]func(r *Record){
		"empty path":         func(r *Record) { r.Path = "" },
		"absolute path":      func(r *Record) { r.Path = "/etc/passwd" },
		"unclean path":       func(r *Record) { r.Path = "stories//a.md" },
		"dot path":           func(r *Record) { r.Path = "./a.md" },
		"escaping path":      func(r *Record) { r.Path = "../a.md" },
		"backslash path":     func(r *Record) { r.Path = `stories\a.md` },
		"content digest":     func(r *Record) { r.ContentSHA256 = "abc" },
		"upper-case digest":  func(r *Record) { r.ContentSHA256 = strings.ToUpper(r.ContentSHA256) },
		"no packs digest":    func(r *Record) { r.PacksDigest = "" },
		"clear fingerprint":  func(r *Record) { r.Suppressions[0].Fingerprint = secret },
		"no rule":            func(r *Record) { r.Suppressions[0].Rule = "" },
		"newline in reason":  func(r *Record) { r.Suppressions[0].Reason = "a\nb" },
		"invalid utf-8":      func(r *Record) { r.Tool = "\xff" },
		"no principal":       func(r *Record) { r.Principal = "" },
		"principal comma":    func(r *Record) { r.Principal = "a@x,b@x" },
		"principal wildcard": func(r *Record) { r.Principal = "*@x" },
		"signed_at before 1970": func(r *Record) {
			r.SignedAt = time.Date(1969, 1, 1, 0, 0, 0, 0, time.UTC)
		},
	}
	for name, edit := range tests {
		t.Run(name, func(t *testing.T) {
			r := unsignedRecord("stories/a.md")
			r.Suppressions = append([]Suppression{}, r.Suppressions...)
			edit(&r)
			_, err := Sign(r, s)
			if !errors.Is(err, ErrInvalidRecord) {
				t.Fatalf("Sign = %v, want ErrInvalidRecord", err)
			}
			checkNoSecret(t, err)
		})
	}
	if _, err := Sign(unsignedRecord("a.md"), nil); err == nil {
		t.Error("Sign with nil signer succeeded")
	}
}

func TestSignFillsFields(t *testing.T) {
	s := newSigner(t)
	r := unsignedRecord("a.md")
	r.SignedAt = time.Time{}
	r.Version = 0
	r.PublicKey = "ssh-ed25519 AAAA bogus"
	r.Suppressions[0], r.Suppressions[1] = r.Suppressions[1], r.Suppressions[0]
	before := time.Now().Add(-time.Second)
	got := mustSign(t, r, s)
	if got.Version != Version || got.PublicKey != authorizedKey(s.PublicKey()) {
		t.Errorf("Sign did not set version/public_key: %d %q", got.Version, got.PublicKey)
	}
	if got.SignedAt.Before(before) || got.SignedAt.Location() != time.UTC || got.SignedAt.Nanosecond() != 0 {
		t.Errorf("SignedAt = %v", got.SignedAt)
	}
	if got.Suppressions[0].Rule != "geo.place" || r.Suppressions[0].Rule != "geo.place" {
		t.Errorf("suppressions not sorted in the copy only: %+v / %+v", got.Suppressions, r.Suppressions)
	}
	if got.OpenSSHVerifyTime() != got.SignedAt.Format("20060102150405Z") {
		t.Error("OpenSSHVerifyTime")
	}
	r2 := unsignedRecord("a.md")
	r2.SignedAt = time.Date(2025, 3, 1, 10, 30, 0, 999, time.FixedZone("CET", 3600))
	if got := mustSign(t, r2, s); !got.SignedAt.Equal(signedAt) || got.OpenSSHVerifyTime() != "20250301093000Z" {
		t.Errorf("SignedAt = %v, %s", got.SignedAt, got.OpenSSHVerifyTime())
	}
}

func TestFingerprint(t *testing.T) {
	// printf 'rule\0text' | sha256sum
	if got, want := Fingerprint("rule", "text"), "51653086602ba657a13ff4df0332510ee343e05a91384890525fc75167492b18"; got != want {
		t.Errorf("Fingerprint = %s, want %s", got, want)
	}
	if Fingerprint("ab", "c") == Fingerprint("a", "bc") {
		t.Error("Fingerprint is ambiguous without a separator")
	}
	if !isHexSHA256(Fingerprint("r", "t")) {
		t.Error("Fingerprint is not lowercase hex sha256")
	}
}

func TestRelPathAndCheckPath(t *testing.T) {
	root := t.TempDir()
	got, err := RelPath(root, filepath.Join(root, "stories", "a.md"))
	if err != nil || got != "stories/a.md" {
		t.Errorf("RelPath = %q, %v", got, err)
	}
	if _, err := RelPath(root, filepath.Dir(root)); err == nil {
		t.Error("RelPath accepted a path outside the root")
	}
	if _, err := RelPath(root, root); err == nil {
		t.Error("RelPath accepted the root itself")
	}
	wd, _ := os.Getwd()
	if _, err := RelPath(wd, "record_test.go"); err != nil {
		t.Errorf("RelPath with relative file: %v", err)
	}
	for _, ok := range []string{"a", "a.md", "stories/2025/a b.md", ".hidden/x", "ü/ß.md"} {
		if err := CheckPath(ok); err != nil {
			t.Errorf("CheckPath(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"", ".", "..", "/a", "a/", "a/../b", "../a", "a//b", `a\b`, "a\x00b", "a\nb"} {
		if err := CheckPath(bad); err == nil {
			t.Errorf("CheckPath(%q) accepted", bad)
		}
	}
}
