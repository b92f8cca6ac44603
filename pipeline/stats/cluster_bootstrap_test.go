package stats

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"gonum.org/v1/gonum/stat"
)

// clusteredPresence builds code-presence units for segments × codes by two coders, where
// a segment's codes share the segment's difficulty (the coders disagree on hard
// segments), so units within a segment are dependent. cluster[i] is the segment of unit i.
func clusteredPresence(segments, codes int, seed uint64) (units [][]float64, cluster []int) {
	rng := rand.New(rand.NewPCG(seed, 1))
	for s := 0; s < segments; s++ {
		hard := rng.Float64() < 0.2
		for c := 0; c < codes; c++ {
			a := 0.0
			if rng.Float64() < 0.3 {
				a = 1
			}
			b := a
			if hard && rng.Float64() < 0.5 || !hard && rng.Float64() < 0.03 {
				b = 1 - a
			}
			units = append(units, []float64{a, b})
			cluster = append(cluster, s)
		}
	}
	return units, cluster
}

// slowClusterInterval resamples segments one by one, builds the units of the drawn
// segments and computes KrippendorffAlpha on them: the definition, without any of the
// pattern bookkeeping of KrippendorffClusterResamples.
func slowClusterInterval(units [][]float64, cluster []int, samples int, seed uint64) (lo, hi float64) {
	bySeg := map[int][][]float64{}
	var segs []int
	for i, u := range units {
		if bySeg[cluster[i]] == nil {
			segs = append(segs, cluster[i])
		}
		bySeg[cluster[i]] = append(bySeg[cluster[i]], u)
	}
	rng := rand.New(rand.NewPCG(seed, 99))
	var alphas []float64
	for s := 0; s < samples; s++ {
		var draw [][]float64
		for range segs {
			draw = append(draw, bySeg[segs[rng.IntN(len(segs))]]...)
		}
		if a := KrippendorffAlpha(draw, Nominal); !math.IsNaN(a) {
			alphas = append(alphas, a)
		}
	}
	sort.Float64s(alphas)
	return stat.Quantile(0.025, stat.Empirical, alphas, nil), stat.Quantile(0.975, stat.Empirical, alphas, nil)
}

func TestKrippendorffClusterResamples(t *testing.T) {
	units, cluster := clusteredPresence(150, 12, 7)
	lo, hi := KrippendorffInterval(KrippendorffClusterResamples(units, cluster, Nominal, 4000, 3))
	slo, shi := slowClusterInterval(units, cluster, 4000, 5)
	// Two bootstraps of 4000 resamples with different draws: the percentiles agree to
	// Monte Carlo error.
	if math.Abs(lo-slo) > 0.02 || math.Abs(hi-shi) > 0.02 {
		t.Errorf("cluster interval [%.4f, %.4f], direct resampling of segments [%.4f, %.4f]", lo, hi, slo, shi)
	}
	a := KrippendorffAlpha(units, Nominal)
	if !(lo < a && a < hi) {
		t.Errorf("alpha %.4f outside its interval [%.4f, %.4f]", a, lo, hi)
	}
	// Units that hang together carry less information than as many independent units:
	// the cluster interval is wider than the unit bootstrap's.
	ulo, uhi := KrippendorffBootstrap(units, Nominal, 4000, 3)
	if hi-lo <= uhi-ulo {
		t.Errorf("cluster interval %.4f wide, unit interval %.4f: clustering should widen it", hi-lo, uhi-ulo)
	}
	// One unit per cluster is the unit bootstrap.
	own := make([]int, len(units))
	for i := range own {
		own[i] = i
	}
	olo, ohi := KrippendorffInterval(KrippendorffClusterResamples(units, own, Nominal, 4000, 11))
	if math.Abs(olo-ulo) > 0.02 || math.Abs(ohi-uhi) > 0.02 {
		t.Errorf("singleton clusters [%.4f, %.4f], unit bootstrap [%.4f, %.4f]", olo, ohi, ulo, uhi)
	}
	// The same seed gives the same resamples.
	x := KrippendorffClusterResamples(units, cluster, Nominal, 50, 9)
	y := KrippendorffClusterResamples(units, cluster, Nominal, 50, 9)
	for i := range x {
		if x[i] != y[i] {
			t.Fatal("not reproducible from the seed")
		}
	}
	t.Logf("alpha %.4f; cluster [%.4f, %.4f], direct [%.4f, %.4f], unit [%.4f, %.4f]", a, lo, hi, slo, shi, ulo, uhi)
}
