package pipeline

import (
	"sort"

	"github.com/samenspel/samenspel/pipeline/model"
)

// Respondents without a usable interview. A transcript (or any interviews file) whose
// every row is rejected (no speaker known as the interviewer, a file name that names no
// respondent fitting the table) or that holds no text still names its respondent, who
// then has no segment. Such a respondent is not interviewed: the summary and the
// report's sample paragraph do not count them among the respondents (unless a survey
// counts them) and say how many were left out and which files held nothing usable.
// The respondent stays in the dataset, so pseudonyms and every table are as before.

// unusableInterviews returns, per respondent id that an interviews file names but that
// has no segment of their own, the indices in d.Files of the interviews files that
// named them. It is called once the interviews are merged into d.
func unusableInterviews(d *model.Dataset, interviews []model.Dataset, interviewed map[string]bool) map[string][]int {
	index := make(map[string]int, len(d.Files))
	for i, f := range d.Files {
		if _, ok := index[f.Path]; !ok {
			index[f.Path] = i
		}
	}
	out := map[string][]int{}
	for _, ds := range interviews {
		for _, r := range ds.Respondents {
			if interviewed[r.ID] {
				continue
			}
			if i, ok := index[r.Source]; ok {
				out[r.ID] = appendOnce(out[r.ID], i)
			}
		}
	}
	return out
}

func appendOnce(list []int, i int) []int {
	for _, j := range list {
		if j == i {
			return list
		}
	}
	return append(list, i)
}

// unusableByPseudonym rekeys unusableInterviews' map from real ids to the published
// pseudonyms, by the pseudonym key (real id → pseudonym, as the disclosure decision
// renamed it).
func unusableByPseudonym(m map[string][]int, key [][2]string) map[string][]int {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string][]int, len(m))
	for _, k := range key {
		if files, ok := m[k[0]]; ok {
			out[k[1]] = files
		}
	}
	return out
}

// notInterviewed reports whether the person with pseudonym p, not surveyed, is left out
// of the summary's respondents for want of a usable interview, and counts them and
// their files in s.
func (s *Summary) notInterviewed(p string, surveyed bool) bool {
	files, ok := s.unusable[p]
	if !ok || surveyed {
		return false
	}
	s.NotInterviewed++
	for _, i := range files {
		s.notInterviewedFiles = appendOnce(s.notInterviewedFiles, i)
	}
	sort.Ints(s.notInterviewedFiles)
	return true
}

// NotInterviewedFiles are the inputs (as the summary shows them: redacted) that named
// a respondent left out for want of a usable interview, each with its counts.
func (s *Summary) NotInterviewedFiles() []model.FileCount {
	var out []model.FileCount
	for _, i := range s.notInterviewedFiles {
		if i < len(s.Files) {
			out = append(out, s.Files[i])
		}
	}
	return out
}
