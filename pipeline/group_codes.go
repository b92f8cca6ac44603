package pipeline

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// A survey's "other" choice in the municipality question (LimeSurvey's -oth-, Qualtrics'
// choice text "Anders, namelijk:") was published as a municipality: the people of three
// municipalities in one group called "-oth-" in every table, figure and the report (attack
// 17, F03). A LimeSurvey export of answer codes gave municipalities A1, A2: groups named
// by codes whose meaning the export does not hold, without a word (F04).
//
// groupCodes reads a municipality or role that is a survey's "other" choice as none (the
// respondent counts in the study, in no group of that kind; what they typed is free text,
// read as an open answer, and no municipality list says which of it is one), and warns per
// file with the count; it warns about municipalities that look like answer codes (A1, AO02,
// SQ001) or numbers (1, 2), which it keeps, since they do tell the groups apart, naming
// the export to make.
// A role the codebook knows is its role, whatever its name. analyse check lists both
// with the other warnings.
func groupCodes(s *Study, d *model.Dataset, cb *codebook.Codebook) []error {
	type key struct{ file, field, value string }
	others := map[key]int{}
	firstID := map[key]string{} // the first such respondent's id, for the advice
	var otherOrder []key
	codes := map[[3]string][]string{} // (file, field, kind) -> its codes, as first met
	seenCode := map[[3]string]bool{}
	var codeFiles [][3]string
	looksCode := map[string]string{} // value -> the kind of answer code it looks like, or ""
	isOther := map[string]bool{}     // value -> it is an "other" choice: a study's few values, tested once each
	for i := range d.Respondents {
		r := &d.Respondents[i]
		for _, f := range []struct {
			field string
			value *string
		}{{"municipality", &r.Municipality}, {"role", &r.Role}} {
			v := strings.TrimSpace(*f.value)
			other, tested := isOther[v]
			if !tested {
				other = model.IsOtherChoice(v)
				isOther[v] = other
			}
			if !other {
				continue
			}
			if _, known := cb.Role(v); known && f.field == "role" {
				continue // the codebook's own role (a role "overig" of its list)
			}
			k := key{r.Source, f.field, v}
			if others[k] == 0 {
				otherOrder = append(otherOrder, k)
				firstID[k] = r.ID
			}
			others[k]++
			*f.value = ""
		}
		for _, f := range [][2]string{{"municipality", r.Municipality}, {"role", r.Role}} {
			v := strings.TrimSpace(f[1])
			// the cheap tests first, each value's pattern test once: the codebook's
			// fold of every respondent's role cost 2 s of CPU on a national study
			looks, tested := looksCode[v]
			if !tested {
				looks = answerCodeKind(v)
				looksCode[v] = looks
			}
			if looks == "" || seenCode[[3]string{r.Source, f[0], v}] {
				continue
			}
			if _, known := cb.Role(v); known && f[0] == "role" {
				continue
			}
			seenCode[[3]string{r.Source, f[0], v}] = true
			at := [3]string{r.Source, f[0], looks}
			if codes[at] == nil {
				codeFiles = append(codeFiles, at)
			}
			codes[at] = append(codes[at], v)
		}
	}
	var out []error
	for _, k := range otherOrder {
		en, nl := "municipality", "gemeente"
		if k.field == "role" {
			en, nl = "role", "rol"
		}
		// A response numbered by the tool (LimeSurvey's id, Forms' row) has the file in
		// front of its number (ingest/forms.go): a respondents table with the bare number
		// joins no one ("15 respondents in the respondents table without interview or
		// answer"), so the advice shows the id to write.
		idEn, idNl := "", ""
		if id, tag := firstID[k], s.Rel(k.file)+":"; strings.HasPrefix(id, tag) && len(id) > len(tag) {
			idEn = fmt.Sprintf(" under the id the run gives a response the tool numbered, the file and the number (%q for response %s)", id, id[len(tag):])
			idNl = fmt.Sprintf(" onder het id dat de run een door het programma genummerd antwoord geeft, het bestand en het nummer (%q voor antwoord %s)", id, id[len(tag):])
		}
		out = append(out, model.Reasonf("%[1]s: %[2]d respondent(s) have the %[3]s %[5]q, the survey's \"other\" choice, not a %[3]s: they are read without a %[3]s (counted in the study, in no %[3]s); where they typed their %[3]s (a column such as Gemeente[other] or Q1_3_TEXT, read as an open answer), give it in the respondents table%[6]s",
			"%[1]s: %[2]d respondent(en) hebben als %[4]s %[5]q, de keuze \"anders\" van de vragenlijst, geen %[4]s: ze zijn gelezen zonder %[4]s (meegeteld in de studie, in geen %[4]s); waar ze hun %[4]s intypten (een kolom zoals Gemeente[other] of Q1_3_TEXT, gelezen als open antwoord), geef die dan in de respondententabel%[7]s",
			s.Rel(k.file), others[k], en, nl, k.value, idEn, idNl))
	}
	for _, f := range codeFiles {
		q := make([]string, len(codes[f]))
		for i, c := range codes[f] {
			q[i] = strconv.Quote(c)
		}
		en, nl := "municipalities", "gemeenten"
		if f[1] == "role" {
			en, nl = "roles", "rollen"
		}
		if f[2] == "number" {
			out = append(out, model.Reasonf("%[1]s: the %[3]s %[2]s are numbers, not names: answer codes (Qualtrics' \"numeric values\", a coded export without its labels), and every group would be labelled by a number whose meaning the export does not hold; export the answers as text (Qualtrics: Download data, \"Use choice text\"), or give the %[3]s in the respondents table",
				"%[1]s: de %[4]s %[2]s zijn getallen, geen namen: antwoordcodes (\"numerieke waarden\" van Qualtrics, een export met codes zonder labels), en elke groep zou een getal als naam krijgen waarvan de export de betekenis niet bevat; exporteer de antwoorden als tekst (Qualtrics: Download data, \"Use choice text\"), of geef de %[4]s in de respondententabel",
				s.Rel(f[0]), strings.Join(q, ", "), en, nl))
			continue
		}
		out = append(out, model.Reasonf("%[1]s: the %[3]s %[2]s look like answer codes (LimeSurvey's A1, A2), not names: every group would be labelled by a code whose meaning the export does not hold; export the full answers (LimeSurvey: Export responses, \"Full answers\"), or give the %[3]s in the respondents table",
			"%[1]s: de %[4]s %[2]s zien eruit als antwoordcodes (A1, A2 van LimeSurvey), niet als namen: elke groep zou een code als naam krijgen waarvan de export de betekenis niet bevat; exporteer de volledige antwoorden (LimeSurvey: Antwoorden exporteren, \"Volledige antwoorden\"), of geef de %[4]s in de respondententabel",
			s.Rel(f[0]), strings.Join(q, ", "), en, nl))
	}
	return out
}

// answerCode is a LimeSurvey answer code as an answer-codes export writes it (A1, AO02,
// SQ001), and its "other" code.
var answerCode = regexp.MustCompile(`^(A|AO|SQ)\d{1,4}$`)

// answerCodeKind says what kind of answer code v looks like: "limesurvey" (A1), "number"
// (1, 2, 3: Qualtrics' numeric values, or any coded export without its labels, which
// 0.12.0 published as municipalities "1" and "2" without a word), or "" for a name.
func answerCodeKind(v string) string {
	if v == "" {
		return ""
	}
	if n := strings.TrimPrefix(v, "-"); n != "" && len(n) <= 4 && strings.Trim(n, "0123456789") == "" {
		return "number" // -99, SPSS's missing code, too
	}
	if answerCode.MatchString(v) {
		return "limesurvey"
	}
	return ""
}
