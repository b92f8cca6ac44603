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
// respondent id differ only in what parts of one interview differ in: a part or version
// ("_deel2", "_v2"), a date, a number after an id of letters and digits ("JW01_2"), a
// copy's mark ("kopie", "(1)"), capitals. "JW01_Bergdorp" and "JW01_Aardam" differ in a
// municipality, "Bergdorp_1" and "Bergdorp_2" in the number after a word: they are taken
// as different people.
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

// nameRest is what a name holds besides the id and the parts that mark a part or a
// copy: its other words, in lower case.
func nameRest(name, id string, idLike bool) []string {
	name = strings.ToLower(strings.TrimSpace(name))
	name = strings.TrimSuffix(name, extOf(name))
	name = numberPrefix.ReplaceAllString(name, "")
	name = strings.Replace(name, strings.ToLower(id), " ", 1)
	var rest []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == '_' || r == ' ' || r == '(' || r == ')' }) {
		switch {
		case partWord.MatchString(w), datePart.MatchString(w), copyWord[w], w == "-":
		case idLike && strings.Trim(w, "0123456789") == "":
		default:
			rest = append(rest, w)
		}
	}
	return rest
}

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
