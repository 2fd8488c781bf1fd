package rules

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/rescue-stories/redact/rules/fold"
)

// Lint checks, by name. A rule that trips one on purpose says so in the pack:
//
//	lint: {ignore: [broad-term]}
//
// at the rule (or at the top of the pack, for all its rules).
const (
	CheckNoExamples    = "no-examples"    // a rule without examples.flag or examples.allow
	CheckAllowedTerm   = "allowed-term"   // a term that an allow list removes, so it never matches
	CheckShadowed      = "shadowed"       // a rule that adds nothing to earlier rules of its category
	CheckBroadTerm     = "broad-term"     // a term that is an ordinary English word
	CheckBroadPattern  = "broad-pattern"  // a pattern that matches ordinary English words
	CheckDuplicateHash = "duplicate-hash" // a hashed entry listed twice
	CheckWeakSalt      = "weak-salt"      // a salt too short to resist guessing
	CheckASCIIBoundary = "ascii-boundary" // a \b next to letters Go's ASCII \b does not know
)

// LintChecks lists every check `lint.ignore` may name.
var LintChecks = []string{CheckNoExamples, CheckAllowedTerm, CheckShadowed, CheckBroadTerm, CheckBroadPattern, CheckDuplicateHash, CheckWeakSalt, CheckASCIIBoundary}

// Problem is one lint finding, located like a PackError.
type Problem struct {
	File      string
	Line, Col int
	RuleID    string
	Check     string
	Msg       string
}

func (p Problem) String() string {
	loc := p.File
	if p.Line > 0 {
		loc = fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
	if p.RuleID != "" {
		return fmt.Sprintf("%s: rule %s: %s [%s]", loc, p.RuleID, p.Msg, p.Check)
	}
	return fmt.Sprintf("%s: %s [%s]", loc, p.Msg, p.Check)
}

// MinSaltLen is the shortest salt lint accepts without a warning.
const MinSaltLen = 16

// broadPatternMin is how many sampled English words a pattern must match,
// in full, to be called broad.
const broadPatternMin = 3

// Lint checks the rules of the packs for which only returns true (all when
// only is nil), in the context of the whole set: allow lists and earlier
// rules of every pack count.
func Lint(set *Set, only func(*Pack) bool) []Problem {
	l := &linter{set: set, raws: map[*Pack]*rawPack{}}
	for _, p := range set.Packs {
		if only == nil || only(p) {
			l.pack(p)
		}
	}
	sort.SliceStable(l.out, func(i, j int) bool {
		a, b := l.out[i], l.out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return l.out
}

type linter struct {
	set  *Set
	out  []Problem
	raws map[*Pack]*rawPack
}

// rawOf decodes a pack's source again, for the positions of terms and
// patterns, which compiled rules do not keep.
func rawOf(p *Pack) (*rawPack, *yaml.Node) {
	if len(p.sources) == 0 {
		return nil, nil
	}
	raw, root, errs := decodePack(p.File, p.sources[0])
	if errs != nil {
		return nil, nil
	}
	return raw, root
}

func (l *linter) add(p *Pack, ruleID, check string, line, col int, format string, args ...any) {
	l.addAt(p, p.File, ruleID, check, line, col, format, args...)
}

func (l *linter) addAt(p *Pack, file, ruleID, check string, line, col int, format string, args ...any) {
	if slices.Contains(p.LintIgnore[ruleID], check) || slices.Contains(p.LintIgnore[""], check) {
		return
	}
	l.out = append(l.out, Problem{File: file, Line: line, Col: col, RuleID: ruleID, Check: check, Msg: fmt.Sprintf(format, args...)})
}

func (l *linter) pack(p *Pack) {
	raw, root := rawOf(p)
	if raw == nil {
		return
	}
	if raw.Salt != "" && len(raw.Salt) < MinSaltLen {
		line, col := fieldPos(root, "salt")
		l.add(p, "", CheckWeakSalt, line, col, "salt has %d characters; use at least %d (`redact rules hash --new-salt` makes one)", len(raw.Salt), MinSaltLen)
	}
	if raw.Allow != nil {
		l.readerPatterns(p, "", "allow", raw.Allow.Patterns, mapValue(root, "allow"))
	}
	nodes := ruleNodes(root)
	for i := range raw.Rules {
		if i >= len(nodes) {
			break
		}
		rr, n := &raw.Rules[i], nodes[i]
		id := p.Name + "." + rr.ID
		r := l.set.Lookup(id)
		if r == nil {
			continue // disabled
		}
		l.examples(p, r, rr, n)
		l.readerBoundaries(p, r.ID, rr, n)
		switch rr.Kind {
		case KindTerms:
			l.terms(p, r, rr, n)
		case KindPattern:
			l.pattern(p, r, rr, n)
		case KindHashed:
			l.hashes(p, r, rr, n)
		}
	}
}

func (l *linter) examples(p *Pack, r *Rule, rr *rawRule, n *yaml.Node) {
	if r.Kind == KindHashed {
		// Examples would write down the names the hashes hide.
		return
	}
	if len(r.Examples.Flag) == 0 {
		l.add(p, r.ID, CheckNoExamples, n.Line, n.Column, "no examples.flag: add texts the rule must flag")
	}
	if len(r.Examples.Allow) == 0 {
		l.add(p, r.ID, CheckNoExamples, n.Line, n.Column, "no examples.allow: add texts the rule must not flag")
	}
}

// term is one entry of a terms rule with where it is written.
type term struct {
	text      string
	file      string
	line, col int
}

func (l *linter) termsOf(p *Pack, rr *rawRule, n *yaml.Node) []term {
	var out []term
	for i, t := range rr.Terms {
		line, col := seqItemPos(n, "terms", i)
		out = append(out, term{t, p.File, line, col})
	}
	if rr.TermsFile != "" && p.origin.fsys != nil {
		data, err := fs.ReadFile(p.origin.fsys, path.Join(path.Dir(p.origin.name), rr.TermsFile))
		if err == nil {
			file := path.Join(path.Dir(p.File), rr.TermsFile)
			for i, ln := range strings.Split(string(data), "\n") {
				k, _, _ := strings.Cut(strings.TrimRight(ln, "\r"), "\t")
				if strings.TrimSpace(k) == "" || strings.HasPrefix(strings.TrimSpace(k), "#") {
					continue
				}
				out = append(out, term{k, file, i + 1, 1})
			}
		}
	}
	return out
}

func (l *linter) terms(p *Pack, r *Rule, rr *rawRule, n *yaml.Node) {
	terms := l.termsOf(p, rr, n)
	// A term an allow list removes never matches.
	for _, t := range terms {
		key := fold.Key(t.text)
		switch {
		case r.allow.AllowsTerm(key):
			l.addAt(p, t.file, r.ID, CheckAllowedTerm, t.line, t.col, "term %q is also in the rule's allow list, so it never matches", t.text)
		case l.set.Allow.AllowsTerm(key):
			l.addAt(p, t.file, r.ID, CheckAllowedTerm, t.line, t.col, "term %q is also in %s, so it never matches", t.text, l.allowOwner(key))
		}
	}
	// Ordinary English words match ordinary prose, unless the rule asks
	// for capitals, exact case or a context word.
	if !rr.Capitalized && !rr.Case && !hasRequire(rr.Context) {
		words := englishWords()
		var broad []term
		for _, t := range terms {
			if key := fold.Key(t.text); !strings.Contains(key, " ") && words.Has(key) {
				broad = append(broad, t)
			}
		}
		switch {
		case len(broad) > 5 && rr.TermsFile != "":
			var ex []string
			for _, t := range broad[:5] {
				ex = append(ex, fmt.Sprintf("%q", t.text))
			}
			line, col := fieldPos(n, "terms_file")
			l.add(p, r.ID, CheckBroadTerm, line, col, "%d terms are ordinary English words (%s, ...); set capitalized: true or add a require context", len(broad), strings.Join(ex, ", "))
		default:
			for _, t := range broad {
				l.addAt(p, t.file, r.ID, CheckBroadTerm, t.line, t.col, "term %q is an ordinary English word; set capitalized: true or add a require context", t.text)
			}
		}
	}
	l.shadowedTerms(p, r, n, terms, !rr.Capitalized && !rr.Case)
}

func hasRequire(cs []rawContext) bool {
	for _, c := range cs {
		if c.Effect == "require" {
			return true
		}
	}
	return false
}

// allowOwner names the packs whose allow list holds key.
func (l *linter) allowOwner(key string) string {
	var names []string
	for _, p := range l.set.Packs {
		if p.Allow.AllowsTerm(key) && !slices.Contains(names, p.Name) {
			names = append(names, p.Name)
		}
	}
	if len(names) == 0 {
		return "an allow list"
	}
	return "the allow list of pack " + strings.Join(names, ", ")
}

// earlier returns the rules before r in the set with r's category.
func (l *linter) earlier(r *Rule) []*Rule {
	var out []*Rule
	for _, q := range l.set.Rules {
		if q == r {
			break
		}
		if q.Category == r.Category {
			out = append(out, q)
		}
	}
	return out
}

// covers reports whether q alone flags the whole of text.
func covers(set *Set, q *Rule, text string) bool {
	for _, m := range MatchText(set, q, text) {
		if m.Start == 0 && m.End == len(text) {
			return true
		}
	}
	return false
}

// shadowedTerms reports a terms rule whose every term an earlier rule of the
// same category already flags, as a phrase on its own or inside a sentence.
// A rule that ignores case must be covered in lower case too: a list of
// staff names still adds something where the proper-noun rule, which needs
// capitals, cannot see "maria santos".
func (l *linter) shadowedTerms(p *Pack, r *Rule, n *yaml.Node, terms []term, anyCase bool) {
	if len(terms) == 0 {
		return
	}
	prev := l.earlier(r)
	if len(prev) == 0 {
		return
	}
	by := map[string]bool{}
	for _, t := range terms {
		forms := []string{t.text}
		if anyCase && strings.ToLower(t.text) != t.text {
			forms = append(forms, strings.ToLower(t.text))
		}
		for _, form := range forms {
			hit := false
			for _, q := range prev {
				if covers(l.set, q, form) || coversInside(l.set, q, form) {
					by[q.ID] = true
					hit = true
					break
				}
			}
			if !hit {
				return
			}
		}
	}
	var ids []string
	for id := range by {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	l.add(p, r.ID, CheckShadowed, n.Line, n.Column, "shadowed: every term is already flagged by earlier %s rules (%s); the rule adds nothing", r.Category, strings.Join(ids, ", "))
}

// coversInside tries the term in the middle of a plain sentence, where
// proper-noun rules see it as they would in prose.
func coversInside(set *Set, q *Rule, text string) bool {
	const pre = "They said that "
	s := pre + text + " was there."
	for _, m := range MatchText(set, q, s) {
		if m.Start <= len(pre) && m.End >= len(pre)+len(text) {
			return true
		}
	}
	return false
}

func patternKey(rr *rawRule) string {
	ps := rr.Patterns
	if rr.Pattern != "" {
		ps = append([]string{rr.Pattern}, ps...)
	}
	return fmt.Sprintf("%v|%d|%v", rr.IgnoreCase, rr.Group, ps)
}

func (l *linter) pattern(p *Pack, r *Rule, rr *rawRule, n *yaml.Node) {
	// Identical patterns in an earlier rule of any pack: the later rule
	// only duplicates findings.
	key := patternKey(rr)
	for _, q := range l.set.Rules {
		if q == r {
			break
		}
		if q.Kind != KindPattern {
			continue
		}
		if qr := l.rawRule(q); qr != nil && patternKey(qr) == key {
			line, col := fieldPos(n, "pattern")
			if rr.Pattern == "" {
				line, col = fieldPos(n, "patterns")
			}
			l.add(p, r.ID, CheckShadowed, line, col, "shadowed: same pattern as %s (%s:%d)", q.ID, q.File, q.Line)
			break
		}
	}
	// A \b next to an accented letter is an ASCII boundary (lint_boundary.go).
	ps := rr.Patterns
	if rr.Pattern != "" {
		ps = append([]string{rr.Pattern}, ps...)
	}
	for i, src := range ps {
		if rr.IgnoreCase {
			src = "(?i)" + src
		}
		bs := asciiBoundaries(src)
		if len(bs) == 0 {
			continue
		}
		line, col := fieldPos(n, "pattern")
		if rr.Pattern == "" {
			line, col = seqItemPos(n, "patterns", i)
		} else if i > 0 {
			line, col = seqItemPos(n, "patterns", i-1)
		}
		l.add(p, r.ID, CheckASCIIBoundary, line, col, "%s", asciiBoundaryAdvice(bs, true))
	}
	// A pattern that matches ordinary words, whole, will flag prose.
	var hits []string
	total := 0
	for _, t := range sampleTexts() {
		total++
		for _, m := range r.Find(t) {
			if m.Start == 0 && m.End == len(t.Src) {
				hits = append(hits, t.Src)
				break
			}
		}
	}
	if len(hits) >= broadPatternMin {
		line, col := fieldPos(n, "pattern")
		if rr.Pattern == "" {
			line, col = fieldPos(n, "patterns")
		}
		ex := hits
		if len(ex) > 4 {
			ex = ex[:4]
		}
		l.add(p, r.ID, CheckBroadPattern, line, col, "pattern matches ordinary English words: %d of %d sampled (%s); tighten it or add a context", len(hits), total, quoteAll(ex))
	}
}

func quoteAll(ss []string) string {
	var q []string
	for _, s := range ss {
		q = append(q, fmt.Sprintf("%q", s))
	}
	return strings.Join(q, ", ")
}

// rawRule finds the raw definition of a compiled rule.
func (l *linter) rawRule(r *Rule) *rawRule {
	for _, p := range l.set.Packs {
		if p.File != r.File {
			continue
		}
		raw, ok := l.raws[p]
		if !ok {
			raw, _ = rawOf(p)
			l.raws[p] = raw
		}
		if raw == nil {
			return nil
		}
		for i := range raw.Rules {
			if p.Name+"."+raw.Rules[i].ID == r.ID {
				return &raw.Rules[i]
			}
		}
	}
	return nil
}

func (l *linter) hashes(p *Pack, r *Rule, rr *rawRule, n *yaml.Node) {
	seen := map[string]bool{}
	for i, h := range rr.Hashes {
		k := strings.ToLower(strings.TrimSpace(h))
		if seen[k] {
			line, col := seqItemPos(n, "hashes", i)
			l.add(p, r.ID, CheckDuplicateHash, line, col, "entry listed twice")
		}
		seen[k] = true
	}
}

// The English word list of the built-in pack measures how broad a term or
// pattern is.
const wordsFile = "packs/default/data/words.txt"

var (
	wordsOnce sync.Once
	wordsLex  *Lexicon
	samples   []*Text
)

func englishWords() *Lexicon {
	wordsOnce.Do(loadWords)
	return wordsLex
}

func sampleTexts() []*Text {
	wordsOnce.Do(loadWords)
	return samples
}

// sampleEvery keeps one word in so many of the list for pattern checks: a
// few thousand words, in lower case and capitalised, is enough to see a
// pattern that matches words.
const sampleEvery = 16

func loadWords() {
	data, err := fs.ReadFile(Builtin, wordsFile)
	if err != nil {
		wordsLex = BuildLexicon(nil, fold.Key)
		return
	}
	wordsLex = lexiconFromFile(data, fold.Key)
	i := 0
	for _, ln := range bytes.Split(data, []byte("\n")) {
		w, _, _ := strings.Cut(string(ln), "\t")
		if w == "" {
			continue
		}
		i++
		if i%sampleEvery != 0 {
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		for _, form := range []string{w, string(unicode.ToUpper(r)) + w[n:]} {
			t := NewText(form, "paragraph")
			samples = append(samples, t)
		}
	}
}

// readerBoundaries checks the patterns that read around or over a match,
// a rule's context and allow patterns, for the ASCII \b of
// CheckASCIIBoundary: "\bmanagers?\b" there takes "managersé" for a word
// and "Hurricane Marí" for a whole name.
func (l *linter) readerBoundaries(p *Pack, id string, rr *rawRule, n *yaml.Node) {
	cn := mapValue(n, "context")
	for ci, c := range rr.Context {
		var item *yaml.Node // nil is no position: seqItemPos says 0, 0
		if cn != nil && cn.Kind == yaml.SequenceNode && ci < len(cn.Content) {
			item = cn.Content[ci]
		}
		l.readerPatterns(p, id, "context", c.Patterns, item)
	}
	if rr.Allow != nil {
		l.readerPatterns(p, id, "allow", rr.Allow.Patterns, mapValue(n, "allow"))
	}
}

// readerPatterns checks the context or allow patterns (kind) of a rule, or
// a pack's allow patterns when id is empty, for CheckASCIIBoundary; n is
// the node that holds them under "patterns".
func (l *linter) readerPatterns(p *Pack, id, kind string, patterns []string, n *yaml.Node) {
	for j, src := range patterns {
		if bs := asciiBoundaries(src); len(bs) > 0 {
			line, col := seqItemPos(n, "patterns", j)
			l.add(p, id, CheckASCIIBoundary, line, col, "%s pattern: %s", kind, asciiBoundaryAdvice(bs, false))
		}
	}
}
