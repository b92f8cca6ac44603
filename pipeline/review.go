package pipeline

import (
	"bytes"
	"slices"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/refiqda"
)

// ReviewFile is the REFI-QDA project that `outputs: [qdpx]` adds to the output folder.
const ReviewFile = "review.qdpx"

// reviewProject writes the study, human and automatic codings together, as a REFI-QDA
// project for review in the researcher's own QDA tool (ATLAS.ti, MAXQDA, NVivo,
// QualCoder). It holds what every other output holds: pseudonyms instead of ids, no
// real names, redacted texts, and no municipality with fewer than minCell respondents.
func reviewProject(d *model.Dataset, cb *codebook.Codebook, title, lang string, minCell int) ([]byte, error) {
	pseud := map[string]string{}
	perMun := map[string]int{}
	for _, r := range d.Respondents {
		pseud[r.ID] = r.Pseudonym
		perMun[r.Municipality]++
	}
	var ds model.Dataset
	for _, r := range d.Respondents {
		p := model.Respondent{ID: r.Pseudonym, Pseudonym: r.Pseudonym, Role: r.Role, Municipality: r.Municipality}
		if perMun[r.Municipality] < minCell {
			p.Municipality = ""
		}
		ds.Respondents = append(ds.Respondents, p)
	}
	for _, s := range d.Segments {
		s.Respondent = pseud[s.Respondent]
		ds.Segments = append(ds.Segments, s)
	}
	ds.Codings = slices.Clone(d.Codings)
	var buf bytes.Buffer
	if err := refiqda.WriteProject(&buf, ds, cb, refiqda.WriteOptions{Name: title, Language: lang}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
