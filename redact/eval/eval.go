// Package eval measures detection against annotated drafts: files in which
// every sensitive span is marked [[category:text]] (fixtures/FORMAT.md). It
// strips the markers, scans the clean text and scores recall, cover and
// precision per category with the same definitions as the corpus scorer.
package eval

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Categories in report order.
var Categories = []string{"name", "location", "date", "operational", "identifier"}

// Span is one marked span in the clean text.
type Span struct {
	Start, End int
	Category   string
	Text       string
}

var mark = regexp.MustCompile(`(?s)\[\[([a-z]+):(.+?)\]\]`)

// Strip removes the markers from an annotated draft and returns the clean
// bytes and the marked spans as byte offsets into them.
func Strip(ann []byte) ([]byte, []Span, error) {
	var out []byte
	var spans []Span
	pos := 0
	for _, m := range mark.FindAllSubmatchIndex(ann, -1) {
		cat := string(ann[m[2]:m[3]])
		if !validCategory(cat) {
			return nil, nil, fmt.Errorf("unknown category %q", cat)
		}
		inner := ann[m[4]:m[5]]
		if strings.Contains(string(inner), "[[") {
			return nil, nil, fmt.Errorf("nested marker in %q", inner)
		}
		out = append(out, ann[pos:m[0]]...)
		spans = append(spans, Span{Start: len(out), End: len(out) + len(inner), Category: cat, Text: string(inner)})
		out = append(out, inner...)
		pos = m[1]
	}
	out = append(out, ann[pos:]...)
	if strings.Contains(string(out), "[[") || strings.Contains(string(out), "]]") {
		return nil, nil, fmt.Errorf("unbalanced marker left in clean text")
	}
	return out, spans, nil
}

func validCategory(c string) bool {
	for _, k := range Categories {
		if k == c {
			return true
		}
	}
	return false
}

// Found is one finding to score: a byte span and its category.
type Found struct {
	Start, End int
	Category   string
	Rule       string
}

// Row is the score of one category (or "all").
type Row struct {
	Category  string  `json:"category"`
	Spans     int     `json:"spans"`
	Detected  int     `json:"detected"`
	Covered   int     `json:"covered"`
	Findings  int     `json:"findings"`
	TruePos   int     `json:"true_positives"`
	Recall    float64 `json:"recall"`
	Cover     float64 `json:"cover"`
	Precision float64 `json:"precision"`
}

// Miss is a span not detected or only partly covered.
type Miss struct {
	File, Category, Text string
	Partial              bool
}

// FalsePositive is a finding that overlaps no marked span.
type FalsePositive struct {
	File, Category, Text, Rule string
}

// RuleRow is what one rule's findings did: how many there were, how many
// overlap a marked span, and the spans they overlap, of which Only are
// overlapped by no other rule's finding (the spans the draft would lose
// without the rule). A finding that merged several rules' matches counts
// for the rule that labels it.
type RuleRow struct {
	Rule      string  `json:"rule"`
	Findings  int     `json:"findings"`
	TruePos   int     `json:"true_positives"`
	Precision float64 `json:"precision"`
	Spans     int     `json:"spans"`
	Only      int     `json:"only"`
}

// Score accumulates results over files.
type Score struct {
	rows   map[string]*Row
	rules  map[string]*RuleRow
	Misses []Miss
	FPs    []FalsePositive
}

// NewScore returns an empty score.
func NewScore() *Score { return &Score{rows: map[string]*Row{}, rules: map[string]*RuleRow{}} }

func (s *Score) rule(id string) *RuleRow {
	return entry(s.rules, id, func() *RuleRow { return &RuleRow{Rule: id} })
}

// entry returns m[key], made by mk and stored there the first time.
func entry[T any](m map[string]*T, key string, mk func() *T) *T {
	v := m[key]
	if v == nil {
		v = mk()
		m[key] = v
	}
	return v
}

// RuleRows returns one row per rule that found something, by rule ID.
func (s *Score) RuleRows() []RuleRow {
	out := make([]RuleRow, 0, len(s.rules))
	for _, r := range s.rules {
		r.Precision = ratio(r.TruePos, r.Findings)
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Rule < out[j].Rule })
	return out
}

// RuleTable renders the rule rows.
func RuleTable(rows []RuleRow) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-40s %6s %9s %6s %6s\n", "rule", "finds", "precision", "spans", "only")
	for _, r := range rows {
		fmt.Fprintf(&b, "%-40s %6d %9.3f %6d %6d\n", r.Rule, r.Findings, r.Precision, r.Spans, r.Only)
	}
	return b.String()
}

func (s *Score) row(c string) *Row {
	return entry(s.rows, c, func() *Row { return &Row{Category: c} })
}

// Add scores one file's findings against its spans.
func (s *Score) Add(file string, clean []byte, spans []Span, found []Found) {
	for _, sp := range spans {
		r := s.row(sp.Category)
		r.Spans++
		var hit []Found
		for _, f := range found {
			if f.Start < sp.End && f.End > sp.Start {
				hit = append(hit, f)
			}
		}
		if len(hit) == 0 {
			s.Misses = append(s.Misses, Miss{file, sp.Category, sp.Text, false})
			continue
		}
		r.Detected++
		var ids []string // one rule's two findings over a span count once
		for _, f := range hit {
			if !slices.Contains(ids, f.Rule) {
				ids = append(ids, f.Rule)
				s.rule(f.Rule).Spans++
			}
		}
		if len(ids) == 1 {
			s.rule(ids[0]).Only++
		}
		need := needPositions(clean, sp.Start, sp.End)
		covered := true
		for p := range need {
			in := false
			for _, f := range hit {
				if p >= f.Start && p < f.End {
					in = true
					break
				}
			}
			if !in {
				covered = false
				break
			}
		}
		if covered {
			r.Covered++
		} else {
			s.Misses = append(s.Misses, Miss{file, sp.Category, sp.Text, true})
		}
	}
	for _, f := range found {
		r := s.row(f.Category)
		r.Findings++
		rr := s.rule(f.Rule)
		rr.Findings++
		tp := false
		for _, sp := range spans {
			if f.Start < sp.End && f.End > sp.Start {
				tp = true
				break
			}
		}
		if tp {
			r.TruePos++
			rr.TruePos++
		} else {
			s.FPs = append(s.FPs, FalsePositive{file, f.Category, string(clean[f.Start:f.End]), f.Rule})
		}
	}
}

// Rows returns one row per category that has spans or findings, then "all".
func (s *Score) Rows() []Row {
	var cats []string
	cats = append(cats, Categories...)
	var extra []string
	for c := range s.rows {
		if !validCategory(c) {
			extra = append(extra, c)
		}
	}
	sort.Strings(extra)
	cats = append(cats, extra...)
	all := Row{Category: "all"}
	var out []Row
	for _, c := range cats {
		r := s.row(c)
		fill(r)
		out = append(out, *r)
		all.Spans += r.Spans
		all.Detected += r.Detected
		all.Covered += r.Covered
		all.Findings += r.Findings
		all.TruePos += r.TruePos
	}
	fill(&all)
	return append(out, all)
}

func fill(r *Row) {
	r.Recall = ratio(r.Detected, r.Spans)
	r.Cover = ratio(r.Covered, r.Spans)
	r.Precision = ratio(r.TruePos, r.Findings)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Table renders the rows like the corpus scorer does.
func Table(rows []Row) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-12s %6s %7s %7s %6s %9s\n", "category", "spans", "recall", "cover", "finds", "precision")
	for _, r := range rows {
		fmt.Fprintf(&b, "%-12s %6d %7.3f %7.3f %6d %9.3f\n", r.Category, r.Spans, r.Recall, r.Cover, r.Findings, r.Precision)
	}
	return b.String()
}

// optional are titles, honorifics and labels that frame a sensitive value
// without being it: a report may leave them visible ("Officer [name]",
// "FIR No. [number]") and the span still counts as covered.
var optional = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`mr mrs ms miss mx dr prof sir madam maam ma'am mister
officer inspector sergeant sgt capt captain maj major lt lieutenant col colonel gen general cpl pcpl
po1 po2 po3 spo1 pmaj pcol pltcol pcapt pssg psms pmsg det detective constable superintendent supt chief
commissioner komisarz judge justice magistrate attorney atty prosecutor pastor father fr sister sr brother rev
tita tito ate kuya lola lolo nanay tatay aling mang auntie aunty uncle mama papa mzee ba nana
señora senora señor senor sra sr doña dona don licda lic ing khun pak ibu puan encik kak bu
lok kru nang u daw ko anna didi bhai ji tmt thiru smt shri sri zonja pani pan
no nos number num fir case docket file ref reference plate id passport account acct`) {
		optional[w] = true
	}
}

var wordRE = regexp.MustCompile(`\S+`)

// needPositions returns the byte offsets of the letters and digits of a span
// that a finding must cover: all of them except framing words at its ends.
func needPositions(data []byte, start, end int) map[int]bool {
	text := string(data[start:end])
	locs := wordRE.FindAllStringIndex(text, -1)
	isOpt := func(l []int) bool {
		w := strings.ToLower(strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '\'' {
				return r
			}
			return -1
		}, text[l[0]:l[1]]))
		return optional[w]
	}
	for len(locs) > 0 && isOpt(locs[0]) {
		locs = locs[1:]
	}
	for len(locs) > 0 && isOpt(locs[len(locs)-1]) {
		locs = locs[:len(locs)-1]
	}
	need := map[int]bool{}
	for _, l := range locs {
		for i := l[0]; i < l[1]; i++ {
			c := data[start+i]
			if c >= utf8.RuneSelf || unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c)) {
				need[start+i] = true
			}
		}
	}
	return need
}
