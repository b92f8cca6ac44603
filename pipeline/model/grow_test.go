package model

import (
	"slices"
	"testing"
)

// TestAppendDoubling checks that AppendDoubling holds what append holds, and that a
// slice of 100,000 grown by it is copied no more often than doubling allows.
func TestAppendDoubling(t *testing.T) {
	var a, b []int
	grows, appendGrows := 0, 0
	for i := range 100_000 {
		if len(a) == cap(a) {
			appendGrows++
		}
		a = append(a, i)
		before := cap(b)
		b = AppendDoubling(b, i)
		if cap(b) != before {
			grows++
		}
	}
	if !slices.Equal(a, b) {
		t.Fatal("AppendDoubling holds other elements than append")
	}
	// Doubling copies a slice of 100,000 at most 17 times from one element (2^17 >
	// 100,000), whatever the runtime's own growth (append's differs under -race, where
	// it made 28 copies and the old test, half of append's, failed).
	if grows > 18 || grows >= appendGrows {
		t.Errorf("%d copies for 100,000 elements, append %d", grows, appendGrows)
	}
	if cap(b) > 2*len(b)+256 {
		t.Errorf("capacity %d for %d elements", cap(b), len(b))
	}
}
