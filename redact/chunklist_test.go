package redact

import "testing"

// TestChunkList: elements keep their order and their addresses as the
// list grows; room gives a chunk that holds what was asked at once.
func TestChunkList(t *testing.T) {
	var l chunkList[int]
	var ptrs []*int
	for i := range 20000 {
		ptrs = append(ptrs, l.push(i))
	}
	if l.len() != 20000 {
		t.Fatalf("len %d", l.len())
	}
	i := 0
	for _, c := range l {
		first := i
		if cap(c) > maxChunk {
			t.Errorf("a chunk of %d", cap(c))
		}
		for _, v := range c {
			if v != i || *ptrs[i] != i || ptrs[i] != &c[i-first] {
				t.Fatalf("element %d is %d (pointer to %d)", i, v, *ptrs[i])
			}
			i++
		}
	}
	l = l.room(10000)
	if last := l[len(l)-1]; cap(last)-len(last) < 10000 {
		t.Errorf("room(10000) left %d", cap(last)-len(last))
	}
}
