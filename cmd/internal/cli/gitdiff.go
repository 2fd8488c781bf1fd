package cli

import (
	"fmt"
	"strings"
)

// change is one entry of git diff --name-status: Status is A, C, D, M, R,
// T or U; Old is set for renames and copies.
type change struct {
	Status byte
	Path   string
	Old    string
}

// changedSince lists what changed in the work tree under root against the
// merge base of ref and HEAD: what a pull request from HEAD into ref
// touched, with renames detected. Paths are slash paths relative to root.
func changedSince(root, ref string) ([]change, error) {
	if strings.HasPrefix(ref, "-") {
		return nil, fmt.Errorf("--changed-since %q: not a git revision", ref)
	}
	base, err := gitOutput(root, "merge-base", ref, "HEAD")
	if err != nil {
		return nil, fmt.Errorf("--changed-since %s: %w (in CI, check out the full history: fetch-depth: 0)", ref, err)
	}
	base = strings.TrimSpace(base)
	out, err := gitOutput(root, "-c", "core.quotepath=false", "diff", "--name-status", "-z", "-M", "--no-ext-diff", "--relative", base, "--")
	if err != nil {
		return nil, fmt.Errorf("--changed-since %s: %w", ref, err)
	}
	return parseNameStatus(out)
}

// parseNameStatus parses git diff --name-status -z output: a status field
// ("M", "R087", ...) then one path, or two for renames and copies, each
// NUL-terminated.
func parseNameStatus(out string) ([]change, error) {
	fields := strings.Split(out, "\x00")
	if n := len(fields); n > 0 && fields[n-1] == "" {
		fields = fields[:n-1]
	}
	var cs []change
	for i := 0; i < len(fields); {
		st := fields[i]
		if st == "" {
			return nil, fmt.Errorf("git diff: empty status at field %d", i+1)
		}
		c := change{Status: st[0]}
		switch c.Status {
		case 'R', 'C':
			if i+2 >= len(fields) {
				return nil, fmt.Errorf("git diff: %s without two paths", st)
			}
			c.Old, c.Path = fields[i+1], fields[i+2]
			i += 3
		case 'A', 'D', 'M', 'T', 'U', 'X':
			if i+1 >= len(fields) {
				return nil, fmt.Errorf("git diff: %s without a path", st)
			}
			c.Path = fields[i+1]
			i += 2
		default:
			return nil, fmt.Errorf("git diff: unknown status %q", st)
		}
		if c.Path == "" || (c.Status == 'R' || c.Status == 'C') && c.Old == "" {
			return nil, fmt.Errorf("git diff: %s with an empty path", st)
		}
		cs = append(cs, c)
	}
	return cs, nil
}
