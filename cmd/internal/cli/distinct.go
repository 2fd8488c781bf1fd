package cli

// distinct drops inputs that name a file already in the list, by another
// path or through a symbolic link ("drafts/ drafts/a.md"). Apply writes
// each file as soon as it is planned, while other workers are still
// reading: a second copy could be read before or after the first is
// written, and either fail as changed since read or plan nothing, at
// random. Diff would show the same file twice. The first mention is kept.
func distinct(ins []input) []input {
	seen := make(map[string]bool, len(ins))
	out := ins[:0:0]
	for _, in := range ins {
		if in.Stdin || in.Skip != "" {
			out = append(out, in)
			continue
		}
		key := canonicalPath(in.Path)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, in)
	}
	return out
}
