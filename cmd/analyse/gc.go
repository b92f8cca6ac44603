package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"

	"github.com/samenspel/samenspel/cmd/analyse/internal/startgc"
)

// gcPercent is the heap growth, in percent of the live heap, that starts a collection
// once the live heap is large (above two thirds of gcFloor).
const gcPercent = 50

// maxGCPercent bounds the growth of a small live heap: a collection at the latest when
// the heap has grown five times over.
const maxGCPercent = 500

// startGCPercent is the growth until the first collection after tuneGC: the runtime
// scales its 4 MiB minimum heap by the percent, so the first collection comes at 64 MiB.
// At gcPercent the example study (some 125 MB allocated in all, under 40 MiB live) was
// collected four times, at 4, 3, 20 and 54 MiB, the first two while the codebook was read:
// 70 million instructions (2% of the run) and two stops of the world on the start of the
// run's path, for 1,600 page faults fewer (a heap reused sooner); now it is collected once.
// The tuner sets the growth from the live heap after that first collection, as before, so
// a large study's peak is unchanged.
const startGCPercent = startgc.Percent

// gcFloor is the heap size below which the collector lets the heap grow further than
// gcPercent: the next collection starts at gcFloor, or at 6 times the live heap
// (maxGCPercent), whichever is less.
var gcFloor uint64 = 320 << 20

// tuneGC sets the garbage collector for both ends of the study sizes. A national survey's
// run has a few hundred MiB live: the collector then starts when the heap has grown by
// half, not doubled (Go's default), and the run peaks near 800 MiB instead of 1.2 GiB
// for about the same time, where a fixed memory limit made the collector race once the
// live data outgrew it. Below that, the heap may grow up to gcFloor before a
// collection: a small study collects a few times in all (on the example study the
// figures' pixel buffers and encoded files, some 120 MiB allocated and 40 live, made
// the collector take 0.1-0.2 s of CPU in a 0.9 s run at growth by half), and the
// national study with a CSV survey (about 200 MiB live through most of its run) is
// collected half as often as at gcPercent, for the same peak: that the heap is
// collected at 1.5 times 200 MiB or at 320 MiB makes little difference to the
// resident set, which the readers' transient buffers set.
//
// After every collection the growth is set from the live heap the collector just
// marked (runtime/metrics /gc/heap/live:bytes): percent = (gcFloor - live) / live,
// between gcPercent and maxGCPercent. bytedance/gopkg's gctuner, used before, does the
// same but measures the heap with MemStats.HeapInuse, which just after a collection
// still counts the spans of garbage not yet swept: on a national study it saw about
// twice the live heap and never left gcPercent, so that raising its floor changed
// nothing. GOGC, when set, wins.
func tuneGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	tuneOnce.Do(func() {
		debug.SetGCPercent(startGCPercent)
		armGCTuner()
	})
}

var tuneOnce sync.Once

// gcSentinel is an object that only a finalizer refers to: it becomes garbage at once,
// so its finalizer runs after the next collection, which arms a new one.
type gcSentinel struct{ _ [16]byte } // not a tiny allocation, which could share a block

func armGCTuner() {
	runtime.SetFinalizer(&gcSentinel{}, func(*gcSentinel) {
		debug.SetGCPercent(tuned.growth(liveHeap()))
		armGCTuner()
	})
}

// tuned is the tuner's state; only the finalizers, which run one at a time, use it.
var tuned gcPacer

// gcPacer remembers the largest heap goal it has set.
//
// A heap that has grown to a size once may grow to it again: the collector after a
// collection lets the heap grow at least up to the largest goal set before (peak), at
// most maxGCPercent. The run's resident set, which the earlier goal made it reach, stays
// the same, and a run whose live heap falls after its peak is collected less often.
// Without it a study twice the national one was collected more than twice as often as
// once, at a live heap twice as large: its live heap rises to some 380 MB while its
// survey and interviews are read (goal 575 MB), falls to 240 with the inputs let go and
// rises again to 420 in the analysis, and in between it was collected at 1.5 times 240
// to 350 MB, ten times after the reading where the national study, below gcFloor
// throughout, was collected seven (issue 16: twice the study at most 2.1 times the time
// of once). The national study's goals stay within a few MiB of gcFloor.
type gcPacer struct{ peak uint64 }

// growth is the growth percent after a collection that left live bytes live: growthFor,
// or more, up to the peak goal (at most maxGCPercent); it records the goal it sets.
func (g *gcPacer) growth(live uint64) int {
	p := growthFor(live)
	if live == 0 {
		return p
	}
	if g.peak > live {
		p = max(p, min(int((g.peak-live)*100/live), maxGCPercent))
	}
	g.peak = max(g.peak, live+live*uint64(p)/100)
	return p
}

// liveHeap is the heap the last collection marked live, in bytes; 0 before the first.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// growthFor is the growth percent for a live heap: the next collection at gcFloor,
// between gcPercent and maxGCPercent.
func growthFor(live uint64) int {
	if live == 0 {
		return gcPercent
	}
	if live >= gcFloor {
		return gcPercent
	}
	p := int((gcFloor - live) * 100 / live)
	return min(max(p, gcPercent), maxGCPercent)
}
