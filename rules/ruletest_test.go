package rules

import (
	"strings"
	"testing"
)

func TestExamplesPassAndFail(t *testing.T) {
	set, err := loadSet(t, "testdata/ruletest/pack.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, res := range TestExamples(set, set.Lookup("rt.staff")) {
		got = append(got, res.Text+"="+map[bool]string{true: "pass", false: "FAIL"}[res.Pass()])
	}
	want := "We met Kofi Mensah.=pass|We met Kofi.=FAIL|We met Ama.=pass|Kofi Mensah again=FAIL"
	if strings.Join(got, "|") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}
}

func TestPackTestFiles(t *testing.T) {
	for _, file := range []string{"pack.yaml", "globbed.yaml"} {
		packs, err := LoadPaths("testdata/ruletest/" + file)
		if err != nil {
			t.Fatal(err)
		}
		tfs, err := packs[0].TestFiles()
		if err != nil {
			t.Fatal(err)
		}
		if len(tfs) != 1 || tfs[0].Name != "testdata/ruletest/tests/one.ann.md" || !strings.Contains(string(tfs[0].Data), "[[name:Kofi Mensah]]") {
			t.Errorf("%s: test files %+v", file, tfs)
		}
	}
	packs, err := LoadPaths("testdata/ruletest/escape.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := packs[0].TestFiles(); err == nil || !strings.Contains(err.Error(), `tests "../lint/*.yaml" leaves the pack's directory`) {
		t.Errorf("escape: %v", err)
	}
}
