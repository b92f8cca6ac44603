package stats

import (
	"math"
	"math/rand/v2"
	"sync"
)

// Every bootstrap of a run starts the same random stream: each code's agreement draws
// from rand.NewPCG(seed, bootstrapStream) with the study's one seed, so that a code's
// interval does not depend on which codes come before it. With 200 codes that is 200
// walks down the same numbers, and the presence bootstrap's Cauchy proposals compute
// math.Tan(π·u) of the same u again in every walk (a tenth of the CPU of a run with 200
// codes and 5 coders). bootstrapSource therefore hands out a cursor over the stream as
// made once per seed: its numbers kept in pages (streamPage), filled in order from the
// one generator, and beside them their tangents, computed for the whole page by the
// first walk that asks a tangent of it and read by every later one. A cursor gives the
// numbers rand.NewPCG(seed, bootstrapStream) gives, in the same order
// (TestBootstrapSourceIsPCG), and tanPi the same bits as math.Tan(math.Pi * u) of the
// number it takes; nothing else changes. Past maxStreamPages a cursor goes on with a
// copy of the generator, as the PCG would. At most maxStreamSeeds seeds are kept (a run
// has one; tests try many): another seed gets a plain generator.
//
// The tangents were once kept one by one, each computed by the first walk that needed
// it and published with an atomic store. The walks of different codes need tangents of
// different numbers, so every page was written number by number while the other core's
// walk read it: on the codes study the stores alone took 0.08 s of CPU, in cache lines
// passed between the cores. A page's tangents made at once cost 16,384 math.Tan (about
// 0.2 ms) where a walk takes only some of them, and are read-only afterwards.

// streamPageLen is the numbers of a page.
const streamPageLen = 1 << 14

// maxStreamPages bounds the pages kept per seed: 4 Mi numbers, 64 MiB with their
// tangents. A run with 200 codes and 5 coders walks about 1.9 Mi of them.
const maxStreamPages = 256

// maxStreamSeeds is the most seeds whose streams are kept.
const maxStreamSeeds = 4

// streamPage is streamPageLen numbers of a stream, and the tangent of each, made for
// the whole page when one is first asked for (tangents).
type streamPage struct {
	raw      [streamPageLen]uint64
	tanReady sync.Once
	tan      [streamPageLen]float64
}

// tangents returns math.Tan(math.Pi * u) of the uniform variate u of each number of the
// page, u = float64(v<<11>>11) / 2⁵³ as rand.Rand.Float64 makes it.
func (p *streamPage) tangents() *[streamPageLen]float64 {
	p.tanReady.Do(func() {
		for j, v := range p.raw {
			p.tan[j] = math.Tan(math.Pi * (float64(v<<11>>11) / (1 << 53)))
		}
	})
	return &p.tan
}

// sharedStream is one seed's stream: the pages filled so far and the generator after
// the last of them.
type sharedStream struct {
	mu    sync.Mutex
	pages []*streamPage
	gen   rand.PCG
}

var streams struct {
	mu   sync.Mutex
	seed map[uint64]*sharedStream
}

// bootstrapSource returns the bootstrap's random numbers for seed: those of
// rand.NewPCG(seed, bootstrapStream), from the stream kept for the seed.
func bootstrapSource(seed uint64) *streamCursor {
	streams.mu.Lock()
	defer streams.mu.Unlock()
	if streams.seed == nil {
		streams.seed = map[uint64]*sharedStream{}
	}
	s := streams.seed[seed]
	if s == nil {
		if len(streams.seed) >= maxStreamSeeds {
			return newStreamCursor(nil, rand.NewPCG(seed, bootstrapStream))
		}
		s = &sharedStream{gen: *rand.NewPCG(seed, bootstrapStream)}
		streams.seed[seed] = s
	}
	return newStreamCursor(s, nil)
}

// page returns page i of the stream, filling the pages up to it; nil past
// maxStreamPages, with own the generator at the start of page i.
func (s *sharedStream) page(i int) (p *streamPage, own *rand.PCG) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.pages) <= i && len(s.pages) < maxStreamPages {
		p := new(streamPage)
		p.fill(&s.gen)
		s.pages = append(s.pages, p)
	}
	if i < len(s.pages) {
		return s.pages[i], nil
	}
	g := s.gen // the pages stop at maxStreamPages: i is the page after the last
	return nil, &g
}

// fill puts gen's next numbers into p.
func (p *streamPage) fill(gen *rand.PCG) {
	for j := range p.raw {
		p.raw[j] = gen.Uint64()
	}
}

// streamCursor is one walk down a stream; a rand.Source. Past the pages kept (or for
// a seed not kept) it fills a page of its own from its own generator.
type streamCursor struct {
	s    *sharedStream
	page *streamPage
	next int // the page's next number; streamPageLen: the next page
	at   int // the page's number in the stream
	own  *rand.PCG
	tan  *[streamPageLen]float64 // the page's tangents, once tanPi asked for one
}

func newStreamCursor(s *sharedStream, own *rand.PCG) *streamCursor {
	return &streamCursor{s: s, own: own, next: streamPageLen, at: -1}
}

// Uint64 is the stream's next number.
func (c *streamCursor) Uint64() uint64 {
	if c.next == streamPageLen {
		c.turn()
	}
	v := c.page.raw[c.next&(streamPageLen-1)]
	c.next++
	return v
}

// turn moves the cursor to the next page.
func (c *streamCursor) turn() {
	c.at++
	if c.own == nil {
		c.page, c.own = c.s.page(c.at)
	}
	if c.own != nil {
		c.page = new(streamPage) // no tangent yet
		c.page.fill(c.own)
	}
	c.next, c.tan = 0, nil
}

// countBelow takes the next n numbers and counts those whose top 53 bits are below
// lim (at most 2⁵³), without a branch per number: x − lim has its top bit set exactly
// when x < lim.
func (c *streamCursor) countBelow(n int, lim uint64) (below uint64) {
	for n > 0 {
		if c.next == streamPageLen {
			c.turn()
		}
		k := min(n, streamPageLen-c.next)
		for _, v := range c.page.raw[c.next : c.next+k] {
			below += (v<<11>>11 - lim) >> 63
		}
		c.next += k
		n -= k
	}
	return below
}

// tanPi takes the next number v and returns math.Tan(math.Pi * u) of u =
// float64(v<<11>>11) / 2⁵³, the uniform variate rand.Rand.Float64 makes of it.
func (c *streamCursor) tanPi() float64 {
	if c.next == streamPageLen {
		c.turn()
	}
	if c.tan == nil {
		c.tan = c.page.tangents()
	}
	i := c.next & (streamPageLen - 1)
	c.next++
	return c.tan[i]
}
