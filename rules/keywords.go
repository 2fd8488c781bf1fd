package rules

import "strings"

// keywordSet answers whether a lowered text contains one of a rule's
// keywords (strings.Contains of any), in one pass over the text. Searching
// for each keyword in turn read a text once per keyword that is not in it:
// a rule of fifty-five keywords (case numbers) did so for most segments
// its patterns' literals let through, about 2 % of a corpus scan. Here a
// byte names the one-byte keywords and a pair of bytes the longer ones
// that start with it, each pair a bit of a 64K-bit table.
type keywordSet struct {
	any    bool                  // an empty keyword: every text contains it
	single [4]uint64             // the one-byte keywords, a bit each
	pairs  *[1 << 16 / 64]uint64 // bit p: a longer keyword starts with bytes p>>8, p&0xff
	byPair map[uint16][]string
}

func newKeywordSet(words []string) *keywordSet {
	ks := &keywordSet{}
	for _, w := range words {
		switch len(w) {
		case 0:
			ks.any = true
		case 1:
			ks.single[w[0]>>6] |= 1 << (w[0] & 63)
		default:
			if ks.pairs == nil {
				ks.pairs = new([1 << 16 / 64]uint64)
				ks.byPair = map[uint16][]string{}
			}
			p := uint16(w[0])<<8 | uint16(w[1])
			ks.pairs[p>>6] |= 1 << (p & 63)
			ks.byPair[p] = append(ks.byPair[p], w)
		}
	}
	return ks
}

// in reports whether s contains one of the keywords.
func (ks *keywordSet) in(s string) bool {
	if ks.any {
		return true
	}
	single, pairs := &ks.single, ks.pairs
	for i := 0; i < len(s); i++ {
		c := s[i]
		if single[c>>6]&(1<<(c&63)) != 0 {
			return true
		}
		if pairs == nil || i+1 == len(s) {
			continue
		}
		p := uint16(c)<<8 | uint16(s[i+1])
		if pairs[p>>6]&(1<<(p&63)) == 0 {
			continue
		}
		for _, w := range ks.byPair[p] {
			if strings.HasPrefix(s[i:], w) {
				return true
			}
		}
	}
	return false
}
