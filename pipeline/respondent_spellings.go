package pipeline

import (
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// Respondent ids written in two ways. Two exports of the same interviews that write one
// interviewee "JW01" and "jw01", or "JW 02" and "JW02", would make two respondents of
// one: every share halved, without a word. Among the respondents table and the
// interview files, an id that differs from one read before only in case or spaces is
// that respondent (the respondents table's spelling, or else the first read), with a
// warning per file that counts them (never naming an id: warnings reach the report).
// Survey rows are not joined this way: a survey's ids are its own numbering.

// idSpellings remembers the first spelling of each respondent id, by wave.
type idSpellings map[model.RespondentKey]string

// idKey is the key two spellings of one id share: lower case, without spaces.
func idKey(wave, id string) model.RespondentKey {
	return model.RespondentKey{Wave: wave, ID: strings.ToLower(strings.Join(strings.Fields(id), ""))}
}

// learn remembers the spellings of ds's respondents that are new.
func (s idSpellings) learn(ds *model.Dataset) {
	for _, r := range ds.Respondents {
		if k := idKey(r.Wave, r.ID); k.ID != "" {
			if _, ok := s[k]; !ok {
				s[k] = r.ID
			}
		}
	}
}

// join gives ds's respondents and segments the spelling read first of their id, learns
// the new ones, and returns a warning when it joined any. A dataset with survey answers
// is left as it is.
func (s idSpellings) join(ds *model.Dataset, file string) error {
	if len(ds.Survey.Rows) > 0 {
		s.learn(ds)
		return nil
	}
	rename := map[model.RespondentKey]string{} // (wave, id as written) -> the first spelling
	for i := range ds.Respondents {
		r := &ds.Respondents[i]
		k := idKey(r.Wave, r.ID)
		if k.ID == "" {
			continue
		}
		first, ok := s[k]
		if !ok {
			s[k] = r.ID
			continue
		}
		if first != r.ID {
			rename[r.Key()] = first
			r.ID = first
		}
	}
	if len(rename) == 0 {
		return nil
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
	byID := make(map[string]string, len(rename)) // a segment names its respondent by id
	for key, first := range rename {
		byID[key.ID] = first
	}
	for i := range ds.Segments {
		if first, ok := byID[ds.Segments[i].Respondent]; ok {
			ds.Segments[i].Respondent = first
		}
	}
	return model.Reasonf(
		"%s: %d respondent id(s) differ from one read before only in capitals or spaces: they are taken as that respondent; write each id one way to be sure",
		"%s: %d respondentcode(s) verschillen van een eerder gelezen code alleen in hoofdletters of spaties: ze gelden als die respondent; schrijf elke code op één manier om zeker te zijn",
		file, len(rename))
}
