package rules

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/rescue-stories/redact/rules/fold"
)

// A hashed rule is a deny list that does not reveal what it denies: each
// entry is the hex HMAC-SHA256, keyed with the pack's salt, of a term's
// folded form (fold.Key: lower case, no accents, single spaces). The scanner
// hashes every run of one to max_words (default 4) words and flags the runs
// whose hash is listed. `redact rules hash` makes entries.
//
// The salt stops a precomputed table from being used against every pack at
// once; it does not stop someone who has the pack from hashing a guessed
// name with it. Keep packs with hashed lists as private as the drafts.

// DefaultHashedWords is how many words a hashed rule tries per position.
const DefaultHashedWords = 4

// HashTerm returns the entry for term under salt.
func HashTerm(salt, term string) string {
	mac := hmac.New(sha256.New, []byte(salt))
	mac.Write([]byte(fold.Key(term)))
	return hex.EncodeToString(mac.Sum(nil))
}

// NewSalt returns a random salt for a new pack.
func NewSalt() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("make salt: %w", err)
	}
	return hex.EncodeToString(b), nil
}

type hashedMatcher struct {
	salt     []byte
	sums     map[[sha256.Size]byte]bool
	maxWords int
	hyphens  bool
}

func (m *hashedMatcher) find(t *Text, emit func(Match)) {
	toks := t.Tokens
	mac := hmac.New(sha256.New, m.salt)
	var sum [sha256.Size]byte
	for i := 0; i < len(toks); i++ {
		n := 1
		for n < m.maxWords && i+n < len(toks) && t.Joinable(i+n, m.hyphens) {
			n++
		}
		for ; n >= 1; n-- {
			mac.Reset()
			mac.Write([]byte(t.Key(i, i+n)))
			mac.Sum(sum[:0])
			if m.sums[sum] {
				emit(Match{Start: toks[i].Start, End: toks[i+n-1].End,
					Why: fmt.Sprintf("hashed term (%d-word entry %s…)", n, hex.EncodeToString(sum[:4]))})
				i += n - 1
				break
			}
		}
	}
}

// parseHash reads one entry: 64 hex digits. Errors never repeat the entry:
// a wrong one may be a name pasted in the clear.
func parseHash(s string) ([sha256.Size]byte, error) {
	var out [sha256.Size]byte
	s = strings.TrimSpace(s)
	if len(s) != 2*sha256.Size {
		return out, fmt.Errorf("entry of %d characters is not an HMAC-SHA256 (64 hex digits); make entries with `redact rules hash`", len(s))
	}
	if _, err := hex.Decode(out[:], []byte(s)); err != nil {
		return out, fmt.Errorf("entry is not an HMAC-SHA256 (64 hex digits); make entries with `redact rules hash`")
	}
	return out, nil
}

func (c *compiler) hashed(rr *rawRule, n *yaml.Node, full string) *hashedMatcher {
	m := &hashedMatcher{salt: []byte(c.salt), sums: map[[sha256.Size]byte]bool{}, maxWords: rr.MaxWords, hyphens: rr.Hyphens}
	if c.salt == "" {
		l, cl := fieldPos(n, "kind")
		c.errorf(l, cl, full, "kind hashed needs the pack's salt (a top-level `salt:`; `redact rules hash --new-salt` makes one)")
	}
	if len(rr.Terms) > 0 || rr.TermsFile != "" {
		// Never echo the terms: they may be the names the rule protects.
		l, cl := fieldPos(n, "terms")
		if rr.TermsFile != "" {
			l, cl = fieldPos(n, "terms_file")
		}
		c.errorf(l, cl, full, "kind hashed lists hashes, never plain terms; turn them into entries with `redact rules hash`")
	}
	if m.maxWords == 0 {
		m.maxWords = DefaultHashedWords
	}
	if m.maxWords < 1 || m.maxWords > 8 {
		l, cl := fieldPos(n, "max_words")
		c.errorf(l, cl, full, "max_words must be between 1 and 8 for kind hashed")
	}
	for i, h := range rr.Hashes {
		sum, err := parseHash(h)
		if err != nil {
			l, cl := seqItemPos(n, "hashes", i)
			c.errorf(l, cl, full, "hashes: %v", err)
			continue
		}
		m.sums[sum] = true
	}
	if rr.HashesFile != "" {
		data, err := c.readData(rr.HashesFile)
		if err != nil {
			l, cl := fieldPos(n, "hashes_file")
			c.errorf(l, cl, full, "%v", err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			sum, err := parseHash(line)
			if err != nil {
				l, cl := fieldPos(n, "hashes_file")
				c.errorf(l, cl, full, "%s line %d: %v", rr.HashesFile, i+1, err)
				continue
			}
			m.sums[sum] = true
		}
	}
	if len(rr.Hashes) == 0 && rr.HashesFile == "" {
		l, cl := fieldPos(n, "hashes")
		c.errorf(l, cl, full, "kind hashed needs hashes or hashes_file")
	}
	return m
}

// HashCount is the number of entries of a hashed rule (0 for other kinds).
func (r *Rule) HashCount() int {
	if m, ok := r.matcher.(*hashedMatcher); ok {
		return len(m.sums)
	}
	return 0
}
