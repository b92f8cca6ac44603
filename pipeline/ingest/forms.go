package ingest

import (
	"path/filepath"
	"slices"
	"strings"
)

// formsColumns are the columns Microsoft Forms (English and Dutch) and Google Forms write
// before the questions, folded. Email is personal data the study does not use; the name
// is kept only for redaction.
var formsColumns = map[string]columnUse{
	"id":         useRespondent,
	"start time": useMeta, "begintijd": useMeta,
	"completion time": useMeta, "tijd van voltooien": useMeta, "voltooiingstijd": useMeta,
	"last modified time": useMeta, "tijd laatst gewijzigd": useMeta, "tijd van laatste wijziging": useMeta,
	"email": useMeta, "e-mail": useMeta, "email address": useMeta, "e-mailadres": useMeta,
	"name": useName, "naam": useName,
	"timestamp": useMeta, "tijdstempel": useMeta,
	"score": useMeta, "total points": useMeta, "totaal aantal punten": useMeta, "quiz feedback": useMeta,
}

// formsStart and formsEnd are the names Microsoft Forms gives, in English and in the
// Dutch of its versions, to the time a response was begun and finished (or last
// changed), folded: a header with one of each is a Forms export, in whichever
// combination of names.
var (
	formsStart = []string{"start time", "begintijd"}
	formsEnd   = []string{"completion time", "tijd van voltooien", "voltooiingstijd", "last modified time", "tijd laatst gewijzigd", "tijd van laatste wijziging"}
)

func isFormsHeader(header []string) bool {
	has := map[string]bool{}
	for _, h := range header {
		has[foldName(h)] = true
	}
	if len(header) > 0 {
		if first := foldName(header[0]); first == "timestamp" || first == "tijdstempel" {
			return true // Google Forms
		}
	}
	return slices.ContainsFunc(formsStart, func(n string) bool { return has[n] }) &&
		slices.ContainsFunc(formsEnd, func(n string) bool { return has[n] })
}

// formsLayout reads a Microsoft Forms or Google Forms export: metadata columns, then one
// column per question headed by its full text; a grid question's rows come as
// "Question [Row]" (Google). Forms numbers responses per form, so the respondent id is the
// file name and the form's ID, unless the study names the respondent column (columns:
// {respondent: E-mail}), which is then read as it is and pairs waves.
func formsLayout(header []string, opt Options) (*surveyLayout, error) {
	_, named := opt.Columns["respondent"]
	lay := &surveyLayout{columns: make([]surveyColumn, len(header)), responseNumbers: !named}
	cols, err := FindColumns(header, map[string][]string{
		"municipality": append([]string{"in welke gemeente werkt u", "in which municipality do you work"}, municipalityHeaders...),
		"role":         append([]string{"wat is uw functie", "what is your role"}, roleHeaders...),
		"respondent":   nil, // only as study.yaml names it (columns: {respondent: E-mail})
	}, opt.Columns)
	if err != nil {
		return nil, err
	}
	field := map[int]columnUse{}
	if i, ok := cols["municipality"]; ok {
		field[i] = useMunicipality
	}
	if i, ok := cols["role"]; ok {
		field[i] = useRole
	}
	if i, ok := cols["respondent"]; ok {
		field[i] = useRespondent
	}
	for i := range header {
		c := &lay.columns[i]
		c.header = columnHeader(header, i)
		if use, ok := field[i]; ok {
			c.use = use
			continue
		}
		if use, ok := formsColumns[foldName(header[i])]; ok {
			if use == useRespondent && named {
				use = useMeta // the form's ID, where the study names the person's column
			}
			c.use = use
			continue
		}
		itemColumn(opt, c)
	}
	return lay, nil
}

// formsPrefix is the respondent id prefix for a survey whose ids are the tool's own
// response numbers (Forms's ID, LimeSurvey's id): the file's tag and a colon.
func formsPrefix(path string, opt Options) string {
	return fileTag(path, opt) + ":"
}

// fileTag names a survey file in the respondent ids it gives its responses (a response
// number, a row without an id): opt.Source, the file as the study names it, where the
// pipeline set it, else the file's name without its extension. It must differ for two
// files of one study: LimeSurvey names every export of a survey results-survey<SID>.csv
// and Forms names it after the form, so two waves saved in w2024/ and w2025/ have one
// name, and a tag of the name alone made response 1 of each wave one person measured
// twice (attack 14, F01). The tag is no part of a pseudonym (protect.go ranks ids by a
// salted hash); it shows only in the key file and in a rejected row's id.
func fileTag(path string, opt Options) string {
	if opt.Source != "" {
		return opt.Source
	}
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}
