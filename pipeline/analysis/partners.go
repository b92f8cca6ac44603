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
	type key struct{ partner, factor, valence string }
	segs := map[key]int{}
	resp := map[key]map[string]bool{}
	for _, ps := range in.partnerSegments() {
		s, fv := &in.Data.Segments[ps.segment], ps.carried
		for _, p := range ps.partners {
			for pair := range fv {
				k := key{p, pair[0], pair[1]}
				segs[k]++
				if resp[k] == nil {
					resp[k] = map[string]bool{}
				}
				resp[k][s.Respondent] = true
			}
		}
	}
	valences := []string{string(codebook.Facilitator), string(codebook.Barrier), ""}
	for _, p := range cb.Partners {
		for _, f := range cb.Factors {
			for _, v := range valences {
				k := key{p.ID, f.ID, v}
				if segs[k] > 0 {
					t.Add(p.ID, f.ID, v, segs[k], len(resp[k]))
				}
			}
		}
	}
}

// partnerSegment is a respondent's segment (not the interviewer's) that carries a
// counted code of the codebook: the pairs it carries (carried) and the partners its text
// names (codebook.PartnersIn), for the tables partners and partner_pairs.
type partnerSegment struct {
	segment  int // in Data.Segments
	carried  map[[2]string]bool
	partners []string
}

// partnerSegments returns the partner segments in dataset order, found once for both
// partner tables (the partner matcher over 50,000 segment texts is not cheap).
func (in *Input) partnerSegments() []partnerSegment {
	in.partnersOnce.Do(func() {
		carries := in.carried()
		for i := range in.Data.Segments {
			s := &in.Data.Segments[i]
			fv := carries[s.ID]
			if len(fv) == 0 || s.Interviewer {
				continue
			}
			in.partnerSegs = append(in.partnerSegs, partnerSegment{segment: i, carried: fv, partners: in.Codebook.PartnersIn(s.Text)})
		}
	})
	return in.partnerSegs
}

// carried returns, per segment, the (factor, valence) pairs of its counted codings
// (Counted) of codes the codebook knows: what the partners tables attribute to the
// partners a segment names.
func (in *Input) carried() map[string]map[[2]string]bool {
	carries := map[string]map[[2]string]bool{}
	x := in.ids
	for _, c := range in.Data.Codings {
		if !in.Counted(c) {
			continue
		}
		k, ok := x.code(c.Code)
		if !ok {
			continue
		}
		set := carries[c.Segment]
		if set == nil {
			set = map[[2]string]bool{}
			carries[c.Segment] = set
		}
		set[x.pairOf[k]] = true
	}
	return carries
}
