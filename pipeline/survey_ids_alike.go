package pipeline

import "github.com/samenspel/samenspel/pipeline/model"

// A survey's respondent id and an interviewee's that differ only in case or spaces
// ("r01" and "R01", "R 02" and "R02") are read as two people: a survey's ids are its own
// numbering, and are not joined to the interviews' the way two interview files' ids are
// (respondent_spellings.go). Where the same people were surveyed and interviewed, that
// doubled them without a word (an attack on the readers, F07: 4 respondents for 2). The
// run now warns, counting them and naming none (warnings reach the report).

// surveyIDsAlike returns the warning for the survey respondents of datasets whose id no
// interviewee has but differs from one only in case or spaces.
func surveyIDsAlike(interviewed map[string]bool, survey []model.Dataset) []error {
	if len(interviewed) == 0 {
		return nil
	}
	keys := make(map[string]bool, len(interviewed))
	for id := range interviewed {
		keys[model.IDKey(id)] = true
	}
	alike := map[string]bool{}
	for i := range survey {
		for _, r := range survey[i].Respondents {
			if !interviewed[r.ID] && keys[model.IDKey(r.ID)] {
				alike[r.ID] = true
			}
		}
	}
	if len(alike) == 0 {
		return nil
	}
	return []error{model.Reasonf(
		"%d survey respondent(s) have an id that differs from an interviewee's only in capitals or spaces: they are read as other people than the interviewees; if they are the same people, write the ids alike in the survey or the interviews",
		"%d ondervraagde(n) hebben een code die alleen in hoofdletters of spaties verschilt van die van een geïnterviewde: ze zijn gelezen als andere mensen dan de geïnterviewden; zijn het dezelfde mensen, schrijf de codes dan gelijk in de enquête of de interviews",
		len(alike))}
}
