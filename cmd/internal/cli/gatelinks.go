package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// gateLink decides what signoff and verify make of a symbolic link where
// content is expected. They never follow one: a link to content that the
// gate checks in its own place is only noted; any other link fails, as
// content that cannot be vouched for (verify's reason is
// signoff.ReasonSymbolicLink: a gate that skipped it silently would pass
// it). verb is "verified" or "signed off".
func gateLink(l *walkedLink, root string, cfg *Config, verb string) (note, fail string) {
	switch {
	case l.Err != nil:
		return "", fmt.Sprintf("symbolic link that does not resolve (%v): its content cannot be %s", l.Err, verb)
	case !l.within(root):
		return "", fmt.Sprintf("symbolic link to a %s outside the repository: its content cannot be %s", l.what(), verb)
	case !linkCheckedInPlace(l, root, cfg):
		return "", fmt.Sprintf("symbolic link to a %s that is not checked in its own place (hidden, excluded or not included): its content cannot be %s", l.what(), verb)
	}
	return fmt.Sprintf("symbolic link to a %s inside the repository; not followed (the target is %s in its own place)", l.what(), verb), ""
}

// linkCheckedInPlace reports whether the link leads to content that the
// gate checks in its own place: it resolves, inside the repository, to
// what a walk of the repository would check. Only such a link is a note.
func linkCheckedInPlace(l *walkedLink, root string, cfg *Config) bool {
	if l.Err != nil || !l.within(root) {
		return false
	}
	rel, err := filepath.Rel(root, l.Target)
	return err == nil && checkedInPlace(cfg, filepath.ToSlash(rel), l.Dir)
}

// gateArgs sorts the paths named to signoff or verify. scan follows a
// symbolic link named on the command line; the gate must not, or its
// verdict would depend on how a file was named (verify stories/link.md
// passing what a full verify fails). A named link is judged as a walk
// judges one (gateLink): it is returned in links, with Link set, and when
// it is only a note, its target joins follow, to be checked in its own
// place (under its own record). Other paths join follow as named.
func gateArgs(paths []string, root string, cfg *Config) (follow []string, links []input) {
	for _, a := range paths {
		// Cleaned: "stories/more/" names the link stories/more, and lstat
		// would follow it for the trailing slash.
		p := filepath.Clean(a)
		if a == "-" {
			follow = append(follow, a)
			continue
		}
		// The link that judges p: p itself, or the first linked folder of
		// the repository on the way to it (stories/ext/x.md, stories/ext
		// a link), as a walk would meet it.
		lp := p
		if st, err := os.Lstat(p); err != nil || st.Mode()&os.ModeSymlink == 0 {
			lp = linkedParent(p, root)
		}
		if lp != "" {
			l := resolveLink(lp)
			links = append(links, input{Path: lp, Link: l})
			if linkCheckedInPlace(l, root, cfg) {
				// Checked in its own place: the path through the link.
				follow = append(follow, shownPath(canonicalPath(p)))
			}
			continue
		}
		follow = append(follow, a)
	}
	return follow, links
}

// linkedParent returns the first folder on the way to p that is a
// symbolic link kept inside the repository root, or "".
func linkedParent(p, root string) string {
	parts := strings.Split(p, string(filepath.Separator))
	for i := 1; i < len(parts); i++ {
		q := strings.Join(parts[:i], string(filepath.Separator))
		if q == "" || q == "." || q == ".." {
			continue
		}
		st, err := os.Lstat(q)
		if err != nil || st.Mode()&os.ModeSymlink == 0 {
			continue
		}
		// A link above the repository (a system's /tmp -> /private/tmp)
		// is no link of its content.
		if within(root, canonicalPath(filepath.Dir(q))) {
			return q
		}
	}
	return ""
}

// shownPath is the absolute path abs relative to the working directory
// when it can be, for messages that name files as the user would.
func shownPath(abs string) string {
	wd, err := os.Getwd()
	if err != nil {
		return abs
	}
	if rel, err := filepath.Rel(canonicalPath(wd), abs); err == nil {
		return rel
	}
	return abs
}

// checkedInPlace reports whether a walk of the repository reaches the
// root-relative slash path rel and checks it: no hidden or excluded
// directory on the way, and, for a file, a content file by include and
// exclude. The root itself is checked.
func checkedInPlace(cfg *Config, rel string, dir bool) bool {
	if rel == "." {
		return dir
	}
	parts := strings.Split(rel, "/")
	dirs := len(parts) - 1
	if dir {
		dirs = len(parts)
	}
	for i := range dirs {
		if strings.HasPrefix(parts[i], ".") || matchAny(cfg.Exclude, strings.Join(parts[:i+1], "/"), parts[i]) {
			return false
		}
	}
	if dir {
		return true
	}
	base := parts[len(parts)-1]
	return matchAny(cfg.Include, rel, base) && !matchAny(cfg.Exclude, rel, base)
}

// contentLink reports whether the root-relative slash path rel is a
// symbolic link that holds content by the configuration: to a content
// file by its name, or to a directory that a walk would enter.
func contentLink(root string, cfg *Config, rel string) bool {
	p := filepath.Join(root, filepath.FromSlash(rel))
	st, err := os.Lstat(p)
	if err != nil || st.Mode()&os.ModeSymlink == 0 {
		return false
	}
	return checkedInPlace(cfg, rel, resolveLink(p).Dir)
}
