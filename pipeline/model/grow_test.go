package model

import (
	"slices"
	"testing"
)

// TestAppendDoubling checks that AppendDoubling holds what append holds, and that a
// slice of 100,000 grown by it is copied less than half as often as by append.
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
	if 2*grows >= appendGrows {
		t.Errorf("%d copies for 100,000 elements, append %d", grows, appendGrows)
	}
	if cap(b) > 2*len(b)+256 {
		t.Errorf("capacity %d for %d elements", cap(b), len(b))
	}
}
