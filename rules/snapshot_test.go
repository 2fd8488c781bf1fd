package rules

import (
	"flag"
	"os"
	"regexp/syntax"
	"slices"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var updatePrefilters = flag.Bool("update-prefilters", false, "rewrite rules/prefilters.snap from the built-in packs")

// TestPrefilterSnapshot: the snapshot holds every pattern of the built-in
// packs, with what parsing and analysing it gives now.
func TestPrefilterSnapshot(t *testing.T) {
	srcs, err := builtinPatternSources()
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) < 50 {
		t.Fatalf("only %d built-in patterns", len(srcs))
	}
	data, err := makeSnapshot(srcs)
	if err != nil {
		t.Fatal(err)
	}
	if *updatePrefilters {
		if err := os.WriteFile("prefilters.snap", data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote prefilters.snap: %d patterns, %d bytes", len(srcs), len(data))
		return
	}
	if string(data) != snapshotData {
		t.Errorf("prefilters.snap is out of date (the built-in patterns or their analysis changed): run go test ./rules -run TestPrefilterSnapshot -update-prefilters")
	}
	// The decoded snapshot says what a fresh analysis says.
	m, err := decodeSnapshot(snapshotData)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := decodeSnapshot(string(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range srcs {
		got, want := m[src], fresh[src]
		if got == nil {
			t.Errorf("%.60q: not in the snapshot", src)
			continue
		}
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(snapEntry{}, analysis{}, alphabet{})); diff != "" {
			t.Errorf("%.60q: (-fresh +snapshot)\n%s", src, diff)
		}
	}
}

// TestSnapshotRoundTrip: decoding gives back what makeSnapshot analysed,
// and damaged data is refused, not half read.
func TestSnapshotRoundTrip(t *testing.T) {
	srcs := append(slices.Clone(trickyPatterns), `(?i)\bcalle\s+[\p{L}-]+`, `\bteam\s+of\s+\d+`, `(?:^|\s)(@\w+)$`, `x(a)(b)?`, `é+|ſ`)
	data, err := makeSnapshot(srcs)
	if err != nil {
		t.Fatal(err)
	}
	m, err := decodeSnapshot(string(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range srcs {
		re := compileOne(t, src)
		want := snapEntry{*analyseTree(re.tree), re.tree.MaxCap(), matchesEmpty(re.tree)}
		if diff := cmp.Diff(&want, m[src], cmp.AllowUnexported(snapEntry{}, analysis{}, alphabet{})); diff != "" {
			t.Errorf("%q: (-analysed +decoded)\n%s", src, diff)
		}
	}
	for _, cut := range []int{0, 1, len(snapshotMagic), len(data) / 2, len(data) - 1} {
		if _, err := decodeSnapshot(string(data[:cut])); err == nil {
			t.Errorf("snapshot cut at %d of %d bytes: decoded", cut, len(data))
		}
	}
	if _, err := decodeSnapshot(string(data) + "x"); err == nil {
		t.Error("snapshot with a byte added: decoded")
	}
}

// TestSnapshotUsed: the built-in packs load from the snapshot, unparsed,
// and their checks and matches are those of parsed patterns.
func TestSnapshotUsed(t *testing.T) {
	for _, re := range builtinRegexes(t) {
		if re.snap == nil || re.tree != nil {
			t.Fatalf("%.60q: parsed at load", re.src)
		}
		parsed := compileOne(t, re.src)
		if re.NumSubexp() != parsed.NumSubexp() || re.matchesEmpty() != parsed.matchesEmpty() {
			t.Errorf("%.60q: snapshot says %d groups, empty %v; parse says %d, %v", re.src,
				re.NumSubexp(), re.matchesEmpty(), parsed.NumSubexp(), parsed.matchesEmpty())
		}
	}
}

// compileOne parses one pattern as a pack would without the snapshot.
func compileOne(t testing.TB, src string) *regex {
	t.Helper()
	tree, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	return newRegex(src, tree)
}

// builtinPatternSources lists the text of every pattern of the built-in
// packs as compilePatterns sees it ((?i) added).
func builtinPatternSources() ([]string, error) {
	var out []string
	for _, name := range BuiltinNames() {
		packs, err := LoadBuiltin(name)
		if err != nil {
			return nil, err
		}
		for _, p := range packs {
			out = append(out, p.patternSources()...)
		}
	}
	sort.Strings(out)
	return slices.Compact(out), nil
}

// patternSources lists the patterns of a pack's rules, contexts, overrides
// and allow lists.
func (p *Pack) patternSources() []string {
	var out []string
	add := func(a *Allow, cs []contextRule, res ...*regex) {
		if a != nil {
			res = append(res, a.patterns...)
		}
		for _, c := range cs {
			res = append(res, c.patterns...)
		}
		for _, re := range res {
			out = append(out, re.src)
		}
	}
	add(p.Allow, nil)
	for _, r := range p.Rules {
		var res []*regex
		if m, ok := r.matcher.(*patternMatcher); ok {
			res = m.res
		}
		add(r.allow, r.context, res...)
	}
	for _, o := range p.Overrides {
		add(o.allow, o.context)
	}
	return out
}
