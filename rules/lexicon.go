package rules

import (
	"bytes"
	"hash/maphash"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/rescue-stories/redact/rules/fold"
)

// Lexicon is a sorted list of terms, one per line as "key<TAB>fields", looked
// up by binary search directly over its bytes. Built-in data files are
// generated sorted and embedded (a test checks them), so loading one costs
// nothing: the first lookups of a run search the bytes as they are, and
// only a run that does many builds an index (lexicon_lookup.go). Lines are
// known by where they start in data. Large term lists must never become
// regex alternations.
type Lexicon struct {
	data     []byte // never written: it may be the binary's read-only data
	once     sync.Once
	small    map[string]int32 // key to line start, for small lexicons
	pairs    *pairSet         // their keys' first two bytes
	MaxWords int

	// lines are the line starts: from the check of a data file read from
	// disk, or built when first needed. Read them after linesReady, or
	// through lineStarts.
	linesOnce  sync.Once
	linesReady atomic.Bool
	lines      []uint32

	// A large lexicon is searched in its sorted lines until a run has
	// done enough lookups to pay for hashing every key once; from then on
	// a hash index answers (lexicon_lookup.go). One short story does not
	// build it.
	lookups atomic.Int64
	hashed  atomic.Pointer[hashIndex]
	seed    maphash.Seed
}

// NewLexicon wraps data that is already sorted by key with unique keys.
func NewLexicon(data []byte, maxWords int) *Lexicon {
	return &Lexicon{data: data, MaxWords: maxWords, seed: keySeed} // tokens' hashes serve every lexicon
}

// withLines gives a new lexicon the line starts found while checking it.
func (l *Lexicon) withLines(lines []uint32) *Lexicon {
	l.linesOnce.Do(func() {
		l.lines = lines
		l.linesReady.Store(true)
	})
	return l
}

// lineStarts returns the line starts, finding them on first use.
func (l *Lexicon) lineStarts() []uint32 {
	l.linesOnce.Do(func() {
		lines := make([]uint32, 0, countLines(l.data))
		for off := 0; off < len(l.data); {
			lines = append(lines, uint32(off))
			i := bytes.IndexByte(l.data[off:], '\n')
			if i < 0 {
				break
			}
			off += i + 1
		}
		l.lines = lines
		l.linesReady.Store(true)
	})
	return l.lines
}

// countLines is the number of lines in data.
func countLines(data []byte) int {
	n := bytes.Count(data, []byte{'\n'})
	if len(data) > 0 && data[len(data)-1] != '\n' {
		n++
	}
	return n
}

// BuildLexicon makes a lexicon from arbitrary lines or terms: it folds each
// key with keyFn, drops blanks and '#' comments, sorts and deduplicates.
func BuildLexicon(entries []string, keyFn func(string) string) *Lexicon {
	type kv struct{ k, v string }
	items := make([]kv, 0, len(entries))
	maxWords := 1
	for _, e := range entries {
		e = strings.TrimRight(e, "\r")
		if strings.TrimSpace(e) == "" || strings.HasPrefix(strings.TrimSpace(e), "#") {
			continue
		}
		k, v, _ := strings.Cut(e, "\t")
		k = keyFn(k)
		if k == "" {
			continue
		}
		if n := strings.Count(k, " ") + 1; n > maxWords {
			maxWords = n
		}
		items = append(items, kv{k, v})
	}
	// Stable, so that the first of equal keys keeps its value
	// (sort.SliceStable's reflective swaps had been 9 % of a one-story
	// run's instructions: the packs' term lists are built here).
	mergeSortStable(items, func(a, b kv) int { return strings.Compare(a.k, b.k) })
	var b bytes.Buffer
	for i, it := range items {
		if i > 0 && items[i-1].k == it.k {
			continue
		}
		b.WriteString(it.k)
		if it.v != "" {
			b.WriteByte('\t')
			b.WriteString(it.v)
		}
		b.WriteByte('\n')
	}
	return NewLexicon(b.Bytes(), maxWords)
}

// index maps a small lexicon's keys. A large one is left as it is: its
// size alone says it is not small, without a pass over its lines.
func (l *Lexicon) index() {
	if !l.linesReady.Load() && len(l.data) > smallLexicon*maxSmallLine {
		return
	}
	lines := l.lineStarts()
	if len(lines) > smallLexicon {
		return
	}
	l.pairs = new(pairSet)
	clear(l.pairs[:]) // its pages faulted at a write, not at add's first read (written)
	l.small = make(map[string]int32, len(lines))
	for _, off := range lines {
		k, _, _ := l.line(int(off))
		l.pairs.add(k)
		if _, dup := l.small[string(k)]; !dup {
			l.small[string(k)] = int32(off) // the first, as the binary search finds
		}
	}
}

// maxSmallLine bounds the average line of a lexicon that can be small.
const maxSmallLine = 256

// pairSet holds the first two bytes of a small lexicon's keys: most words
// are turned away by one bit test before the map is hashed.
type pairSet [1024]uint64

func pairOf[K string | []byte](k K) uint16 {
	switch len(k) {
	case 0:
		return 0
	case 1:
		return uint16(k[0]) << 8
	}
	return uint16(k[0])<<8 | uint16(k[1])
}

func (p *pairSet) add(k []byte) {
	v := pairOf(k)
	p[v/64] |= 1 << (v % 64)
}

func pairHas[K string | []byte](p *pairSet, k K) bool {
	v := pairOf(k)
	return p[v/64]&(1<<(v%64)) != 0
}

// smallLexicon is the size up to which a lexicon is also a map: cue and
// honorific lists are looked up for every word of every segment.
const smallLexicon = 1024

// line returns the key and fields of the line starting at off, and where
// the next line starts.
func (l *Lexicon) line(off int) (key, rest []byte, next int) {
	ln := l.data[off:]
	next = len(l.data)
	if i := bytes.IndexByte(ln, '\n'); i >= 0 {
		ln = ln[:i]
		next = off + i + 1
	}
	if t := bytes.IndexByte(ln, '\t'); t >= 0 {
		return ln[:t], ln[t+1:], next
	}
	return ln, nil, next
}

// compareLine compares the key of the line at the start of d with key,
// like strings.Compare, without finding the line's end first.
func compareLine[K string | []byte](d []byte, key K) int {
	for i := 0; i < len(key); i++ {
		if i >= len(d) || d[i] == '\t' || d[i] == '\n' {
			return -1 // the line's key is a proper prefix of key
		}
		if d[i] != key[i] {
			if d[i] < key[i] {
				return -1
			}
			return 1
		}
	}
	if len(key) < len(d) && d[len(key)] != '\t' && d[len(key)] != '\n' {
		return 1
	}
	return 0
}

// find returns where the line of key starts.
func (l *Lexicon) find(key string) (int, bool) { return findKey(l, key) }

// hashAfter is the number of lookups in a large lexicon after which its hash
// index is built: about where its cost (hashing every key once) is repaid
// by cheaper lookups. One line in eight, counting lines of 32 bytes (the
// place list's), so that the lines need not be counted first.
func hashAfter(l *Lexicon) int64 { return int64(len(l.data) / 256) }

func findKey[K string | []byte](l *Lexicon, key K) (int, bool) {
	l.once.Do(l.index)
	if l.small != nil {
		if !pairHas(l.pairs, key) {
			return 0, false
		}
		i, ok := l.small[string(key)] // no copy: the compiler sees a map index
		return int(i), ok
	}
	if h := l.hashed.Load(); h != nil {
		var hv uint64
		switch k := any(key).(type) {
		case string:
			hv = maphash.String(l.seed, k)
		case []byte:
			hv = maphash.Bytes(l.seed, k)
		}
		return hashFind(h, l, key, hv)
	} else if n := l.lookups.Add(1); n == hashAfter(l) {
		if h := newHashIndex(l); h != nil {
			l.hashed.Store(h)
		}
	}
	if !l.linesReady.Load() {
		return searchData(l.data, key)
	}
	lines := l.lines
	lo, hi := 0, len(lines)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if compareLine(l.data[lines[mid]:], key) < 0 {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(lines) && compareLine(l.data[lines[lo]:], key) == 0 {
		return int(lines[lo]), true
	}
	return 0, false
}

// searchData finds the line of key in sorted lines without their starts:
// the binary search runs over byte offsets, backing up from each probe to
// the start of its line (lines are short). A run that looks up a few
// thousand words in the 6.5 MB place list reads a few hundred of its pages
// this way, instead of all of them to find the lines first.
func searchData[K string | []byte](d []byte, key K) (int, bool) {
	lo, hi := 0, len(d) // line starts, or the end: the line sought is in [lo, hi]
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		s := lo + bytes.LastIndexByte(d[lo:mid], '\n') + 1
		if compareLine(d[s:], key) < 0 {
			e := bytes.IndexByte(d[s:hi], '\n')
			if e < 0 {
				lo = hi
			} else {
				lo = s + e + 1
			}
		} else {
			hi = s
		}
	}
	if lo < len(d) && compareLine(d[lo:], key) == 0 {
		return lo, true
	}
	return 0, false
}

// Lookup returns the fields stored with key (already folded) and whether the
// key is present.
func (l *Lexicon) Lookup(key string) (string, bool) {
	if l == nil {
		return "", false
	}
	off, ok := l.find(key)
	if !ok {
		return "", false
	}
	_, rest, _ := l.line(off)
	return string(rest), true
}

// Has reports whether key is present.
func (l *Lexicon) Has(key string) bool {
	if l == nil {
		return false
	}
	_, ok := l.find(key)
	return ok
}

// HasWords is Has(t.Key(i, j)): the matchers ask it for every n-gram of
// every segment, and the key is a slice of the text's keys, not a new string.
func (l *Lexicon) HasWords(t *Text, i, j int) bool {
	if l == nil {
		return false
	}
	_, ok := l.find(t.Key(i, j))
	return ok
}

// Len is the number of entries.
func (l *Lexicon) Len() int {
	if l == nil {
		return 0
	}
	if l.linesReady.Load() {
		return len(l.lines)
	}
	return countLines(l.data)
}

// sortedLines indexes data's lines and reports whether their keys are
// strictly ascending (so data can be searched as is): one pass over the
// data, split between cores for large files, since every run of the
// default pack checks several megabytes of word lists at start-up.
func sortedLines(data []byte) ([]uint32, bool) {
	const chunk = 1 << 20
	parts := min(runtime.GOMAXPROCS(0), len(data)/chunk+1)
	if parts <= 1 {
		return sortedRange(data, 0, len(data))
	}
	// Cut at line starts.
	cuts := []int{0}
	for p := 1; p < parts; p++ {
		c := len(data) * p / parts
		i := bytes.IndexByte(data[c:], '\n')
		if i < 0 {
			break
		}
		if c+i+1 > cuts[len(cuts)-1] && c+i+1 < len(data) {
			cuts = append(cuts, c+i+1)
		}
	}
	cuts = append(cuts, len(data))
	type result struct {
		lines []uint32
		ok    bool
	}
	res := make([]result, len(cuts)-1)
	var wg sync.WaitGroup
	for p := range res {
		wg.Go(func() {
			res[p].lines, res[p].ok = sortedRange(data, cuts[p], cuts[p+1])
		})
	}
	wg.Wait()
	n := 0
	for _, r := range res {
		if !r.ok {
			return nil, false
		}
		n += len(r.lines)
	}
	lines := make([]uint32, 0, n)
	for _, r := range res {
		if len(lines) > 0 && len(r.lines) > 0 {
			// The last key of one part must sort before the first of the next.
			if bytes.Compare(keyAt(data, int(lines[len(lines)-1])), keyAt(data, int(r.lines[0]))) >= 0 {
				return nil, false
			}
		}
		lines = append(lines, r.lines...)
	}
	return lines, true
}

// keyAt returns the key of the line starting at off.
func keyAt(data []byte, off int) []byte {
	ln := data[off:]
	if i := bytes.IndexByte(ln, '\n'); i >= 0 {
		ln = ln[:i]
	}
	if t := bytes.IndexByte(ln, '\t'); t >= 0 {
		ln = ln[:t]
	}
	return ln
}

// sortedRange is sortedLines for the lines starting in data[from:to].
func sortedRange(data []byte, from, to int) ([]uint32, bool) {
	lines := make([]uint32, 0, (to-from)/16)
	var prev []byte
	for off := from; off < to; {
		ln := data[off:to]
		next := to
		if i := bytes.IndexByte(ln, '\n'); i >= 0 {
			ln = ln[:i]
			next = off + i + 1
		}
		k := ln
		if t := bytes.IndexByte(ln, '\t'); t >= 0 {
			k = ln[:t]
		}
		if len(k) == 0 || k[0] == '#' || (prev != nil && bytes.Compare(prev, k) >= 0) {
			return nil, false
		}
		lines = append(lines, uint32(off))
		prev = k
		off = next
	}
	return lines, true
}

// lexiconFromFile turns a data file into a lexicon. Generated files (sorted,
// folded keys) are used without copying, indexed while they are checked;
// anything else is normalised.
func lexiconFromFile(data []byte, keyFn func(string) string) *Lexicon {
	if isFolded(data, keyFn) {
		if lines, ok := sortedLines(data); ok {
			return NewLexicon(data, 4).withLines(lines)
		}
	}
	return BuildLexicon(strings.Split(string(data), "\n"), keyFn)
}

// builtinLexicon is lexiconFromFile for a data file of the built-in packs,
// which TestBuiltinData proves sorted, so that no run reads megabytes of
// word lists to check their order again. Keys are folded as the rule folds
// them, which a sample shows.
func builtinLexicon(data []byte, keyFn func(string) string) *Lexicon {
	if isFolded(data, keyFn) {
		return NewLexicon(data, 4)
	}
	return lexiconFromFile(data, keyFn)
}

// isFolded checks a sample of keys; generated files are folded throughout.
func isFolded(data []byte, keyFn func(string) string) bool {
	checked := 0
	for len(data) > 0 && checked < 64 {
		i := bytes.IndexByte(data, '\n')
		ln := data
		if i >= 0 {
			ln, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		k, _, _ := strings.Cut(string(ln), "\t")
		if keyFn(k) != k {
			return false
		}
		checked++
	}
	return true
}

// keyFunc returns how a rule folds words: by default case- and
// accent-insensitive.
func keyFunc(caseSensitive, accentSensitive bool) func(string) string {
	switch {
	case caseSensitive:
		return exactKey
	case accentSensitive:
		return func(s string) string { return joinWords(s, fold.FoldCase) }
	default:
		return fold.Key
	}
}

func exactKey(s string) string { return joinWords(s, func(w string) string { return w }) }

func joinWords(s string, f func(string) string) string {
	ws := fold.Words(s)
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = f(s[w.Start:w.End])
	}
	return strings.Join(parts, " ")
}
