package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestCheckedInPlace(t *testing.T) {
	cfg := &Config{Include: DefaultInclude, Exclude: []string{"archive/**", "*.tmp.md"}}
	for _, tc := range []struct {
		rel  string
		dir  bool
		want bool
	}{
		{"stories/a.md", false, true},
		{"a.md", false, true},
		{"stories/a.png", false, false},    // not included
		{"stories/a.tmp.md", false, false}, // excluded by name
		{"archive/a.md", false, false},     // excluded directory
		{".drafts/a.md", false, false},     // hidden directory
		{"stories/.hidden/a.md", false, false},
		{"stories", true, true},
		{"stories/.hidden", true, false},
		{"archive", true, false},
		{".", true, true}, // the root itself
	} {
		if got := checkedInPlace(cfg, tc.rel, tc.dir); got != tc.want {
			t.Errorf("checkedInPlace(%q, dir=%v) = %v, want %v", tc.rel, tc.dir, got, tc.want)
		}
	}
}

func TestGateLink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	base := t.TempDir()
	root := filepath.Join(base, "repo")
	for _, p := range []string{"repo/stories/a.md", "repo/.drafts/h.md", "repo/archive/o.md", "outside/secret.md", "repo/stories/x.png"} {
		writeFile(t, filepath.Join(base, filepath.FromSlash(p)), "text")
	}
	links := map[string]string{
		"in.md":     "a.md",
		"dir":       "../archive",
		"hidden.md": "../.drafts/h.md",
		"out.md":    "../../outside/secret.md",
		"outdir":    "../../outside",
		"gone.md":   "nowhere.md",
		"loop.md":   "loop.md",
		"pic.md":    "x.png",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, "stories", name)); err != nil {
			t.Fatal(err)
		}
	}
	root = resolvedPath(root)
	cfg := &Config{Include: DefaultInclude}
	for _, tc := range []struct {
		name, note, fail string
	}{
		{"in.md", "symbolic link to a file inside the repository; not followed (the target is verified in its own place)", ""},
		{"dir", "symbolic link to a directory inside the repository; not followed (the target is verified in its own place)", ""},
		{"hidden.md", "", "symbolic link to a file that is not checked in its own place (hidden, excluded or not included): its content cannot be verified"},
		{"pic.md", "", "symbolic link to a file that is not checked in its own place (hidden, excluded or not included): its content cannot be verified"},
		{"out.md", "", "symbolic link to a file outside the repository: its content cannot be verified"},
		{"outdir", "", "symbolic link to a directory outside the repository: its content cannot be verified"},
		{"gone.md", "", "symbolic link that does not resolve (no such file or directory): its content cannot be verified"},
		{"loop.md", "", "symbolic link that does not resolve (too many levels of symbolic links): its content cannot be verified"},
	} {
		note, fail := gateLink(resolveLink(filepath.Join(root, "stories", tc.name)), root, cfg, "verified")
		if note != tc.note || fail != tc.fail {
			t.Errorf("%s: note %q, fail %q\nwant note %q, fail %q", tc.name, note, fail, tc.note, tc.fail)
		}
	}
	// A link whose target is excluded by the configuration is not checked
	// in its own place.
	if _, fail := gateLink(resolveLink(filepath.Join(root, "stories", "dir")), root, &Config{Include: DefaultInclude, Exclude: []string{"archive/**"}}, "verified"); !strings.Contains(fail, "not checked in its own place") {
		t.Errorf("link to an excluded directory: fail %q", fail)
	}

	for rel, want := range map[string]bool{
		"stories/in.md":  true,
		"stories/dir":    true,  // a directory a walk would enter
		"stories/outdir": true,  // judged by gateLink, which fails it
		"stories/a.md":   false, // a file, not a link
		"stories/nope":   false,
	} {
		if got := contentLink(root, cfg, rel); got != want {
			t.Errorf("contentLink(%q) = %v, want %v", rel, got, want)
		}
	}
}
