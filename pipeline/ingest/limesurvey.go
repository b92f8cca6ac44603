package ingest

import (
	"regexp"
	"strings"
)

// limeSurveyColumns are LimeSurvey's metadata columns by their code names (old exports)
// and their full-text names (newer exports, "Question code & question text" headings),
// folded.
var limeSurveyColumns = map[string]columnUse{
	"id": useRespondent, "response id": useRespondent,
	"submitdate": useSubmitted, "date submitted": useSubmitted, "completed": useSubmitted,
	"lastpage": useMeta, "last page": useMeta,
	"startlanguage": useMeta, "start language": useMeta,
	"seed": useMeta, "token": useMeta, "access code": useMeta,
	"startdate": useMeta, "date started": useMeta,
	"datestamp": useMeta, "date last action": useMeta,
	"ipaddr": useMeta, "ip address": useMeta,
	"refurl": useMeta, "referrer url": useMeta,
	"interviewtime": useMeta, "total time": useMeta,
	"firstname": useFirstName, "first name": useFirstName,
	"lastname": useLastName, "last name": useLastName,
	"email": useMeta, "email address": useMeta,
}

// limeSurveySignature are metadata columns only LimeSurvey writes.
var limeSurveySignature = []string{"submitdate", "lastpage", "startlanguage", "datestamp", "date submitted", "last page", "start language", "date last action"}

// limeCode matches a code heading: Q1[SQ001] or a dual-scale Q1[SQ001][1].
var limeCode = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9]*)\[([^\[\]]+)\](?:\[([^\[\]]+)\])?$`)

// limeAnswerCode matches LimeSurvey's answer codes A1..A5 and AO01..AO05.
var limeAnswerCode = regexp.MustCompile(`^(?i:a[o0]?)0*([0-9]+)$`)

func isLimeSurveyHeader(header []string) bool {
	codes := 0
	for _, h := range header {
		k := foldName(h)
		for _, s := range limeSurveySignature {
			if k == s {
				return true
			}
		}
		if limeCode.MatchString(strings.TrimSpace(h)) {
			codes++
		}
	}
	return len(header) > 0 && foldName(header[0]) == "id" && codes > 0
}

// limeSurveyLayout reads a LimeSurvey response export: code headings (Q1[SQ001],
// Q1[SQ001][1], Q1_SQ001) or full-text headings (Question text [Sub-question]), answers as
// codes (A1..A5, AO01..) or full labels. [other] and [comment] columns are open answers.
// The response id starts at 1 in every survey, so it is read with the file's name in
// front (as Forms's ID): two surveys (two waves) share no respondent unless the study
// names a column that identifies the person in both (columns: {respondent: token}, the
// participant's access code when the surveys share a participant table).
func limeSurveyLayout(header []string, opt Options) (*surveyLayout, error) {
	lay := &surveyLayout{
		columns:    make([]surveyColumn, len(header)),
		incomplete: limeIncomplete,
	}
	explicit, err := FindColumns(header, genericFields, opt.Columns)
	if err != nil {
		return nil, err
	}
	for i := range header {
		c := &lay.columns[i]
		c.header = columnHeader(header, i)
		h := strings.TrimSpace(header[i])
		if use, ok := limeSurveyColumns[foldName(h)]; ok {
			c.use = use
			continue
		}
		lower := strings.ToLower(h)
		if strings.HasSuffix(lower, "[other]") || strings.HasSuffix(lower, "[comment]") ||
			strings.HasSuffix(lower, "_other") || strings.HasSuffix(lower, "_comment") {
			c.use = useOpen
			continue
		}
		if itemColumn(opt, c) || limeItem(opt, c, h) {
			c.decode = limeAnswer
		}
	}
	uses := map[string]columnUse{"municipality": useMunicipality, "role": useRole}
	_, named := opt.Columns["respondent"]
	lay.responseNumbers = !named // LimeSurvey's id counts the responses of one survey
	for f, i := range explicit {
		if u, ok := uses[f]; ok && lay.columns[i].use == useOther {
			lay.columns[i].use = u
		}
		if _, ok := opt.Columns[f]; ok && f == "respondent" {
			for j := range lay.columns {
				if lay.columns[j].use == useRespondent {
					lay.columns[j].use = useMeta
				}
			}
			lay.columns[i].use = useRespondent
		}
	}
	return lay, nil
}

// limeItem tries the codes in a code heading: Q1[SQ001] as Q1_SQ001 and SQ001,
// Q1_SQ001 as SQ001, and a dual scale Q1[SQ001][1] as Q1_SQ001_1 and SQ001_1.
func limeItem(opt Options, c *surveyColumn, h string) bool {
	if opt.Codebook == nil {
		return false
	}
	var codes []string
	if m := limeCode.FindStringSubmatch(h); m != nil {
		if m[3] == "" {
			codes = append(codes, m[1]+"_"+m[2], m[2])
		} else {
			codes = append(codes, m[1]+"_"+m[2]+"_"+m[3], m[2]+"_"+m[3])
		}
	} else if i := strings.LastIndexByte(h, '_'); i > 0 && i < len(h)-1 {
		codes = append(codes, h[i+1:])
	}
	for _, code := range codes {
		if it, sc, ok := opt.Codebook.Item(code); ok {
			c.use, c.item, c.scale = useItem, it, sc
			return true
		}
	}
	return false
}

// limeAnswer turns an answer code (A3, AO03) into its number; labels pass unchanged.
func limeAnswer(cell string) string {
	if m := limeAnswerCode.FindStringSubmatch(strings.TrimSpace(cell)); m != nil {
		return m[1]
	}
	return cell
}

// limeIncomplete: an empty submit date, or "N" in a Completed column.
func limeIncomplete(v string) bool {
	switch foldName(v) {
	case "", "n", "no", "nee", "false", "0":
		return true
	}
	return false
}
