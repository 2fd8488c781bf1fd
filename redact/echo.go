package redact

import (
	"strconv"

	"github.com/rescue-stories/redact/redact/markdown"
	"github.com/rescue-stories/redact/rules"
)

// entities remembers, per document, the words that identify a person or
// place already found ("precious" once "Precious says" was flagged), with
// the finding that established them.
type entities map[string]Finding

// note records the identifying words of a match.
// The explanation is written once per match, not once per word of it.
func (e entities) note(m rules.Match, f Finding, li *LineIndex) {
	why := false
	for _, k := range m.Names {
		if _, ok := e[k]; !ok {
			if !why {
				f.Why = "same " + f.Category + " as line " + strconv.Itoa(li.Pos(f.Span.Start).Line)
				why = true
			}
			e[k] = f
		}
	}
}

// scannedText is one segment as the rules saw it.
type scannedText struct {
	start int
	t     *rules.Text
}

// capWord is a capitalised word of a document, as much of it as echoes
// needs once its segment's Text is gone.
type capWord struct {
	key        string // folded, as Token.Key
	text       string // as the segment's text has it
	start, end int    // in the document
	seg        int    // its segment
	// allowed says an allow pattern covers it (the set's allowed terms
	// and pseudonyms are asked about its key and text when needed).
	allowed bool
}

// appendCaps appends the capitalised words of t, segment seg at offset
// base of its document.
func appendCaps(caps *chunkList[capWord], t *rules.Text, base, seg int, allow *rules.Allow) {
	for _, tok := range t.Tokens {
		if !tok.Cap {
			continue
		}
		caps.push(capWord{
			key: tok.Key, text: t.Src[tok.Start:tok.End],
			start: base + tok.Start, end: base + tok.End, seg: seg,
			allowed: allow.AllowsPattern(t, tok.Start, tok.End),
		})
	}
}

// echoesIn returns a finding for every capitalised mention of a known
// entity word that no rule flagged by itself: names that are also words
// ("Hope", "Precious") at the start of a sentence, where capitals prove
// nothing, are the same person once the document has named her. texts are
// all of one document, in order; allowed filters what the set's allow
// lists and pseudonyms exempt. Echoes are kept apart from the rules'
// findings (resolve takes both): appending them to those copied every
// finding into a list twice as long, a tenth of the bytes a corpus scan
// allocated.
func echoesIn(texts []chunkText, ents entities, allowed func(t *rules.Text, s, e int) bool) []Finding {
	if len(ents) == 0 {
		return nil
	}
	// The echoes' texts and tokens first, then the findings in one
	// allocation of their size: appended one by one, they were copied as
	// the list grew, half the bytes echoes allocated.
	var at [][2]int32
	for k, ct := range texts {
		t := ct.t
		for i := range t.Tokens {
			tok := &t.Tokens[i]
			if !tok.Cap {
				continue
			}
			if _, ok := ents[tok.Key]; !ok || allowed(t, tok.Start, tok.End) {
				continue
			}
			at = append(at, [2]int32{int32(k), int32(i)})
		}
	}
	if len(at) == 0 {
		return nil
	}
	found := make([]Finding, len(at))
	for j, ki := range at {
		ct := texts[ki[0]]
		t, tok := ct.t, &ct.t.Tokens[ki[1]]
		base := ct.d.doc.Segments[ct.seg].Start
		f := &found[j]
		*f = ents[tok.Key]
		f.Span = Span{base + tok.Start, base + tok.End}
		f.Text = t.Src[tok.Start:tok.End]
		f.Scope = t.Scope
	}
	return found
}

// echoes is echoesIn for a document split between chunks, from its
// capitalised words: allowed filters as for echoesIn.
func echoes(caps chunkList[capWord], segs []markdown.Segment, ents entities, allowed func(w *capWord) bool) chunkList[Finding] {
	if len(ents) == 0 {
		return nil
	}
	var found chunkList[Finding]
	for _, c := range caps {
		for i := range c {
			w := &c[i]
			f, ok := ents[w.key]
			if !ok || allowed(w) {
				continue
			}
			f.Span = Span{w.start, w.end}
			f.Text = w.text
			f.Scope = string(segs[w.seg].Scope)
			found.push(f)
		}
	}
	return found
}
