package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"

	"github.com/rescue-stories/redact/redact"
)

// arrayStream writes an indented JSON document whose one big array is
// written element by element. The document is rendered whole twice with
// that array empty: at the start for what precedes the array, at the end
// for what follows it (the parts that depend on every element, such as a
// summary, must follow it). Each element is indented as encoding/json
// indents it inside the whole document, so the bytes are those of
// rendering the document with every element at once.
type arrayStream struct {
	w      *bufio.Writer
	key    string // the array's key, quoted: `"files"`
	head   []byte // what was written before the first element
	indent string // of the key's line; elements are one level deeper
	n      int
	buf    []byte // an element's bytes, reused
}

func newArrayStream(w io.Writer, key string, doc []byte) (*arrayStream, error) {
	head, _, indent, err := splitDoc(doc, key)
	if err != nil {
		return nil, err
	}
	a := &arrayStream{w: bufio.NewWriterSize(w, 64<<10), key: key, head: head, indent: indent}
	_, err = a.w.Write(head)
	return a, err
}

// splitDoc cuts doc around the empty array `key: []`: head ends with its
// '[', tail starts with its ']'. indent is the white space before key on
// its line.
func splitDoc(doc []byte, key string) (head, tail []byte, indent string, err error) {
	marker := []byte(key + ": []")
	i := bytes.Index(doc, marker)
	if i < 0 || bytes.Contains(doc[i+len(marker):], marker) {
		return nil, nil, "", fmt.Errorf("report: no single empty %s array to stream into", key)
	}
	cut := i + len(marker) - 1
	line := bytes.LastIndexByte(doc[:i], '\n') + 1
	return doc[:cut], doc[cut:], string(doc[line:i]), nil
}

// add writes one element, indented as the document would indent it.
func (a *arrayStream) add(v any) error {
	elemIndent := a.indent + "  "
	var data []byte
	if jf, ok := v.(JSONFile); ok {
		// The JSON report's files, the bulk of it, skip reflection.
		a.buf = appendFileJSON(a.buf[:0], &jf, elemIndent)
		data = a.buf
	} else {
		var err error
		if data, err = marshalIndent(v, elemIndent); err != nil {
			return err
		}
	}
	a.next()
	_, err := a.w.Write(data)
	return err
}

// addResult writes the JSON report's file for r as add(j.file(r)) does,
// a piece at a time.
func (a *arrayStream) addResult(j *JSON, r *redact.Result) error {
	a.next()
	var err error
	a.buf = j.appendResultJSON(a.buf[:0], r, a.indent+"  ", func(b []byte) []byte {
		switch {
		case err != nil: // what follows is not written either
			return b[:0]
		case len(b) < streamChunk:
			return b
		}
		_, err = a.w.Write(b)
		return b[:0]
	})
	if err != nil {
		return err
	}
	_, err = a.w.Write(a.buf)
	return err
}

// streamChunk is how many bytes of a file's report addResult gathers
// before it writes them.
const streamChunk = 32 << 10

// next starts an element's line.
func (a *arrayStream) next() {
	if a.n > 0 {
		a.w.WriteByte(',')
	}
	a.n++
	a.w.WriteByte('\n')
	a.w.WriteString(a.indent + "  ")
}

// finish writes the rest of doc, the whole document rendered again with
// the array empty, after checking that the part already written is
// unchanged.
func (a *arrayStream) finish(doc []byte) error {
	head, tail, _, err := splitDoc(doc, a.key)
	if err != nil {
		return err
	}
	if !bytes.Equal(head, a.head) {
		return fmt.Errorf("report: the part before %s changed while it was written", a.key)
	}
	if a.n > 0 {
		a.w.WriteByte('\n')
		a.w.WriteString(a.indent)
	}
	a.w.Write(tail)
	return a.w.Flush()
}
