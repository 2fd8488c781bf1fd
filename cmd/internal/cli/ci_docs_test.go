package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/rescue-stories/redact/cmd/internal/iostreams"
)

// The CI recipes in docs/ci.md and the pre-commit hook are meant to be
// copied as they are: these tests keep them parseable and in step with
// the flags the commands really have.

func repoFile(t *testing.T, rel string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "..", filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestPreCommitHook(t *testing.T) {
	var hooks []struct {
		ID       string `yaml:"id"`
		Name     string `yaml:"name"`
		Entry    string `yaml:"entry"`
		Language string `yaml:"language"`
		Files    string `yaml:"files"`
	}
	if err := yaml.Unmarshal(repoFile(t, ".pre-commit-hooks.yaml"), &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) != 1 {
		t.Fatalf("%d hooks, want 1", len(hooks))
	}
	h := hooks[0]
	if h.ID != "redact" || h.Entry != "redact scan" || h.Language != "golang" || h.Name == "" {
		t.Errorf("hook %+v", h)
	}
	re, err := regexp.Compile(h.Files)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"a.md": true, "s/b.markdown": true, "c.txt": true, "d.go": false, "e.md.redact.json": false, "f.mdx": false} {
		if re.MatchString(name) != want {
			t.Errorf("files %q matches %q: %v, want %v", h.Files, name, !want, want)
		}
	}
}

var fence = regexp.MustCompile("(?s)```yaml\n(.*?)```")

func TestCIDocWorkflows(t *testing.T) {
	doc := string(repoFile(t, "docs/ci.md"))
	blocks := fence.FindAllStringSubmatch(doc, -1)
	if len(blocks) < 3 {
		t.Fatalf("docs/ci.md has %d yaml blocks, want the GitHub workflow, the GitLab job and pre-commit", len(blocks))
	}
	for i, b := range blocks {
		var v any
		if err := yaml.Unmarshal([]byte(b[1]), &v); err != nil {
			t.Errorf("yaml block %d does not parse: %v\n%s", i+1, err, b[1])
		}
	}
	gh := blocks[0][1]
	for _, want := range []string{"fetch-depth: 0", "actions/setup-go", "redact verify --changed-since", "--format sarif > redact.sarif",
		"github/codeql-action/upload-sarif", "--format github", "origin/${{ github.base_ref }}"} {
		if !strings.Contains(gh, want) {
			t.Errorf("the GitHub workflow lacks %q", want)
		}
	}
	if !strings.Contains(blocks[1][1], "GIT_DEPTH: 0") || !strings.Contains(blocks[1][1], "redact verify --changed-since") {
		t.Error("the GitLab job lacks full history or the gate")
	}

	// Every flag the recipes give `redact verify` or `redact scan` exists.
	ios, _, _, _ := iostreams.Test()
	root := NewCmdRoot(NewFactory(ios))
	flagRE := regexp.MustCompile(`--([a-z][a-z-]+)`)
	// Join the continuation lines of folded YAML commands.
	joined := regexp.MustCompile(`\n\s+--`).ReplaceAllString(doc, " --")
	for _, line := range strings.Split(joined, "\n") {
		for _, verb := range []string{"verify", "scan", "signoff"} {
			i := strings.Index(line, "redact "+verb)
			if i < 0 {
				continue
			}
			cmd, _, err := root.Find([]string{verb})
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range flagRE.FindAllStringSubmatch(line[i:], -1) {
				if cmd.Flags().Lookup(m[1]) == nil && root.PersistentFlags().Lookup(m[1]) == nil {
					t.Errorf("docs/ci.md gives redact %s --%s, which does not exist: %s", verb, m[1], strings.TrimSpace(line))
				}
			}
		}
	}
}
