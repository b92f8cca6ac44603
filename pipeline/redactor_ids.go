package pipeline

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/redact"
)

// lowerWordID reports whether a respondent id of lower-case letters alone is listed as
// a name: an id of the study identifies a respondent whatever its case, and the usual
// logins are lower case ("jdevries", "mvdberg", "tvanleeuwen", "sbakker", "anouk"),
// printed beside their pseudonym where a quote names them (attack 15b, F01: 0.9.0 left
// every single lower-case word). Left are ids of fewer than three letters ("ab" is in
// too many words) and the words a study uses as ids for the members of a family or for a
// role ("moeder", "vader", "jongere", "mentor"), or a function word: redacting those
// would hide the word in every quote, and they name no one on their own
// (redact.OrdinaryID). A codebook or municipality word is dropped later (newRedactor).
func lowerWordID(id string) bool {
	if utf8.RuneCountInString(id) < 3 {
		return false
	}
	for _, c := range id {
		if !unicode.IsLower(c) {
			return false
		}
	}
	return !redact.OrdinaryID(id)
}

// withoutKeptIDs leaves out of people the lower-case ids that are words of the codebook,
// a partner, a role or a municipality ("jongerenwerker", "bergdorp" as an id): they
// are kept words in every text, and a listed name would hide them everywhere.
func withoutKeptIDs(people, keep []string) []string {
	kept := map[string]bool{}
	for _, k := range keep {
		for _, w := range strings.Fields(k) {
			kept[strings.ToLower(w)] = true
		}
	}
	out := people[:0:0]
	for _, p := range people {
		if kept[p] && lowerWordID(p) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// idsInFileNames are the respondents' ids that a file, sheet or document name may hold
// ("JO01_Bergdorp.txt"): published there as "[respondent]", as a rejected row's id is
// (redact/paths_ids.go). They are the ids that namesToRedact takes for names (letters
// and digits, a capital, a user name, a long number), of the respondents and of rejected
// rows: a bare "3" or "12" would hide every number of a file name ("ronde_2").
func idsInFileNames(d *model.Dataset) []string {
	var ids []string
	for _, r := range d.Respondents {
		if idIsName(r.ID) {
			ids = append(ids, r.ID)
		}
	}
	for _, rj := range d.Rejects {
		if (errors.Is(rj.Err, ingest.ErrUnknownRespondent) || errors.Is(rj.Err, ingest.ErrDuplicate)) && idIsName(rj.Value) {
			ids = append(ids, rj.Value)
		}
	}
	return ids
}
