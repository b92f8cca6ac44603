package main

import "testing"

// The growth after a collection puts the next one at gcFloor, between gcPercent and
// maxGCPercent of the live heap.
func TestGrowthFor(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, gcPercent},           // before the first collection
		{10 * mib, maxGCPercent}, // 320/10 - 1 = 3100%: at most 500%
		{64 * mib, 400},          // 320/64 - 1
		{160 * mib, 100},         // the next collection at 320 MiB
		{200 * mib, 60},          // 320/200 - 1
		{240 * mib, gcPercent},   // 33% would be less than gcPercent
		{320 * mib, gcPercent},   // at the floor
		{2000 * mib, gcPercent},  // far above it
	} {
		if got := growthFor(c.live); got != c.want {
			t.Errorf("growthFor(%d MiB) = %d%%, want %d%%", c.live/mib, got, c.want)
		}
	}
}

// After a peak the heap may grow to the largest goal set before (at most maxGCPercent),
// never less than growthFor gives.
func TestGCPacerKeepsPeak(t *testing.T) {
	const mib = 1 << 20
	var g gcPacer
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, gcPercent},           // before the first collection: nothing recorded
		{100 * mib, 220},         // growthFor: the next collection at 320 MiB
		{380 * mib, gcPercent},   // above the floor: the goal 570 MiB
		{240 * mib, 137},         // up to 570 MiB again, where growthFor gives 50%
		{400 * mib, gcPercent},   // 600 MiB: a new peak
		{300 * mib, 100},         // 600 MiB
		{90 * mib, maxGCPercent}, // 600 MiB would be 566%: at most 500%
		{20 * mib, maxGCPercent},
		{1000 * mib, gcPercent}, // far above: growthFor
	} {
		if got := g.growth(c.live); got != c.want {
			t.Errorf("growth(%d MiB) = %d%%, want %d%%", c.live/mib, got, c.want)
		}
	}
}
