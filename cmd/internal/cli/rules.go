package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/rescue-stories/redact/rules"
)

func newCmdRules(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules <command>",
		Short: "List, show, lint and test rule packs; make hashed deny-list entries",
		Long: `Work with the rule packs in force: the built-in packs (unless --no-builtin),
the packs named in .redact.toml and those given with --rules.

Packs can build on others (extends), drop or change their rules (disable,
override) and hide names as keyed hashes; docs/rule-packs.md is the
reference.`,
	}
	cmd.AddCommand(
		newCmdRulesList(f, nil),
		newCmdRulesShow(f, nil),
		newCmdRulesLint(f, nil),
		newCmdRulesTest(f, nil),
		newCmdRulesHash(f, nil),
		newCmdRulesSchema(f),
	)
	return cmd
}

// RulesListOptions are the options of `redact rules list`.
type RulesListOptions struct {
	f      *Factory
	Format string
}

func newCmdRulesList(f *Factory, runF func(*RulesListOptions) error) *cobra.Command {
	opts := &RulesListOptions{f: f}
	cmd := &cobra.Command{
		Use:   "list [--format {text | json}]",
		Short: "List the packs and rules in force, with versions and digests",
		Args:  cobra.NoArgs,
		Example: `  redact rules list
  redact rules list --rules team.yaml --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Format != "text" && opts.Format != "json" {
				return flagErrorf("--format must be text or json; not %q", opts.Format)
			}
			if runF != nil {
				return runF(opts)
			}
			return runRulesList(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "text", "output `format`: text or json")
	return cmd
}

// packGroup is the files of one pack name, as `rules list` shows them.
type packGroup struct {
	Name     string       `json:"name"`
	Version  string       `json:"version,omitempty"`
	Builtin  bool         `json:"builtin"`
	Files    []string     `json:"files"`
	Digest   string       `json:"digest"`
	Rules    []ruleRow    `json:"rules"`
	Disabled []disableRow `json:"disabled,omitempty"`
}

type ruleRow struct {
	ID           string   `json:"id"`
	Category     string   `json:"category"`
	Kind         string   `json:"kind"`
	Severity     string   `json:"severity"`
	Source       string   `json:"source"`
	FlagExamples int      `json:"flag_examples"`
	AllowExample int      `json:"allow_examples"`
	OverriddenBy []string `json:"overridden_by,omitempty"`
	What         string   `json:"what"`
	Widen        string   `json:"widen,omitempty"` // "sentence": findings cover the match's sentence
}

type disableRow struct {
	ID string `json:"id"`
	By string `json:"by"`
}

func groupPacks(set *rules.Set) []*packGroup {
	var groups []*packGroup
	byName := map[string]*packGroup{}
	digests := map[string][]string{}
	for _, p := range set.Packs {
		g := byName[p.Name]
		if g == nil {
			g = &packGroup{Name: p.Name, Builtin: p.Builtin() != ""}
			byName[p.Name] = g
			groups = append(groups, g)
		}
		if g.Version == "" {
			g.Version = p.Version
		}
		g.Files = append(g.Files, p.File)
		digests[p.Name] = append(digests[p.Name], p.Digest())
	}
	for _, g := range groups {
		h := sha256.Sum256([]byte(strings.Join(digests[g.Name], "\n")))
		g.Digest = "sha256:" + hex.EncodeToString(h[:])
	}
	for _, r := range set.Rules {
		g := byName[r.Pack]
		g.Rules = append(g.Rules, ruleRow{ID: r.ID, Category: r.Category, Kind: r.Kind, Severity: string(r.Severity),
			Source: fmt.Sprintf("%s:%d", r.File, r.Line), FlagExamples: len(r.Examples.Flag), AllowExample: len(r.Examples.Allow),
			OverriddenBy: set.Overridden[r.ID], What: r.Describe(), Widen: r.Widen})
	}
	for _, d := range set.Disabled {
		if g := byName[d.Rule.Pack]; g != nil {
			g.Disabled = append(g.Disabled, disableRow{ID: d.Rule.ID, By: fmt.Sprintf("%s:%d", d.By.File, d.Line)})
		}
	}
	return groups
}

func runRulesList(opts *RulesListOptions) error {
	set, err := opts.f.Rules()
	if err != nil {
		return err
	}
	groups := groupPacks(set)
	out := opts.f.IO.Out
	if opts.Format == "json" {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Digest string       `json:"digest"`
			Rules  int          `json:"rules"`
			Packs  []*packGroup `json:"packs"`
		}{set.Digest(), len(set.Rules), groups})
	}
	for i, g := range groups {
		if i > 0 {
			fmt.Fprintln(out)
		}
		origin := strings.Join(g.Files, ", ")
		if g.Builtin {
			origin = "built-in"
		}
		version := ""
		if g.Version != "" {
			version = " " + g.Version
		}
		fmt.Fprintf(out, "%s%s (%s): %s, %s\n", g.Name, version, origin, plural(len(g.Rules), "rule", "rules"), shortDigest(g.Digest))
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		for _, r := range g.Rules {
			extra := ""
			if len(r.OverriddenBy) > 0 {
				extra = "  overridden by " + strings.Join(r.OverriddenBy, ", ")
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%d/%d examples\t%s%s\n", r.ID, r.Category, r.What, r.Severity, r.FlagExamples, r.AllowExample, r.Source, extra)
		}
		for _, d := range g.Disabled {
			fmt.Fprintf(tw, "  %s\tdisabled by %s\n", d.ID, d.By)
		}
		tw.Flush()
	}
	fmt.Fprintf(out, "\n%s from %s; digest %s\n", plural(len(set.Rules), "rule", "rules"), plural(len(set.Packs), "pack file", "pack files"), set.Digest())
	return nil
}

func shortDigest(d string) string {
	if len(d) > len("sha256:")+12 {
		return d[:len("sha256:")+12]
	}
	return d
}

// RulesShowOptions are the options of `redact rules show`.
type RulesShowOptions struct {
	f  *Factory
	ID string
}

func newCmdRulesShow(f *Factory, runF func(*RulesShowOptions) error) *cobra.Command {
	opts := &RulesShowOptions{f: f}
	cmd := &cobra.Command{
		Use:   "show <rule-id>",
		Short: "Show a rule: what it matches, where it is defined, its examples",
		Args:  cobra.ExactArgs(1),
		Example: `  redact rules show default.date.numeric
  redact rules show date.numeric     # a unique suffix is enough`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runRulesShow(opts)
		},
	}
	return cmd
}

// findRule looks a rule up by full ID or unique suffix; disabled rules are
// found too, with the pack that disabled them.
func findRule(set *rules.Set, id string) (*rules.Rule, *rules.Disabled, error) {
	if r := set.Lookup(id); r != nil {
		return r, nil, nil
	}
	for i, d := range set.Disabled {
		if d.Rule.ID == id {
			return d.Rule, &set.Disabled[i], nil
		}
	}
	var matches []*rules.Rule
	for _, r := range set.Rules {
		if strings.HasSuffix(r.ID, "."+id) {
			matches = append(matches, r)
		}
	}
	switch len(matches) {
	case 1:
		return matches[0], nil, nil
	case 0:
		return nil, nil, fmt.Errorf("no rule %q in the packs in force; `redact rules list` lists them", id)
	}
	var ids []string
	for _, r := range matches {
		ids = append(ids, r.ID)
	}
	return nil, nil, fmt.Errorf("%q names %d rules (%s); give the full ID", id, len(ids), strings.Join(ids, ", "))
}

func runRulesShow(opts *RulesShowOptions) error {
	set, err := opts.f.Rules()
	if err != nil {
		return err
	}
	r, disabled, err := findRule(set, opts.ID)
	if err != nil {
		return err
	}
	out := opts.f.IO.Out
	fmt.Fprintln(out, r.ID)
	tw := tabwriter.NewWriter(out, 0, 4, 1, ' ', 0)
	p := set.PackOf(r)
	if p != nil {
		origin := ""
		if p.Builtin() != "" {
			origin = " (built-in)"
		}
		fmt.Fprintf(tw, "  pack:\t%s %s%s\n", p.Name, p.Version, origin)
	}
	fmt.Fprintf(tw, "  source:\t%s:%d:%d\n", r.File, r.Line, r.Col)
	fmt.Fprintf(tw, "  category:\t%s\n", r.Category)
	fmt.Fprintf(tw, "  kind:\t%s\n", r.Describe())
	fmt.Fprintf(tw, "  severity:\t%s\n", r.Severity)
	fmt.Fprintf(tw, "  replace:\t%s\n", r.Replace)
	if r.Widen == rules.WidenSentence {
		fmt.Fprintf(tw, "  finding:\tthe sentence around each match (widen: sentence)\n")
	}
	scope := "every part of a document"
	if r.Scopes != nil {
		var ss []string
		for s := range r.Scopes {
			ss = append(ss, s)
		}
		sort.Strings(ss)
		scope = strings.Join(ss, ", ")
	}
	fmt.Fprintf(tw, "  scope:\t%s\n", scope)
	if by := set.Overridden[r.ID]; len(by) > 0 {
		fmt.Fprintf(tw, "  overridden by:\t%s (the values above include the overrides)\n", strings.Join(by, ", "))
	}
	if disabled != nil {
		fmt.Fprintf(tw, "  disabled by:\t%s:%d (not in force)\n", disabled.By.File, disabled.Line)
	}
	tw.Flush()
	if p != nil {
		if src := p.RuleSource(r.ID); src != "" {
			fmt.Fprintf(out, "\n  definition (%s:%d):\n", r.File, r.Line)
			for _, ln := range strings.Split(strings.TrimRight(src, "\n"), "\n") {
				fmt.Fprintf(out, "    %s\n", ln)
			}
		}
	}
	return nil
}

// loadNamedPacks loads the packs named on a command line: files or
// directories, or built-in packs by name. With no names it returns the set
// in force. named reports whether a pack was named (or extended by a named
// local pack) rather than pulled in from the built-ins, so lint and test
// report on what the user asked about. A pack that cannot be read is a plain
// error; one with mistakes gives rules.PackErrors.
func loadNamedPacks(f *Factory, names []string) (set *rules.Set, named func(*rules.Pack) bool, err error) {
	if len(names) == 0 {
		set, err = f.Rules()
		return set, nil, err
	}
	var packs []*rules.Pack
	var builtins []string
	var errs rules.PackErrors
	for _, n := range names {
		var ps []*rules.Pack
		var err error
		if _, statErr := os.Stat(n); statErr != nil && slices.Contains(rules.BuiltinNames(), n) {
			ps, err = rules.LoadBuiltin(n)
			builtins = append(builtins, n)
		} else {
			ps, err = rules.LoadPaths(n)
		}
		var pe rules.PackErrors
		if errors.As(err, &pe) {
			errs = append(errs, pe...)
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		packs = append(packs, ps...)
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	set, err = rules.NewSet(packs...)
	named = func(p *rules.Pack) bool {
		return p.Builtin() == "" || slices.Contains(builtins, p.Builtin())
	}
	return set, named, err
}

// writePackErrors prints pack errors one per line, as lint problems.
func writePackErrors(w io.Writer, pe rules.PackErrors) {
	for _, e := range pe {
		fmt.Fprintln(w, e.Error())
	}
}
