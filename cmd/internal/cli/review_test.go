package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/rescue-stories/redact/cmd/internal/iostreams"
	"github.com/rescue-stories/redact/redact"
)

// terminal is the test's side of a pseudo-terminal: it collects what the
// program writes and types answers.
type terminal struct {
	t    *testing.T
	ptm  *os.File
	mu   sync.Mutex
	buf  bytes.Buffer
	seen int
}

func (term *terminal) read() {
	b := make([]byte, 4096)
	for {
		n, err := term.ptm.Read(b)
		term.mu.Lock()
		term.buf.Write(b[:n])
		term.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// waitFor waits until the output after the last match contains s, and
// returns that output.
func (term *terminal) waitFor(s string) string {
	term.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		term.mu.Lock()
		out := term.buf.String()[term.seen:]
		term.mu.Unlock()
		if i := strings.Index(out, s); i >= 0 {
			term.seen += i + len(s)
			return out[:i+len(s)]
		}
		time.Sleep(10 * time.Millisecond)
	}
	term.mu.Lock()
	defer term.mu.Unlock()
	term.t.Fatalf("timed out waiting for %q; the terminal shows:\n%s", s, term.buf.String())
	return ""
}

func (term *terminal) typeLine(s string) {
	term.t.Helper()
	if _, err := term.ptm.Write([]byte(s + "\n")); err != nil {
		term.t.Fatal(err)
	}
}

const reviewStory = `Our investigators met Maria Santos on March 14, 2023.

A team of 12 officers came at 4:30 a.m. and Ana smiled.
You can reach her on +63 917 555 0142.
`

// TestReviewThroughPTY drives redact review on a pseudo-terminal: accept,
// edit, reject with a reason, skip; then checks the file, the decisions
// file, and that a later scan honours the decisions.
func TestReviewThroughPTY(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "story.md")
	if err := os.WriteFile(path, []byte(reviewStory), 0o600); err != nil {
		t.Fatal(err)
	}
	ptm, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptm.Close()
	term := &terminal{t: t, ptm: ptm}
	go term.read()

	ios := &iostreams.IOStreams{In: tty, Out: tty, ErrOut: tty, Getenv: func(string) string { return "" }}
	ios.SetTTY(true, true, true)
	done := make(chan int, 1)
	go func() {
		f := NewFactory(ios)
		f.Getwd = func() (string, error) { return dir, nil }
		f.Now = func() time.Time { return time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC) }
		root := NewCmdRoot(f)
		root.SetArgs([]string{"review", "--color=never", path})
		code := ExitOK
		if _, err := root.ExecuteC(); err != nil {
			printError(ios, "", err)
			code = exitCode(err)
		}
		done <- code
	}()

	// What to answer for each finding, by the text shown in [[ ]].
	answers := map[string][]string{
		"Maria Santos":                  {"a"},
		"on March 14, 2023":             {"e", "on a spring day"},
		"A team of 12 officers came at": {"r", "", "a general description, approved by security"},
		"4:30 a.m.":                     {"s"},
		"Ana":                           {"x", "reject", "pseudonym agreed with survivor"},
		"+63 917 555 0142":              {""},
	}
	marked := regexp.MustCompile(`\[\[(.*?)\]\]`)
	for total := len(answers); total > 0; total-- {
		shown := term.waitFor("quit (q) [a]: ")
		m := marked.FindAllStringSubmatch(shown, -1)
		if m == nil {
			t.Fatalf("no finding shown before the prompt:\n%s", shown)
		}
		text := m[len(m)-1][1]
		ans, ok := answers[text]
		if !ok {
			t.Fatalf("unexpected finding %q:\n%s", text, shown)
		}
		delete(answers, text)
		for i, a := range ans {
			if i > 0 {
				switch {
				case ans[0] == "e":
					term.waitFor("replacement: ")
				case a == "" || ans[i-1] == "" || ans[0] == "r" || ans[i-1] == "reject":
					term.waitFor("why keep it? (saved with the decision): ")
				default:
					term.waitFor("quit (q) [a]: ")
				}
			}
			term.typeLine(a)
		}
	}
	var code int
	select {
	case code = <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("review did not finish; the terminal shows:\n%s", term.buf.String())
	}
	term.waitFor("decisions saved in ")
	tty.Close()
	if code != ExitOK {
		t.Fatalf("exit %d; terminal:\n%s", code, term.buf.String())
	}
	if len(answers) != 0 {
		t.Fatalf("findings never shown: %v", answers)
	}

	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := `Our investigators met [name 1] on a spring day.

A team of 12 officers came at 4:30 a.m. and Ana smiled.
You can reach her on [phone number].
`
	if string(got) != want {
		t.Fatalf("story after review:\n%s\nwant:\n%s", got, want)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 kept", st.Mode().Perm())
	}

	data, err := os.ReadFile(redact.SidecarPath(path))
	if err != nil {
		t.Fatal(err)
	}
	ds, err := redact.ParseDecisions(data)
	if err != nil {
		t.Fatal(err)
	}
	actions := map[string]string{}
	for _, d := range ds.Decisions {
		key := d.Text
		if key == "" {
			key = d.Hint
		}
		actions[key] = d.Action + ":" + d.Reason + d.Replacement
	}
	wantActions := map[string]string{
		"A team of 12 officers came at": "keep:a general description, approved by security",
		"Ana":                           "keep:pseudonym agreed with survivor",
		"M.... 1.. 2...":                "replace:on a spring day",
	}
	for k, v := range wantActions {
		if actions[k] != v {
			t.Errorf("decision for %q = %q, want %q (all: %v)", k, actions[k], v, actions)
		}
	}
	if strings.Contains(string(data), "March") || strings.Contains(string(data), "Santos") {
		t.Errorf("the decisions file holds redacted text:\n%s", data)
	}

	// A later scan honours the decisions: kept findings are suppressed
	// with their reasons, and only the skipped time is still reported.
	sios, _, stdout, _ := iostreams.Test()
	f := NewFactory(sios)
	f.Getwd = func() (string, error) { return dir, nil }
	root := NewCmdRoot(f)
	root.SetArgs([]string{"scan", "--format", "json", path})
	_, _ = root.ExecuteC()
	var rep struct {
		Files []struct {
			Findings   []struct{ Text string }
			Suppressed []struct{ Text, Reason string }
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	var found, suppressed []string
	for _, x := range rep.Files[0].Findings {
		found = append(found, x.Text)
	}
	for _, x := range rep.Files[0].Suppressed {
		suppressed = append(suppressed, x.Text+" ("+x.Reason+")")
	}
	if strings.Join(found, "|") != "4:30 a.m." {
		t.Errorf("findings after review = %q, want only the skipped time", found)
	}
	wantSup := "A team of 12 officers came at (review decision: a general description, approved by security)|Ana (review decision: pseudonym agreed with survivor)"
	if strings.Join(suppressed, "|") != wantSup {
		t.Errorf("suppressed = %q\nwant %q", strings.Join(suppressed, "|"), wantSup)
	}
}
