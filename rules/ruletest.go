package rules

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
)

// ExampleResult is the outcome of one of a rule's examples: a flag example
// passes when the rule matches it, an allow example when it does not.
type ExampleResult struct {
	Rule  *Rule
	Text  string
	Flag  bool // a flag example (else an allow example)
	Found []Match
}

// Pass reports whether the example behaved as written.
func (e ExampleResult) Pass() bool { return (len(e.Found) > 0) == e.Flag }

// TestExamples runs every example of r as the scanner would see it in a
// paragraph, with the set's allow lists and pseudonym convention.
func TestExamples(set *Set, r *Rule) []ExampleResult {
	var out []ExampleResult
	for _, ex := range r.Examples.Flag {
		out = append(out, ExampleResult{Rule: r, Text: ex, Flag: true, Found: MatchText(set, r, ex)})
	}
	for _, ex := range r.Examples.Allow {
		out = append(out, ExampleResult{Rule: r, Text: ex, Found: MatchText(set, r, ex)})
	}
	return out
}

// TestFile is an annotated draft a pack ships as a test.
type TestFile struct {
	Name string // for display: the path beside the pack file
	Data []byte
}

// DefaultTests is where a pack's tests are found when it names none.
const DefaultTests = "tests/*.ann.md"

// TestFiles reads the annotated drafts of a pack: the globs of its `tests`
// field, or tests/*.ann.md beside it. Paths are relative to the pack's
// directory and may not leave it.
func (p *Pack) TestFiles() ([]TestFile, error) {
	if p.origin.fsys == nil {
		return nil, nil
	}
	globs := p.Tests
	explicit := len(globs) > 0
	if !explicit {
		globs = []string{DefaultTests}
	}
	dir := path.Dir(p.origin.name)
	var names []string
	seen := map[string]bool{}
	for _, g := range globs {
		pat := path.Join(dir, g)
		if !fs.ValidPath(pat) || (dir != "." && !isUnder(pat, dir)) {
			return nil, fmt.Errorf("%s: tests %q leaves the pack's directory", p.File, g)
		}
		ms, err := fs.Glob(p.origin.fsys, pat)
		if err != nil {
			return nil, fmt.Errorf("%s: tests %q: %w", p.File, g, err)
		}
		if len(ms) == 0 && explicit {
			return nil, fmt.Errorf("%s: tests %q matches no file", p.File, g)
		}
		for _, m := range ms {
			if !seen[m] {
				seen[m] = true
				names = append(names, m)
			}
		}
	}
	sort.Strings(names)
	var out []TestFile
	for _, m := range names {
		data, err := fs.ReadFile(p.origin.fsys, m)
		if err != nil {
			return nil, fmt.Errorf("%s: read test: %w", p.File, err)
		}
		rel := m
		if dir != "." {
			rel = m[len(dir)+1:]
		}
		out = append(out, TestFile{Name: filepath.Join(filepath.Dir(p.File), filepath.FromSlash(rel)), Data: data})
	}
	return out, nil
}

func isUnder(p, dir string) bool {
	return len(p) > len(dir) && p[:len(dir)] == dir && p[len(dir)] == '/'
}
