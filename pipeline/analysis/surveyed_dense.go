package analysis

import "github.com/samenspel/samenspel/pipeline/protected"

// surveyedNumbers are Surveyed and the respondents of Sampled by respondent number.
type surveyedNumbers struct {
	surveyed []int32         // the surveyed respondents' numbers, ascending
	unknown  map[string]bool // surveyed keys that name no respondent of the dataset
	sampled  []int32         // the numbers of Sampled's respondents, ascending
}

// surveyedByNumber returns Surveyed and Sampled as respondent numbers, without a set of
// 100,000 keys made and looked up again for each (on a national study the sets were
// most of the time of Populations and Sample, and grew faster than the study). It
// applies where a key names one respondent and that respondent's key is the key: no two
// respondents share a key (uniqueKeys) and no respondent has a wave (then no bare
// pseudonym stands for a person's first respondent); ok is false otherwise, and the
// callers use the sets of keys.
func (in *Input) surveyedByNumber() (s surveyedNumbers, ok bool) {
	if !in.uniqueKeys || in.waves {
		return s, false
	}
	mark := make([]bool, len(in.Data.Respondents))
	add := func(key string) {
		if n := in.respondentNumber(key); n != noRespondent {
			mark[n] = true
			return
		}
		if s.unknown == nil {
			s.unknown = map[string]bool{}
		}
		s.unknown[key] = true
	}
	// As Surveyed (without waves every row is of the latest, only, wave).
	sv := &in.Data.Survey
	nums := in.surveyRowNumbers() // each row's key's number, as add would find it
	for r, answered := range sv.AnsweredRows() {
		if !answered {
			continue
		}
		if n := nums[r]; n != noRespondent {
			mark[n] = true
		} else {
			add(protected.Key(sv.Respondents[r], sv.Waves[r]))
		}
	}
	for _, a := range sv.Extra {
		add(protected.Key(a.Respondent, a.Wave))
	}
	// As eachSampled: a respondent surveyed or interviewed.
	for i, m := range mark {
		if m {
			s.surveyed = append(s.surveyed, int32(i))
		}
		if m || in.Interviewed[in.Data.Respondents[i].Pseudonym] {
			s.sampled = append(s.sampled, int32(i))
		}
	}
	return s, true
}
