// Package startgc sets the garbage collector's first growth before most of the other
// packages of cmd/analyse are initialised.
//
// The packages' init functions (excelize's tables, the redactor's word lists, the
// readers' maps, ...) allocate some 5 MB before main runs, and at Go's default the heap's
// 4 MiB minimum made the runtime collect twice during them (on the example study at 26
// and 47 ms, the first with a 3 ms stop of the world), with almost nothing to free.
// This package depends on os and runtime/debug alone, so Go initialises it early: with
// GODEBUG=inittrace=1 it runs after pipeline/redact (1 MB) but before excelize,
// codebook, pipeline/ingest and reports, and no collection comes before the first one
// at 64 MiB. main's tuneGC (gc.go) sets the same growth again and arms the tuner.
package startgc

import (
	"os"
	"runtime/debug"
)

// Percent is the growth until the first collection: the runtime scales its 4 MiB
// minimum heap by it, so the first collection comes at 64 MiB.
const Percent = 1600

func init() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(Percent)
	}
}
