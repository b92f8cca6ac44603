package analysis

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/samenspel/samenspel/pipeline/results"
)

// TestAgreementMasksAsRows checks that the tables `agreement` and `disagreements` are
// the same whether the units are counted from coder bitmasks (unitMasks) or row by row,
// on random studies: two to five coders who code some segments and skip others, codes
// applied rarely and often, and a few segments coded by one coder only.
func TestAgreementMasksAsRows(t *testing.T) {
	cb := agreementCodebook(t)
	codes := []string{"kennen.a", "kennen.b", "bereiken.c"}
	r := rand.New(rand.NewPCG(4, 9))
	for trial := range 40 {
		coders := 2 + r.IntN(4)
		coded := codedBy{}
		segments := 20 + r.IntN(200)
		for i := 1; i <= segments; i++ {
			seg := fmt.Sprintf("s%02d", i)
			coded[seg] = map[string][]string{}
			for c := range coders {
				if r.Float64() < 0.2 {
					continue
				}
				var applied []string
				for _, code := range codes {
					if r.Float64() < []float64{0.02, 0.3, 0.7}[trial%3] {
						applied = append(applied, code)
					}
				}
				coded[seg][fmt.Sprintf("coder%d", c)] = applied
			}
		}
		d := agreementDataset(segments, coded)
		run := func(masks int) *results.Results {
			defer func(m int) { maskCoders = m }(maskCoders)
			maskCoders = masks
			in := &Input{Data: d, Codebook: cb, Language: "en", BootstrapSamples: 200, Seed: uint64(trial)}
			in.Prepare()
			res := &results.Results{Language: "en"}
			Agreement(in, res)
			return res
		}
		byRows, byMasks := run(0), run(64)
		for _, name := range []string{"agreement", "disagreements"} {
			a, b := byRows.Table(name), byMasks.Table(name)
			if !reflect.DeepEqual(fmt.Sprint(a.Rows), fmt.Sprint(b.Rows)) {
				t.Fatalf("trial %d (%d coders): table %s by masks\n%v\nrow by row\n%v", trial, coders, name, b.Rows, a.Rows)
			}
		}
	}
}
