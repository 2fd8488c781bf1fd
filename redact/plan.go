package redact

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rescue-stories/redact/rules"
	"github.com/rescue-stories/redact/rules/fold"
)

// Edit replaces the bytes of Span with Replacement. A generalised edit may
// be wider than its finding: "on March 14, 2023" becomes "in 2023", so the
// preposition is part of the edit.
type Edit struct {
	Span        Span   `json:"span"`
	Replacement string `json:"replacement"`
	// Findings are the indexes into Result.Findings this edit redacts.
	Findings []int `json:"findings,omitempty"`
	// Category and Rule are those of the first finding, for display.
	Category string `json:"category,omitempty"`
	Rule     string `json:"rule,omitempty"`
}

// Plan is the set of edits proposed for one file: sorted by position and
// disjoint. Apply is the only code that changes bytes.
type Plan struct {
	Edits []Edit
	// Notes are findings shown but not replaced: review-severity findings
	// without --all or the rule's auto_apply, or findings left out by
	// --only / --rule. They are indexes into Result.Findings.
	Notes []int
}

// PlanOptions choose what a plan replaces and how.
type PlanOptions struct {
	// Rules gives each finding's rule (generalize, auto_apply). Without it
	// replacements are taken from the findings as they are.
	Rules *rules.Set
	// All replaces review-severity findings too.
	All bool
	// Only limits the plan to these categories (empty: all).
	Only []string
	// RuleIDs limits the plan to these rules (empty: all). An ID matches a
	// rule's full ID ("default.date.time") or the ID without the pack
	// ("date.time").
	RuleIDs []string
	// Decisions are review decisions: a "redact" decision applies a
	// review-severity finding, a "replace" decision gives the replacement.
	Decisions *Decisions
	// Select, when not nil, replaces only these findings (indexes into
	// Result.Findings), whatever their severity: what a review accepted.
	Select []int
	// Literal turns generalisation and entity numbering off: every finding
	// becomes its rule's replace text.
	Literal bool
}

// Errors from Apply. They mean a bug or a hand-made plan, never bad input.
var (
	ErrOverlap = errors.New("overlapping edits")
	ErrBounds  = errors.New("edit out of bounds")
	ErrSplit   = errors.New("edit splits a UTF-8 sequence")
)

// NewPlan checks and sorts hand-made edits. Overlapping edits are an error,
// never silently dropped.
func NewPlan(edits []Edit) (*Plan, error) {
	p := &Plan{Edits: slices.Clone(edits)}
	sort.SliceStable(p.Edits, func(i, j int) bool { return p.Edits[i].Span.Start < p.Edits[j].Span.Start })
	for i, e := range p.Edits {
		if e.Span.Start < 0 || e.Span.End < e.Span.Start {
			return nil, fmt.Errorf("%w: %d-%d", ErrBounds, e.Span.Start, e.Span.End)
		}
		if i > 0 && p.Edits[i-1].Span.End > e.Span.Start {
			return nil, fmt.Errorf("%w: %d-%d and %d-%d", ErrOverlap,
				p.Edits[i-1].Span.Start, p.Edits[i-1].Span.End, e.Span.Start, e.Span.End)
		}
	}
	return p, nil
}

// Empty reports whether the plan changes nothing.
func (p *Plan) Empty() bool { return p == nil || len(p.Edits) == 0 }

// Apply returns src with the plan's edits made. It never modifies src and
// never changes a byte outside an edit; an edit out of bounds, overlapping
// another or cutting a UTF-8 sequence is an error and nothing is changed.
func (p *Plan) Apply(src []byte) ([]byte, error) {
	if p == nil {
		return slices.Clone(src), nil
	}
	size := len(src)
	prev := 0
	for _, e := range p.Edits {
		s := e.Span
		if s.Start < 0 || s.End < s.Start || s.End > len(src) {
			return nil, fmt.Errorf("%w: %d-%d in %d bytes", ErrBounds, s.Start, s.End, len(src))
		}
		if s.Start < prev {
			return nil, fmt.Errorf("%w at byte %d", ErrOverlap, s.Start)
		}
		if !boundary(src, s.Start) || !boundary(src, s.End) {
			return nil, fmt.Errorf("%w: %d-%d", ErrSplit, s.Start, s.End)
		}
		prev = s.End
		size += len(e.Replacement) - s.Len()
	}
	out := make([]byte, 0, size)
	prev = 0
	for _, e := range p.Edits {
		out = append(out, src[prev:e.Span.Start]...)
		out = append(out, e.Replacement...)
		prev = e.Span.End
	}
	return append(out, src[prev:]...), nil
}

// boundary reports whether offset i of src starts a character (or is the
// end). Invalid bytes count as characters of their own.
func boundary(src []byte, i int) bool {
	if i == 0 || i == len(src) {
		return true
	}
	if utf8.RuneStart(src[i]) {
		return true
	}
	// A continuation byte is a boundary only when no valid sequence begun
	// before it covers it (invalid bytes count as characters of their own).
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if utf8.RuneStart(src[j]) {
			r, n := utf8.DecodeRune(src[j:])
			valid := !(r == utf8.RuneError && n == 1)
			return !valid || j+n <= i
		}
	}
	return true
}

// Plan proposes a replacement for every finding the options select.
func (r *Result) Plan(opts PlanOptions) (*Plan, error) {
	b := newPlanner(r, opts)
	return b.build()
}

// planner builds one plan.
type planner struct {
	res  *Result
	src  []byte
	opts PlanOptions
	ents *numbering
	ctx  *docContext
}

func newPlanner(r *Result, opts PlanOptions) *planner {
	p := &planner{res: r, src: r.Src, opts: opts}
	p.ents = numberEntities(r.Src, r.Findings, func(i int) bool { return p.numbered(i) })
	p.ctx = newDocContext(r.Src)
	return p
}

func (p *planner) rule(f Finding) *rules.Rule {
	if p.opts.Rules == nil {
		return nil
	}
	return p.opts.Rules.Lookup(f.Rule)
}

// numbered reports whether finding i takes a numbered entity placeholder.
func (p *planner) numbered(i int) bool {
	f := p.res.Findings[i]
	if p.opts.Literal || f.Category != "name" {
		return false
	}
	if r := p.rule(f); r != nil && r.Generalize == "none" {
		return false
	}
	return true
}

// selected reports whether finding i is replaced (else it is only a note).
func (p *planner) selected(i int) bool {
	f := p.res.Findings[i]
	if p.opts.Select != nil {
		return slices.Contains(p.opts.Select, i)
	}
	if len(p.opts.Only) > 0 && !slices.Contains(p.opts.Only, f.Category) {
		return false
	}
	if len(p.opts.RuleIDs) > 0 && !slices.ContainsFunc(p.opts.RuleIDs, func(id string) bool { return ruleMatches(f, id) }) {
		return false
	}
	if f.Severity != rules.Review || p.opts.All {
		return true
	}
	if d, ok := p.opts.Decisions.Lookup(f.Fingerprint()); ok && (d.Action == ActionRedact || d.Action == ActionReplace) {
		return true
	}
	r := p.rule(f)
	return r != nil && r.AutoApply
}

func ruleMatches(f Finding, id string) bool {
	if f.Rule == id {
		return true
	}
	return f.Pack != "" && f.Rule == f.Pack+"."+id
}

func (p *planner) build() (*Plan, error) {
	plan := &Plan{}
	var edits []Edit
	for i, f := range p.res.Findings {
		if !p.selected(i) {
			plan.Notes = append(plan.Notes, i)
			continue
		}
		e := p.edit(i, f)
		e.Span = keepFullStop(p.src, e.Span, e.Replacement)
		if f.Scope == "frontmatter" {
			e.Replacement = yamlSafe(p.src, e.Span, e.Replacement)
		}
		edits = append(edits, e)
	}
	// Generalisation may widen an edit over a preposition; if that runs
	// into a neighbour, the neighbour keeps its place and the wide edit
	// falls back to the finding's own span.
	for i := range edits {
		overlapPrev := i > 0 && edits[i-1].Span.End > edits[i].Span.Start
		overlapNext := i+1 < len(edits) && edits[i].Span.End > edits[i+1].Span.Start
		if overlapPrev || overlapNext {
			f := p.res.Findings[edits[i].Findings[0]]
			if edits[i].Span != f.Span {
				edits[i] = p.plainEdit(edits[i].Findings[0], f)
			}
		}
	}
	// Then whole words only, and merge what still overlaps.
	for i := range edits {
		edits[i].Span = wordBounds(p.src, edits[i].Span)
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Span.Start < edits[j].Span.Start })
	for _, e := range edits {
		if n := len(plan.Edits); n > 0 && plan.Edits[n-1].Span.End > e.Span.Start {
			last := &plan.Edits[n-1]
			last.Span.End = max(last.Span.End, e.Span.End)
			last.Findings = append(last.Findings, e.Findings...)
			if last.Replacement != e.Replacement {
				last.Replacement = mergedLabel(last.Category, e.Category)
			}
			continue
		}
		plan.Edits = append(plan.Edits, e)
	}
	return plan, nil
}

// mergedLabel is the replacement of two different redactions that overlap.
func mergedLabel(a, b string) string {
	if a == b && a != "" {
		return "[" + a + "]"
	}
	return "[redacted]"
}

// edit proposes the edit for finding i.
func (p *planner) edit(i int, f Finding) Edit {
	e := p.proposal(i, f)
	if d, ok := p.opts.Decisions.Lookup(f.Fingerprint()); ok && d.Action == ActionReplace {
		// The reviewer's words replace what the proposal replaced, as
		// review showed it (with "on" before a date, say).
		e.Replacement = d.Replacement
	}
	return e
}

// proposal is the tool's own edit for finding i.
func (p *planner) proposal(i int, f Finding) Edit {
	if p.opts.Literal {
		return p.plainEdit(i, f)
	}
	if n := p.ents.number(i); n > 0 {
		span, label := p.ents.edit(i, f)
		return Edit{Span: span, Replacement: fmt.Sprintf("[%s %d]", label, n), Findings: []int{i}, Category: f.Category, Rule: f.Rule}
	}
	mode := ""
	if r := p.rule(f); r != nil {
		mode = r.Generalize
	}
	switch {
	case mode == "place" && f.Category == "location":
		if span, rep, ok := p.ctx.place(p.src, f); ok {
			return Edit{Span: span, Replacement: rep, Findings: []int{i}, Category: f.Category, Rule: f.Rule}
		}
	case mode == "date" && f.Category == "date":
		if span, rep, ok := generalizeDate(p.src, f); ok {
			return Edit{Span: span, Replacement: rep, Findings: []int{i}, Category: f.Category, Rule: f.Rule}
		}
	}
	return p.plainEdit(i, f)
}

// plainEdit replaces the finding's own span with its rule's text.
func (p *planner) plainEdit(i int, f Finding) Edit {
	return Edit{Span: f.Span, Replacement: p.label(f), Findings: []int{i}, Category: f.Category, Rule: f.Rule}
}

// label is a finding's plain replacement: the rule's replace text, unless
// the match changed category (the proper-noun rule finds places too).
func (p *planner) label(f Finding) string {
	if r := p.rule(f); r != nil {
		if r.Category == f.Category && r.Replace != "" {
			return r.Replace
		}
		return "[" + f.Category + "]"
	}
	if f.Replacement != "" {
		return f.Replacement
	}
	return "[" + f.Category + "]"
}

// keepFullStop leaves a sentence's full stop outside an edit. Date and
// title patterns take in an abbreviation's dot ("p.m.", "June."), which at
// the end of a sentence is also its full stop: "at 11:40 p.m. The" must
// become "late at night. The".
func keepFullStop(src []byte, s Span, rep string) Span {
	if s.Len() < 2 || src[s.End-1] != '.' || strings.HasSuffix(rep, ".") {
		return s
	}
	rest := src[s.End:]
	i := 0
	for i < len(rest) && (rest[i] == ' ' || rest[i] == '\t') {
		i++
	}
	if i == len(rest) {
		return Span{s.Start, s.End - 1}
	}
	r, _ := utf8.DecodeRune(rest[i:])
	ends := r == '\n' || r == '\r' || r == '"' || r == ')' || r == '”' || r == '*' || r == '_'
	if ends || (i > 0 && unicode.IsUpper(r)) {
		return Span{s.Start, s.End - 1}
	}
	return s
}

// yamlValueStart matches what comes before an unquoted YAML value on its
// line: "key: " or a list dash.
var yamlValueStart = lazyRegexp(`^\s*(?:(?:-\s+)?[\w.-]+\s*:|-)\s*$`)

// yamlSafe quotes a placeholder that would begin an unquoted YAML value:
// "author: [name 2]" is a list in YAML, "author: \"[name 2]\"" a name.
func yamlSafe(src []byte, s Span, rep string) string {
	if !strings.HasPrefix(rep, "[") && !strings.HasPrefix(rep, "{") {
		return rep
	}
	ls := bytes.LastIndexByte(src[:s.Start], '\n') + 1
	if !yamlValueStart().Match(src[ls:s.Start]) {
		return rep
	}
	le := bytes.IndexByte(src[s.End:], '\n')
	if le < 0 {
		le = len(src) - s.End
	}
	rest := strings.TrimSpace(strings.TrimSuffix(string(src[s.End:s.End+le]), "\r"))
	if rest != "" && !strings.HasPrefix(rest, "#") {
		// More of the value follows ("[name 2] and team"): quoting only the
		// placeholder would not make it one string; round brackets are
		// plain text in YAML.
		return "(" + strings.Trim(rep, "[]{}") + ")"
	}
	return strconv.Quote(rep)
}

// wordBounds widens s so it neither starts nor ends inside a word.
func wordBounds(src []byte, s Span) Span {
	for s.Start > 0 {
		r, n := utf8.DecodeLastRune(src[:s.Start])
		if !fold.IsWordRune(r) || !startsWord(src[s.Start:]) {
			break
		}
		s.Start -= n
	}
	for s.End < len(src) {
		r, n := utf8.DecodeRune(src[s.End:])
		if !fold.IsWordRune(r) || !endsWord(src[:s.End]) {
			break
		}
		s.End += n
	}
	return s
}

func startsWord(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return fold.IsWordRune(r)
}

func endsWord(b []byte) bool {
	r, _ := utf8.DecodeLastRune(b)
	return fold.IsWordRune(r)
}
