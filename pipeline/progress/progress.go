// Package progress reports how far a long run has come: a progress bar on a terminal for
// every stage that takes more than a second, nothing at all when the output is not a
// terminal (a log file, a CI run, a pipe). The bars are drawn by
// github.com/vbauerster/mpb/v8; this package only decides when to draw them.
package progress

import (
	"io"
	"os"
	"sync"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"
)

// Reporter receives the progress of a run. Stage starts a stage (and ends the one before);
// total is the number of steps it will take (rows, files, tables), or 0 when unknown. Add
// counts n steps done in the current stage. Done ends the last stage and waits until the
// display is final; call it once, when the run is over, also after an error.
//
// A stage that reports rows should call Add every few thousand rows, not every row.
type Reporter interface {
	Stage(name string, total int)
	Add(n int)
	Done()
}

// Discard is a Reporter that reports nothing.
var Discard Reporter = discard{}

type discard struct{}

func (discard) Stage(string, int) {}
func (discard) Add(int)           {}
func (discard) Done()             {}

// Delay is how long a stage runs before its bar appears: shorter stages show nothing.
const Delay = time.Second

// New returns a Reporter that draws bars on w when w is a terminal, and Discard when it is
// not (or when TERM is "dumb").
func New(w io.Writer) Reporter {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) || os.Getenv("TERM") == "dumb" {
		return Discard
	}
	return newBars(w, Delay, false)
}

// Bars draws one bar per stage that outlasts its delay.
type Bars struct {
	out         io.Writer
	delay       time.Duration
	autoRefresh bool

	mu      sync.Mutex
	p       *mpb.Progress // created with the first bar, so a fast run writes nothing
	stage   *stage
	stopped bool
}

type stage struct {
	name  string
	total int
	count int
	bar   *mpb.Bar
	timer *time.Timer
}

func newBars(w io.Writer, delay time.Duration, autoRefresh bool) *Bars {
	return &Bars{out: w, delay: delay, autoRefresh: autoRefresh}
}

// Stage implements Reporter.
func (b *Bars) Stage(name string, total int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.stopped {
		return
	}
	b.endStage()
	st := &stage{name: name, total: max(total, 0)}
	b.stage = st
	st.timer = time.AfterFunc(b.delay, func() { b.show(st) })
}

// Add implements Reporter.
func (b *Bars) Add(n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.stage == nil || n <= 0 {
		return
	}
	b.stage.count += n
	if b.stage.bar != nil {
		b.stage.bar.IncrBy(n)
	}
}

// Done implements Reporter.
func (b *Bars) Done() {
	b.mu.Lock()
	b.endStage()
	b.stopped = true
	p := b.p
	b.mu.Unlock()
	if p != nil {
		p.Wait()
	}
}

// show draws the bar of a stage that is still running after the delay.
func (b *Bars) show(st *stage) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.stage != st || b.stopped {
		return
	}
	if b.p == nil {
		opts := []mpb.ContainerOption{mpb.WithOutput(b.out), mpb.WithWidth(40), mpb.WithRefreshRate(200 * time.Millisecond)}
		if b.autoRefresh {
			opts = append(opts, mpb.WithAutoRefresh())
		}
		b.p = mpb.New(opts...)
	}
	name := decor.Name(st.name, decor.WC{C: decor.DindentRight | decor.DextraSpace})
	if st.total > 0 {
		st.bar = b.p.AddBar(int64(st.total),
			mpb.PrependDecorators(name, decor.CountersNoUnit("%d / %d", decor.WCSyncWidth)),
			mpb.AppendDecorators(decor.Percentage(decor.WC{W: 5}), decor.Elapsed(decor.ET_STYLE_GO, decor.WC{W: 6})))
	} else {
		st.bar = b.p.AddSpinner(0,
			mpb.PrependDecorators(name, decor.CurrentNoUnit("%d", decor.WCSyncWidth)),
			mpb.AppendDecorators(decor.Elapsed(decor.ET_STYLE_GO, decor.WC{W: 6})))
	}
	st.bar.SetCurrent(int64(st.count))
}

// endStage completes the current stage's bar at the count reached; b.mu is held.
func (b *Bars) endStage() {
	st := b.stage
	if st == nil {
		return
	}
	st.timer.Stop()
	if st.bar != nil {
		st.bar.SetTotal(-1, true)
	}
	b.stage = nil
}
