package rules

import (
	"errors"
	"strings"
	"testing"
)

func loadSet(t *testing.T, paths ...string) (*Set, error) {
	t.Helper()
	packs, err := LoadPaths(paths...)
	if err != nil {
		return nil, err
	}
	return NewSet(packs...)
}

func ruleIDs(s *Set) string {
	var ids []string
	for _, r := range s.Rules {
		ids = append(ids, r.ID)
	}
	return strings.Join(ids, " ")
}

func packFiles(s *Set) string {
	var fs []string
	for _, p := range s.Packs {
		fs = append(fs, p.File)
	}
	return strings.Join(fs, " ")
}

func TestComposeExtendsDisableOverride(t *testing.T) {
	set, err := loadSet(t, "testdata/compose/org.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := packFiles(set), "testdata/compose/base.yaml testdata/compose/org.yaml"; got != want {
		t.Errorf("packs: %s, want %s", got, want)
	}
	if got, want := ruleIDs(set), "base.staff base.phone"; got != want {
		t.Errorf("rules: %s, want %s", got, want)
	}
	if len(set.Disabled) != 1 || set.Disabled[0].Rule.ID != "base.weekday" || set.Disabled[0].Line != 6 {
		t.Errorf("disabled: %+v", set.Disabled)
	}
	phone := set.Lookup("base.phone")
	if phone.Severity != Review || phone.Replace != "[number]" {
		t.Errorf("override not applied: severity %s, replace %s", phone.Severity, phone.Replace)
	}
	if got := set.Overridden["base.phone"]; len(got) != 1 || got[0] != "testdata/compose/org.yaml:8" {
		t.Errorf("overridden: %v", got)
	}
	// The override's context replaces the rule's: "colleague" now excludes.
	staff := set.Lookup("base.staff")
	if n := len(MatchText(set, staff, "We met Maria Santos.")); n != 1 {
		t.Errorf("staff matches %d times", n)
	}
	if n := len(MatchText(set, staff, "our colleague Maria Santos")); n != 0 {
		t.Errorf("override context not applied: %d matches", n)
	}
	// The organisation's allow list applies to the rules of the pack it extends.
	if n := len(MatchText(set, staff, "We met Kofi Mensah.")); n != 0 {
		t.Errorf("org allow list not applied to base.staff: %d matches", n)
	}

	// The base pack on its own is unchanged: overrides copy rules.
	base, err := loadSet(t, "testdata/compose/base.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if p := base.Lookup("base.phone"); p.Severity != Block || p.Replace != "[phone]" {
		t.Errorf("base changed: %s %s", p.Severity, p.Replace)
	}
	if base.Lookup("base.weekday") == nil {
		t.Error("base lost a rule")
	}
}

func TestComposeLaterWins(t *testing.T) {
	set, err := loadSet(t, "testdata/compose/later.yaml")
	if err != nil {
		t.Fatal(err)
	}
	phone := set.Lookup("base.phone")
	if phone.Severity != Block {
		t.Errorf("severity %s: the later override should win", phone.Severity)
	}
	if phone.Replace != "[number]" {
		t.Errorf("replace %s: fields the later pack does not set stay as the earlier override left them", phone.Replace)
	}
	if got := set.Overridden["base.phone"]; len(got) != 2 {
		t.Errorf("overridden: %v", got)
	}
}

func TestComposeLoadsEachPackOnce(t *testing.T) {
	// Diamond: top extends left and right, both extend base.
	set, err := loadSet(t, "testdata/compose/diamond/top.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := "testdata/compose/base.yaml testdata/compose/diamond/left.yaml testdata/compose/diamond/right.yaml testdata/compose/diamond/top.yaml"
	if got := packFiles(set); got != want {
		t.Errorf("packs:\n got %s\nwant %s", got, want)
	}
	// A pack given explicitly and also extended is loaded once, before the
	// pack that extends it.
	set, err = loadSet(t, "testdata/compose/org.yaml", "testdata/compose/base.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := packFiles(set), "testdata/compose/base.yaml testdata/compose/org.yaml"; got != want {
		t.Errorf("packs: %s, want %s", got, want)
	}
}

func TestComposeBuiltinByName(t *testing.T) {
	builtin, err := LoadBuiltin("default")
	if err != nil {
		t.Fatal(err)
	}
	local, err := LoadPaths("testdata/compose/with-default.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// The built-in pack in force and the one the local pack extends are the
	// same: no duplicate rule IDs.
	for _, packs := range [][]*Pack{append(builtin, local...), local} {
		set, err := NewSet(packs...)
		if err != nil {
			t.Fatal(err)
		}
		if set.Packs[len(set.Packs)-1].Name != "acme" || len(set.Packs) != len(builtin)+1 {
			t.Errorf("packs: %s", packFiles(set))
		}
		for _, p := range set.Packs[:len(builtin)] {
			if p.Builtin() != "default" {
				t.Errorf("%s: Builtin() = %q", p.File, p.Builtin())
			}
		}
		// The spokesperson allowed by the local pack is allowed for the
		// built-in proper-noun rule too.
		proper := set.Lookup("default.proper.nouns")
		if proper == nil {
			t.Fatal("no default.proper.nouns")
		}
		if ms := MatchText(set, proper, "Our spokesperson Maria Santos spoke to the press."); len(ms) != 0 {
			t.Errorf("allowed name still flagged: %+v", ms)
		}
	}
}

func TestComposeErrors(t *testing.T) {
	tests := map[string][]string{
		"cycle/a.yaml":    {"testdata/compose/cycle/b.yaml:2:11: extends cycle: testdata/compose/cycle/a.yaml → testdata/compose/cycle/b.yaml → testdata/compose/cycle/a.yaml"},
		"cycle/self.yaml": {"testdata/compose/cycle/self.yaml:2:11: extends cycle: testdata/compose/cycle/self.yaml → testdata/compose/cycle/self.yaml"},
		"bad-disable.yaml": {
			`testdata/compose/bad-disable.yaml:3:11: rule base.phonee: disable: no such rule in the packs loaded before this one (did you mean "base.phone"?)`,
			`testdata/compose/bad-disable.yaml:3:24: rule staff: disable: no such rule in the packs loaded before this one (did you mean "base.staff"?)`,
		},
		"bad-extends.yaml": {
			`testdata/compose/bad-extends.yaml:2:11: extends "nosuchpack": no built-in pack of that name (built-in: default;`,
			`testdata/compose/bad-extends.yaml:2:23: extends "./missing.yaml": load rule pack testdata/compose/missing.yaml:`,
		},
	}
	for file, want := range tests {
		t.Run(file, func(t *testing.T) {
			_, err := loadSet(t, "testdata/compose/"+file)
			var pe PackErrors
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T), want PackErrors", err, err)
			}
			if len(pe) != len(want) {
				t.Fatalf("%d errors, want %d:\n%v", len(pe), len(want), err)
			}
			for i, w := range want {
				if !strings.HasPrefix(pe[i].Error(), w) {
					t.Errorf("error %d:\n got %s\nwant %s", i, pe[i], w)
				}
			}
		})
	}
}

func TestComposeOverrideSchema(t *testing.T) {
	_, err := Parse(nil, "p.yaml", []byte("pack: p\noverride:\n  default.x:\n    severty: review\n"))
	if err == nil || !strings.HasPrefix(err.Error(), `p.yaml:4:5: rule default.x: unknown field "severty" (did you mean "severity"?)`) {
		t.Errorf("got %v", err)
	}
	_, err = Parse(nil, "p.yaml", []byte("pack: p\noverride:\n  default.x:\n    severity: loud\n"))
	if err == nil || !strings.HasPrefix(err.Error(), `p.yaml:4:15: rule default.x: override: unknown severity "loud"`) {
		t.Errorf("got %v", err)
	}
}

// widen takes match or sentence, on a rule or in an override, and an
// override changes it on a copy; a classifier refuses it.
func TestWidenField(t *testing.T) {
	for _, tt := range []struct{ pack, want string }{
		{"pack: p\nrules:\n  - id: a\n    category: operational\n    kind: terms\n    terms: [van]\n    widen: clause\n",
			`p.yaml:7:12: rule p.a: unknown widen "clause" (match or sentence)`},
		{"pack: p\noverride:\n  default.x:\n    widen: paragraph\n",
			`p.yaml:4:12: rule default.x: override: unknown widen "paragraph" (match or sentence)`},
		{"pack: p\nrules:\n  - id: a\n    category: operational\n    kind: classifier\n    model_file: m.tsv\n    widen: sentence\n",
			`p.yaml:7:12: rule p.a: field "widen" does not apply to kind "classifier"`},
	} {
		_, err := Parse(nil, "p.yaml", []byte(tt.pack))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("got  %v\nwant %s", err, tt.want)
		}
	}
	over, err := Parse(nil, "o.yaml", []byte("pack: o\nextends: [default]\noverride:\n  default.operational.team:\n    widen: match\n"))
	if err != nil {
		t.Fatal(err)
	}
	set, err := NewSet(over)
	if err != nil {
		t.Fatal(err)
	}
	if got := set.Lookup("default.operational.team").Widen; got != WidenMatch {
		t.Errorf("after the override widen = %q, want %q", got, WidenMatch)
	}
	if got := builtinSet(t).Lookup("default.operational.team").Widen; got != WidenSentence {
		t.Errorf("the built-in rule: widen = %q, want %q", got, WidenSentence)
	}
}
