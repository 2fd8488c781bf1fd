package rules

// MatchText runs one rule over a plain text as a single paragraph, with the
// set's allow lists and the asterisk-pseudonym convention applied as the
// scanner does: what `rules test` and the example tests use.
func MatchText(set *Set, r *Rule, text string) []Match {
	t := NewText(text, "paragraph")
	var ps Pseudonyms
	if set != nil && set.Allow.Pseudonyms {
		ps = FindPseudonyms(text)
	}
	var out []Match
	for _, m := range r.Find(t) {
		if set != nil && set.Allow.Allows(t, m.Start, m.End) {
			continue
		}
		if ps.Has(text[m.Start:m.End]) {
			continue
		}
		out = append(out, m)
	}
	return out
}
