package pipeline

import (
	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// anchorWords are the words a name is glued to in a file name or a label
// ("JW_Bakker.xlsx", "jw_bakker", "Bergdorp_deVries", "wijkagent-Jansen"): the roles'
// abbreviations, ids, labels and synonyms, the partners' (wijkteam, school), and the
// respondents' group values (municipality, role, every attribute). They make a glued word a label of a person for the redactor
// (redact.Options.Anchors); they are not kept words, so "Jo" of the abbreviation JO is
// still a name elsewhere.
func anchorWords(d *model.Dataset, cb *codebook.Codebook) []string {
	var out []string
	if cb != nil {
		for _, r := range cb.Roles {
			out = append(out, r.Abbrev, r.ID)
			out = append(out, r.Synonyms...)
			for _, l := range r.Label {
				out = append(out, l)
			}
		}
		for _, p := range cb.Partners {
			out = append(out, p.ID)
			out = append(out, p.Synonyms...)
			for _, l := range p.Label {
				out = append(out, l)
			}
		}
	}
	seen := map[string]bool{}
	add := func(v string) {
		if v != "" && !seen[v] && len(v) <= 40 {
			seen[v] = true
			out = append(out, v)
		}
	}
	for _, r := range d.Respondents {
		add(r.Municipality)
		add(r.Role)
		for _, v := range r.Attributes {
			add(v)
		}
	}
	return out
}
