package rules

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v3"
)

// Pack is one parsed and compiled rule pack.
type Pack struct {
	Name        string
	Version     string
	Description string
	File        string
	Rules       []*Rule
	Allow       *Allow
	// Extends, Disable and Overrides compose packs (compose.go).
	Extends   []Ref
	Disable   []Ref
	Overrides []*Override
	// Tests are globs of annotated drafts, relative to the pack's directory.
	Tests []string
	// LintIgnore lists the lint checks silenced per rule ID ("" for the pack).
	LintIgnore map[string][]string
	// sources are the pack file and every data file it read, for Digest.
	sources [][]byte
	origin  origin
}

// Scopes a rule may be limited to (see redact/markdown).
var Scopes = []string{"frontmatter", "heading", "paragraph", "list", "blockquote", "table", "code", "html", "link.url", "text"}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*$`)

// MaxPackSize bounds a pack file; packs come from other teams.
const MaxPackSize = 4 << 20

// Parse parses and compiles one pack. name is used in error messages; data
// files named by the pack are read from dir (the pack's directory) in fsys.
func Parse(fsys fs.FS, name string, data []byte) (*Pack, error) {
	return parse(fsys, name, name, data)
}

// parse reads the pack at name in fsys and reports errors against display.
func parse(fsys fs.FS, name, display string, data []byte) (*Pack, error) {
	if len(data) > MaxPackSize {
		return nil, PackErrors{tooBig(display, int64(len(data)))}
	}
	if raw, lines, ok := snapshotPack(data); ok {
		if p, err := compile(fsys, name, display, data, raw, nil, lines); err == nil {
			return p, nil
		}
		// An error without positions: read the YAML for them.
	}
	raw, root, errs := decodePack(display, data)
	if errs != nil {
		return nil, errs
	}
	return compile(fsys, name, display, data, raw, root, nil)
}

// compile builds the pack of raw, decoded from data. root is the YAML
// document, for the positions of errors; a pack from the snapshot has
// none, only its rules' positions (lines).
func compile(fsys fs.FS, name, display string, data []byte, raw *rawPack, root *yaml.Node, lines [][2]int) (*Pack, error) {
	c := &compiler{fsys: fsys, file: display, dir: path.Dir(name), salt: raw.Salt}
	p := &Pack{Name: raw.Pack, Version: raw.Version, Description: raw.Description, File: display,
		Tests: raw.Tests, origin: origin{fsys: fsys, name: name, key: "fs:" + name}}
	p.sources = append(p.sources, data)
	if p.Name == "" {
		l, col := fieldPos(root, "pack")
		c.errorf(l, col, "", "missing field \"pack\" (the pack's name)")
	} else if !idPattern.MatchString(p.Name) || strings.Contains(p.Name, ".") {
		l, col := fieldPos(root, "pack")
		c.errorf(l, col, "", "pack name %q must be lower case letters, digits, - or _", p.Name)
	}
	p.Allow = c.allow(raw.Allow, root, "allow", "")
	nodes := ruleNodes(root)
	seen := map[string]bool{}
	for i := range raw.Rules {
		var n *yaml.Node
		if i < len(nodes) {
			n = nodes[i]
		}
		r := c.rule(p.Name, &raw.Rules[i], n)
		if r == nil {
			continue
		}
		if i < len(lines) {
			r.Line, r.Col = lines[i][0], lines[i][1]
		}
		if seen[r.ID] {
			l, col := fieldPos(n, "id")
			c.errorf(l, col, r.ID, "duplicate rule id")
			continue
		}
		seen[r.ID] = true
		p.Rules = append(p.Rules, r)
	}
	c.composition(p, raw, root)
	c.lintIgnores(p, raw, root)
	if len(raw.Rules) == 0 && raw.Allow == nil && len(raw.Extends) == 0 && len(raw.Disable) == 0 && len(raw.Override) == 0 {
		c.errorf(1, 1, "", "pack has no rules, allow list, extends, disable or override")
	}
	p.sources = append(p.sources, c.sources...)
	if len(c.errs) > 0 {
		return nil, c.errs
	}
	return p, nil
}

type compiler struct {
	fsys    fs.FS
	file    string
	dir     string
	errs    PackErrors
	sources [][]byte
	salt    string // the pack's HMAC key for hashed rules
}

func (c *compiler) errorf(line, col int, rule, format string, args ...any) {
	c.errs = append(c.errs, &PackError{File: c.file, Line: line, Col: col, RuleID: rule, Msg: fmt.Sprintf(format, args...)})
}

// builtinData reports whether the data file name of the pack being compiled
// is one of the embedded built-in files (embed.go).
func (c *compiler) builtinData(name string) bool {
	if c.fsys != Builtin || name == "" {
		return false
	}
	_, ok := builtinData[path.Join(c.dir, name)]
	return ok
}

// readData reads a data file named in a pack, relative to the pack's
// directory; it may not leave that directory.
func (c *compiler) readData(name string) ([]byte, error) {
	if name == "" {
		return nil, nil
	}
	if path.IsAbs(name) || strings.Contains(name, "\\") {
		return nil, fmt.Errorf("data file %q must be a relative path inside the pack's directory", name)
	}
	p := path.Join(c.dir, name)
	if !fs.ValidPath(p) || (c.dir != "." && !strings.HasPrefix(p, c.dir+"/")) || strings.HasPrefix(path.Clean(name), "..") {
		return nil, fmt.Errorf("data file %q leaves the pack's directory", name)
	}
	if c.fsys == nil {
		return nil, fmt.Errorf("data file %q: the pack was not read from files", name)
	}
	if c.fsys == Builtin {
		if b, ok := builtinBytes(p); ok {
			c.sources = append(c.sources, b)
			return b, nil
		}
	}
	b, err := readDataFile(c.fsys, p, name)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("data file %q not found next to the pack", name)
		case errors.Is(err, errLeavesDir):
			return nil, fmt.Errorf("data file %q %v", name, errLeavesDir)
		}
		var le *limitError
		if errors.As(err, &le) {
			return nil, le
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("read data file %q: %v", name, err)
	}
	c.sources = append(c.sources, b)
	return b, nil
}

func (c *compiler) lexicon(terms []string, file string, keyFn func(string) string, n *yaml.Node, key, rule string) *Lexicon {
	var fileLex *Lexicon
	if file != "" {
		data, err := c.readData(file)
		if err != nil {
			l, col := fieldPos(n, key)
			c.errorf(l, col, rule, "%v", err)
			return nil
		}
		if _, builtin := builtinBytes(path.Join(c.dir, file)); builtin && c.fsys == Builtin {
			fileLex = builtinLexicon(data, keyFn)
		} else {
			fileLex = lexiconFromFile(data, keyFn)
		}
	}
	if len(terms) == 0 {
		return fileLex
	}
	if fileLex == nil {
		return BuildLexicon(terms, keyFn)
	}
	// Both: merge, keeping the file's fields.
	all := append(strings.Split(string(fileLex.data), "\n"), terms...)
	return BuildLexicon(all, keyFn)
}

func (c *compiler) allow(ra *rawAllow, parent *yaml.Node, key, rule string) *Allow {
	if ra == nil {
		return nil
	}
	n := mapValue(parent, key)
	a := &Allow{Pseudonyms: ra.Pseudonyms}
	if l := c.lexicon(ra.Terms, ra.TermsFile, keyFunc(false, false), n, "terms_file", rule); l != nil {
		a.terms = append(a.terms, l)
	}
	res, err := compilePatterns(ra.Patterns, false)
	if err != nil {
		l, col := fieldPos(n, "patterns")
		c.errorf(l, col, rule, "allow: %v", err)
	}
	a.patterns = res
	return a
}

func (c *compiler) rule(pack string, rr *rawRule, n *yaml.Node) *Rule {
	line, col := 0, 0
	if n != nil {
		line, col = n.Line, n.Column
	}
	before := len(c.errs)
	id := rr.ID
	if id == "" {
		c.errorf(line, col, "", "rule without an id")
		return nil
	}
	full := pack + "." + id
	if !idPattern.MatchString(id) {
		l, cl := fieldPos(n, "id")
		c.errorf(l, cl, full, "rule id %q must be lower case letters, digits, -, _ and dots", id)
	}
	r := &Rule{ID: full, Pack: pack, Category: rr.Category, Message: rr.Message, Replace: rr.Replace,
		Kind: rr.Kind, Description: rr.Description, AutoApply: rr.AutoApply, Generalize: rr.Generalize,
		Widen: rr.Widen, File: c.file, Line: line, Col: col}
	r.Examples = Examples{}
	if rr.Examples != nil {
		r.Examples = Examples{Flag: rr.Examples.Flag, Allow: rr.Examples.Allow}
	}
	if !slices.Contains(Categories, rr.Category) {
		l, cl := fieldPos(n, "category")
		if rr.Category == "" {
			c.errorf(l, cl, full, "missing field \"category\" (one of %s)", strings.Join(Categories, ", "))
		} else {
			c.errorf(l, cl, full, "unknown category %q (one of %s)", rr.Category, strings.Join(Categories, ", "))
		}
	}
	switch rr.Severity {
	case "", "block":
		r.Severity = Block
	case "review":
		r.Severity = Review
	default:
		l, cl := fieldPos(n, "severity")
		c.errorf(l, cl, full, "unknown severity %q (block or review)", rr.Severity)
	}
	r.Likelihood = High
	if l := c.likelihood(rr.Likelihood, n, full, ""); l != 0 {
		r.Likelihood = l
	}
	if r.Replace == "" {
		r.Replace = "[" + rr.Category + "]"
	}
	if r.Message == "" {
		r.Message = rr.Category
	}
	c.checkGeneralize(rr.Generalize, n, full, "")
	c.checkWiden(rr.Widen, n, full, "")
	r.Scopes = c.scopeSet(rr.Scope, n, full, "")
	keyFn := keyFunc(rr.Case, rr.Accents)
	kindOnly := func(field string, set bool) {
		if set {
			l, cl := fieldPos(n, field)
			c.errorf(l, cl, full, "field %q does not apply to kind %q", field, rr.Kind)
		}
	}
	switch rr.Kind {
	case KindTerms:
		lex := c.lexicon(rr.Terms, rr.TermsFile, keyFn, n, "terms_file", full)
		if lex == nil && len(c.errs) == before {
			l, cl := fieldPos(n, "terms")
			c.errorf(l, cl, full, "kind terms needs terms or terms_file")
		}
		r.matcher = &termsMatcher{lex: lex, keyFn: keyFn, folded: !rr.Case && !rr.Accents, capitalized: rr.Capitalized, hyphens: rr.Hyphens}
		kindOnly("pattern", rr.Pattern != "" || len(rr.Patterns) > 0)
	case KindPattern:
		ps := rr.Patterns
		if rr.Pattern != "" {
			ps = append([]string{rr.Pattern}, ps...)
		}
		if len(ps) == 0 {
			l, cl := fieldPos(n, "pattern")
			c.errorf(l, cl, full, "kind pattern needs pattern or patterns")
		}
		res, err := compilePatterns(ps, rr.IgnoreCase)
		if err != nil {
			l, cl := fieldPos(n, "pattern")
			if rr.Pattern == "" {
				l, cl = fieldPos(n, "patterns")
			}
			c.errorf(l, cl, full, "%v", err)
		}
		for _, re := range res {
			if rr.Group > re.NumSubexp() {
				l, cl := fieldPos(n, "group")
				c.errorf(l, cl, full, "group %d but the pattern has %d groups", rr.Group, re.NumSubexp())
			}
			if re.matchesEmpty() {
				l, cl := fieldPos(n, "pattern")
				c.errorf(l, cl, full, "pattern %q matches empty text", re.String())
			}
		}
		pm := &patternMatcher{res: res, group: rr.Group}
		if len(rr.Keywords) > 0 {
			kw := make([]string, len(rr.Keywords))
			for i, k := range rr.Keywords {
				kw[i] = strings.ToLower(k)
			}
			pm.keywords = newKeywordSet(kw)
		}
		r.matcher = pm
		kindOnly("terms", len(rr.Terms) > 0 || rr.TermsFile != "")
	case KindContext:
		if rr.Cues == nil || (len(rr.Cues.Before) == 0 && len(rr.Cues.After) == 0) {
			l, cl := fieldPos(n, "cues")
			c.errorf(l, cl, full, "kind context needs cues.before or cues.after")
			break
		}
		m := &contextMatcher{target: rr.Target, maxWords: rr.MaxWords, includeCue: rr.IncludeCue, hyphens: rr.Hyphens}
		switch m.target {
		case "", "capitalized":
			m.target = "capitalized"
		case "words", "number":
		default:
			l, cl := fieldPos(n, "target")
			c.errorf(l, cl, full, "unknown target %q (capitalized, words or number)", rr.Target)
		}
		if m.maxWords == 0 {
			m.maxWords = 3
		}
		if len(rr.Cues.Before) > 0 {
			m.before = BuildLexicon(rr.Cues.Before, keyFn)
			for _, cue := range rr.Cues.Before {
				// "Brgy. San Roque", "Sor. Charoenchai 9": a cue written
				// with its full stop takes the name after that stop.
				if strings.HasSuffix(cue, ".") {
					if m.dotted == nil {
						m.dotted = map[string]bool{}
					}
					m.dotted[keyFn(cue)] = true
				}
			}
		}
		if len(rr.Cues.After) > 0 {
			m.after = BuildLexicon(rr.Cues.After, keyFn)
		}
		if rr.Ordinary != "" {
			m.ordinary = c.lexicon(nil, rr.Ordinary, fold0, n, "ordinary_words", full)
		}
		r.matcher = m
	case KindProper:
		r.matcher = c.proper(rr.Proper, n, full)
	case KindHashed:
		r.matcher = c.hashed(rr, n, full)
	case KindClassifier:
		if m := c.classifier(rr, n, full); m != nil {
			r.matcher = m
		}
	case "":
		l, cl := fieldPos(n, "kind")
		c.errorf(l, cl, full, "missing field \"kind\" (terms, pattern, context, proper, hashed or classifier)")
	default:
		l, cl := fieldPos(n, "kind")
		c.errorf(l, cl, full, "unknown kind %q (terms, pattern, context, proper, hashed or classifier)", rr.Kind)
	}
	if rr.Kind != KindContext {
		kindOnly("ordinary_words", rr.Ordinary != "")
	}
	if rr.Kind != KindHashed {
		kindOnly("hashes", len(rr.Hashes) > 0)
		kindOnly("hashes_file", rr.HashesFile != "")
	}
	if rr.Kind != KindClassifier {
		kindOnly("model_file", rr.ModelFile != "")
		kindOnly("threshold", rr.Threshold != nil)
	} else {
		kindOnly("widen", rr.Widen != "") // its findings are sentences already
	}
	r.context = c.contexts(rr.Context, n, full)
	r.allow = c.allow(rr.Allow, n, "allow", full)
	if len(c.errs) > before {
		return nil
	}
	return r
}

// contexts compiles a rule's (or an override's) context conditions.
func (c *compiler) contexts(rcs []rawContext, n *yaml.Node, full string) []contextRule {
	var out []contextRule
	for k, rc := range rcs {
		cr := contextRule{before: rc.Before, after: rc.After, within: rc.Within, effect: rc.Effect}
		l, cl := fieldPos(n, "context")
		switch rc.Effect {
		case "require", "exclude", "raise", "lower":
		case "":
			c.errorf(l, cl, full, "context %d: missing field \"effect\" (require, exclude, raise or lower)", k+1)
		default:
			c.errorf(l, cl, full, "context %d: unknown effect %q (require, exclude, raise or lower)", k+1, rc.Effect)
		}
		if rc.Before == 0 && rc.After == 0 && !rc.Within {
			c.errorf(l, cl, full, "context %d: give a window: before and/or after (in words), or within: true", k+1)
		}
		if len(rc.Words) == 0 && len(rc.Patterns) == 0 {
			c.errorf(l, cl, full, "context %d: needs words or patterns", k+1)
		}
		if len(rc.Words) > 0 {
			cr.words = BuildLexicon(rc.Words, fold0)
		}
		res, err := compilePatterns(rc.Patterns, true)
		if err != nil {
			c.errorf(l, cl, full, "context %d: %v", k+1, err)
		}
		cr.patterns = res
		if len(res) > 0 {
			cr.dfas = &contextDFAs{}
		}
		out = append(out, cr)
	}
	return out
}

var fold0 = keyFunc(false, false)

func (c *compiler) proper(rp *rawProper, n *yaml.Node, full string) *properMatcher {
	if rp == nil {
		l, cl := fieldPos(n, "proper")
		c.errorf(l, cl, full, "kind proper needs a proper: section")
		return nil
	}
	m := &properMatcher{unknown: rp.Unknown, minPop: rp.MinPlacePop}
	switch m.unknown {
	case "":
		m.unknown = "name"
	case "name", "location":
	default:
		l, cl := fieldPos(n, "proper")
		c.errorf(l, cl, full, "proper.unknown must be name or location")
	}
	for _, f := range rp.Names {
		if l := c.lexicon(nil, f, fold0, n, "proper", full); l != nil {
			m.names = append(m.names, l)
		}
	}
	for _, f := range rp.Places {
		m.places = c.lexicon(nil, f, fold0, n, "proper", full)
	}
	if rp.Words != "" {
		m.words = c.lexicon(nil, rp.Words, fold0, n, "proper", full)
	}
	m.common = c.lexicon(rp.Common, rp.CommonFile, fold0, n, "proper", full)
	m.honorifics = BuildLexicon(rp.Honorifics, fold0)
	m.connectors = BuildLexicon(rp.Connectors, fold0)
	m.venues = BuildLexicon(rp.Venues, fold0)
	m.placeCues = BuildLexicon(rp.PlaceCues, fold0)
	m.nameCues = BuildLexicon(rp.NameCues, fold0)
	m.nameAfter = BuildLexicon(rp.NameAfter, fold0)
	return m
}

// Set is the immutable, ordered collection of rules in force.
type Set struct {
	Packs []*Pack
	Rules []*Rule
	// Allow merges every pack's allow list: an organisation's pack can
	// allow its spokespeople for all rules.
	Allow *Allow
	// Disabled are rules that a later pack's `disable` removed; Overridden
	// names, per rule ID, where an `override` changed it (compose.go).
	Disabled   []Disabled
	Overridden map[string][]string

	digestOnce sync.Once
	digest     string
}

// NewSet combines packs: it first loads what they extend (built-in packs by
// name, files by path relative to the pack), once each and before the packs
// that extend them, then applies their disable and override lists in order.
// Rule IDs must be unique across packs.
func NewSet(packs ...*Pack) (*Set, error) {
	packs, err := expand(packs)
	if err != nil {
		return nil, err
	}
	s := &Set{Allow: &Allow{}}
	seen := map[string]*Rule{}
	var errs PackErrors
	for _, p := range packs {
		s.Packs = append(s.Packs, p)
		s.Allow.merge(p.Allow)
		for _, r := range p.Rules {
			if prev, ok := seen[r.ID]; ok {
				errs = append(errs, &PackError{File: r.File, Line: r.Line, Col: r.Col, RuleID: r.ID,
					Msg: fmt.Sprintf("rule id also defined in %s:%d", prev.File, prev.Line)})
				continue
			}
			seen[r.ID] = r
			s.Rules = append(s.Rules, r)
		}
		errs = append(errs, s.compose(p)...)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	for _, r := range s.Rules {
		switch m := r.matcher.(type) {
		case *properMatcher:
			m.setAllow(s.Allow)
		case *contextMatcher:
			m.allow = s.Allow
		}
	}
	return s, nil
}

// Lookup returns the rule with the given full ID.
func (s *Set) Lookup(id string) *Rule {
	for _, r := range s.Rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Digest identifies the exact rules in force: a SHA-256 over every pack file
// and data file, in order. A sign-off records it, so a pack change is seen.
func (s *Set) Digest() string {
	s.digestOnce.Do(func() {
		h := sha256.New()
		for _, p := range s.Packs {
			fmt.Fprintf(h, "pack %s %s\n", p.Name, p.Version)
			for _, src := range p.sources {
				fmt.Fprintf(h, "%d\n", len(src))
				h.Write(src)
			}
		}
		s.digest = "sha256:" + hex.EncodeToString(h.Sum(nil))
	})
	return s.digest
}

// LoadFS parses the packs at the given paths of fsys (files, or directories
// whose *.yaml and *.yml files are packs), in sorted order.
func LoadFS(fsys fs.FS, paths ...string) ([]*Pack, error) {
	var files []string
	for _, p := range paths {
		st, err := fs.Stat(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("load rule pack %s: %w", p, err)
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		ents, err := fs.ReadDir(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("load rule packs in %s: %w", p, err)
		}
		for _, e := range ents {
			if !e.IsDir() && (strings.HasSuffix(e.Name(), ".yaml") || strings.HasSuffix(e.Name(), ".yml")) {
				files = append(files, path.Join(p, e.Name()))
			}
		}
	}
	sort.Strings(files)
	// Packs compile independently (regexps, data files), so they are
	// parsed on all cores; the results are then taken in file order, so
	// packs and errors come out as from a sequential run. Start-up is what
	// a writer waits for on every save.
	type parsed struct {
		p       *Pack
		err     error // from Parse
		readErr error
	}
	out := make([]parsed, len(files))
	// The largest files first, one worker per core: the packs were
	// started in no particular order, and the operational pack (190 KB,
	// the longest to compile) was often the last to start, alone on one
	// core after the others ended.
	order := bySize(fsys, files)
	var next atomic.Int32
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for k := int(next.Add(1)) - 1; k < len(order); k = int(next.Add(1)) - 1 {
				i, f := order[k], files[order[k]]
				data, err := fs.ReadFile(fsys, f)
				if err != nil {
					out[i].readErr = fmt.Errorf("read rule pack %s: %w", f, err)
					continue
				}
				out[i].p, out[i].err = Parse(fsys, f, data)
			}
		})
	}
	wg.Wait()
	var packs []*Pack
	var errs PackErrors
	for i, f := range files {
		if out[i].readErr != nil {
			return nil, out[i].readErr
		}
		p, err := out[i].p, out[i].err
		if err != nil {
			var pe PackErrors
			if errors.As(err, &pe) {
				errs = append(errs, pe...)
				continue
			}
			return nil, err
		}
		if fsys == Builtin {
			p.origin.key = "builtin:" + f
			p.origin.builtin = strings.SplitN(strings.TrimPrefix(f, "packs/"), "/", 2)[0]
		}
		packs = append(packs, p)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return packs, nil
}

// bySize returns the indexes of files, the largest file first (files
// that cannot be read last, in order).
func bySize(fsys fs.FS, files []string) []int {
	size := make([]int64, len(files))
	order := make([]int, len(files))
	for i, f := range files {
		order[i], size[i] = i, -1
		if st, err := fs.Stat(fsys, f); err == nil {
			size[i] = st.Size()
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(size[b], size[a]) })
	return order
}

// LoadPaths parses packs from the file system: each path is a pack file or a
// directory of them. Data files are read relative to each pack's directory,
// and errors name the paths as given.
func LoadPaths(paths ...string) ([]*Pack, error) {
	var packs []*Pack
	var errs PackErrors
	for _, p := range paths {
		files := []string{p}
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("load rule pack %s: %w", p, err)
		}
		if st.IsDir() {
			files = nil
			ents, err := os.ReadDir(p)
			if err != nil {
				return nil, fmt.Errorf("load rule packs in %s: %w", p, err)
			}
			for _, e := range ents {
				if !e.IsDir() && (strings.HasSuffix(e.Name(), ".yaml") || strings.HasSuffix(e.Name(), ".yml")) {
					files = append(files, filepath.Join(p, e.Name()))
				}
			}
			if len(files) == 0 {
				return nil, fmt.Errorf("load rule packs in %s: no *.yaml files", p)
			}
		}
		for _, f := range files {
			data, err := readPackFile(f)
			if err != nil {
				var pe PackErrors
				if errors.As(err, &pe) {
					errs = append(errs, pe...)
					continue
				}
				return nil, fmt.Errorf("read rule pack %s: %w", f, err)
			}
			pk, err := parse(packDir(filepath.Dir(f)), filepath.Base(f), f, data)
			if err != nil {
				var pe PackErrors
				if errors.As(err, &pe) {
					errs = append(errs, pe...)
					continue
				}
				return nil, err
			}
			pk.origin.dir = filepath.Dir(f)
			if abs, err := filepath.Abs(f); err == nil {
				pk.origin.key = abs
			}
			packs = append(packs, pk)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return packs, nil
}

// likelihood reads a likelihood name; "" gives 0 (unset). prefix goes
// before the error message ("override: ").
func (c *compiler) likelihood(v string, n *yaml.Node, id, prefix string) int {
	switch v {
	case "":
		return 0
	case "low":
		return Low
	case "medium":
		return Medium
	case "high":
		return High
	}
	l, cl := fieldPos(n, "likelihood")
	c.errorf(l, cl, id, "%sunknown likelihood %q (low, medium or high)", prefix, v)
	return 0
}

// checkGeneralize checks a generalize setting.
func (c *compiler) checkGeneralize(v string, n *yaml.Node, id, prefix string) {
	c.checkChoice("generalize", v, n, id, prefix, "none", "place", "date")
}

// Widen settings: a finding covers its match, or the sentence around it.
const (
	WidenMatch    = "match"
	WidenSentence = "sentence"
)

// checkWiden checks a widen setting.
func (c *compiler) checkWiden(v string, n *yaml.Node, id, prefix string) {
	c.checkChoice("widen", v, n, id, prefix, WidenMatch, WidenSentence)
}

// checkChoice reports a field whose value is neither empty nor one of
// choices, naming them ("none, place or date").
func (c *compiler) checkChoice(field, v string, n *yaml.Node, id, prefix string, choices ...string) {
	if v == "" || slices.Contains(choices, v) {
		return
	}
	list := strings.Join(choices[:len(choices)-1], ", ") + " or " + choices[len(choices)-1]
	l, cl := fieldPos(n, field)
	c.errorf(l, cl, id, "%sunknown %s %q (%s)", prefix, field, v, list)
}

// scopeSet checks scope names and returns them as a set; nil means every
// scope.
func (c *compiler) scopeSet(scopes []string, n *yaml.Node, id, prefix string) map[string]bool {
	if len(scopes) == 0 {
		return nil
	}
	set := map[string]bool{}
	for _, s := range scopes {
		if !slices.Contains(Scopes, s) {
			l, cl := fieldPos(n, "scope")
			c.errorf(l, cl, id, "%sunknown scope %q (one of %s)", prefix, s, strings.Join(Scopes, ", "))
		}
		set[s] = true
	}
	return set
}
