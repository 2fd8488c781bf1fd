package rules

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// loadAttack loads a hostile pack and checks what every pack error must
// give: a PackErrors whose first error starts with want (file:line:col and
// the message), found within a second.
func loadAttack(t *testing.T, want string, paths ...string) {
	t.Helper()
	start := time.Now()
	_, err := LoadPaths(paths...)
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v", d)
	}
	if err == nil {
		t.Fatal("accepted")
	}
	var pe PackErrors
	if !errors.As(err, &pe) {
		t.Fatalf("error is %T, not PackErrors: %v", err, err)
	}
	if pe[0].Line == 0 {
		t.Errorf("no line: %v", err)
	}
	if !strings.HasPrefix(pe[0].Error(), want) {
		t.Errorf("error:\n got %s\nwant %s...", pe[0], want)
	}
}

// TestPackAttacks: packs crafted to exhaust time or memory, or to read
// files they should not, are refused quickly with a located error.
func TestPackAttacks(t *testing.T) {
	for file, want := range map[string]string{
		"alias-bomb.yaml":        `testdata/invalid/alias-bomb.yaml:2:1: unknown field "a"`,
		"alias-bomb-fields.yaml": `testdata/invalid/alias-bomb-fields.yaml:9:1: cannot unmarshal !!seq into string (and 89 more like it)`,
		"repeat-limit.yaml":      `testdata/invalid/repeat-limit.yaml:7:14: rule local.x: bad pattern "\\d{1001}": invalid repeat count`,
		"nest-limit.yaml":        `testdata/invalid/nest-limit.yaml:7:14: rule local.x: bad pattern "((((`,
		"program-limit.yaml":     `testdata/invalid/program-limit.yaml:8:14: rule local.x: pattern "(?:a{1000}|`,
		"escape.yaml":            `testdata/invalid/escape.yaml:6:17: rule local.names: data file "../../etc/passwd" leaves the pack's directory`,
		"data-absolute.yaml":     `testdata/invalid/data-absolute.yaml:6:17: rule local.names: data file "/etc/passwd" must be a relative path inside the pack's directory`,
	} {
		t.Run(file, func(t *testing.T) {
			loadAttack(t, want, filepath.Join("testdata/invalid", file))
		})
	}
}

func TestPatternLimits(t *testing.T) {
	// program-limit.yaml is refused by our limit, not by RE2.
	alts := make([]string, 0, 62)
	for _, c := range "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" {
		alts = append(alts, string(c)+"{1000}")
	}
	big := "(?:" + strings.Join(alts, "|") + ")"
	if _, err := regexp.Compile(big); err != nil {
		t.Fatalf("RE2 refuses it already (%v); the test needs a pattern it accepts", err)
	}
	if _, err := compilePatterns([]string{big}, false); err == nil || !strings.Contains(err.Error(), "compiles to 62063 instructions; the limit is 50000") {
		t.Errorf("compilePatterns: %v", err)
	}

	long := strings.Repeat("word|", MaxPatternLen/5+1) + "x"
	dir := t.TempDir()
	pack := "pack: local\nrules:\n  - id: x\n    category: name\n    kind: pattern\n    pattern: '" + long + "'\n"
	writeFile(t, filepath.Join(dir, "long.yaml"), pack)
	loadAttack(t, filepath.Join(dir, "long.yaml")+`:6:14: rule local.x: pattern "word|word|`, filepath.Join(dir, "long.yaml"))
	_, err := LoadPaths(filepath.Join(dir, "long.yaml"))
	if msg := err.Error(); len(msg) > 400 || !strings.Contains(msg, "pattern is 32771 bytes; the limit is 32768") {
		t.Errorf("message (%d bytes): %.400s", len(msg), msg)
	}

	// Every built-in pattern is well inside the limits.
	if _, err := LoadBuiltin("default"); err != nil {
		t.Fatal(err)
	}
}

// TestHugePack: a pack over MaxPackSize is refused from its size, before
// it is read or parsed, through LoadPaths and Parse alike.
func TestHugePack(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "huge.yaml")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("pack: local\nrules: []\n")
	if err := f.Truncate(1 << 30); err != nil { // sparse: no gigabyte on disk
		t.Fatal(err)
	}
	f.Close()
	loadAttack(t, p+":1:1: pack is 1073741824 bytes; the limit is 4194304", p)

	_, err = Parse(nil, "big.yaml", make([]byte, MaxPackSize+1))
	var pe PackErrors
	if !errors.As(err, &pe) || pe[0].Error() != "big.yaml:1:1: pack is 4194305 bytes; the limit is 4194304" {
		t.Errorf("Parse: %v", err)
	}
}

// TestTooManyRules: a pack of 50,000 one-line rules fits in 4 MiB but
// took half a minute to compile and would slow every scan; it is refused
// once its YAML is read, before any rule is checked or compiled. The last
// rule's pattern does not compile: were rules compiled first, its error
// would be the one reported. (No wall-clock bound: it failed under -race.)
func TestTooManyRules(t *testing.T) {
	var b strings.Builder
	b.WriteString("pack: local\nrules:\n")
	for i := range 50000 {
		fmt.Fprintf(&b, "  - {id: r%d, category: name, kind: pattern, pattern: 'w%dx[a-z]+'}\n", i, i)
	}
	b.WriteString("  - {id: broken, category: name, kind: pattern, pattern: 'w(x'}\n")
	p := filepath.Join(t.TempDir(), "many.yaml")
	writeFile(t, p, b.String())
	_, err := LoadPaths(p)
	want := p + ":3:3: pack has 50001 rules; the limit is 1000 (put long word lists in a terms rule)"
	if err == nil || err.Error() != want {
		t.Errorf("error:\n got %v\nwant %s", err, want)
	}
}

// TestDataFileEscapes: a data file may not lead out of the pack's
// directory, not by "..", not by an absolute path, and not through a
// symbolic link; a link that stays inside is fine.
func TestDataFileEscapes(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(dir, "outside.txt")
	packs := filepath.Join(dir, "packs")
	writeFile(t, outside, "Secret Name\n")
	writeFile(t, filepath.Join(packs, "real.txt"), "Maria Santos\n")
	if err := os.Symlink(outside, filepath.Join(packs, "out.txt")); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	if err := os.Symlink(filepath.Join("..", "outside.txt"), filepath.Join(packs, "rel-out.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.txt", filepath.Join(packs, "in.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, filepath.Join(packs, "updir")); err != nil {
		t.Fatal(err)
	}
	pack := func(file string) string {
		p := filepath.Join(packs, "p-"+strings.NewReplacer("/", "-", ".", "-").Replace(file)+".yaml")
		writeFile(t, p, "pack: local\nrules:\n  - id: names\n    category: name\n    kind: terms\n    terms_file: "+file+"\n")
		return p
	}
	for _, file := range []string{"out.txt", "rel-out.txt", "updir/outside.txt"} {
		t.Run(file, func(t *testing.T) {
			p := pack(file)
			loadAttack(t, p+`:6:17: rule local.names: data file "`+file+`" leaves the pack's directory through a symbolic link`, p)
		})
	}
	t.Run("link inside", func(t *testing.T) {
		ps, err := LoadPaths(pack("in.txt"))
		if err != nil {
			t.Fatal(err)
		}
		set, err := NewSet(ps...)
		if err != nil {
			t.Fatal(err)
		}
		if ms := MatchText(set, set.Rules[0], "We met Maria Santos."); len(ms) != 1 {
			t.Errorf("matches %v", ms)
		}
	})
}

// TestDataFileSize: a data file over MaxDataFileSize is refused from its
// size, with the rule's position.
func TestDataFileSize(t *testing.T) {
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "big.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxDataFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	p := filepath.Join(dir, "p.yaml")
	writeFile(t, p, "pack: local\nrules:\n  - id: names\n    category: name\n    kind: terms\n    terms_file: big.txt\n")
	loadAttack(t, p+`:6:17: rule local.names: data file "big.txt" is 67108865 bytes; the limit is 67108864`, p)
}

func writeFile(t *testing.T, name, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}
