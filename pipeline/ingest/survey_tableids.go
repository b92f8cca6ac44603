package ingest

import (
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// A survey's ids against the respondents table (attack 16 F10). The survey may hold
// people the table does not list (the table often lists the interviewees only), so a
// survey id the table lacks is a respondent of its own. But one the table holds written
// otherwise is not to be taken as a stranger without a word: that respondent would lose
// the role and municipality the table gives, and every group result with them. So, as for
// an interview's rows (README, "Input formats"):
//   - an id that differs from exactly one table id only in capitals or spaces ("e05" for
//     E05) is that respondent, with a warning per file that counts them (ErrIDSpelling,
//     which `analyse check` lists);
//   - an id that the table holds with other leading zeros ("1" where the table says 001,
//     as Excel writes a number) is never joined, since the two may be two people: its row
//     is rejected as an unknown respondent, with the reason the interview rows give;
//   - an id written as a decimal whose number the table holds ("1001.0" for 1001, a
//     float column saved by pandas, R or SPSS; attack 17 F14) is that respondent, counted
//     in the same warning: a number with a zero decimal is that number.

// ErrIDSpelling is wrapped by a warning that counts ids taken as another spelling of one
// id (a survey's "e05" as the respondents table's E05, or two waves' ids alike).
var ErrIDSpelling = model.NewKind("respondent id written otherwise", "respondentcode anders geschreven")

// tableSpelling returns the respondents table's spelling of a survey id (number, as
// written), and whether the row is to be rejected because the table has the id with
// other leading zeros; the id itself where the table lists it or nothing like it.
func (o Options) tableSpelling(id string) (spelling string, zeros bool) {
	if o.TableIDs == nil || id == "" || o.TableIDs[id] {
		return id, false
	}
	if t, ok := lookupIDKey(o.KnownKeys, id); ok && t != id {
		return t, false
	}
	if n, ok := DecimalWhole(id); ok && o.TableIDs[n] { // attack 17 F14: 1001.0 for 1001
		return n, false
	}
	if o.tableZeros.differ(id, o.TableIDs) { // zerosDiffer: leadingzeros.go
		return id, true
	}
	return id, false
}

// DecimalWhole returns the whole number of an id written as a decimal with only zeros
// after the point or comma ("1001.0", "1001,00": a number column saved as a float by
// pandas, R or SPSS), and whether id is one. "1001.5" and "E01.0" are not.
func DecimalWhole(id string) (string, bool) {
	i := strings.IndexAny(id, ".,")
	if i <= 0 || i == len(id)-1 {
		return "", false
	}
	for _, c := range id[:i] {
		if c < '0' || c > '9' {
			return "", false
		}
	}
	for _, c := range id[i+1:] {
		if c != '0' {
			return "", false
		}
	}
	return id[:i], true
}

// tableZerosReason is the reason of a survey row whose id the table has with other
// leading zeros.
func tableZerosReason(id string) error {
	return model.Reasonf("%[1]w: %[2]q is not in the respondents table%[3]s", "%[1]v: %[2]q staat niet in de respondententabel%[4]s",
		ErrUnknownRespondent, id, zerosWordsEN, zerosWordsNL)
}

// tableSpellingWarning counts a file's survey ids taken as the table's spelling.
func tableSpellingWarning(path string, n int) model.Warning {
	return model.Warning{File: path, Err: model.Reasonf(
		"%w: %d respondent id(s) differ from an id of the respondents table only in capitals, spaces or a trailing .0 (a whole number written as a decimal): they are taken as that respondent; write each id one way to be sure",
		"%v: %d respondentcode(s) verschillen van een code van de respondententabel alleen in hoofdletters, spaties of een .0 aan het eind (een geheel getal als decimaal geschreven): ze gelden als die respondent; schrijf elke code op één manier om zeker te zijn",
		ErrIDSpelling, n)}
}

// lookupIDKey is keys[model.IDKey(id)], without making the key where id is plain ASCII
// (fold_plain.go).
func lookupIDKey(keys map[string]string, id string) (string, bool) {
	var buf [64]byte
	if b, ok := lowerPlain(buf[:0], id); ok {
		t, ok := keys[string(b)]
		return t, ok
	}
	t, ok := keys[model.IDKey(id)]
	return t, ok
}
