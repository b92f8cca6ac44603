package ingest

import (
	"slices"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// nameRuleOf notes in the file's count that the respondent id was taken from the name
// by respondentFromName, once for each distinct name.
func nameRuleOf(count *model.FileCount, id, name string) {
	if id == "" {
		return
	}
	name = strings.TrimSpace(name)
	if count.NamedByRule == nil {
		count.NamedByRule = map[string][]string{}
	}
	if names := count.NamedByRule[id]; !slices.Contains(names, name) {
		count.NamedByRule[id] = append(names, name)
	}
}

// NamesOfOnePerson reports whether names that respondentFromName read as the one
// respondent id differ only in what the names of one person's interview differ in: a
// part or version ("_deel2", "_v2", "_definitief"), a copy's mark ("kopie", "(1)"), a
// word saying what the file is ("interview_JW01" and "JW01"), capitals, and, after an id
// of letters and digits (JW01), a date, a number or a month ("JW01_12 maart 2024"), not
// any other word: "klas2a_mila" and "klas2a_noah" are two children. "JW01_Bergdorp" and "JW01_Aardam" differ in a municipality,
// "Bergdorp_1" and "Bergdorp_2" in the number after a word, "2024-05-02_1" and
// "2024-06-20_1" in the date before a bare number: they are taken as different people.
func NamesOfOnePerson(id string, names []string) bool {
	idLike := idPart.MatchString(id)
	var first []string
	for i, n := range names {
		rest := nameRest(n, id, idLike)
		if i == 0 {
			first = rest
		} else if !slices.Equal(rest, first) {
			return false
		}
	}
	return true
}

// nameRest is what a name holds besides the id (as whole "_"-parts) and the words that
// mark a part or a copy, in lower case and sorted.
func nameRest(name, id string, idLike bool) []string {
	name = strings.TrimSpace(name)
	name = name[:len(name)-len(extOf(strings.ToLower(name)))]
	name = numberPrefix.ReplaceAllString(name, "")
	parts := strings.Split(name, "_")
	idParts := strings.Split(strings.TrimSpace(id), "_")
	for j := 0; j+len(idParts) <= len(parts); j++ {
		same := true
		for k, p := range idParts {
			if !strings.EqualFold(strings.TrimSpace(parts[j+k]), p) {
				same = false
				break
			}
		}
		if same {
			parts = append(parts[:j:j], parts[j+len(idParts):]...)
			break
		}
	}
	var rest []string
	for _, w := range strings.FieldsFunc(strings.Join(parts, " "), func(r rune) bool { return r == ' ' || r == '(' || r == ')' }) {
		lw := strings.ToLower(w)
		switch {
		case partWord.MatchString(lw), copyWord[lw], interviewFileWord[lw], versionWord[lw], strings.Trim(w, "-–") == "":
		case idLike && (datePart.MatchString(w) || strings.Trim(w, "0123456789-.") == "" || monthWord[strings.TrimSuffix(lw, ".")]):
		default:
			rest = append(rest, lw)
		}
	}
	slices.Sort(rest)
	return rest
}

// monthWord holds the months, Dutch and English, whole and short, of a date written out
// after an id ("JW01_12 maart 2024").
var monthWord = map[string]bool{
	"januari": true, "februari": true, "maart": true, "april": true, "mei": true, "juni": true, "juli": true, "augustus": true,
	"september": true, "oktober": true, "november": true, "december": true,
	"january": true, "february": true, "march": true, "may": true, "june": true, "july": true, "august": true, "october": true,
	"jan": true, "feb": true, "mrt": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"okt": true, "oct": true, "nov": true, "dec": true,
}

// versionWord marks a version of one document rather than another person's.
var versionWord = map[string]bool{"definitief": true, "final": true, "concept": true, "draft": true, "nieuw": true, "oud": true,
	"nameting": true, "voormeting": true, "nulmeting": true, "eindmeting": true, "vervolg": true, "follow-up": true}

// copyWord marks a file saved as a copy of another.
var copyWord = map[string]bool{"kopie": true, "copy": true, "kopie1": true, "kopie2": true}

// extOf is a document file's extension, as respondentFromName strips it.
func extOf(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		switch name[i:] {
		case ".txt", ".docx", ".doc", ".rtf", ".odt", ".pdf", ".md", ".html", ".htm":
			return name[i:]
		}
	}
	return ""
}

// NameWithRespondent writes a name with the id's "_"-parts as {respondent}, the shape of
// the name a warning can show where the id itself is redacted ("Bergdorp_1.txt" of
// respondent "Bergdorp": "{respondent}_1.txt").
func NameWithRespondent(name, id string) string {
	parts := strings.Split(strings.TrimSpace(name), "_")
	idParts := strings.Split(strings.TrimSpace(id), "_")
	for j := 0; j+len(idParts) <= len(parts); j++ {
		last := parts[j+len(idParts)-1]
		ext := extOf(strings.ToLower(last))
		same := true
		for k, p := range idParts {
			w := strings.TrimSpace(parts[j+k])
			if k == len(idParts)-1 {
				w = strings.TrimSpace(last[:len(last)-len(ext)])
			}
			if k == 0 && j == 0 {
				w = numberPrefix.ReplaceAllString(w, "")
			}
			if !strings.EqualFold(w, p) {
				same = false
				break
			}
		}
		if same {
			shown := append(parts[:j:j], "{respondent}"+ext)
			return strings.Join(append(shown, parts[j+len(idParts):]...), "_")
		}
	}
	return name
}
