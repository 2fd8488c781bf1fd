package rules

import (
	"bytes"
	"sort"
	"strings"
	"sync"

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
	MaxWords int
}

// NewLexicon wraps data that is already sorted by key with unique keys.
func NewLexicon(data []byte, maxWords int) *Lexicon {
	return &Lexicon{data: data, MaxWords: maxWords}
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

func (l *Lexicon) index() {
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

// Lookup returns the fields stored with key (already folded) and whether the
// key is present.
func (l *Lexicon) Lookup(key string) (string, bool) {
	if l == nil {
		return "", false
	}
	l.once.Do(l.index)
	lo, hi := 0, len(l.lines)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		k, _ := l.line(mid)
		if string(k) < key {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(l.lines) {
		k, rest := l.line(lo)
		if string(k) == key {
			return string(rest), true
		}
	}
	return "", false
}

// Has reports whether key is present.
func (l *Lexicon) Has(key string) bool {
	_, ok := l.Lookup(key)
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

// sortedUnique reports whether data's keys are strictly ascending, so it can
// be used as is.
func sortedUnique(data []byte) bool {
	var prev []byte
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		ln := data
		if i >= 0 {
			ln, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		k := ln
		if t := bytes.IndexByte(ln, '\t'); t >= 0 {
			k = ln[:t]
		}
		if prev != nil && bytes.Compare(prev, k) >= 0 {
			return false
		}
		if len(k) == 0 || k[0] == '#' {
			return false
		}
		prev = k
	}
	return true
}

// lexiconFromFile turns a data file into a lexicon. Generated files (sorted,
// folded keys) are used without copying; anything else is normalised.
func lexiconFromFile(data []byte, keyFn func(string) string) *Lexicon {
	if sortedUnique(data) && isFolded(data, keyFn) {
		return NewLexicon(data, 4)
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
