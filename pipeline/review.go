package pipeline

import (
	"bytes"
	"slices"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/refiqda"
)

// ReviewFile is the REFI-QDA project that `outputs: [qdpx]` adds to the output folder.
const ReviewFile = "review.qdpx"

// reviewProject writes the study, human and automatic codings together, as a REFI-QDA
// project for review in the researcher's own QDA tool (ATLAS.ti, MAXQDA, NVivo,
// QualCoder). It holds what every other output holds: pseudonyms instead of ids, no
// real names, redacted texts, and no municipality with fewer than minCell respondents.
func reviewProject(d *protected.Dataset, cb *codebook.Codebook, title, lang string, minCell int) ([]byte, error) {
	perMun := map[string]int{}
	for _, r := range d.Respondents {
		perMun[r.Municipality]++
	}
	ds := protected.Dataset{Segments: d.Segments, Codings: slices.Clone(d.Codings)}
	for _, r := range d.Respondents {
		p := protected.Respondent{Pseudonym: r.Pseudonym, Role: r.Role, Municipality: r.Municipality}
		if perMun[r.Municipality] < minCell {
			p.Municipality = ""
		}
		ds.Respondents = append(ds.Respondents, p)
	}
	var buf bytes.Buffer
	if err := refiqda.WriteProject(&buf, ds, cb, refiqda.WriteOptions{Name: title, Language: lang}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
