package pipeline

import (
	"github.com/samenspel/samenspel/pipeline/model"
)

// Respondent ids written in two ways. Two exports of the same interviews that write one
// interviewee "JW01" and "jw01", or "JW 02" and "JW02", would make two respondents of
// one: every share halved, without a word. So an id that differs from one read before
// only in case or spaces (model.IDKey) is that respondent, with a warning per file that
// counts them (never naming an id: warnings reach the report). But initials tell people
// apart by their capitals ("JdV" and "JDV"), so an id is never renamed where it is
// itself a known spelling, and two spellings are two people:
//   - where the respondents table lists both (the table is the researcher's list of
//     people); an interview id that matches no table id as written is that table id
//     when it differs from exactly one of them only in case or spaces, and is rejected as
//     an unknown respondent when it could be more than one (ingest's Options.KnownKeys);
//   - where they were read as written before (from the table or an earlier file);
//   - where their municipality, role or another group differs (both given, and not
//     spellings of one value): a warning per file counts them.
//
// Survey rows are not joined this way: a survey's ids are its own numbering.

// idSpellings remembers, by wave and key, the spellings of the respondent ids read so
// far, with their groups.
type idSpellings map[model.RespondentKey][]idSpelling

// idSpelling is one spelling of an id as read: whether the respondents table lists it,
// and the respondent's groups (to tell two people with one key apart).
type idSpelling struct {
	id     string
	listed bool
	groups model.Respondent
}

// idKey is the key two spellings of one id share within a wave.
func idKey(wave, id string) model.RespondentKey {
	return model.RespondentKey{Wave: wave, ID: model.IDKey(id)}
}

// learnTable remembers the respondents table's ids (ds): each is a person.
func (s idSpellings) learnTable(ds *model.Dataset) {
	for _, r := range ds.Respondents {
		s.remember(r, true)
	}
}

// remember adds r's spelling, unless it is there already.
func (s idSpellings) remember(r model.Respondent, listed bool) {
	k := idKey(r.Wave, r.ID)
	if k.ID == "" || s.has(k, r.ID) {
		return
	}
	s[k] = append(s[k], idSpelling{id: r.ID, listed: listed, groups: r})
}

func (s idSpellings) has(k model.RespondentKey, id string) bool {
	for _, sp := range s[k] {
		if sp.id == id {
			return true
		}
	}
	return false
}

// tableKeys returns, for ingest's Options.KnownKeys, the key of every table id that no
// other table id shares (in any wave).
func (s idSpellings) tableKeys() map[string]string {
	ids := map[string][]string{}
	for _, list := range s {
		for _, sp := range list {
			if sp.listed {
				k := model.IDKey(sp.id)
				ids[k] = append(ids[k], sp.id)
			}
		}
	}
	keys := make(map[string]string, len(ids))
	for k, list := range ids {
		if len(list) == 1 {
			keys[k] = list[0]
		}
	}
	return keys
}

// spellingOf returns the spelling r's id is taken as: the table's where the table lists
// one id of its key, else the one spelling read before of a respondent in r's groups, else
// r.ID itself; conflict reports that spellings of r's key were read before but none (or
// more than one) of them is a respondent in r's groups, so r is taken as another person.
func (s idSpellings) spellingOf(r model.Respondent) (id string, conflict bool) {
	k := idKey(r.Wave, r.ID)
	list := s[k]
	if k.ID == "" || len(list) == 0 || s.has(k, r.ID) {
		return r.ID, false
	}
	var listed []idSpelling
	for _, sp := range list {
		if sp.listed {
			listed = append(listed, sp)
		}
	}
	switch {
	case len(listed) == 1:
		return listed[0].id, false // the table's spelling (ingest let it in by its key)
	case len(listed) > 1:
		return r.ID, false // more than one person of the table it could be: ingest rejected it
	}
	var same []string // the spellings read before of a respondent in r's groups
	for _, sp := range list {
		if !otherGroups(sp.groups, r) {
			same = append(same, sp.id)
		}
	}
	if len(same) != 1 {
		return r.ID, true
	}
	return same[0], false
}

// otherGroups reports whether a and b name another municipality, role or other group,
// where both name one (spellings of one value, as foldSpellings folds them, are one).
func otherGroups(a, b model.Respondent) bool {
	differ := func(x, y string, municipality bool) bool {
		if x == "" || y == "" {
			return false
		}
		sp := newSpellings(municipality)
		return sp.key(x) != sp.key(y)
	}
	if differ(a.Municipality, b.Municipality, true) || differ(a.Role, b.Role, false) {
		return true
	}
	for k, v := range a.Attributes {
		if differ(v, b.Attributes[k], false) {
			return true
		}
	}
	return false
}

// join gives ds's respondents and segments the spelling of their id read before where
// they are that respondent, learns the new spellings, and returns a warning per kind when
// it joined any or kept any apart. A dataset with survey answers is left as it is.
func (s idSpellings) join(ds *model.Dataset, file string) []error {
	if len(ds.Survey.Rows) > 0 {
		for _, r := range ds.Respondents {
			s.remember(r, false)
		}
		return nil
	}
	rename := map[string]string{} // id as written -> the spelling it is taken as
	apart := 0
	for i := range ds.Respondents {
		r := &ds.Respondents[i]
		id, conflict := s.spellingOf(*r)
		if conflict {
			apart++
		}
		if id == r.ID {
			s.remember(*r, false)
			continue
		}
		rename[r.ID] = id
		r.ID = id
	}
	var warnings []error
	if apart > 0 {
		warnings = append(warnings, model.Reasonf(
			"%s: %d respondent id(s) differ from one read before only in capitals or spaces, but have another municipality, role or group: they are taken as other people; write each person's id one way to be sure",
			"%s: %d respondentcode(s) verschillen van een eerder gelezen code alleen in hoofdletters of spaties, maar hebben een andere gemeente, rol of groep: ze gelden als andere personen; schrijf de code van elke persoon op één manier om zeker te zijn",
			file, apart))
	}
	if len(rename) == 0 {
		return warnings
	}
	// A file with both spellings holds one respondent twice now: merge them.
	merged := ds.Respondents[:0]
	at := map[model.RespondentKey]int{}
	for _, r := range ds.Respondents {
		if i, ok := at[r.Key()]; ok {
			merged[i] = model.MergeRespondent(merged[i], r)
			continue
		}
		at[r.Key()] = len(merged)
		merged = append(merged, r)
	}
	ds.Respondents = merged
	for i := range ds.Segments { // a segment names its respondent by id
		if id, ok := rename[ds.Segments[i].Respondent]; ok {
			ds.Segments[i].Respondent = id
		}
	}
	return append(warnings, model.Reasonf(
		"%s: %d respondent id(s) differ from one read before only in capitals or spaces: they are taken as that respondent; write each id one way to be sure",
		"%s: %d respondentcode(s) verschillen van een eerder gelezen code alleen in hoofdletters of spaties: ze gelden als die respondent; schrijf elke code op één manier om zeker te zijn",
		file, len(rename)))
}
