package redact

import (
	"cmp"
	"fmt"
	"math"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/rescue-stories/redact/redact/markdown"
	"github.com/rescue-stories/redact/rules"
)

// Options tune a Scanner.
type Options struct {
	// Markdown forces Markdown parsing; otherwise it is chosen by extension
	// (.md, .markdown, .mdx) and everything else is plain text.
	Markdown *bool
	// Decisions returns the review decisions for a path (its sidecar
	// file); nil, or a nil result, means none.
	Decisions func(path string) (*Decisions, error)
	// Binary scans content with NUL bytes as text instead of refusing it
	// with ErrBinary; UTF-16 and UTF-32 are refused all the same.
	Binary bool
}

// Scanner applies a rule set to files. It holds no per-file state, so one
// Scanner serves many goroutines.
type Scanner struct {
	set  *rules.Set
	opts Options
	// labels are the placeholders' labels of the set (placeholderLabels).
	labels map[string]string
	// prepare starts analysing the rules' patterns at the first document
	// (rules.Set.Prepare), while it is parsed.
	prepare sync.Once
	// shared is set once a chunk of texts has been matched on two
	// goroutines (matchShared): the first one.
	shared atomic.Bool
}

// New returns a Scanner for the set.
func New(set *rules.Set, opts Options) *Scanner {
	return &Scanner{set: set, opts: opts, labels: placeholderLabels(set)}
}

// Set returns the rules the scanner applies.
func (s *Scanner) Set() *rules.Set { return s.set }

// Result is what a scan found in one file.
type Result struct {
	Path     string
	Src      []byte
	Findings []Finding
	// Suppressed are findings that an inline allow comment removed, kept so
	// reports can show every exception and its reason.
	Suppressed []Suppressed
	// Hazard says why a Markdown file was scanned as plain text; nil when
	// it was not.
	Hazard *Hazard
}

// IsMarkdown reports whether a path is parsed as Markdown.
func IsMarkdown(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".mdx", ".mdown", ".mkd":
		return true
	}
	return false
}

// Scan finds sensitive details in src. path is only used to pick the parser
// and to label the result; nothing is read or written.
func (s *Scanner) Scan(path string, src []byte) (*Result, error) {
	// As a batch of one: a large file is scanned in chunks (run), as
	// `redact scan` scans it, not held whole as Explain holds it.
	rs, errs := s.scanBatch([]string{path}, [][]byte{src}, chunkBytes)
	return rs[0], errs[0]
}

// ScanBatch scans several documents: results[i] and errs[i] are what
// Scan(paths[i], srcs[i]) returns. The rules run over the texts of all the
// documents together (see match), which keeps each rule's tables in the
// processor's caches for more texts than one short story has: a worker
// scanning many small files gives them to ScanBatch a few dozen at a time.
func (s *Scanner) ScanBatch(paths []string, srcs [][]byte) (results []*Result, errs []error) {
	return s.scanBatch(paths, srcs, chunkBytes)
}

// scanBatch is ScanBatch with the texts run over limit bytes at a time.
func (s *Scanner) scanBatch(paths []string, srcs [][]byte, limit int) (results []*Result, errs []error) {
	results, errs = make([]*Result, len(srcs)), make([]error, len(srcs))
	docs := make([]*docScan, 0, len(srcs))
	at := make([]int, 0, len(srcs)) // at[k]: the index of docs[k]
	for i, src := range srcs {
		d, err := s.begin(paths[i], src)
		if err != nil {
			errs[i] = err
			continue
		}
		docs = append(docs, d)
		at = append(at, i)
	}
	s.run(docs, limit, false)
	for k, d := range docs {
		results[at[k]], _, errs[at[k]] = s.finish(d)
		docs[k] = nil // its findings are the result's now
	}
	return results, errs
}

// chunkBytes is how many bytes of segments run goes through at a time: a
// batch of stories is one such chunk, a large file several. A segment's
// tokens, literal hits and other scratch take some 30 bytes per byte of
// text; holding those of a whole 6 MB file until it was done made its
// scan peak above half a gigabyte.
const chunkBytes = 256 << 10

// scanned is what a scan read, for Explain to trace the rules over the
// same texts without parsing and tokenising the document again.
type scanned struct {
	texts      []scannedText
	pseudonyms rules.Pseudonyms
}

// scan is Scan with every text kept (for Explain), also returning them.
func (s *Scanner) scan(path string, src []byte) (*Result, *scanned, error) {
	d, err := s.begin(path, src)
	if err != nil {
		return nil, nil, err
	}
	s.run([]*docScan{d}, math.MaxInt, true)
	return s.finish(d)
}

// docScan is one document between the steps of a scan: begin parses it,
// run tokenises its segments, runs the rules over them (with other
// documents') and keeps their candidate findings and capitalised words,
// finish turns those into findings.
type docScan struct {
	path       string
	src        []byte
	str        string // string(src), which the segments' texts slice
	doc        *markdown.Doc
	hazard     *Hazard
	pseudonyms rules.Pseudonyms
	changed    bool
	// texts are the segments' texts, kept only for Explain (run's keep).
	texts []scannedText
	// cands are the rules' findings, in the order of texts, then rules;
	// named are those whose words name a person or place.
	cands chunkList[Finding]
	named []namedMatch
	// caps are the capitalised words, for echoes, of a document whose
	// segments were split between chunks of run; the echoes of one whole
	// in a chunk are found while its texts are there (echoed, once
	// echoesDone).
	split      bool
	caps       chunkList[capWord]
	echoed     []Finding
	echoesDone bool
	li         *LineIndex
}

// namedMatch is a match whose words identify a person or place, with its
// finding in cands.
type namedMatch struct {
	m rules.Match
	f *Finding
}

// ruleFound are one rule's matches in one text.
type ruleFound struct {
	r  *rules.Rule
	ms []rules.Match
}

// begin checks and parses src.
func (s *Scanner) begin(path string, src []byte) (*docScan, error) {
	if err := s.checkInput(src); err != nil {
		return nil, err
	}
	s.prepare.Do(s.set.Prepare)
	doc, hazard := s.parse(path, src)
	for _, seg := range doc.Segments {
		if seg.Start < 0 || seg.End > len(src) || seg.Start >= seg.End {
			return nil, fmt.Errorf("internal error: segment %d-%d out of bounds", seg.Start, seg.End)
		}
	}
	d := &docScan{path: path, src: src, str: string(src), doc: doc, hazard: hazard}
	if s.set.Allow != nil && s.set.Allow.Pseudonyms {
		d.pseudonyms = rules.FindPseudonyms(d.str)
	}
	return d, nil
}

// chunkText is a segment's text while run holds it.
type chunkText struct {
	d     *docScan
	seg   int // its segment in d
	t     *rules.Text
	found []ruleFound // in the order of rules
}

// run tokenises the segments of docs, in order, and runs the rules over
// them limit bytes of segments at a time; what finish needs of a chunk's
// texts is taken from them before the next chunk, and the texts are
// dropped (their tokens go back to an arena) unless keep is set.
func (s *Scanner) run(docs []*docScan, limit int, keep bool) {
	finder := rules.NewFinder()
	var arena *rules.TextArena
	if !keep {
		arena = new(rules.TextArena)
		defer arena.Release()
	}
	var texts []chunkText
	size := 0
	whys := widenedWhys{}
	flush := func() {
		if len(texts) > 0 && size <= maxShared && runtime.GOMAXPROCS(0) >= 2 && s.shared.CompareAndSwap(false, true) {
			s.matchShared(texts, finder)
		} else {
			s.match(texts, finder)
		}
		for k := 0; k < len(texts); {
			// The texts of one document: a whole one's echoes are found
			// now, a split one's from its words later.
			d, n := texts[k].d, 1
			for k+n < len(texts) && texts[k+n].d == d {
				n++
			}
			doc := texts[k : k+n]
			d.split = d.split || n < len(d.doc.Segments)
			// Room for every match of the document in the chunk at once:
			// a story's candidates take one allocation.
			m := 0
			for j := range doc {
				for _, f := range doc[j].found {
					m += len(f.ms)
				}
			}
			if m > 0 {
				d.cands = d.cands.room(m)
			}
			for j := range doc {
				s.collect(&doc[j], whys)
			}
			if !d.split {
				d.li = NewLineIndex(d.src)
				d.echoed = echoesIn(doc, d.entities(), func(t *rules.Text, a, b int) bool {
					return s.set.Allow.Allows(t, a, b) || d.pseudonyms.Has(t.Src[a:b])
				})
				d.echoesDone = true
			}
			clear(doc) // garbage now
			k += n
		}
		texts, size = texts[:0], 0
		if !keep {
			arena.Release()
		}
	}
	for _, d := range docs {
		for i, seg := range d.doc.Segments {
			t, c := segmentText(d.src, d.str, seg)
			d.changed = d.changed || c
			ct := chunkText{d: d, seg: i, t: arena.NewText(t, string(seg.Scope))}
			if keep {
				d.texts = append(d.texts, scannedText{seg.Start, ct.t})
			}
			texts = append(texts, ct)
			if size += seg.End - seg.Start; size >= limit {
				flush()
			}
		}
	}
	flush()
}

// match runs the rules over texts rule by rule, not text by text: a
// rule's patterns, DFA tables and word lists then stay in the processor's
// caches from one text to the next instead of being evicted by every other
// rule's. The more texts a rule meets in a row, the fewer of those misses
// per text: a batch of documents (ScanBatch) shares them. Each text's
// matches are kept in the order of rules, and collect takes them up in the
// order of texts, then rules, as a scan of one document.
func (s *Scanner) match(texts []chunkText, finder *rules.Finder) {
	for _, r := range s.set.Rules {
		for k := range texts {
			if ms := finder.Find(r, texts[k].t); len(ms) > 0 {
				texts[k].found = append(texts[k].found, ruleFound{r, ms})
			}
		}
	}
}

// collect turns the matches of a text into candidate findings of its
// document, and notes its capitalised words for echoes.
func (s *Scanner) collect(ct *chunkText, whys widenedWhys) {
	d, t := ct.d, ct.t
	seg := d.doc.Segments[ct.seg]
	// Room for every match of the text at once (run made it for the
	// document's texts in the chunk): findings are large.
	n := 0
	for _, f := range ct.found {
		n += len(f.ms)
	}
	var last *[]Finding
	if n > 0 {
		d.cands = d.cands.room(n)
		last = &d.cands[len(d.cands)-1]
	}
	for _, f := range ct.found {
		r := f.r
		for _, m := range f.ms {
			if s.set.Allow.Allows(t, m.Start, m.End) {
				continue
			}
			text := t.Src[m.Start:m.End]
			if d.pseudonyms.Has(text) {
				continue
			}
			cat := r.Category
			if m.Category != "" {
				cat = m.Category
			}
			f := Finding{
				Rule: r.ID, Pack: r.Pack, Category: cat, Severity: r.Severity,
				Span:    Span{seg.Start + m.Start, seg.Start + m.End},
				Text:    text,
				Message: r.Message, Replacement: r.Replace, Country: m.Country, Why: m.Why,
				Scope: string(seg.Scope),
				loose: looseRule(r),
			}
			if r.Widen == rules.WidenSentence {
				f = widen(f, r, t, seg.Start, m, whys)
			}
			*last = append(*last, f) // no copy: room was made
			if len(m.Names) > 0 {
				d.named = append(d.named, namedMatch{m, &(*last)[len(*last)-1]})
			}
		}
	}
	if d.split {
		appendCaps(&d.caps, t, seg.Start, ct.seg, s.set.Allow)
	}
}

// entities are the identifying words of d's candidates (all of them: the
// document's last text has been collected).
func (d *docScan) entities() entities {
	ents := entities{}
	// A name inside a place another rule found ("Sri Lakshmi Ganapathi
	// Rice Industries") names the place, not a person: its words are not
	// echoed ("Rice is the grain...").
	if len(d.named) > 0 {
		places := newPlaceSpans(d.cands)
		for _, nm := range d.named {
			if !places.contain(nm.f.Span) {
				ents.note(nm.m, *nm.f, d.li)
			}
		}
	}
	return ents
}

// finish turns the candidates of a document into its findings.
func (s *Scanner) finish(d *docScan) (*Result, *scanned, error) {
	src, cands, pseudonyms := d.src, d.cands, d.pseudonyms
	res := &Result{Path: d.path, Src: src, Hazard: d.hazard}
	if d.li == nil {
		d.li = NewLineIndex(src)
	}
	li := d.li
	echoed := chunkList[Finding]{d.echoed}
	if !d.echoesDone {
		echoed = echoes(d.caps, d.doc.Segments, d.entities(), func(w *capWord) bool {
			return w.allowed || s.set.Allow.AllowsTerm(w.key) || pseudonyms.Has(w.text)
		})
	}
	// resolve copies what it keeps of the candidates, a chunk at a time:
	// they, and the words kept for echoes, are garbage once it has.
	d.cands, d.named, d.caps, d.echoed = nil, nil, nil, nil
	ph := placeholders(src, s.labels)
	groups := make([][]Finding, 0, len(cands)+len(echoed))
	for _, c := range cands {
		groups = append(groups, dropPlaceholders(src, c, ph))
	}
	for _, c := range echoed {
		groups = append(groups, dropPlaceholders(src, c, ph))
	}
	clear(cands)
	clear(echoed)
	res.Findings = resolve(src, ph, groups...)
	if d.changed {
		plainTexts(res.Findings, src)
	}
	for i := range res.Findings {
		res.Findings[i].Pos = li.Pos(res.Findings[i].Span.Start)
	}
	if err := s.suppress(res); err != nil {
		return nil, nil, err
	}
	return res, &scanned{texts: d.texts, pseudonyms: pseudonyms}, nil
}

// widen stretches f, the finding of match m in text t (at offset base of
// the document), to the sentences m overlaps. The match stays its firm
// span: when a blocking finding cuts the sentence, only the part holding
// it is kept (merge.go).
func widen(f Finding, r *rules.Rule, t *rules.Text, base int, m rules.Match, whys widenedWhys) Finding {
	sents := t.Sentences()
	start, end := m.Start, m.End
	for k, s := range sents {
		a, b := t.Tokens[s[0]].Start, t.Tokens[s[1]-1].End
		if b <= m.Start || a >= m.End {
			continue
		}
		if a <= start && k > 0 && labelBefore(t, sents[k-1], a) {
			// "Team: 22 officers": the label belongs to the detail.
			a = t.Tokens[sents[k-1][0]].Start
		}
		start, end = min(start, a), max(end, b)
	}
	if start == m.Start && end == m.End {
		return f
	}
	f.firm = []Span{f.Span}
	f.loose = r
	f.Span = Span{base + start, base + end}
	f.Text = t.Src[start:end]
	f.Why = whys.of(f.Why)
	return f
}

// widenedWhys are the explanations of widened findings by those of their
// matches. A pattern's explanation is the same string for each of its
// matches, and it quotes the pattern: a kilobyte, written afresh for every
// widened finding, was a ninth of what the scan of a large file held.
type widenedWhys map[string]string

func (w widenedWhys) of(why string) string {
	if s, ok := w[why]; ok {
		return s
	}
	s := strings.TrimPrefix(why+"; widened to its sentence", "; ")
	if len(w) < 1024 { // a kind whose explanations differ from match to match gains nothing
		w[why] = s
	}
	return s
}

// labelBefore reports whether sentence s is a label of at most three
// words ending in a colon right before a (the text's sentences break at
// colons).
func labelBefore(t *rules.Text, s [2]int, a int) bool {
	if s[1]-s[0] > 3 {
		return false
	}
	return strings.TrimSpace(t.Src[t.Tokens[s[1]-1].End:a]) == ":"
}

// looseRule returns r when its findings are whole sentences whose parts
// must each still read as sensitive when other findings cut them.
func looseRule(r *rules.Rule) *rules.Rule {
	if r.Kind == rules.KindClassifier {
		return r
	}
	return nil
}

// placeSpans are the spans of location findings sorted by start, with the
// greatest end up to each: whether one holds a span is two binary
// searches, not a pass over every finding for every name (a long document
// has thousands of each).
type placeSpans struct {
	starts []int
	maxEnd []int // maxEnd[k]: the greatest end of spans 0..k
}

func newPlaceSpans(cands chunkList[Finding]) placeSpans {
	var sp []Span
	for _, c := range cands {
		for i := range c {
			if c[i].Category == "location" {
				sp = append(sp, c[i].Span)
			}
		}
	}
	slices.SortFunc(sp, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	p := placeSpans{starts: make([]int, len(sp)), maxEnd: make([]int, len(sp))}
	for k, s := range sp {
		p.starts[k] = s.Start
		p.maxEnd[k] = s.End
		if k > 0 {
			p.maxEnd[k] = max(p.maxEnd[k], p.maxEnd[k-1])
		}
	}
	return p
}

// contain reports whether a longer location span holds s: one that starts
// before it and ends at or after its end, or starts with it and ends later.
func (p placeSpans) contain(s Span) bool {
	before, _ := slices.BinarySearch(p.starts, s.Start) // spans starting before s
	if before > 0 && p.maxEnd[before-1] >= s.End {
		return true
	}
	upTo, _ := slices.BinarySearch(p.starts, s.Start+1) // ... or with it
	return upTo > 0 && p.maxEnd[upTo-1] > s.End
}
