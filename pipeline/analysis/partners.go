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
	carries := in.carried()
	segs := map[key]int{}
	resp := map[key]map[string]bool{}
	for _, s := range in.Data.Segments {
		fv := carries[s.ID]
		if len(fv) == 0 || s.Interviewer {
			continue
		}
		for _, p := range cb.PartnersIn(s.Text) {
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

// carried returns, per segment, the (factor, valence) pairs of its counted codings
// (Counted) of codes the codebook knows: what the partners tables attribute to the
// partners a segment names.
func (in *Input) carried() map[string]map[[2]string]bool {
	carries := map[string]map[[2]string]bool{}
	for _, c := range in.Data.Codings {
		if !in.Counted(c) {
			continue
		}
		code, ok := in.Codebook.Code(c.Code)
		if !ok {
			continue
		}
		if carries[c.Segment] == nil {
			carries[c.Segment] = map[[2]string]bool{}
		}
		carries[c.Segment][[2]string{code.Factor, string(code.Valence)}] = true
	}
	return carries
}
