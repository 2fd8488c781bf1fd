package redact

// chunkList is a list kept in chunks that never move. Grown in one slice,
// a large document's candidates were copied at every growth, five times
// their size in all (append grows a large slice by a quarter), with the
// old and the new array both live while it did; and a pointer into a
// chunk stays good as the list grows.
type chunkList[T any] [][]T

// maxChunk bounds the length of a chunk; chunks double up to it.
const maxChunk = 4096

// room returns l with room for n more in its last chunk.
func (l chunkList[T]) room(n int) chunkList[T] {
	size := 16
	if k := len(l); k > 0 {
		last := l[k-1]
		if cap(last)-len(last) >= n {
			return l
		}
		size = 2 * cap(last)
	}
	return append(l, make([]T, 0, max(n, min(size, maxChunk))))
}

// push appends v and returns a pointer to it in the list.
func (l *chunkList[T]) push(v T) *T {
	*l = l.room(1)
	last := &(*l)[len(*l)-1]
	*last = append(*last, v)
	return &(*last)[len(*last)-1]
}

// len is the number of elements.
func (l chunkList[T]) len() int {
	n := 0
	for _, c := range l {
		n += len(c)
	}
	return n
}
