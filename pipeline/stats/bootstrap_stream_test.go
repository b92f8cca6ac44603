package stats

import (
	"math"
	"math/rand/v2"
	"sync"
	"testing"
)

// TestBootstrapSourceIsPCG walks the shared stream with several cursors at once, across
// page boundaries, and checks every number and every tangent against
// rand.NewPCG(seed, bootstrapStream) and math.Tan.
func TestBootstrapSourceIsPCG(t *testing.T) {
	const seed = 20261202
	n := 3*streamPageLen + 17
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			c, want := bootstrapSource(seed), rand.NewPCG(seed, bootstrapStream)
			for i := range n {
				v := want.Uint64()
				if (i+w)%3 == 0 {
					got, u := c.tanPi(), float64(v<<11>>11)/(1<<53)
					if exp := math.Tan(math.Pi * u); math.Float64bits(got) != math.Float64bits(exp) {
						t.Errorf("cursor %d number %d: tan %v, math.Tan gives %v", w, i, got, exp)
						return
					}
					continue
				}
				if got := c.Uint64(); got != v {
					t.Errorf("cursor %d number %d: %d, the PCG gives %d", w, i, got, v)
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestBootstrapSourcePastPages checks that a cursor goes on with the PCG's numbers past
// the pages kept, and that a seed beyond the seeds kept gets the PCG's numbers too.
func TestBootstrapSourcePastPages(t *testing.T) {
	s := &sharedStream{gen: *rand.NewPCG(5, bootstrapStream)}
	want := rand.NewPCG(5, bootstrapStream)
	c := newStreamCursor(s, nil)
	for i := range (maxStreamPages+1)*streamPageLen + 10 {
		v := want.Uint64()
		if i%streamPageLen == 3 {
			if got, exp := c.tanPi(), math.Tan(math.Pi*(float64(v<<11>>11)/(1<<53))); got != exp {
				t.Fatalf("number %d: tan %v, want %v", i, got, exp)
			}
			continue
		}
		if got := c.Uint64(); got != v {
			t.Fatalf("number %d: %d, the PCG gives %d", i, got, v)
		}
	}
	if len(s.pages) != maxStreamPages {
		t.Errorf("%d pages kept, want %d", len(s.pages), maxStreamPages)
	}
	for seed := uint64(1000); seed < 1000+maxStreamSeeds+2; seed++ {
		c, want := bootstrapSource(seed), rand.NewPCG(seed, bootstrapStream)
		for i := range 100 {
			if got, v := c.Uint64(), want.Uint64(); got != v {
				t.Fatalf("seed %d number %d: %d, want %d", seed, i, got, v)
			}
		}
	}
}

// TestMultinomialDrawsOnSharedStream draws every case of TestMultinomialDrawsAsGonum from
// the shared stream, twice (the second walk takes the kept tangents), against gonum's
// sampler on the PCG.
func TestMultinomialDrawsOnSharedStream(t *testing.T) {
	for _, c := range multinomialCases {
		t.Run(c.name, func(t *testing.T) {
			var n float64
			for _, m := range c.mult {
				n += m
			}
			for walk := range 2 {
				oldSrc, newSrc := rand.NewPCG(77, bootstrapStream), bootstrapSource(77)
				draws := newMultinomialDraws(c.mult, n, newSrc)
				want := make([]float64, len(c.mult))
				got := make([]float64, len(c.mult))
				for s := range 3000 {
					gonumMultinomial(want, c.mult, n, oldSrc)
					draws.draw(got)
					for k := range want {
						if got[k] != want[k] {
							t.Fatalf("walk %d resample %d kind %d: %v, distuv.Binomial gives %v", walk, s, k, got[k], want[k])
						}
					}
				}
				if a, b := oldSrc.Uint64(), newSrc.Uint64(); a != b {
					t.Fatalf("walk %d: the sources parted: next numbers %d and %d", walk, a, b)
				}
			}
		})
	}
}
