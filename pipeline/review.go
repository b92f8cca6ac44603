package pipeline

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/disclosure"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/refiqda"
)

// ReviewFile is the REFI-QDA project that `outputs: [qdpx]` adds to the output folder.
const ReviewFile = "review.qdpx"

// reviewProject writes the study, human and automatic codings together, as a REFI-QDA
// project for review in the researcher's own QDA tool (ATLAS.ti, MAXQDA, NVivo,
// QualCoder). It holds what every other output holds: pseudonyms instead of ids, no
// real names, redacted texts, and one case per respondent with a segment with role and
// municipality only as the disclosure decision lets respondent-level rows show them.
func reviewProject(d *protected.Dataset, cb *codebook.Codebook, title, lang string, dec *disclosure.Decision) ([]byte, error) {
	// Sources are named by their respondent's pseudonym and a number, not by the document
	// or file name as read: "JW01_Aardam.txt" keeps the municipality (and often a date or
	// a name) that the cases leave out, and joining cases to sources would undo that.
	ds := protected.Dataset{Segments: neutralDocuments(d.Segments), Codings: slices.Clone(d.Codings)}
	owners := map[string]bool{}
	for _, s := range d.Segments {
		owners[s.Respondent] = true
	}
	for _, r := range d.Respondents {
		if !owners[r.Pseudonym] {
			continue
		}
		v, _ := dec.View(r.Pseudonym)
		ds.Respondents = append(ds.Respondents, protected.Respondent{Pseudonym: r.Pseudonym, Role: v.Role, Municipality: v.Municipality})
	}
	var buf bytes.Buffer
	notes := reviewDescriptions(ds.Codings) // the suggestions to review, by source
	if err := refiqda.WriteProject(&buf, ds, cb, refiqda.WriteOptions{Name: title, Language: lang, Descriptions: notes}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// neutralDocuments returns the segments with each respondent's documents renamed
// "<pseudonym> document <n>", numbered in the order they first appear.
func neutralDocuments(segs []protected.Segment) []protected.Segment {
	out := slices.Clone(segs)
	names := map[[2]string]string{}
	count := map[string]int{}
	for i := range out {
		k := [2]string{out[i].Respondent, out[i].Document}
		n, ok := names[k]
		if !ok {
			count[out[i].Respondent]++
			n = fmt.Sprintf("%s document %d", out[i].Respondent, count[out[i].Respondent])
			names[k] = n
		}
		out[i].Document = n
	}
	return out
}
