package rules

import (
	"bytes"
	"hash/maphash"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/rescue-stories/redact/rules/fold"
)

// Lexicon is a sorted list of terms, one per line as "key<TAB>fields", looked
// up by binary search directly over its bytes. Built-in data files are
// generated sorted and embedded, so loading one costs nothing until a lookup
// needs it; then a line index is built once (a few milliseconds for the
// largest list). Large term lists must never become regex alternations.
type Lexicon struct {
	data     []byte
	once     sync.Once
	lines    []uint32
	small    map[string]int32 // key to line, for small lexicons
	pairs    *pairSet         // their keys' first two bytes
	MaxWords int

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
	return &Lexicon{data: data, MaxWords: maxWords, seed: maphash.MakeSeed()}
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
	sort.SliceStable(items, func(i, j int) bool { return items[i].k < items[j].k })
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

// index finds the lines (unless lexiconFromFile did) and maps a small
// lexicon's keys.
func (l *Lexicon) index() {
	if l.lines == nil {
		n := bytes.Count(l.data, []byte{'\n'})
		l.lines = make([]uint32, 0, n+1)
		for off := 0; off < len(l.data); {
			l.lines = append(l.lines, uint32(off))
			i := bytes.IndexByte(l.data[off:], '\n')
			if i < 0 {
				break
			}
			off += i + 1
		}
	}
	if len(l.lines) <= smallLexicon {
		l.pairs = new(pairSet)
		l.small = make(map[string]int32, len(l.lines))
		for i := range l.lines {
			k, _ := l.line(i)
			l.pairs.add(k)
			if _, dup := l.small[string(k)]; !dup {
				l.small[string(k)] = int32(i) // the first, as the binary search finds
			}
		}
	}
}

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

func (l *Lexicon) line(i int) (key, rest []byte) {
	start := int(l.lines[i])
	end := len(l.data)
	if i+1 < len(l.lines) {
		end = int(l.lines[i+1]) - 1
	} else if end > start && l.data[end-1] == '\n' {
		end--
	}
	ln := l.data[start:end]
	if t := bytes.IndexByte(ln, '\t'); t >= 0 {
		return ln[:t], ln[t+1:]
	}
	return ln, nil
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

// find returns the line index of key.
func (l *Lexicon) find(key string) (int, bool) { return findKey(l, key) }

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
	} else if n := l.lookups.Add(1); n == int64(len(l.lines)/8) {
		// About where the index's cost (hashing every key once) is
		// repaid by cheaper lookups.
		if h := newHashIndex(l); h != nil {
			l.hashed.Store(h)
		}
	}
	lo, hi := 0, len(l.lines)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if compareLine(l.data[l.lines[mid]:], key) < 0 {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(l.lines) && compareLine(l.data[l.lines[lo]:], key) == 0 {
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
	i, ok := l.find(key)
	if !ok {
		return "", false
	}
	_, rest := l.line(i)
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
	l.once.Do(l.index)
	return len(l.lines)
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
			l := NewLexicon(data, 4)
			l.lines = lines
			return l
		}
	}
	return BuildLexicon(strings.Split(string(data), "\n"), keyFn)
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
