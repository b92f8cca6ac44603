package analysis

import (
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
	u := in.uses()
	var codes []string
	for _, f := range in.Codebook.Factors {
		for _, c := range f.Codes {
			if len(u.segments[c.ID]) > 0 {
				codes = append(codes, c.ID)
			}
		}
	}
	for i, a := range codes {
		for _, b := range codes[i+1:] {
			sa, sb := u.segments[a], u.segments[b]
			both, resp := 0, map[string]bool{}
			for s := range sa {
				if sb[s] {
					both++
					if seg := in.Segment(s); seg != nil {
						resp[seg.Respondent] = true
					}
				}
			}
			union := len(sa) + len(sb) - both
			t.Add(a, b, both, len(resp), float64(both)/float64(union))
		}
	}
	res.Add(t)
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
	u := in.uses()
	var rows [][]any
	for i := range in.Data.Respondents {
		r := &in.Data.Respondents[i]
		if !u.coded[r.Pseudonym] {
			continue
		}
		role, mun := in.view(r)
		row := []any{r.Pseudonym, role, mun}
		for _, c := range codes {
			v := 0
			if u.respondents[c][r.Pseudonym] {
				v = 1
			}
			row = append(row, v)
		}
		rows = append(rows, row)
	}
	sortRows(rows)
	for _, row := range rows {
		t.Add(row...)
	}
	res.Add(t)
}
