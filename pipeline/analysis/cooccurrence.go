package analysis

import (
	"math/bits"
	"slices"
	"strings"

	"github.com/samenspel/samenspel/pipeline/results"
)

func init() { Stages = append(Stages, Cooccurrence, CodePresence) }

// Cooccurrence is the table `cooccurrence`: for each pair of codes (in codebook order)
// that both occur, the segments carrying both, the respondents with a segment carrying
// both, and the Jaccard index |A∩B| / |A∪B| over segments.
func Cooccurrence(in *Input, res *results.Results) {
	t := results.NewTable("cooccurrence",
		results.Column{Name: "code_a", Kind: results.Text},
		results.Column{Name: "code_b", Kind: results.Text},
		results.Column{Name: "segments", Kind: results.Int},
		results.Column{Name: "respondents", Kind: results.Int},
		results.Column{Name: "jaccard", Kind: results.Float})
	x := in.ids
	var codes []int
	for _, f := range in.Codebook.Factors {
		for _, c := range f.Codes {
			if k := x.codeOf[c.ID]; countBits(x.counted[k]) > 0 {
				codes = append(codes, k)
			}
		}
	}
	size := make([]int, len(x.codes))
	for _, k := range codes {
		size[k] = countBits(x.counted[k])
	}
	// seen[r] == stamp marks respondent r as counted for the current pair.
	seen := make([]int, len(x.respIDs))
	stamp := 0
	for i, a := range codes {
		for _, b := range codes[i+1:] {
			sa, sb := x.counted[a], x.counted[b]
			both, resp := 0, 0
			stamp++
			for w := range sa {
				word := sa[w] & sb[w]
				both += bits.OnesCount64(word)
				for ; word != 0; word &= word - 1 {
					if r := x.resp[w*64+bits.TrailingZeros64(word)]; r >= 0 && seen[r] != stamp {
						seen[r] = stamp
						resp++
					}
				}
			}
			union := size[a] + size[b] - both
			t.Add(x.codes[a], x.codes[b], both, resp, float64(both)/float64(union))
		}
	}
	res.Add(t)
}

// countBits returns the number of set bits of a bitset.
func countBits(set []uint64) int {
	n := 0
	for _, w := range set {
		n += bits.OnesCount64(w)
	}
	return n
}

// CodePresence is the table `code_presence`: one row per interviewed respondent
// (pseudonym) and one 0/1 column per code, for researchers who go on in R or SPSS.
// Role and municipality are shown as the disclosure decision lets respondent-level rows
// show them.
func CodePresence(in *Input, res *results.Results) {
	cols := []results.Column{
		{Name: "respondent", Kind: results.Text},
		{Name: "role", Kind: results.Text},
		{Name: "municipality", Kind: results.Text},
	}
	var codes []string
	for _, f := range in.Codebook.Factors {
		for _, c := range f.Codes {
			codes = append(codes, c.ID)
			cols = append(cols, results.Column{Name: c.ID, Kind: results.Int})
		}
	}
	t := results.NewTable("code_presence", cols...)
	x := in.ids
	K := len(x.keys)
	col := make([]int, len(codes)) // code -> its column of perResp, -1: counted nowhere
	for j, c := range codes {
		col[j] = -1
		if k, ok := x.keyOf[c]; ok {
			col[j] = k
		}
	}
	var rows [][]any
	// One row per person: codings belong to the pseudonym, so a person in several waves
	// (several respondents with one pseudonym) is one row, as their first respondent.
	// (A pseudonym with a coded segment is one of the index's respondents: one lookup
	// finds it, its codings and whether its row is written.)
	done := make([]bool, len(x.respIDs))
	for i := range in.Data.Respondents {
		r := &in.Data.Respondents[i]
		n, ok := x.respOf[r.Pseudonym]
		if !ok || !x.respCoded[n] || done[n] {
			continue
		}
		done[n] = true
		if first := in.Respondent(r.Pseudonym); first != nil {
			r = first
		}
		role, mun := in.view(r)
		row := []any{r.Pseudonym, role, mun}
		for _, k := range col {
			v := 0
			if k >= 0 && x.perResp[n*K+k] > 0 {
				v = 1
			}
			row = append(row, v)
		}
		rows = append(rows, row)
	}
	// By respondent: one row per pseudonym, so the pseudonyms alone decide the order
	// (the rows' other cells never break a tie).
	// Respondents are usually listed in that order already: checked in one pass.
	byPseudonym := func(a, b []any) int { return strings.Compare(a[0].(string), b[0].(string)) }
	if !slices.IsSortedFunc(rows, byPseudonym) {
		slices.SortFunc(rows, byPseudonym)
	}
	for _, row := range rows {
		t.Add(row...)
	}
	res.Add(t)
}
