package rules

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// testModel weighs a few words so that a sentence needs two or three of
// them to pass the 0.9 threshold (a logit of 2.197).
const testModel = `# a test model
-3	<bias>
2.5	officers
1.5	van
1.5	unmarked van
0.5	#
-1	thanks
`

func classifierPack(t *testing.T, rule, model string) (*Rule, error) {
	t.Helper()
	fsys := fstest.MapFS{
		"p.yaml":     {Data: []byte("pack: p\nrules:\n" + rule)},
		"data/m.tsv": {Data: []byte(model)},
	}
	p, err := Parse(fsys, "p.yaml", fsys["p.yaml"].Data)
	if err != nil {
		return nil, err
	}
	return p.Rules[0], nil
}

const classifierRule = `  - id: ops
    category: operational
    severity: review
    kind: classifier
    model_file: data/m.tsv
    threshold: 0.9
`

func TestClassifierFlagsSentences(t *testing.T) {
	r, err := classifierPack(t, classifierRule, testModel)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string
	}{
		// officers + van + "unmarked van" + a number: 3.0 >= 2.197.
		{"12 officers came in an unmarked van. Then they left.", []string{"12 officers came in an unmarked van"}},
		// officers + van: 1.0, under the threshold.
		{"The officers saw a van.", nil},
		// A word counts once, however often it is repeated.
		{"officers, officers, officers and more officers", nil},
		// Each sentence is scored on its own.
		{"The officers waited. An unmarked van came.", nil},
		// A negative weight pulls a sentence under.
		{"Thanks to 12 officers and an unmarked van!", nil},
		// The words of a placeholder that apply wrote do not count.
		{"[12 officers] came in an [unmarked van].", nil},
		// Link text is the writer's own.
		{"[12 officers](/team) came in an unmarked van.", []string{"12 officers](/team) came in an unmarked van"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range MatchText(nil, r, tt.text) {
			got = append(got, tt.text[m.Start:m.End])
			if !strings.Contains(m.Why, `"officers" +2.50`) || !strings.Contains(m.Why, "threshold 0.90") {
				t.Errorf("%q: why = %q, want the score, the threshold and the heaviest words", tt.text, m.Why)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestClassifierScorePart(t *testing.T) {
	r, err := classifierPack(t, classifierRule, testModel)
	if err != nil {
		t.Fatal(err)
	}
	// A part needs 0.5 (a logit of 0): bias -3 + officers 2.5 + # 0.5.
	for text, want := range map[string]bool{"12 officers": true, "officers": false, "On": false, "": false} {
		if got := r.ScorePart(text); got != want {
			t.Errorf("ScorePart(%q) = %v, want %v", text, got, want)
		}
	}
	other := &Rule{Kind: KindPattern, matcher: &patternMatcher{}}
	if other.ScorePart("12 officers") {
		t.Error("a rule of another kind must keep no part by its words")
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"One. Two three! Four?", 3},
		{"Dr. Rao came and left", 1},
		// A time, a decimal or "p.m." cuts no sentence: the classifier and
		// the widened rules read the whole of "at 07:00 and found...".
		{"Teams went in at 07:00 and found eleven women.", 1},
		{"They seized roughly ₱1.2 million and 3.5 kg. Then they left.", 2},
		{"Minders change over around 7 p.m. every night, e.g. at the gate.", 1},
		{"We left at 7 p.m. The van was waiting.", 2},
		{"We left at 7. 30 came later.", 2},
		// A stage direction that opened a sentence ends it before a
		// capital; one inside a sentence, or before a lower-case word, does not.
		{"If she listens! [laughs] No, I am joking.", 3},
		{"She said it (twice) Then left.", 1},
		{"Thanks! (laughs) and then we left.", 2},
		{strings.Repeat("word ", 200), 3}, // no full stop: pieces of 80 words
		{"", 0},
	}
	for _, tt := range tests {
		if got := NewText(tt.text, "paragraph").Sentences(); len(got) != tt.want {
			t.Errorf("%q: %d sentences %v, want %d", tt.text, len(got), got, tt.want)
		}
	}
}

func TestSentenceFeatures(t *testing.T) {
	txt := NewText("Two vans, 12 officers and two vans.", "paragraph")
	got := SentenceFeatures(txt, 0, len(txt.Tokens))
	want := "two|vans|two vans|#|vans #|officers|# officers|and|officers and|and two"
	if strings.Join(got, "|") != want {
		t.Errorf("features = %q\nwant       %q", strings.Join(got, "|"), want)
	}
}

func TestClassifierErrors(t *testing.T) {
	tests := []struct {
		name, rule, model, want string
	}{
		{"no bias", classifierRule, "1\tvan\n", `p.yaml:7:17: rule p.ops: model data/m.tsv: no <bias> line`},
		{"bad weight", classifierRule, "-3\t<bias>\nheavy\tvan\n", `model data/m.tsv: line 2: weight "heavy" is not a number`},
		{"no tab", classifierRule, "-3\t<bias>\n1 van\n", `model data/m.tsv: line 2: want "weight<TAB>feature"`},
		{"three words", classifierRule, "-3\t<bias>\n1\ta white van\n", `line 2: feature "a white van" is not a word or two words`},
		{"no features", classifierRule, "-3\t<bias>\n", "model data/m.tsv: no features"},
		{"no model", strings.Replace(classifierRule, "    model_file: data/m.tsv\n", "", 1), testModel, "kind classifier needs model_file"},
		{"missing file", strings.Replace(classifierRule, "data/m.tsv", "data/none.tsv", 1), testModel, `p.yaml:7:17: rule p.ops: data file "data/none.tsv" not found`},
		{"threshold", strings.Replace(classifierRule, "0.9", "1.5", 1), testModel, "p.yaml:8:16: rule p.ops: threshold must be between 0 and 1"},
		{"other kind", "  - id: ops\n    category: operational\n    kind: terms\n    terms: [van]\n    threshold: 0.5\n", testModel, `field "threshold" does not apply to kind "terms"`},
	}
	for _, tt := range tests {
		_, err := classifierPack(t, tt.rule, tt.model)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
}

// FuzzClassifierModel: a model file from another team never panics the
// loader, and a model it accepts scores any text without panicking, its
// sentences inside the text.
func FuzzClassifierModel(f *testing.F) {
	f.Add(testModel, "12 officers came in an [unmarked van]. Thanks!")
	f.Add("-3\t<bias>\n1\ta\n", "[a](b) [c]] [[d")
	f.Add("x\t<bias>\n", "")
	f.Fuzz(func(t *testing.T, model, text string) {
		m, err := parseClassifierModel([]byte(model))
		if err != nil {
			return
		}
		m.threshold, m.logit = 0.5, 0
		r := &Rule{Kind: KindClassifier, matcher: m}
		for _, x := range r.Find(NewText(text, "paragraph")) {
			if x.Start < 0 || x.End > len(text) || x.Start >= x.End {
				t.Fatalf("match %d-%d outside %q", x.Start, x.End, text)
			}
		}
		r.ScorePart(text)
	})
}

// TestParseWeight: the fast path gives ParseFloat's value, to the bit.
func TestParseWeight(t *testing.T) {
	for _, s := range []string{"-0.8042", "0.5581", "-2.1604", "0.0000", "-0.0000", "12.5", "3.14159265358979", "1e-3", "7", "-.5", "0.1", "123456789.123456"} {
		want, werr := strconv.ParseFloat(s, 64)
		got, gerr := parseWeight(s)
		if (werr == nil) != (gerr == nil) || math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("parseWeight(%q) = %v, %v; ParseFloat: %v, %v", s, got, gerr, want, werr)
		}
	}
}

// TestClassifierScoreDistinct: each distinct word and pair of a sentence
// counts once, as a map of the features seen counts them, in sentences of
// up to maxSentenceTokens words drawn from a small vocabulary (so that
// words and pairs repeat, and the Bloom filter in front of the list of
// seen features is often full).
func TestClassifierScoreDistinct(t *testing.T) {
	words := []string{"two", "of", "us", "waited", "in", "a", "car", "van", "the", "12"}
	var model strings.Builder
	model.WriteString("-1\t<bias>\n0.5\t#\n")
	for i, a := range words[:len(words)-1] {
		fmt.Fprintf(&model, "%d.25\t%s\n", i, a)
		for j, b := range words[:len(words)-1] {
			if (i+j)%3 == 0 {
				fmt.Fprintf(&model, "0.%d\t%s %s\n", i*10+j+1, a, b)
			}
		}
	}
	m, err := parseClassifierModel([]byte(model.String()))
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 300; n++ {
		var sent []string
		for range 1 + rng.IntN(maxSentenceTokens) {
			sent = append(sent, words[rng.IntN(len(words))])
		}
		text := NewText(strings.Join(sent, " "), "paragraph")
		got, _ := m.score(text, 0, len(text.Tokens), nil, nil)
		want := m.bias
		seen := map[uint64]bool{}
		prev := int32(-1)
		for k := range text.Tokens {
			id := m.tokenID(text, k)
			if id >= 0 && !seen[uint64(id)] {
				seen[uint64(id)] = true
				want += m.unigram[id]
			}
			if id >= 0 && prev >= 0 {
				key := bigramKey(prev, id)
				if w, ok := m.bigram.get(key); ok && !seen[key] {
					seen[key] = true
					want += w
				}
			}
			prev = id
		}
		if got != want {
			t.Fatalf("%q: score %v, want %v", text.Src, got, want)
		}
	}
}
