package analysis

import (
	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/results"
)

func init() { Stages = append(Stages, Partners) }

// Partners is the table `partners`: which partners respondents speak of, and in the light
// of which success factor, as a facilitator or a barrier. A segment counts for (partner,
// factor, valence) when the partner is mentioned in its text (codebook.PartnersIn: id,
// label or synonym) and it carries a counted code of that factor with that valence.
// Rows follow the codebook's order of partners and factors, facilitator before barrier;
// only combinations that occur are listed. Interviewer turns are not counted.
func Partners(in *Input, res *results.Results) {
	t := results.NewTable("partners",
		results.Column{Name: "partner", Kind: results.Text},
		results.Column{Name: "factor", Kind: results.Text},
		results.Column{Name: "valence", Kind: results.Text},
		results.Column{Name: "segments", Kind: results.Int},
		results.Column{Name: "respondents", Kind: results.Int})
	t.Title = map[string]string{"nl": "Genoemde partners per succesfactor", "en": "Partners mentioned per success factor"}
	defer res.Add(t)
	cb := in.Codebook
	if cb == nil || len(cb.Partners) == 0 {
		return
	}
	// Counted by number: partner (its first place in the codebook) × pair (ids.pairs).
	x := in.ids
	partnerNum := make(map[string]int, len(cb.Partners))
	for i, p := range cb.Partners {
		if _, dup := partnerNum[p.ID]; !dup {
			partnerNum[p.ID] = i
		}
	}
	pairs := len(x.pairs)
	segs := make([]int, len(cb.Partners)*pairs)
	resp := make([]int, len(segs))
	// A respondent counts once per partner and pair: the partner segments are taken
	// respondent by respondent (numbered here, in order of appearance), and stamp holds
	// the last respondent counted for each.
	psegs := in.partnerSegments()
	respOf := map[string]int32{}
	respNum := make([]int32, len(psegs))
	last, lastNum := "", int32(-1)
	for i, ps := range psegs {
		id := in.Data.Segments[ps.segment].Respondent
		if lastNum < 0 || id != last {
			n, ok := respOf[id]
			if !ok {
				n = int32(len(respOf))
				respOf[id] = n
			}
			last, lastNum = id, n
		}
		respNum[i] = lastNum
	}
	byResp := groupByNumber(respNum, len(respOf))
	stamp := make([]int32, len(segs))
	for r, members := range byResp {
		for _, i := range members {
			ps := &psegs[i]
			for _, p := range ps.partners {
				base := partnerNum[p] * pairs
				eachBit(ps.carried, func(q int) {
					k := base + q
					segs[k]++
					if stamp[k] != int32(r)+1 {
						stamp[k] = int32(r) + 1
						resp[k]++
					}
				})
			}
		}
	}
	pairOf := make(map[[2]string]int, pairs)
	for q, pair := range x.pairs {
		pairOf[pair] = q
	}
	valences := []string{string(codebook.Facilitator), string(codebook.Barrier), ""}
	for _, p := range cb.Partners {
		for _, f := range cb.Factors {
			for _, v := range valences {
				q, ok := pairOf[[2]string{f.ID, v}]
				if !ok {
					continue
				}
				if k := partnerNum[p.ID]*pairs + q; segs[k] > 0 {
					t.Add(p.ID, f.ID, v, segs[k], resp[k])
				}
			}
		}
	}
}

// groupByNumber returns, for each number 0..count-1, the positions in nums holding it,
// in ascending order (a counting sort).
func groupByNumber(nums []int32, count int) [][]int32 {
	start := make([]int32, count+1)
	for _, n := range nums {
		start[n+1]++
	}
	for i := 1; i <= count; i++ {
		start[i] += start[i-1]
	}
	flat := make([]int32, len(nums))
	fill := append([]int32(nil), start[:count]...)
	for i, n := range nums {
		flat[fill[n]] = int32(i)
		fill[n]++
	}
	groups := make([][]int32, count)
	for n := range groups {
		groups[n] = flat[start[n]:start[n+1]]
	}
	return groups
}

// partnerSegment is a respondent's segment (not the interviewer's) that carries a
// counted code of the codebook: the pairs it carries (carried, a bitset of the coding
// index's pairs) and the partners its text names (codebook.PartnersIn), for the tables
// partners and partner_pairs.
type partnerSegment struct {
	segment  int // in Data.Segments
	carried  []uint64
	partners []string
}

// partnerSegments returns the partner segments in dataset order, found once for both
// partner tables (the partner matcher over 50,000 segment texts is not cheap).
func (in *Input) partnerSegments() []partnerSegment {
	in.partnersOnce.Do(func() {
		carries, words := in.carried()
		for i := range in.Data.Segments {
			s := &in.Data.Segments[i]
			if s.Interviewer {
				continue
			}
			n := int(in.ids.listing[i])
			fv := carries[n*words : (n+1)*words]
			if !anyBit(fv) {
				continue
			}
			in.partnerSegs = append(in.partnerSegs, partnerSegment{segment: i, carried: fv, partners: in.Codebook.PartnersIn(s.Text)})
		}
	})
	return in.partnerSegs
}

// anyBit reports whether a bitset has a bit set.
func anyBit(set []uint64) bool {
	for _, w := range set {
		if w != 0 {
			return true
		}
	}
	return false
}

// carried returns, per segment number of the coding index, the (factor, valence) pairs
// of its counted codings (Counted) of codes the codebook knows, as a bitset of words
// words over the index's pairs: what the partners tables attribute to the partners a
// segment names.
func (in *Input) carried() (carries []uint64, words int) {
	x := in.ids
	words = (len(x.pairs) + 63) / 64
	carries = make([]uint64, len(x.segIDs)*words)
	for i, s32 := range x.segOfCoding {
		k := x.codeOfCoding[i]
		if k < 0 || x.emptyCode[i] {
			continue
		}
		s := int(s32)
		if _, counted := in.countedAt(x, s, int(x.coderOfCoding[i])); !counted {
			continue
		}
		q := int(x.pairNum[k])
		carries[s*words+q/64] |= 1 << (q % 64)
	}
	return carries, words
}
