package rules

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/rescue-stories/redact/rules/fold"
)

// Candidate is one match a rule's kind proposed, and what the rule's own
// conditions made of it: `redact explain` shows both the matches that
// became findings and those that were dropped, and why.
type Candidate struct {
	Match
	// Dropped says why the rule rejected the candidate; empty when kept.
	Dropped string
	// Context lists the context conditions that fired (or, for require,
	// failed), in the order the rule gives them.
	Context []ContextEffect
}

// ContextEffect is one context condition that changed a candidate.
type ContextEffect struct {
	Effect string   // require, exclude, raise, lower
	Words  []string // the words or patterns found (none for a failed require)
	Window string   // "before 3", "after 2", "within"
}

func (c ContextEffect) String() string {
	if len(c.Words) == 0 {
		return fmt.Sprintf("%s: none of its words %s", c.Effect, c.Window)
	}
	return fmt.Sprintf("%s: %s %s", c.Effect, quoteAll(c.Words), c.Window)
}

// Trace runs the rule like Find but keeps every candidate with the reason it
// was dropped. Its kept candidates are exactly Find's matches; a test holds
// the two in step.
func (r *Rule) Trace(t *Text) []Candidate {
	if r.Scopes != nil && !r.Scopes[t.Scope] {
		return nil
	}
	var out []Candidate
	r.match(t, func(m Match) {
		if m.Start >= m.End {
			return
		}
		if m.Likelihood == 0 {
			m.Likelihood = r.Likelihood
		}
		c := Candidate{Match: m}
		c.Context = r.contextEffects(t, &m)
		kept := r.applyContext(t, &c.Match)
		switch {
		case !kept:
			c.Dropped = "context"
			for _, e := range c.Context {
				if (e.Effect == "require" && len(e.Words) == 0) || (e.Effect == "exclude" && len(e.Words) > 0) {
					c.Dropped = "context " + e.String()
					break
				}
			}
		case c.Likelihood < Medium:
			c.Dropped = fmt.Sprintf("likelihood %s after context", likelihoodName(c.Likelihood))
		case r.allow != nil && r.allow.allows(t, m.Start, m.End):
			c.Dropped = "the rule's allow list (" + r.allow.Explain(t, m.Start, m.End) + ")"
		}
		out = append(out, c)
	})
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	return out
}

func likelihoodName(l int) string {
	switch {
	case l <= Low:
		return "low"
	case l == Medium:
		return "medium"
	}
	return "high"
}

// contextEffects names the context conditions that change m, and for each
// the words or patterns that were found.
func (r *Rule) contextEffects(t *Text, m *Match) []ContextEffect {
	if len(r.context) == 0 {
		return nil
	}
	first, last := tokenRange(t, m.Start, m.End)
	var out []ContextEffect
	for _, c := range r.context {
		mm := *m
		found := c.present(t, first, last, &mm)
		if !found && c.effect != "require" {
			continue
		}
		e := ContextEffect{Effect: c.effect, Window: c.window()}
		if found {
			e.Words = c.which(t, first, last, m)
		}
		out = append(out, e)
	}
	return out
}

func (c *contextRule) window() string {
	var parts []string
	if c.before > 0 {
		parts = append(parts, fmt.Sprintf("%d words before", c.before))
	}
	if c.after > 0 {
		parts = append(parts, fmt.Sprintf("%d words after", c.after))
	}
	if c.within {
		parts = append(parts, "within the match")
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// which finds the words and patterns of c that are present, by trying each
// on its own with the same window.
func (c *contextRule) which(t *Text, first, last int, m *Match) []string {
	var out []string
	for _, w := range c.words.Keys() {
		one := *c
		one.words, one.patterns = BuildLexicon([]string{w}, fold0), nil
		mm := *m
		if one.present(t, first, last, &mm) {
			out = append(out, w)
		}
	}
	for _, re := range c.patterns {
		one := *c
		// dfas is indexed by the full list: the one pattern asks its regexp.
		one.words, one.patterns, one.dfas = nil, []*regex{re}, nil
		mm := *m
		if one.present(t, first, last, &mm) {
			out = append(out, "/"+re.String()+"/")
		}
	}
	return out
}

// Keys lists the keys of a lexicon, in order.
func (l *Lexicon) Keys() []string {
	if l == nil {
		return nil
	}
	var out []string
	for _, ln := range bytes.Split(l.data, []byte("\n")) {
		if k, _, _ := bytes.Cut(ln, []byte("\t")); len(k) > 0 {
			out = append(out, string(k))
		}
	}
	return out
}

// Explain says which term or pattern of the allow list covers [start, end)
// of t, or "" when none does.
func (a *Allow) Explain(t *Text, start, end int) string {
	if a == nil {
		return ""
	}
	if key := fold.Key(t.Src[start:end]); a.AllowsTerm(key) {
		return fmt.Sprintf("term %q", key)
	}
	for _, re := range a.patterns {
		for _, loc := range re.FindAllStringIndex(t.Src, -1) {
			if loc[0] <= start && loc[1] >= end {
				return fmt.Sprintf("pattern /%s/", re.String())
			}
		}
	}
	return ""
}

// Describe is a one-line summary of what the rule looks for, for
// `rules list` and `explain`.
func (r *Rule) Describe() string {
	switch m := r.matcher.(type) {
	case *termsMatcher:
		return fmt.Sprintf("%s, %d terms", r.Kind, m.lex.Len())
	case *hashedMatcher:
		return fmt.Sprintf("%s, %d entries", r.Kind, len(m.sums))
	}
	return r.Kind
}
