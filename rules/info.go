package rules

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// Digest identifies this pack file and the data files it read.
func (p *Pack) Digest() string {
	h := sha256.New()
	for _, src := range p.sources {
		fmt.Fprintf(h, "%d\n", len(src))
		h.Write(src)
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// PackOf returns the pack that defines a rule of the set.
func (s *Set) PackOf(r *Rule) *Pack {
	for _, p := range s.Packs {
		if p.File == r.File && p.Name == r.Pack {
			return p
		}
	}
	return nil
}

// RuleSource returns the YAML that defines rule id in the pack, as written
// (indentation removed), or "" when the pack does not define it.
func (p *Pack) RuleSource(id string) string {
	if len(p.sources) == 0 {
		return ""
	}
	raw, root := rawOf(p)
	if raw == nil {
		return ""
	}
	nodes := ruleNodes(root)
	lines := strings.Split(string(p.sources[0]), "\n")
	for i := range raw.Rules {
		if i >= len(nodes) || p.Name+"."+raw.Rules[i].ID != id {
			continue
		}
		start, end := nodes[i].Line-1, len(lines)
		if i+1 < len(nodes) {
			end = nodes[i+1].Line - 1
		}
		// Trailing blank lines and comments belong to the next rule.
		for end > start+1 && (strings.TrimSpace(lines[end-1]) == "" || strings.HasPrefix(strings.TrimSpace(lines[end-1]), "#")) {
			end--
		}
		block := lines[start:end]
		indent := nodes[i].Column - 1
		var b strings.Builder
		for k, ln := range block {
			if k == 0 {
				// The first line starts after "- ".
				if len(ln) >= indent {
					ln = ln[indent:]
				}
			} else if len(ln) >= indent && strings.TrimSpace(ln[:indent]) == "" {
				ln = ln[indent:]
			}
			b.WriteString(ln)
			b.WriteByte('\n')
		}
		return b.String()
	}
	return ""
}

// ReadSalt returns the salt of a pack file without compiling its rules, for
// `redact rules hash --pack` on a pack that has no hashed entries yet.
func ReadSalt(name string, data []byte) (string, error) {
	raw, _, errs := decodePack(name, bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if errs != nil {
		return "", errs
	}
	if raw.Salt == "" {
		return "", &PackError{File: name, Line: 1, Col: 1, Msg: "the pack has no salt; add `salt:` (`redact rules hash --new-salt` makes one)"}
	}
	return raw.Salt, nil
}
