package ingest

import (
	"strconv"

	"github.com/samenspel/samenspel/pipeline/model"
)

// One coded-segment file may number each interview's segments from 1 (a combined export
// of several interviews), so that two respondents' rows share a segment id. Such rows
// are two segments, as Dataset.Merge keeps them apart across files (model.SameSegment
// needs the same respondent): keyed on the id alone, two respondents' short answers with
// the same text ("Ja, dat klopt.") were one segment, and the second respondent's coding
// was counted for the first.

// sharedSegmentIDs holds the segments of a file whose id a segment of another
// respondent had first; the zero value is empty and costs nothing, so the common file
// (one respondent per id) pays one comparison of respondents per row.
type sharedSegmentIDs struct {
	index map[[2]string]int // (respondent, id) -> index in the file's segments
	ids   map[string]bool   // the ids so shared
}

// lookup is the index of respondent's segment under id, if the file had one.
func (s *sharedSegmentIDs) lookup(respondent, id string) (int, bool) {
	i, ok := s.index[[2]string{respondent, id}]
	return i, ok
}

// add records segment seg, respondent's, under an id that another respondent's
// segment has.
func (s *sharedSegmentIDs) add(respondent, id string, seg int) {
	if s.index == nil {
		s.index, s.ids = map[[2]string]int{}, map[string]bool{}
	}
	s.index[[2]string{respondent, id}] = seg
	s.ids[id] = true
}

// rename gives every segment under a shared id the id "id#respondent" (the first
// respondent's segment too), in its codings as well: the new ids depend on the rows'
// contents, not on their order, so that a second coder's export of the same interviews
// gets the same ids and Merge still joins the two coders' segments (double coding). A
// segment's codings are found through the chains of readSegmentTable (last[seg], then
// earlier[c] until -1). Where "id#respondent" is itself an id of the file, "#2", "#3"…
// is added until it is free.
func (s *sharedSegmentIDs) rename(segs []model.Segment, codings []model.Coding, last, earlier []int) {
	if len(s.ids) == 0 {
		return
	}
	taken := make(map[string]bool, len(segs))
	for _, g := range segs {
		taken[g.ID] = true
	}
	for i := range segs {
		if !s.ids[segs[i].ID] {
			continue
		}
		n := segs[i].ID + "#" + segs[i].Respondent
		for k := 2; taken[n]; k++ {
			n = segs[i].ID + "#" + segs[i].Respondent + "#" + strconv.Itoa(k)
		}
		taken[n] = true
		segs[i].ID = n
		for c := last[i]; c >= 0; c = earlier[c] {
			codings[c].Segment = n
		}
	}
}
