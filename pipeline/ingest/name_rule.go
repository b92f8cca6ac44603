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
// of letters and digits (JW01), a date, a number or any word in lower case ("JW01_12
// maart 2024"). "JW01_Bergdorp" and "JW01_Aardam" differ in a municipality,
// "Bergdorp_1" and "Bergdorp_2" in the number after a word, "2024-05-02_1" and
// "2024-06-20_1" in the date before a bare number: they are taken as different people.
func NamesOfOnePerson(id string, names []string) bool {
	idLike := idPart.MatchString(id)
	rests := make([][]nameWord, len(names))
	capital := map[string]bool{} // words written with a capital in any of the names
	for i, n := range names {
		rests[i] = nameRest(n, id, idLike)
		for _, w := range rests[i] {
			if w.capital {
				capital[w.lower] = true
			}
		}
	}
	var first []string
	for i, rest := range rests {
		var words []string
		for _, w := range rest {
			// After an id, a word in lower case (a month, "nameting") names no other
			// person, unless another name writes it with a capital ("bergdorp").
			if !idLike || capital[w.lower] {
				words = append(words, w.lower)
			}
		}
		slices.Sort(words)
		if i == 0 {
			first = words
		} else if !slices.Equal(words, first) {
			return false
		}
	}
	return true
}

// nameWord is a word of a name, in lower case, and whether it was written capitalised.
type nameWord struct {
	lower   string
	capital bool
}

// nameRest is what a name holds besides the id (as whole "_"-parts) and the words that
// mark a part or a copy.
func nameRest(name, id string, idLike bool) []nameWord {
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
	var rest []nameWord
	for _, w := range strings.FieldsFunc(strings.Join(parts, " "), func(r rune) bool { return r == ' ' || r == '(' || r == ')' }) {
		lw := strings.ToLower(w)
		switch {
		case partWord.MatchString(lw), copyWord[lw], interviewFileWord[lw], versionWord[lw], strings.Trim(w, "-–") == "":
		case idLike && (datePart.MatchString(w) || strings.Trim(w, "0123456789-.") == ""):
		default:
			rest = append(rest, nameWord{lower: lw, capital: w != lw})
		}
	}
	return rest
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
