package redact

import (
	"sort"

	"github.com/rescue-stories/redact/rules"
)

// Explanation is the decision process behind one file's scan: every rule
// match that became (part of) a finding, and every one that was dropped,
// with the reason. It re-runs the rules with rules.Rule.Trace; the findings
// themselves come from Scan, so explain never disagrees with scan.
type Explanation struct {
	Result   *Result
	Findings []Explained
	// Dropped are candidates that produced no finding, in file order.
	Dropped []Step
}

// Explained is one finding and the rule matches behind it.
type Explained struct {
	Finding Finding
	Steps   []Step
}

// Step is one candidate: a rule's match, what it rests on, and what became of it.
type Step struct {
	Rule     *rules.Rule
	Span     Span
	Pos      Pos
	Text     string
	Category string
	Why      string                // the term, pattern or evidence that matched
	Context  []rules.ContextEffect // context words that changed the outcome
	Dropped  string                // why it produced no finding; empty when it did
}

// Explain scans src and explains the result.
func (s *Scanner) Explain(path string, src []byte) (*Explanation, error) {
	res, sc, err := s.scan(path, src)
	if err != nil {
		return nil, err
	}
	li := NewLineIndex(src)
	var steps []Step
	for _, text := range sc.texts {
		base, t := text.start, text.t
		for _, r := range s.set.Rules {
			for _, c := range r.Trace(t) {
				st := Step{Rule: r, Span: Span{base + c.Start, base + c.End}, Text: string(src[base+c.Start : base+c.End]),
					Category: r.Category, Why: c.Why, Context: c.Context, Dropped: c.Dropped}
				if c.Category != "" {
					st.Category = c.Category
				}
				st.Pos = li.Pos(st.Span.Start)
				if st.Dropped == "" {
					st.Dropped = s.setDrop(t, c.Start, c.End, sc.pseudonyms)
				}
				steps = append(steps, st)
			}
		}
	}
	ex := &Explanation{Result: res}
	for _, f := range res.Findings {
		e := Explained{Finding: f}
		for _, st := range steps {
			if st.Dropped == "" && st.Span.Start < f.Span.End && st.Span.End > f.Span.Start {
				e.Steps = append(e.Steps, st)
			}
		}
		ex.Findings = append(ex.Findings, e)
	}
	for _, st := range steps {
		if st.Dropped == "" && !overlapsAny(st.Span, res.Findings) {
			st.Dropped = "removed after matching"
			for _, sp := range res.Suppressed {
				if st.Span.Start < sp.Finding.Span.End && st.Span.End > sp.Finding.Span.Start {
					st.Dropped = "suppressed: " + sp.Reason
				}
			}
		}
		if st.Dropped != "" {
			ex.Dropped = append(ex.Dropped, st)
		}
	}
	sort.SliceStable(ex.Dropped, func(i, j int) bool { return ex.Dropped[i].Span.Start < ex.Dropped[j].Span.Start })
	return ex, nil
}

// setDrop says why the set's allow lists or the pseudonym convention remove
// a match the rule kept, naming the pack whose allow list does.
func (s *Scanner) setDrop(t *rules.Text, start, end int, pseudonyms rules.Pseudonyms) string {
	if s.set.Allow.Allows(t, start, end) {
		for _, p := range s.set.Packs {
			if why := p.Allow.Explain(t, start, end); why != "" {
				return "allow list of pack " + p.Name + " (" + p.File + "): " + why
			}
		}
		return "allow list"
	}
	if pseudonyms.Has(t.Src[start:end]) {
		return "pseudonym marked with an asterisk in this file"
	}
	return ""
}

func overlapsAny(s Span, fs []Finding) bool {
	for _, f := range fs {
		if s.Start < f.Span.End && s.End > f.Span.Start {
			return true
		}
	}
	return false
}
