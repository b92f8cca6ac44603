package pipeline

import (
	"errors"

	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/model"
)

// idsInFileNames are the respondents' ids that a file, sheet or document name may hold
// ("JO01_Bergdorp.txt"): published there as "[respondent]", as a rejected row's id is
// (redact/paths_ids.go). They are the ids that namesToRedact takes for names (letters
// and digits, a capital, a user name, a long number), of the respondents and of rejected
// rows: a bare "3" or "12" would hide every number of a file name ("ronde_2").
func idsInFileNames(d *model.Dataset) []string {
	var ids []string
	for _, r := range d.Respondents {
		if idIsName(r.ID) {
			ids = append(ids, r.ID)
		}
	}
	for _, rj := range d.Rejects {
		if (errors.Is(rj.Err, ingest.ErrUnknownRespondent) || errors.Is(rj.Err, ingest.ErrDuplicate)) && idIsName(rj.Value) {
			ids = append(ids, rj.Value)
		}
	}
	return ids
}
