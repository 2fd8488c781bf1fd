package redact

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rescue-stories/redact/rules"
	"github.com/rescue-stories/redact/rules/fold"
)

// Suppressions are bound to content, never to line numbers: an inline
// comment allows an exact text (folded: case and accents do not matter)
// anywhere in its file, and a review decision names a finding by its
// Fingerprint (rule, category and folded text). Both survive edits
// elsewhere in the file, and allowing "Boca Chica" never allows "Sosúa" on
// the same line.

// Review decisions, kept in a sidecar file next to the draft.
const (
	// ActionKeep rejects a proposed redaction: the text stays, and scans
	// list the finding as suppressed with the reason.
	ActionKeep = "keep"
	// ActionRedact accepts it; a review-severity finding is then replaced
	// without --all.
	ActionRedact = "redact"
	// ActionReplace accepts it with the reviewer's own replacement.
	ActionReplace = "replace"
)

// SidecarSuffix names the decisions file of a draft: story.md →
// story.md.redact.json, in the same directory, so it is committed and
// reviewed with the draft.
const SidecarSuffix = ".redact.json"

// SidecarPath returns the decisions file of a draft.
func SidecarPath(path string) string { return path + SidecarSuffix }

// Decision is one review decision about a finding, named by its
// fingerprint. Text is kept only for findings that stay in the story (keep);
// for the others only a mask is stored, so the file never holds what was
// redacted.
type Decision struct {
	Fingerprint string    `json:"fingerprint"`
	Rule        string    `json:"rule"`
	Category    string    `json:"category"`
	Action      string    `json:"action"`
	Text        string    `json:"text,omitempty"`
	Hint        string    `json:"hint,omitempty"`
	Replacement string    `json:"replacement,omitempty"`
	Reason      string    `json:"reason,omitempty"`
	At          time.Time `json:"at,omitzero"`
}

// Decisions is the content of a sidecar file.
type Decisions struct {
	Version   int        `json:"version"`
	Decisions []Decision `json:"decisions"`
}

// ParseDecisions reads a sidecar file; unknown fields are errors.
func ParseDecisions(data []byte) (*Decisions, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var d Decisions
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("decisions: %w", err)
	}
	if d.Version != 1 {
		return nil, fmt.Errorf("decisions: unsupported version %d (want 1)", d.Version)
	}
	for i, x := range d.Decisions {
		switch x.Action {
		case ActionKeep, ActionRedact:
		case ActionReplace:
			if !utf8.ValidString(x.Replacement) {
				return nil, fmt.Errorf("decisions: decision %d: replacement is not UTF-8", i+1)
			}
		default:
			return nil, fmt.Errorf("decisions: decision %d: unknown action %q (keep, redact or replace)", i+1, x.Action)
		}
		if x.Fingerprint == "" {
			return nil, fmt.Errorf("decisions: decision %d has no fingerprint", i+1)
		}
	}
	return &d, nil
}

// Marshal writes the decisions in a stable order (by fingerprint), so the
// file diffs cleanly in review.
func (d *Decisions) Marshal() ([]byte, error) {
	out := Decisions{Version: 1, Decisions: append([]Decision{}, d.Decisions...)}
	sort.SliceStable(out.Decisions, func(i, j int) bool { return out.Decisions[i].Fingerprint < out.Decisions[j].Fingerprint })
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Lookup returns the decision about a fingerprint. A nil Decisions has none.
func (d *Decisions) Lookup(fp string) (Decision, bool) {
	if d == nil {
		return Decision{}, false
	}
	for _, x := range d.Decisions {
		if x.Fingerprint == fp {
			return x, true
		}
	}
	return Decision{}, false
}

// Set records a decision, replacing any earlier one about the same finding.
func (d *Decisions) Set(x Decision) {
	if d.Version == 0 {
		d.Version = 1
	}
	for i := range d.Decisions {
		if d.Decisions[i].Fingerprint == x.Fingerprint {
			d.Decisions[i] = x
			return
		}
	}
	d.Decisions = append(d.Decisions, x)
}

// DecisionFor makes a decision about f. The text is stored only when it
// stays in the story.
func DecisionFor(f Finding, action, replacement, reason string, at time.Time) Decision {
	d := Decision{
		Fingerprint: f.Fingerprint(), Rule: f.Rule, Category: f.Category, Action: action,
		Replacement: replacement, Reason: reason, At: at,
	}
	if action == ActionKeep {
		d.Text = f.Text
	} else {
		d.Hint = maskText(f.Text)
	}
	return d
}

// maskText keeps the first letter of each word: "Maria Santos" → "M.... S.....".
func maskText(s string) string {
	var b strings.Builder
	first := true
	for _, r := range s {
		switch {
		case r == ' ':
			b.WriteRune(r)
			first = true
		case first:
			b.WriteRune(r)
			first = false
		default:
			b.WriteByte('.')
		}
	}
	return b.String()
}

// suppress moves findings that an inline comment or a keep decision allows
// into Suppressed, and drops findings inside the directives themselves.
func suppress(res *Result, allows []InlineAllow, ds *Decisions) {
	if len(allows) == 0 && ds == nil {
		return
	}
	kept := res.Findings[:0]
	for _, f := range res.Findings {
		inside := false
		for _, a := range allows {
			if f.Span.Start >= a.Span.Start && f.Span.End <= a.Span.End {
				inside = true
				break
			}
		}
		if inside {
			continue
		}
		if reason, ok := allowedBy(f, allows); ok {
			res.Suppressed = append(res.Suppressed, Suppressed{Finding: f, Reason: reason})
			continue
		}
		if d, ok := ds.Lookup(f.Fingerprint()); ok && d.Action == ActionKeep {
			reason := "review decision"
			if d.Reason != "" {
				reason += ": " + d.Reason
			}
			res.Suppressed = append(res.Suppressed, Suppressed{Finding: f, Reason: reason})
			continue
		}
		kept = append(kept, f)
	}
	res.Findings = kept
}

func allowedBy(f Finding, allows []InlineAllow) (string, bool) {
	k := f.Key()
	for _, a := range allows {
		if a.Key == k {
			reason := "inline allow"
			if a.Reason != "" {
				reason += ": " + a.Reason
			}
			return reason, true
		}
	}
	return "", false
}

// suppress applies the file's inline allow comments and review decisions.
func (s *Scanner) suppress(res *Result) error {
	allows, err := ParseAllows(res.Src)
	if err != nil {
		return err
	}
	var ds *Decisions
	if s.opts.Decisions != nil {
		if ds, err = s.opts.Decisions(res.Path); err != nil {
			return err
		}
	}
	suppress(res, allows, ds)
	return nil
}

// dropPlaceholders removes candidates inside the tool's own placeholders
// ph ("[name 1]", "[phone number]", as placeholders finds them), so a
// redacted file scans clean and apply is idempotent.
func dropPlaceholders(src []byte, cands []Finding, ph []Finding) []Finding {
	if len(ph) == 0 {
		return cands
	}
	out := cands[:0]
	for _, f := range cands {
		if !inPlaceholder(ph, f.Span) && !titleOfPlaceholder(src, f, ph) {
			out = append(out, f)
		}
	}
	return out
}

// placeholderLabels maps the labels of the placeholders the rules write
// ("shelter" for "[shelter]") to the category of what they replaced; the
// categories themselves and "redacted" are labels too.
func placeholderLabels(set *rules.Set) map[string]string {
	labels := map[string]string{"redacted": ""}
	for _, c := range rules.Categories {
		labels[c] = c
	}
	for _, r := range set.Rules {
		if l, ok := bracketLabel(r.Replace); ok {
			if _, seen := labels[l]; !seen {
				labels[l] = r.Category
			}
		}
	}
	return labels
}

// placeholders returns the placeholders in src ("[shelter]", "[name 3]"):
// a label of labels in brackets, perhaps numbered, on one line; as spans
// with the category they stand for, in order. Candidates inside them are
// dropped, and a flagged sentence is cut around them as it was around the
// findings they replaced (merge.go), so applying a plan never turns its
// parts into new findings.
func placeholders(src []byte, labels map[string]string) []Finding {
	if bytes.IndexByte(src, '[') < 0 {
		return nil
	}
	var out []Finding
	for i := 0; i < len(src); {
		open := bytes.IndexByte(src[i:], '[')
		if open < 0 {
			break
		}
		open += i
		i = open + 1
		end := bytes.IndexByte(src[open:min(len(src), open+48)], ']')
		if end < 0 {
			continue
		}
		end += open
		if bytes.ContainsAny(src[open+1:end], "\n[") {
			continue
		}
		inner := string(src[open+1 : end])
		if j := strings.LastIndexByte(inner, ' '); j >= 0 && j+1 < len(inner) && isDigits(inner[j+1:]) {
			inner = inner[:j]
		}
		if c, ok := labels[inner]; ok {
			out = append(out, Finding{Span: Span{open, end + 1}, Category: c})
		}
	}
	return out
}

// placeholderAt returns the index of the last placeholder of ph (sorted)
// that starts at or before pos, or -1.
func placeholderAt(ph []Finding, pos int) int {
	k, _ := slices.BinarySearchFunc(ph, pos+1, func(p Finding, x int) int { return cmp.Compare(p.Span.Start, x) })
	return k - 1
}

// inPlaceholder reports whether s lies inside one of the placeholders ph.
func inPlaceholder(ph []Finding, s Span) bool {
	k := placeholderAt(ph, s.Start)
	return k >= 0 && s.End <= ph[k].Span.End
}

// titleOfPlaceholder reports whether f is only the honorific the plan kept
// before a placeholder ("Doña [name 6]"): no name is left to flag.
func titleOfPlaceholder(src []byte, f Finding, ph []Finding) bool {
	ws := fold.Words(f.Text)
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		if !honorifics[fold.Fold(f.Text[w.Start:w.End])] {
			return false
		}
	}
	at := len(src) - len(bytes.TrimLeft(src[f.Span.End:], " ."))
	k := placeholderAt(ph, at)
	return k >= 0 && ph[k].Span.Start == at
}

// bracketLabel returns "phone number" for "[phone number]".
func bracketLabel(s string) (string, bool) {
	if len(s) < 3 || s[0] != '[' || s[len(s)-1] != ']' {
		return "", false
	}
	return s[1 : len(s)-1], true
}
