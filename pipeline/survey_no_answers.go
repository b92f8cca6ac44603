package pipeline

import (
	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// A survey file whose rows were all read, and accepted, without one answer (its header
// taken from a title row; no column an item of the codebook) gave a run of 0 respondents
// that exited 0, "41 = 41 accepted", with one warning among others (attack 17, F05).
// surveyWithoutAnswers stops the run at such a file: rows read and no answer cell and no
// open answer from any of them is never a survey read, where the codebook has scales. `analyse check` lists the file's
// warning (no column is an item) instead, beside everything else.
func surveyWithoutAnswers(s *Study, cb *codebook.Codebook, sets []model.Dataset) error {
	if len(cb.Scales) == 0 {
		return nil // a codebook without scales asks a survey for no answers
	}
	for _, ds := range sets {
		open := false
		for _, seg := range ds.Segments {
			if seg.OpenAnswer {
				open = true
				break
			}
		}
		for _, f := range ds.Files {
			if f.Accepted > 0 && f.Cells == 0 && !open {
				return model.Reasonf("%[1]s: %[2]d row(s) read, and not one answer: no column of the file is an item of the codebook (is the header on the first row with two or more cells? are the items named as the codebook names them?); name the items' columns in study.yaml (columns: {K1: ...}) or correct the header",
					"%[1]s: %[2]d regel(s) gelezen, en geen enkel antwoord: geen kolom van het bestand is een item van het codeboek (staat de kopregel op de eerste regel met twee of meer cellen? heten de items zoals het codeboek ze noemt?); noem de kolommen van de items in study.yaml (columns: {K1: ...}) of verbeter de kopregel",
					s.Rel(f.Shown()), f.Accepted)
			}
		}
	}
	return nil
}
