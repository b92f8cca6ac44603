package codebook

import (
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// TestAutoCoderLinearInTextLength: coding a text sixteen times as long (224 kB) takes
// far less than the quadratic matcher took: at most 700 times as long (the fastest of 15
// runs each, without garbage collection; a limit of 400 over five runs failed once at a
// load of 30, at 607, while the quadratic matcher's 1,550 stays well above it). In instructions it is 16.3 times; in time 49 to
// 104 times on this 2-core machine at a load of 14, its caches shared and the long text's
// buffers (about 2 MB) out of them; the quadratic matcher took 1,550 times as long. A
// regression case for the negation rules that looked at the punctuation of the original
// text by walking it from its start at every look (punctAt, questionAt), which ran the
// auto-coder at 2 MB/s on a 14 kB interview.
func TestAutoCoderLinearInTextLength(t *testing.T) {
	if testing.Short() {
		t.Skip("times the auto-coder")
	}
	cb, err := Load("../data/codebooks/samenwerking.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ac, err := NewAutoCoder(cb)
	if err != nil {
		t.Fatal(err)
	}
	short := benchText()
	long := strings.Repeat(short, 16)
	fastest := func(text string) time.Duration {
		best := time.Duration(1 << 62)
		for range 15 {
			start := time.Now()
			ac.Code(text)
			best = min(best, time.Since(start))
		}
		return best
	}
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	fastest(short) // warm the stem cache
	s, l := fastest(short), fastest(long)
	t.Logf("16 times the text: %.1f times the time (%v against %v)", float64(l)/float64(s), l, s)
	if l > 700*s {
		t.Errorf("a text 16 times as long took %.1f times as long (%v against %v): the auto-coder is not linear in the text's length", float64(l)/float64(s), l, s)
	}
}
