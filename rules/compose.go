package rules

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Composition lets a security team build its pack on others instead of
// copying them:
//
//	pack: acme
//	extends: [default, ./shared/staff.yaml]  # built-in by name, files by path
//	disable: [default.date.weekday]           # drop a rule
//	override:
//	  default.proper.nouns: {severity: review} # change a rule
//	allow:
//	  terms: [Jane Doe]                        # our spokesperson, for every rule
//
// Order is what a reader expects: a pack comes after the packs it extends,
// packs given later come after those given earlier, and a disable or override
// applies to the rules loaded before its pack. When two packs override the
// same field of the same rule, the later one wins. Each pack is loaded once
// however many packs extend it, and a cycle is an error.

// origin says where a pack came from, to resolve what it extends and to load
// each pack only once.
type origin struct {
	key     string // identity: "builtin:packs/default/x.yaml", an absolute path, or "fs:name"
	fsys    fs.FS  // the file system the pack was read from
	name    string // the pack's path in fsys
	dir     string // for packs read from the OS: the directory, as given
	builtin string // the built-in pack's name, when it is one
}

// Builtin reports the name of the built-in pack this file belongs to, or "".
func (p *Pack) Builtin() string { return p.origin.builtin }

// Ref is a name in a pack (a pack to extend, a rule to disable) with its position.
type Ref struct {
	Name      string
	Line, Col int
}

// Override changes some fields of a rule that another pack defines.
type Override struct {
	Rule      string
	File      string
	Line, Col int

	severity   Severity
	message    string
	replace    string
	generalize string
	widen      string
	scopes     map[string]bool
	likelihood int
	autoApply  *bool
	context    []contextRule
	contextSet bool
	allow      *Allow
}

// Disabled records a rule that a pack's `disable` list removed.
type Disabled struct {
	Rule      *Rule
	By        *Pack
	Line, Col int
}

// isPackName tells a built-in pack name ("default") from a path.
func isPackName(s string) bool {
	return idPattern.MatchString(s) && !strings.Contains(s, ".") && !strings.Contains(s, "/")
}

// composition reads extends, disable and override.
func (c *compiler) composition(p *Pack, raw *rawPack, root *yaml.Node) {
	for i, e := range raw.Extends {
		l, col := seqItemPos(root, "extends", i)
		if e == "" {
			c.errorf(l, col, "", "extends: empty name")
			continue
		}
		if !isPackName(e) && (path.IsAbs(e) || filepath.IsAbs(e)) {
			c.errorf(l, col, "", "extends: %q must be a built-in pack name or a path relative to this pack", e)
			continue
		}
		p.Extends = append(p.Extends, Ref{Name: e, Line: l, Col: col})
	}
	for i, d := range raw.Disable {
		l, col := seqItemPos(root, "disable", i)
		p.Disable = append(p.Disable, Ref{Name: d, Line: l, Col: col})
	}
	var on *yaml.Node
	for i := 0; root != nil && i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "override" {
			on = root.Content[i+1]
		}
	}
	if on == nil || on.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(on.Content); i += 2 {
		id, n := on.Content[i].Value, on.Content[i+1]
		ro := raw.Override[id]
		o := &Override{Rule: id, File: c.file, Line: on.Content[i].Line, Col: on.Content[i].Column}
		before := len(c.errs)
		if ro.Severity != "" {
			switch ro.Severity {
			case "block":
				o.severity = Block
			case "review":
				o.severity = Review
			default:
				l, cl := fieldPos(n, "severity")
				c.errorf(l, cl, id, "override: unknown severity %q (block or review)", ro.Severity)
			}
		}
		o.likelihood = c.likelihood(ro.Likelihood, n, id, "override: ")
		c.checkGeneralize(ro.Generalize, n, id, "override: ")
		c.checkWiden(ro.Widen, n, id, "override: ")
		o.widen = ro.Widen
		o.scopes = c.scopeSet(ro.Scope, n, id, "override: ")
		o.message, o.replace, o.generalize, o.autoApply = ro.Message, ro.Replace, ro.Generalize, ro.AutoApply
		if ro.Context != nil {
			o.contextSet = true
			o.context = c.contexts(ro.Context, n, id)
		}
		o.allow = c.allow(ro.Allow, n, "allow", id)
		if len(c.errs) == before {
			p.Overrides = append(p.Overrides, o)
		}
	}
}

// seqItemPos returns the position of item i of the sequence under key
// (of the key's value, or of root, when there is no such item).
func seqItemPos(root *yaml.Node, key string, i int) (int, int) {
	if root == nil {
		return 0, 0
	}
	v := mapValue(root, key)
	switch {
	case v == nil:
		return root.Line, root.Column
	case v.Kind == yaml.SequenceNode && i < len(v.Content):
		return v.Content[i].Line, v.Content[i].Column
	}
	return v.Line, v.Column
}

// expander loads what packs extend, depth first, each pack once.
type expander struct {
	out    []*Pack
	loaded map[string]bool
	stack  []*Pack
	errs   PackErrors
}

func expand(in []*Pack) ([]*Pack, error) {
	e := &expander{loaded: map[string]bool{}}
	for _, p := range in {
		e.visit(p)
	}
	if len(e.errs) > 0 {
		return nil, e.errs
	}
	return e.out, nil
}

func packKey(p *Pack) string {
	if p.origin.key != "" {
		return p.origin.key
	}
	return fmt.Sprintf("%p", p)
}

func (e *expander) visit(p *Pack) {
	key := packKey(p)
	if e.loaded[key] {
		return
	}
	e.loaded[key] = true
	e.stack = append(e.stack, p)
	for _, ref := range p.Extends {
		if isPackName(ref.Name) && e.hasBuiltin(ref.Name) {
			continue // already in force: no need to parse it again
		}
		packs, err := loadExtend(p, ref)
		if err != nil {
			var pe PackErrors
			if errors.As(err, &pe) {
				e.errs = append(e.errs, pe...)
			} else {
				e.errs = append(e.errs, &PackError{File: p.File, Line: ref.Line, Col: ref.Col, Msg: fmt.Sprintf("extends %q: %v", ref.Name, err)})
			}
			continue
		}
		for _, q := range packs {
			if i := slices.IndexFunc(e.stack, func(s *Pack) bool { return packKey(s) == packKey(q) }); i >= 0 {
				var chain []string
				for _, s := range e.stack[i:] {
					chain = append(chain, s.File)
				}
				chain = append(chain, q.File)
				e.errs = append(e.errs, &PackError{File: p.File, Line: ref.Line, Col: ref.Col,
					Msg: "extends cycle: " + strings.Join(chain, " → ")})
				continue
			}
			e.visit(q)
		}
	}
	e.stack = e.stack[:len(e.stack)-1]
	e.out = append(e.out, p)
}

// hasBuiltin reports whether files of the named built-in pack are loaded.
func (e *expander) hasBuiltin(name string) bool {
	prefix := "builtin:packs/" + name + "/"
	for k := range e.loaded {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	return false
}

// loadExtend loads the packs a reference names: a built-in pack by name, or
// a file or directory relative to the extending pack.
func loadExtend(p *Pack, ref Ref) ([]*Pack, error) {
	if isPackName(ref.Name) {
		if !slices.Contains(BuiltinNames(), ref.Name) {
			return nil, fmt.Errorf("no built-in pack of that name (built-in: %s; a file path must end in .yaml or start with ./)", strings.Join(BuiltinNames(), ", "))
		}
		return LoadBuiltin(ref.Name)
	}
	if p.origin.dir != "" {
		return LoadPaths(filepath.Join(p.origin.dir, filepath.FromSlash(ref.Name)))
	}
	if p.origin.fsys == nil {
		return nil, fmt.Errorf("cannot resolve a path from a pack that was not read from files")
	}
	target := path.Join(path.Dir(p.origin.name), ref.Name)
	if !fs.ValidPath(target) {
		return nil, fmt.Errorf("path leaves the pack's file system")
	}
	return LoadFS(p.origin.fsys, target)
}

// compose applies p's disable and override lists to the rules loaded so far.
func (s *Set) compose(p *Pack) PackErrors {
	var errs PackErrors
	find := func(id string, line, col int, what string) int {
		i := slices.IndexFunc(s.Rules, func(r *Rule) bool { return r.ID == id })
		if i >= 0 && s.Rules[i].Pack == p.Name && slices.Contains(p.Rules, s.Rules[i]) {
			errs = append(errs, &PackError{File: p.File, Line: line, Col: col, RuleID: id,
				Msg: what + ": the rule is in this pack; edit it instead"})
			return -1
		}
		if i < 0 {
			msg := what + ": no such rule in the packs loaded before this one"
			for _, d := range s.Disabled {
				if d.Rule.ID == id {
					msg = fmt.Sprintf("%s: the rule was disabled by %s:%d", what, d.By.File, d.Line)
				}
			}
			if !strings.Contains(id, ".") || strings.Contains(msg, "no such") {
				if best := closestID(s.Rules, id); best != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", best)
				}
			}
			errs = append(errs, &PackError{File: p.File, Line: line, Col: col, RuleID: id, Msg: msg})
		}
		return i
	}
	for _, d := range p.Disable {
		i := find(d.Name, d.Line, d.Col, "disable")
		if i < 0 {
			continue
		}
		s.Disabled = append(s.Disabled, Disabled{Rule: s.Rules[i], By: p, Line: d.Line, Col: d.Col})
		s.Rules = slices.Delete(s.Rules, i, i+1)
	}
	for _, o := range p.Overrides {
		i := find(o.Rule, o.Line, o.Col, "override")
		if i < 0 {
			continue
		}
		s.Rules[i] = o.apply(s.Rules[i])
		if s.Overridden == nil {
			s.Overridden = map[string][]string{}
		}
		s.Overridden[o.Rule] = append(s.Overridden[o.Rule], fmt.Sprintf("%s:%d", o.File, o.Line))
	}
	return errs
}

// apply returns a copy of r with the override's fields; r itself, which may
// be shared, is not changed.
func (o *Override) apply(r *Rule) *Rule {
	n := *r
	if o.severity != "" {
		n.Severity = o.severity
	}
	if o.message != "" {
		n.Message = o.message
	}
	if o.replace != "" {
		n.Replace = o.replace
	}
	if o.generalize != "" {
		n.Generalize = o.generalize
	}
	if o.widen != "" {
		n.Widen = o.widen
	}
	if o.scopes != nil {
		n.Scopes = o.scopes
	}
	if o.likelihood != 0 {
		n.Likelihood = o.likelihood
	}
	if o.autoApply != nil {
		n.AutoApply = *o.autoApply
	}
	if o.contextSet {
		n.context = o.context
	}
	if o.allow != nil {
		a := &Allow{}
		a.merge(r.allow)
		a.merge(o.allow)
		n.allow = a
	}
	return &n
}

// closestID suggests a rule ID for a misspelt or unqualified one.
func closestID(rs []*Rule, id string) string {
	best, bestD := "", 4
	for _, r := range rs {
		if strings.HasSuffix(r.ID, "."+id) {
			return r.ID
		}
		if d := editDistance(id, r.ID); d < bestD {
			best, bestD = r.ID, d
		}
	}
	return best
}

// lintIgnores records the lint checks each rule (or the pack) silences.
func (c *compiler) lintIgnores(p *Pack, raw *rawPack, root *yaml.Node) {
	add := func(id string, rl *rawLint, n *yaml.Node) {
		if rl == nil {
			return
		}
		for _, name := range rl.Ignore {
			if !slices.Contains(LintChecks, name) {
				l, cl := fieldPos(n, "lint")
				c.errorf(l, cl, id, "lint: unknown check %q (one of %s)", name, strings.Join(LintChecks, ", "))
				continue
			}
			if p.LintIgnore == nil {
				p.LintIgnore = map[string][]string{}
			}
			p.LintIgnore[id] = append(p.LintIgnore[id], name)
		}
	}
	add("", raw.Lint, root)
	nodes := ruleNodes(root)
	for i := range raw.Rules {
		var n *yaml.Node
		if i < len(nodes) {
			n = nodes[i]
		}
		if raw.Rules[i].ID != "" {
			add(p.Name+"."+raw.Rules[i].ID, raw.Rules[i].Lint, n)
		}
	}
}
