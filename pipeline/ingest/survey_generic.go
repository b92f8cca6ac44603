package ingest

// genericFields are the columns of the generic survey layout besides the items.
var genericFields = map[string][]string{
	"respondent":   respondentHeaders,
	"municipality": municipalityHeaders,
	"role":         roleHeaders,
	"name":         nameHeaders,
	"email":        emailHeaders,
}

var emailHeaders = []string{"e-mail", "email", "e-mailadres", "emailadres", "email address", "e-mail address", "mail"}

// genericSurveyLayout reads the generic wide layout: one row per respondent, a respondent
// column (else ids from file name and row), optional municipality, role and name, and one
// column per item, headed by the item id or its question text.
func genericSurveyLayout(header []string, opt Options) (*surveyLayout, error) {
	cols, err := FindColumns(header, genericFields, opt.Columns)
	if err != nil {
		return nil, err
	}
	lay := &surveyLayout{columns: make([]surveyColumn, len(header))}
	for i := range header {
		lay.columns[i].header = columnHeader(header, i)
	}
	uses := map[string]columnUse{"respondent": useRespondent, "municipality": useMunicipality, "role": useRole, "name": useName, "email": useMeta}
	for f, i := range cols {
		lay.columns[i].use = uses[f]
	}
	for i := range lay.columns {
		if lay.columns[i].use == useOther && inFolded(foldName(header[i]), namePartHeaders) {
			lay.columns[i].use = useNamePart // roepnaam, voornaam: respondent_names.go
		}
		if lay.columns[i].use == useOther {
			itemColumn(opt, &lay.columns[i])
		}
	}
	return lay, nil
}
