package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/rescue-stories/redact/cmd/internal/iostreams"
	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/redact/eval"
)

// TestNothingLeaksInCI runs every command that reports on content, in
// every format, over the annotated fixture drafts with CI set, and checks
// that no finding's text appears anywhere: standard output, standard
// error, the GitHub step summary, or the sign-off records written.
// Secret scanners have leaked exactly this way into public CI logs and
// code-scanning alerts.
func TestNothingLeaksInCI(t *testing.T) {
	if testing.Short() {
		t.Skip("scans every fixture draft some twenty times")
	}
	drafts, err := filepath.Glob(filepath.Join("..", "..", "..", "fixtures", "drafts", "*.ann.md"))
	if err != nil || len(drafts) == 0 {
		t.Fatalf("no fixture drafts: %v", err)
	}
	sort.Strings(drafts)
	files := map[string]string{}
	for i, p := range drafts {
		ann, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		clean, _, err := eval.Strip(ann)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		// Neutral names: the fixtures' file names carry place names.
		files[fmt.Sprintf("drafts/d%02d.md", i+1)] = string(clean)
	}
	files["drafts/clean.md"] = "# A good day\n\nThe team held a workshop on safe reporting.\n"
	// Suppressions whose reasons quote what they excuse: an inline allow
	// and a review decision (added below, once its fingerprint is known).
	files["drafts/allowed.md"] = "# Story\n\nWe met Maria Santos in Boca Chica.\n" +
		"<!-- redact:allow \"Maria Santos\" reason=\"Maria Santos is the pseudonym she chose\" -->\n"
	r := newRepo(t, files)
	key := newTestKey(t, t.TempDir(), "reviewer", "ed25519")
	r.allow(key.line("reviewer@example.org", ""))

	addDecision(t, r, "drafts/allowed.md", "Boca Chica", "we may say Boca Chica, the town is large")
	secrets := findingTexts(t, r)
	if len(secrets) < 100 {
		t.Fatalf("only %d finding texts over %d drafts: the scan is not finding what the fixtures mark", len(secrets), len(drafts))
	}

	summary := filepath.Join(t.TempDir(), "step-summary.md")
	ci := map[string]string{"CI": "true", "GITHUB_STEP_SUMMARY": summary}
	// A clean file is signed off, so verify reports both outcomes.
	if res := runCLI(t, ci, "signoff", "drafts/clean.md", "--key", key.privFile); res.code != 0 {
		t.Fatalf("signoff of the clean draft:\n%s", res)
	}

	type invocation struct {
		env  map[string]string
		args []string
	}
	// Every format over every draft; the other flags over a few, to keep
	// the test quick (each full run scans 25 drafts).
	var runs []invocation
	for _, format := range formats {
		runs = append(runs,
			invocation{ci, []string{"scan", "--format", format, "drafts"}},
			invocation{ci, []string{"verify", "--format", format}},
		)
	}
	few := []string{"drafts/d01.md", "drafts/d02.md", "drafts/d03.md", "drafts/clean.md"}
	with := func(args ...string) []string { return append(args, few...) }
	runs = append(runs,
		invocation{ci, []string{"signoff", "drafts", "--key", key.privFile}},
		invocation{ci, []string{"scan", "--explain", "drafts"}},
		invocation{ci, with("scan", "--verbose", "--format", "json", "--explain")},
		invocation{ci, with("verify", "--format", "github", "--max-annotations", "1000")},
		invocation{ci, []string{"scan", "--format", "json", "drafts/allowed.md"}},
		invocation{ci, []string{"verify", "--format", "json", "drafts/allowed.md"}},
		// --mask without CI.
		invocation{nil, with("scan", "--mask")},
		invocation{nil, with("scan", "--mask", "--format", "json")},
		invocation{nil, with("verify", "--mask")},
		invocation{nil, with("signoff", "--mask", "--key", key.privFile)},
	)
	if scan := command("scan"); scan.Flags().Lookup("show-suppressed") != nil {
		runs = append(runs, invocation{ci, []string{"scan", "--show-suppressed", "drafts/allowed.md"}})
	}
	if command("explain") != nil {
		runs = append(runs, invocation{ci, with("explain")})
	}
	if diff := command("diff"); diff != nil {
		runs = append(runs, invocation{ci, with("diff")})
		if diff.Flags().Lookup("mask") != nil {
			runs = append(runs, invocation{nil, with("diff", "--mask")})
		}
	}

	// Tool output that is not content: hashes, key fingerprints, sign-off
	// times, signatures and the temporary directories, whose random
	// characters could match a finding (a sign-off made at 16:00 holds a
	// finding's "6:00"; a signature's base64 once held "Mae").
	hashes := regexp.MustCompile(`[0-9a-f]{16,}|SHA256:[A-Za-z0-9+/=]+|[A-Za-z0-9+/]{40,}={0,2}|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)`)
	rulePattern := regexp.MustCompile(`(?m): pattern .*$`)
	// A finding's position ("d07.md:19:109:") is no content either, and a
	// clock time can be read in it ("19:10").
	positions := regexp.MustCompile(`\.md:\d+:\d+`)
	scrub := func(s string) string {
		s = strings.ReplaceAll(s, r.dir, "$REPO")
		s = strings.ReplaceAll(s, filepath.Dir(key.privFile), "$KEYS")
		s = positions.ReplaceAllString(s, ".md:#:#")
		return hashes.ReplaceAllString(s, "#")
	}
	for _, inv := range runs {
		res := runCLI(t, inv.env, inv.args...)
		if res.code == ExitError {
			t.Errorf("redact %s: tool error:\n%s", strings.Join(inv.args, " "), res)
		}
		if res.stdout == "" && inv.args[0] != "signoff" {
			t.Errorf("redact %s printed nothing", strings.Join(inv.args, " "))
		}
		out := scrub(res.stdout + res.stderr)
		if inv.args[0] == "explain" {
			// explain quotes the rule's own pattern, which may hold words
			// such as "Calle" that are also findings elsewhere.
			out = rulePattern.ReplaceAllString(out, "")
		}
		checkNoLeak(t, "redact "+strings.Join(inv.args, " "), out, secrets)
	}
	sum, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(sum), "| Text (masked) |") {
		t.Errorf("the step summary has no findings table:\n%s", sum)
	}
	checkNoLeak(t, "step summary", scrub(string(sum)), secrets)
	recs, _ := filepath.Glob(filepath.Join(r.dir, ".redact", "signoffs", "drafts", "*.json"))
	if len(recs) == 0 {
		t.Error("no sign-off record was written")
	}
	for _, p := range recs {
		checkNoLeak(t, p, scrub(mustRead(t, p)), secrets)
	}
	// The check itself can fail: without masking the texts are there.
	res := runCLI(t, nil, "scan", "drafts")
	leaked := 0
	for _, s := range secrets {
		if strings.Contains(res.stdout, s) {
			leaked++
		}
	}
	if leaked < len(secrets)/2 {
		t.Errorf("an unmasked scan shows only %d of %d texts: the leak check would not notice a leak", leaked, len(secrets))
	}
}

// addDecision writes a review decision that keeps the finding whose text
// is text in path, with a reason.
func addDecision(t *testing.T, r *repo, path, text, reason string) {
	t.Helper()
	sc, err := newScanner(NewFactory(iostreams.System()))
	if err != nil {
		t.Fatal(err)
	}
	res, err := sc.Scan(path, []byte(r.read(path)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Text == text {
			d := redact.Decisions{}
			d.Set(redact.DecisionFor(f, redact.ActionKeep, "", reason, time.Time{}))
			data, err := d.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			r.write(redact.SidecarPath(path), string(data))
			return
		}
	}
	t.Fatalf("no finding %q in %s", text, path)
}

// findingTexts scans every draft as the CLI would and returns the texts of
// its findings and suppressed findings, at least 3 bytes long.
func findingTexts(t *testing.T, r *repo) []string {
	t.Helper()
	f := NewFactory(iostreams.System())
	sc, err := newScanner(f)
	if err != nil {
		t.Fatal(err)
	}
	set, err := f.Rules()
	if err != nil {
		t.Fatal(err)
	}
	// A text that is also a word of the tool's own vocabulary (a rule ID
	// such as default.identifier.plate, a message, a replacement) shows in
	// any report, masked or not; it is no leak of the draft.
	var vocab strings.Builder
	for _, rl := range set.Rules {
		fmt.Fprintf(&vocab, "%s\n%s\n%s\n%s\n", rl.ID, rl.Category, rl.Message, rl.Replace)
	}
	paths, _ := filepath.Glob(filepath.Join(r.dir, "drafts", "*.md"))
	seen := map[string]bool{}
	var out, skipped []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if len(s) < 3 || seen[s] {
			return
		}
		seen[s] = true
		if strings.Contains(vocab.String(), s) {
			skipped = append(skipped, s)
			return
		}
		// A short bare number ("2021") also stands in reports as a line,
		// column or byte offset. Masks turn every digit into '#', so a
		// number can only leak through a path that prints raw text, which
		// the other texts catch.
		if len(s) <= 5 && strings.Trim(s, "0123456789") == "" {
			skipped = append(skipped, s)
			return
		}
		out = append(out, s)
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		res, err := sc.Scan(p, src)
		if err != nil {
			t.Fatal(err)
		}
		for _, fd := range res.Findings {
			add(fd.Text)
		}
		for _, s := range res.Suppressed {
			add(s.Finding.Text)
		}
	}
	if len(skipped) > 0 {
		t.Logf("not checked (words of the rules themselves, or bare numbers): %q", skipped)
	}
	sort.Strings(out)
	return out
}

func checkNoLeak(t *testing.T, what, out string, secrets []string) {
	t.Helper()
	var found []string
	for _, s := range secrets {
		if strings.Contains(out, s) {
			found = append(found, fmt.Sprintf("%q", s))
		}
	}
	if len(found) > 0 {
		if len(found) > 10 {
			found = append(found[:10], fmt.Sprintf("and %d more", len(found)-10))
		}
		t.Errorf("%s shows sensitive text: %s", what, strings.Join(found, ", "))
	}
}

// command returns the root's subcommand name, or nil: the test covers
// the diff command once it exists.
func command(name string) *cobra.Command {
	ios, _, _, _ := iostreams.Test()
	for _, c := range NewCmdRoot(NewFactory(ios)).Commands() {
		if c.Name() == name {
			return c
		}
	}
	return nil
}
