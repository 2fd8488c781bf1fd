package rules

import (
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Skipping idle stretches. A forward DFA scan spends most of a long text in
// idle states: no thread pending, only the start instruction waiting for a
// rune that can begin a match. `\bT[1-9A-HJ-NP-Za-km-z]{33}\b` waits for a
// T, a line-start pattern for a newline, a pattern of Han or Arabic
// letters for a byte above ASCII. The DFA reads such stretches a rune at a
// time through its tables; here they are found the way bytes.IndexByte
// finds a byte, with no table walk.
//
// Why the matches are the same: after a previous rune of a given class,
// the stop bytes are those a rune instruction of the start closure accepts
// under the assertions that hold between such a rune and the byte (a byte
// above ASCII stops when one accepts any rune above ASCII). A skip starts
// in an idle state whose previous rune has a class in a set Q (every
// class; or, inWords, word and other, newlines stopping) and passes only
// bytes that stop after no class in Q. Each rune it passes leads to the
// idle state of its own class, again in Q, and ends no match (skipping is
// off when the start closure can reach a match instruction). So the run
// leads to the idle state of its last rune's class, which skipIdle enters
// directly. The run ends at a stop byte or at the end of the text: when a
// byte above ASCII stops, all do, so it never ends inside a rune; and a
// byte above ASCII before an ASCII byte ends a rune that is neither a word
// character nor a newline.
type dfaSkip struct {
	on bool
	// inWords: skip only after a word character or another rune that is
	// not a newline, and stop at newlines (see newSkip).
	inWords bool
	one     int       // the only stop byte, or -1
	high    bool      // every byte above ASCII stops
	lows    bool      // some ASCII byte stops
	stop    [256]bool // the stop bytes
}

// maxStopDensity: when stop bytes make up more than this share of prose
// (as stopFreq estimates it), a scan would leave the DFA's tables for the
// skip loop every few runes, and skipping is off. Over the drafts' windows,
// 0.2 rather than 0.08 took 40% off the street pattern (capitals and
// digits stop it) and cost the rest nothing measurable; 0.4 cost 7%.
const maxStopDensity = 0.2

// skipAfter is how many bytes a DFA cache's forward scans read before it
// sets skipping up: one 4 KB story never pays for it (8 ms of a 50 ms run
// when every DFA did), a corpus scan does after a few stories.
var skipAfter = 16 << 10

// newSkip works out the stop bytes of d, with c's scratch space.
func (d *dfa) newSkip(c *dfaCache) *dfaSkip {
	k := &dfaSkip{one: -1}
	type found struct {
		ascii   [2]uint64
		high    bool
		matched bool
	}
	byFlags := map[syntax.EmptyOp]found{}
	at := func(prev uint8, next rune) found {
		flags := syntax.EmptyOpContext(prevRune(prev), next)
		if f, ok := byFlags[flags]; ok {
			return f
		}
		var f found
		var cons []uint32
		cons, f.matched = c.closure(d, &dfaState{prev: prev}, next)
		for _, pc := range cons {
			rs, fold := d.prog.instRunes(pc)
			m := asciiMask(rs, fold)
			f.ascii[0] |= m[0]
			f.ascii[1] |= m[1]
			f.high = f.high || acceptsHigh(rs, fold)
		}
		byFlags[flags] = f
		return f
	}
	// The stop bytes after a rune of each class.
	var stops [prevOther + 1][128]bool
	var high [prevOther + 1]bool
	for prev := prevStart; prev <= prevOther; prev++ {
		for b := range rune(utf8.RuneSelf) {
			f := at(prev, b)
			if f.matched {
				return k
			}
			stops[prev][b] = inASCII(f.ascii, byte(b))
		}
		// Every rune above ASCII is the same context for the assertions.
		f := at(prev, utf8.RuneSelf)
		if f.matched {
			return k
		}
		high[prev] = f.high
	}
	// Skipping after any rune: the stop bytes of every class. Failing
	// that, a pattern that starts at a line start (or after a space) may
	// still skip inside words: runs that follow a word character or
	// another rune, up to a newline, whose class would let more bytes
	// begin a match. A skipped rune has one of the classes skipping
	// started after, so the stop bytes that held for the first byte hold
	// for all.
	for _, inWords := range []bool{false, true} {
		*k = dfaSkip{inWords: inWords, one: -1}
		classes := []uint8{prevStart, prevNewline, prevWord, prevOther}
		if inWords {
			classes = classes[2:]
			k.stop['\n'] = true
		}
		for _, prev := range classes {
			for b := range utf8.RuneSelf {
				k.stop[b] = k.stop[b] || stops[prev][b]
			}
			k.high = k.high || high[prev]
		}
		density := 0.0
		n := 0
		for b := range utf8.RuneSelf {
			if k.stop[b] {
				n++
				k.one = b
				density += stopFreq(byte(b))
			}
		}
		k.lows = n > 0
		if n != 1 || k.high {
			k.one = -1
		}
		if k.high {
			for b := utf8.RuneSelf; b < 256; b++ {
				k.stop[b] = true
			}
			density += 0.02
		}
		if density <= maxStopDensity {
			k.on = true
			return k
		}
	}
	return &dfaSkip{one: -1}
}

// stopFreq is byteFreq for raw text: capitals are rarer than their
// lower-case letters.
func stopFreq(b byte) float64 {
	if 'A' <= b && b <= 'Z' {
		return byteFreq(b+'a'-'A') / 10
	}
	return byteFreq(b)
}

// acceptsHigh reports whether a rune instruction's list (see runesMatch)
// accepts some rune above ASCII.
func acceptsHigh(rs []rune, fold bool) bool {
	if len(rs) == 1 {
		r0 := rs[0]
		if r0 >= utf8.RuneSelf {
			return true
		}
		if fold {
			for r1 := unicode.SimpleFold(r0); r1 != r0; r1 = unicode.SimpleFold(r1) {
				if r1 >= utf8.RuneSelf {
					return true
				}
			}
		}
		return false
	}
	for i := 1; i < len(rs); i += 2 {
		if rs[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// skipIdle moves a forward scan that has just entered idle state st before
// s[i] on to the next stop byte, and returns where it is and the idle
// state it is in there.
func (c *dfaCache) skipIdle(d *dfa, s string, i int, st int32) (int, int32) {
	k := c.skip
	if k.inWords {
		// Only after a rune of class word or other (i > 0: the scan has
		// read a rune).
		if b := s[i-1]; b == '\n' {
			return i, st
		}
	}
	j := i
	switch {
	case k.one >= 0:
		if n := strings.IndexByte(s[i:], byte(k.one)); n >= 0 {
			j = i + n
		} else {
			j = len(s)
		}
	case !k.lows:
		// Only bytes above ASCII stop: eight bytes at a time.
		for j+8 <= len(s) && le64(s[j:])&0x8080808080808080 == 0 {
			j += 8
		}
		for j < len(s) && s[j] < utf8.RuneSelf {
			j++
		}
	default:
		for j < len(s) && !k.stop[s[j]] {
			j++
		}
	}
	if j == i {
		return i, st
	}
	// A byte above ASCII ends a rune that is neither a newline nor a word
	// character (IsWordChar is ASCII only).
	prev := prevClass(rune(s[j-1]))
	if c.idle[prev] < 0 {
		c.idle[prev] = c.state(d, nil, prev)
	}
	return j, c.idle[prev]
}
