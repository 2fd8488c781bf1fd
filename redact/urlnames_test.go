package redact_test

import "testing"

// TestNamesInFileNames: image file names and link addresses repeat names
// and places in lower case, and a photo's file name is published with it.
func TestNamesInFileNames(t *testing.T) {
	sc := builtinScanner(t)
	src := []byte("![Grace at home](img/grace-atieno-busia.jpg)\n\n" +
		"Read [her story](https://example.org/stories/ramon-peralta-boca-chica).\n\n" +
		"![](photos/dsc_0042-final.jpg) ![Our team](img/rescue-team-2023.png)\n")
	res, err := sc.Scan("story.md", src)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"grace-atieno-busia": "name", "ramon-peralta-boca-chica": "name"}
	got := map[string]string{}
	for _, f := range res.Findings {
		got[f.Text] = f.Category
	}
	for text, cat := range want {
		if got[text] != cat {
			t.Errorf("%q: got category %q, want %q (findings %v)", text, got[text], cat, got)
		}
	}
	for text := range got {
		if _, ok := want[text]; !ok {
			t.Errorf("unexpected finding %q", text)
		}
	}
}
