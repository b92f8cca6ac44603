package ingest

import (
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
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
// of letters and digits (JW01), a date ("JW01_12 maart 2024"), not any other word or a
// number: "klas2a_mila" and "klas2a_noah", "JW01_Bergdorp" and "JW01_Aardam",
// "Bergdorp_1" and "Bergdorp_2", and "2024-05-02_1" and "2024-06-20_1" (the date before
// a bare number) are taken as different people (nameRest).
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
// mark a part, a copy or a version, in lower case and sorted. After an id of letters and
// digits a date is no difference either (two sessions), and a month only between a day
// and a year ("12 maart 2024"; Jan, April and June are given names too). A number is one:
// "klas2a_1" and "klas2a_2" can be two children as well as two parts (a review of the
// rule), and a warning too many costs less than two people counted as one.
func nameRest(name, id string, idLike bool) []string {
	name, _ = ruleNameStem(name)
	parts := strings.Split(name, "_")
	if j, n := idPartsAt(parts, id); j >= 0 {
		parts = append(parts[:j:j], parts[j+n:]...)
	}
	joined := copyNumber.ReplaceAllString(strings.Join(parts, " "), " ") // "JW01 (1)": a second download
	words := strings.FieldsFunc(joined, func(r rune) bool { return r == ' ' || r == '(' || r == ')' })
	// A month between a day (1 to 31) and a year (19xx, 20xx) is a date written out;
	// beside one number only it may be a name and a number (Jan 2010, June 2).
	num := func(i int) (int, bool) {
		if i < 0 || i >= len(words) {
			return 0, false
		}
		n, err := strconv.Atoi(words[i])
		return n, err == nil
	}
	skip := make([]bool, len(words))
	for i, w := range words {
		day, okDay := num(i - 1)
		year, okYear := num(i + 1)
		if idLike && monthWord[strings.TrimSuffix(strings.ToLower(w), ".")] && okDay && day >= 1 && day <= 31 && okYear && year >= 1900 && year <= 2099 {
			skip[i-1], skip[i], skip[i+1] = true, true, true
		}
	}
	var rest []string
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case skip[i], markerWord(lw):
		case idLike && datePart.MatchString(w):
		default:
			rest = append(rest, lw)
		}
	}
	slices.Sort(rest)
	return rest
}

// markerWord reports whether a word of a name marks a part, a copy, a version or what
// the file is, rather than naming anyone: deel2, kopie, definitief, uitgewerkt,
// transcript, 2e, "-".
func markerWord(lw string) bool {
	return partWord.MatchString(lw) || copyWord[lw] || interviewFileWord[lw] || versionWord[lw] || ordinalWord.MatchString(lw) || strings.Trim(lw, "-–") == ""
}

// copyNumber is the number Windows and browsers put in brackets after the name of a copy.
var copyNumber = regexp.MustCompile(`\(\d{1,2}\)`)

// ordinalWord is an ordinal written with digits: the 1e, 2e or 3de conversation.
var ordinalWord = regexp.MustCompile(`^\d{1,2}(e|de|ste|st|nd|rd|th)$`)

// idPartsAt finds the id's "_"-parts among a name's, case aside: the index of the first
// and how many, or -1.
func idPartsAt(parts []string, id string) (int, int) {
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
			return j, len(idParts)
		}
	}
	return -1, 0
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
var versionWord = map[string]bool{"definitief": true, "def": true, "final": true, "concept": true, "draft": true, "nieuw": true, "oud": true,
	"nameting": true, "voormeting": true, "nulmeting": true, "eindmeting": true, "vervolg": true, "follow-up": true,
	"uitgewerkt": true, "gecodeerd": true, "geanonimiseerd": true, "anoniem": true, "geanonimiseerde": true, "anonymised": true, "anonymized": true,
	"eerste": true, "tweede": true, "derde": true, "vierde": true, "first": true, "second": true, "third": true}

// copyWord marks a file saved as a copy of another.
var copyWord = map[string]bool{"kopie": true, "copy": true, "kopie1": true, "kopie2": true}

// ruleNameStem is a document or file name as respondentFromName reads it: without its
// folders, a document file's extension (returned as ext) and a tool's number prefix
// ("3: ", "P 3: "). (name_pattern's nameStem also takes off copy marks.)
func ruleNameStem(name string) (stem, ext string) {
	name = filepath.Base(strings.ReplaceAll(strings.TrimSpace(name), "\\", "/"))
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".docx", ".doc", ".rtf", ".odt", ".pdf", ".md", ".html", ".htm":
		ext = filepath.Ext(name)
	}
	return numberPrefix.ReplaceAllString(strings.TrimSuffix(name, ext), ""), ext
}

// NameWithRespondent writes a name in the shape a warning can show: the file name
// only (no folders), the id's "_"-parts as {respondent}, and of the other words only
// those that are wholly a number, a date or a mark of a part or a copy; any other word,
// another id (JZ03) too, is "…", since it may be a name the redactor does not
// know (klas2a_djaylano: "{respondent}_…", a review of the first version, which showed
// the word; a second found "djaylano2" and folders shown). Where the id is not found,
// the name is "…". "Bergdorp_JZ03.txt" of respondent "Bergdorp" is
// "{respondent}_….txt", "Bergdorp_2.txt" "{respondent}_2.txt".
func NameWithRespondent(name, id string) string {
	base, ext := ruleNameStem(name)
	parts := strings.Split(base, "_")
	j, n := idPartsAt(parts, id)
	if j < 0 {
		return "…" + ext
	}
	shown := make([]string, 0, len(parts))
	for i := 0; i < len(parts); i++ {
		if i == j {
			shown = append(shown, "{respondent}")
			i += n - 1
			continue
		}
		words := strings.Fields(parts[i])
		for k, w := range words {
			if !shownWord(w) {
				words[k] = "…"
			}
		}
		shown = append(shown, strings.Join(words, " "))
	}
	return strings.Join(shown, "_") + ext
}

// shownWord reports whether a word of a name says nothing of anyone: wholly a number, a
// date, "(1)", or a mark of a part, a copy or a version. Not an id of letters and digits:
// "MILA2" has the shape of JZ03.
func shownWord(w string) bool {
	return w != "" && (strings.Trim(w, "0123456789") == "" || datePart.MatchString(w) || copyNumber.FindString(w) == w || markerWord(strings.ToLower(w)))
}
