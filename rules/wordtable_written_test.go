package rules

import "testing"

// TestWritten: written gives n zeroed elements, at every size (small ones
// from a shared span, large ones from fresh pages).
func TestWritten(t *testing.T) {
	for _, n := range []uint64{0, 1, 7, 1000, 1 << 16, 1 << 20} {
		s := written[uint32](n)
		if uint64(len(s)) != n {
			t.Fatalf("written(%d): %d elements", n, len(s))
		}
		for i, v := range s {
			if v != 0 {
				t.Fatalf("written(%d)[%d] = %d", n, i, v)
			}
		}
		if n > 0 {
			s[n-1] = 1 // writable
		}
	}
}
