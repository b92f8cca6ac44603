package main

import (
	"os"
	"runtime/debug"

	"github.com/bytedance/gopkg/util/gctuner"
)

// gcPercent is the heap growth, in percent of the live heap, that starts a collection
// once the heap is large.
const gcPercent = 50

// gcFloor is the heap size below which the collector lets the heap grow further than
// gcPercent: up to gcFloor, or 5 times the live heap, whichever is less.
const gcFloor = 128 << 20

// tuneGC sets the garbage collector for both ends of the study sizes. A national survey's
// run has hundreds of MiB live: the collector then starts when the heap has grown by half,
// not doubled (Go's default), and the run peaks near 800 MiB instead of 1.2 GiB for about
// the same time, where a fixed memory limit made the collector race once the live data
// outgrew it. A small study has a few MiB live, and growth by half means a collection
// every few MiB allocated: on the example study the figures' pixel buffers and encoded
// files (some 120 MiB allocated, 40 live) made the collector take 0.1-0.2 s of CPU in a
// 0.9 s run. bytedance/gopkg's gctuner, called after every collection, sets the growth
// so that the next one starts near gcFloor (at most 500%, at least gcPercent): small runs
// collect a few times, and a run whose live heap passes two thirds of gcFloor is
// collected at gcPercent as before, so its peak does not change. GOGC, when set, wins.
func tuneGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	debug.SetGCPercent(gcPercent)
	gctuner.SetMinGCPercent(gcPercent)
	gctuner.SetMaxGCPercent(500)
	gctuner.Tuning(gcFloor)
}
