package redact

import (
	"bytes"
	"encoding/json"
	"fmt"
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
// ("[name 1]", "[phone number]"), so a redacted file scans clean and apply
// is idempotent.
func dropPlaceholders(src []byte, cands []Finding, set *rules.Set) []Finding {
	if bytes.IndexByte(src, '[') < 0 {
		return cands
	}
	labels := placeholderLabels(set)
	out := cands[:0]
	for _, f := range cands {
		if !inPlaceholder(src, f.Span, labels) && !titleOfPlaceholder(src, f, labels) {
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

// placeholderCuts returns the placeholders in src ("[shelter]", "[name 3]")
// as spans labelled with the category they stand for, in order. A flagged
// sentence is cut around them as it was around the findings they replaced
// (merge.go), so applying a plan never turns its parts into new findings.
func placeholderCuts(src []byte, set *rules.Set) []Finding {
	if bytes.IndexByte(src, '[') < 0 {
		return nil
	}
	labels := placeholderLabels(set)
	var out []Finding
	for i := 0; i < len(src); {
		open := bytes.IndexByte(src[i:], '[')
		if open < 0 {
			break
		}
		open += i
		end := bytes.IndexByte(src[open:min(len(src), open+48)], ']')
		if end < 0 {
			i = open + 1
			continue
		}
		end += open
		inner := string(src[open+1 : end])
		if j := strings.LastIndexByte(inner, ' '); j >= 0 && j+1 < len(inner) && isDigits(inner[j+1:]) {
			inner = inner[:j]
		}
		if c, ok := labels[inner]; ok && !bytes.ContainsAny(src[open+1:end], "\n[") {
			out = append(out, Finding{Span: Span{open, end + 1}, Category: c})
		}
		i = open + 1
	}
	return out
}

// titleOfPlaceholder reports whether f is only the honorific the plan kept
// before a placeholder ("Doña [name 6]"): no name is left to flag.
func titleOfPlaceholder(src []byte, f Finding, labels map[string]string) bool {
	ws := fold.Words(f.Text)
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		if !honorifics[fold.Fold(f.Text[w.Start:w.End])] {
			return false
		}
	}
	rest := bytes.TrimLeft(src[f.Span.End:], " .")
	if len(rest) == 0 || rest[0] != '[' {
		return false
	}
	close := bytes.IndexByte(rest, ']')
	return close > 0 && inPlaceholder(src, Span{len(src) - len(rest) + 1, len(src) - len(rest) + close}, labels)
}

// bracketLabel returns "phone number" for "[phone number]".
func bracketLabel(s string) (string, bool) {
	if len(s) < 3 || s[0] != '[' || s[len(s)-1] != ']' {
		return "", false
	}
	return s[1 : len(s)-1], true
}

// inPlaceholder reports whether s lies inside "[label]" or "[label N]".
func inPlaceholder(src []byte, s Span, labels map[string]string) bool {
	open := bytes.LastIndexByte(src[max(0, s.Start-48):s.Start+min(1, s.Len())], '[')
	if open < 0 {
		return false
	}
	open += max(0, s.Start-48)
	end := bytes.IndexByte(src[s.Start:min(len(src), s.End+48)], ']')
	if end < 0 {
		return false
	}
	end += s.Start
	if end+1 < s.End || bytes.ContainsAny(src[open:end], "\n]") {
		return false
	}
	inner := string(src[open+1 : end])
	if i := strings.LastIndexByte(inner, ' '); i >= 0 && isDigits(inner[i+1:]) && i+1 < len(inner) {
		inner = inner[:i]
	}
	_, ok := labels[inner]
	return ok
}
