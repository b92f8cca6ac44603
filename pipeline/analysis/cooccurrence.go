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
	both, resp := x.cooccurring()
	K := len(x.codes)
	for i, a := range codes {
		for _, b := range codes[i+1:] {
			lo, hi := min(a, b), max(a, b)
			n := int(both[lo*K+hi])
			union := size[a] + size[b] - n
			t.Add(x.codes[a], x.codes[b], n, int(resp[lo*K+hi]), float64(n)/float64(union))
		}
	}
	res.Add(t)
}

// cooccurring counts, for every pair of code numbers a <= b, the segments whose counted
// codings carry both (both[a*K+b], K codes; a = b: the segments carrying a) and the
// respondents with such a segment (resp[a*K+b]; segments of no known respondent not
// counted). It walks each segment's counted codes once, the segments grouped by
// respondent (a counting sort of the segment numbers), so that a respondent is counted
// once per pair by remembering the last respondent counted: linear in the counted
// codings and the pairs they make, where a pass over every pair of codes' bitsets grows
// with codes² × segments.
func (x *codingIndex) cooccurring() (both, resp []int32) {
	n := len(x.segIDs)
	// Each segment's counted codes, ascending, from the per-code bitsets.
	count := make([]int32, n+1)
	for k := range x.counted {
		eachBit(x.counted[k], func(s int) { count[s+1]++ })
	}
	for s := range n {
		count[s+1] += count[s]
	}
	codesOf := make([]int32, count[n])
	fill := append([]int32(nil), count[:n]...)
	for k := range x.counted {
		eachBit(x.counted[k], func(s int) {
			codesOf[fill[s]] = int32(k)
			fill[s]++
		})
	}
	// The segments with a counted code, grouped by respondent (unknown ones, -1, first),
	// in segment order within a respondent: as they come, where the index numbered the
	// respondents in the order of their segments and those follow each other.
	grouped := true
	prev := -1
	for s := 0; s < n && grouped; s++ {
		if count[s+1] > count[s] {
			grouped = x.resp[s] >= prev
			prev = x.resp[s]
		}
	}
	if grouped {
		return x.countPairs(codesOf, count, nil)
	}
	nr := len(x.respIDs)
	start := make([]int32, nr+2)
	for s := range n {
		if count[s+1] > count[s] {
			start[x.resp[s]+2]++
		}
	}
	for r := 0; r <= nr; r++ {
		start[r+1] += start[r]
	}
	order := make([]int32, start[nr+1])
	for s := range n {
		if count[s+1] > count[s] {
			r := x.resp[s] + 1
			order[start[r]] = int32(s)
			start[r]++
		}
	}
	return x.countPairs(codesOf, count, order)
}

// countPairs counts the pairs of cooccurring: the segments in order (all with a counted
// code, each respondent's together), or every segment in turn when order is nil; segment
// s's codes are codesOf[count[s]:count[s+1]].
func (x *codingIndex) countPairs(codesOf, count, order []int32) (both, resp []int32) {
	K := len(x.codes)
	both, resp = make([]int32, K*K), make([]int32, K*K)
	last := make([]int32, K*K) // respondent number + 1 last counted for the pair, 0: none
	n := len(count) - 1
	for i := 0; ; i++ {
		var s int32
		if order == nil {
			if i >= n {
				break
			}
			s = int32(i)
		} else {
			if i >= len(order) {
				break
			}
			s = order[i]
		}
		cs := codesOf[count[s]:count[s+1]]
		r := int32(x.resp[s])
		for i, a := range cs {
			for _, b := range cs[i:] {
				p := int(a)*K + int(b)
				both[p]++
				if r >= 0 && last[p] != r+1 {
					last[p] = r + 1
					resp[p]++
				}
			}
		}
	}
	return both, resp
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
	// One row per person: codings belong to the pseudonym, so a person in several waves
	// (several respondents with one pseudonym) is one row, as their first respondent.
	// The index's respondents are the pseudonyms of segments, each once, with the
	// respondent a pseudonym finds (respNum, noRespondent where no respondent has it):
	// a row for each whose counted codings make it coded.
	var people []int
	for _, n := range x.listed {
		if x.respCoded[n] {
			people = append(people, int(n))
		}
	}
	// By pseudonym (each row's own, so the rows' other cells never break a tie); in the
	// dataset's order of respondents they are usually sorted already.
	byPseudonym := func(a, b int) int { return strings.Compare(x.respIDs[a], x.respIDs[b]) }
	if !slices.IsSortedFunc(people, byPseudonym) {
		slices.SortFunc(people, byPseudonym)
	}
	rows := make([][]any, len(people))
	cells := make([]any, len(people)*(3+len(col)))
	for i, n := range people {
		r := &in.Data.Respondents[x.respNum[n]]
		role, mun := in.view(r)
		row := cells[i*(3+len(col)) : (i+1)*(3+len(col)) : (i+1)*(3+len(col))]
		row[0], row[1], row[2] = r.Pseudonym, role, mun
		for j, k := range col {
			v := 0
			if k >= 0 && x.perResp[n*K+k] > 0 {
				v = 1
			}
			row[3+j] = v
		}
		rows[i] = row
	}
	for _, row := range rows {
		t.Add(row...)
	}
	res.Add(t)
}
