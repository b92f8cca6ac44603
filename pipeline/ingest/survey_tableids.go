package ingest

import (
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
//     is rejected as an unknown respondent, with the reason the interview rows give.

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
	if o.tableZeros.differ(id, o.TableIDs) { // zerosDiffer: leadingzeros.go
		return id, true
	}
	return id, false
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
		"%w: %d respondent id(s) differ from an id of the respondents table only in capitals or spaces: they are taken as that respondent; write each id one way to be sure",
		"%v: %d respondentcode(s) verschillen van een code van de respondententabel alleen in hoofdletters of spaties: ze gelden als die respondent; schrijf elke code op één manier om zeker te zijn",
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
