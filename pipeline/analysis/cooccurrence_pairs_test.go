package analysis

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/samenspel/samenspel/pipeline/protected"
)

// TestCooccurringAsBitsets checks the pair counts of cooccurring against a pass over
// every pair of codes' segment bitsets, with each respondent's segments together and
// interleaved with other respondents' (the counting sort's path).
func TestCooccurringAsBitsets(t *testing.T) {
	cb := agreementCodebook(t)
	codes := []string{"kennen.a", "kennen.b", "bereiken.c"}
	r := rand.New(rand.NewPCG(6, 1))
	for trial := range 60 {
		var d protected.Dataset
		people := 1 + r.IntN(8)
		for p := range people {
			d.Respondents = append(d.Respondents, protected.Respondent{Pseudonym: fmt.Sprintf("P-%02d", p)})
		}
		for i := range 5 + r.IntN(80) {
			p := i % people // interleaved
			if trial%2 == 0 {
				p = i * people / 85 // together
			}
			seg := fmt.Sprintf("s%03d", i)
			d.Segments = append(d.Segments, protected.Segment{ID: seg, Respondent: fmt.Sprintf("P-%02d", p)})
			for _, c := range codes {
				if r.Float64() < 0.4 {
					d.Codings = append(d.Codings, protected.Coding{Segment: seg, Code: c, Raw: c, Coder: "A"})
				}
			}
		}
		in := &Input{Data: d, Codebook: cb}
		in.Prepare()
		x := in.ids
		both, resp := x.cooccurring()
		K := len(x.codes)
		for a := range K {
			for b := a; b < K; b++ {
				wantBoth, seen := 0, map[int]bool{}
				for s := range x.segIDs {
					if has(x.counted[a], s) && has(x.counted[b], s) {
						wantBoth++
						if x.resp[s] >= 0 {
							seen[x.resp[s]] = true
						}
					}
				}
				if int(both[a*K+b]) != wantBoth || int(resp[a*K+b]) != len(seen) {
					t.Fatalf("trial %d codes %d, %d: %d segments and %d respondents, want %d and %d",
						trial, a, b, both[a*K+b], resp[a*K+b], wantBoth, len(seen))
				}
			}
		}
	}
}
