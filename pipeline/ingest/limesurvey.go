package ingest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
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
	// The same in an export whose language is Dutch (nl and nl-informal of LimeSurvey 6:
	// locale/nl/nl.mo); its "Seed" is "Plaats", read as the seed only right after "Begin
	// taal" (limeSeedNL), since a survey may well ask "Plaats".
	"respons-id": useRespondent, "respons id": useRespondent,
	"datum verzonden": useSubmitted,
	"laatste pagina":  useMeta, "begin taal": useMeta, "toegangscode": useMeta,
	"startdatum": useMeta, "datum laatste actie": useMeta, "ip-adres": useMeta,
	"verwijzer url": useMeta, "verwijzer-url": useMeta, "totaaltijd": useMeta,
	"voornaam": useFirstName, "achternaam": useLastName, "e-mailadres": useMeta,
}

// limeSeedNL is the Dutch heading of the seed, and limeTimePrefixes open the headings of
// the time spent on a group or a question (English and Dutch), which are no answers.
const limeSeedNL = "plaats"

var limeTimePrefixes = []string{"group time:", "question time:", "groepstijd:", "vraagtijd:"}

// limeSurveySignature are metadata columns only LimeSurvey writes.
var limeSurveySignature = []string{"submitdate", "lastpage", "startlanguage", "datestamp", "date submitted", "last page", "start language", "date last action"}

// limeSurveySignatureNL are the same in a Dutch export. Words a researcher's own table
// may well have ("Datum verzonden" beside the answers of a survey sent by post), they
// say LimeSurvey only with its response id first ("Respons-ID") or two of them together
// (a review found a generic survey with a column "Datum verzonden" read as LimeSurvey,
// its rows without a date rejected as incomplete).
var limeSurveySignatureNL = []string{"datum verzonden", "laatste pagina", "begin taal", "datum laatste actie"}

// limeCode matches a code heading: Q1[SQ001] or a dual-scale Q1[SQ001][1].
var limeCode = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9]*)\[([^\[\]]+)\](?:\[([^\[\]]+)\])?$`)

// limeAnswerCode matches LimeSurvey's answer codes A1..A5 and AO01..AO05.
var limeAnswerCode = regexp.MustCompile(`^(?i:a[o0]?)0*([0-9]+)$`)

func isLimeSurveyHeader(header []string) bool {
	codes, dutch := 0, 0
	for _, h := range header {
		k := foldName(h)
		for _, s := range limeSurveySignature {
			if k == s {
				return true
			}
		}
		for _, s := range limeSurveySignatureNL {
			if k == s {
				dutch++
			}
		}
		if dutch >= 2 || dutch == 1 && len(header) > 0 && foldName(header[0]) == "respons-id" {
			return true
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
	codes := &limeCodes{}
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
		if k := foldName(h); k == limeSeedNL && i > 0 && foldName(header[i-1]) == "begin taal" {
			c.use = useMeta // the seed, not a place
			continue
		}
		if lower := strings.ToLower(h); hasAnyPrefix(lower, limeTimePrefixes) {
			c.use = useMeta
			continue
		}
		lower := strings.ToLower(h)
		if strings.HasSuffix(lower, "[other]") || strings.HasSuffix(lower, "[comment]") ||
			strings.HasSuffix(lower, "_other") || strings.HasSuffix(lower, "_comment") {
			c.use = useOpen
			continue
		}
		if itemColumn(opt, c) || limeItem(opt, c, h) {
			c.decode = codes.decoder(c.scale)
		}
	}
	lay.warnings = codes.warnings
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

// limeCodes reads LimeSurvey's answer codes (A3, AO03) as their number, where the
// codebook's scale does not name the code as a label, and counts them: LimeSurvey
// numbers a question's options in the order the survey's author entered them, so AO01
// is the scale's 1 only when "Helemaal mee oneens" was entered first. The export cannot
// tell, so the summary warns (warnings); a codebook whose answer labels include the codes
// (answers: {1: [Helemaal mee oneens, AO05], ...}) maps them as it says, without a word.
type limeCodes struct {
	codes   map[string]bool // the codes read by their number
	example string          // the first code read, for the warning
	value   string
	scale   codebook.Scale
}

func (l *limeCodes) decoder(sc codebook.Scale) func(string) string {
	// A column holds a handful of distinct codes: each is looked up once.
	type decoded struct {
		value string
		code  bool // read by its number
	}
	seen := map[string]decoded{}
	return func(cell string) string {
		d, ok := seen[cell]
		if !ok {
			d = decoded{value: cell}
			if m := limeAnswerCode.FindStringSubmatch(strings.TrimSpace(cell)); m != nil {
				if _, _, known := sc.Value(cell); !known { // else the codebook maps the code itself
					d = decoded{value: m[1], code: true}
				}
			}
			if len(seen) < 64 {
				seen[cell] = d
			}
		}
		if d.code && !l.codes[strings.TrimSpace(cell)] {
			if l.codes == nil {
				l.codes = map[string]bool{}
				l.example, l.value, l.scale = strings.TrimSpace(cell), d.value, sc
			}
			l.codes[strings.TrimSpace(cell)] = true
		}
		return d.value
	}
}

func (l *limeCodes) warnings(path string) []model.Warning {
	if len(l.codes) == 0 {
		return nil
	}
	label := ""
	if v, err := strconv.ParseFloat(l.value, 64); err == nil {
		for _, a := range l.scale.Answers {
			if a.Value == v && len(a.Labels) > 0 {
				label = fmt.Sprintf(", %q", a.Labels[0])
			}
		}
	}
	codes := model.SortedKeys(l.codes)
	if len(codes) > 8 {
		codes = append(codes[:8], "...")
	}
	return []model.Warning{{File: path, Err: model.Reasonf(
		"answers given as LimeSurvey answer codes (%[1]s) are read as the scale's values by their number (%[2]s as %[3]s%[4]s): LimeSurvey numbers a question's options in the order they were entered, so check in the survey's design that this is so, or export the responses with full answers, or give the codes as answer labels in the codebook",
		"antwoorden als antwoordcodes van LimeSurvey (%[1]s) zijn gelezen als de waarden van de schaal naar hun nummer (%[2]s als %[3]s%[4]s): LimeSurvey nummert de antwoordopties van een vraag in de volgorde waarin ze zijn ingevoerd; kijk dus in het ontwerp van de vragenlijst na dat dit klopt, of exporteer de antwoorden voluit, of geef de codes als antwoordlabels in het codeboek",
		strings.Join(codes, ", "), l.example, l.value, label)}}
}

// limeIncomplete: an empty submit date, or "N" in a Completed column.
func limeIncomplete(v string) bool {
	switch foldName(v) {
	case "", "n", "no", "nee", "false", "0":
		return true
	}
	return false
}

// hasAnyPrefix reports whether s starts with one of the prefixes.
func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
