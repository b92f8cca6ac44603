package model

import (
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Segment ids are unique only within the input that numbered them: a file per interview,
// a sheet per interview, a folder per interview or an ATLAS.ti project per municipality
// each number their segments from 1. Codings name their segment by id, so when Merge
// joins two inputs a segment id that both hold is one segment only where it really is
// the same one: two coders' exports of the same documents (the double coding that
// agreement needs). Everything else is kept apart.

// SameSegment reports whether a and b, read from two inputs under one id, are the same
// segment: the same respondent in the same wave, the same kind (interview or open
// answer), the same document where both name one (case aside), and the same text up to
// white space (the test one file applies to a reused id, ErrSegmentConflict in ingest).
func SameSegment(a, b Segment) bool {
	return a.Respondent == b.Respondent && a.Wave == b.Wave && a.OpenAnswer == b.OpenAnswer &&
		(a.Document == "" || b.Document == "" || strings.EqualFold(strings.TrimSpace(a.Document), strings.TrimSpace(b.Document))) &&
		(a.Text == b.Text || collapseSpace(a.Text) == collapseSpace(b.Text))
}

// collapseSpace trims s and turns each run of white space into one space (ingest's
// collapseSpace; kept here so that model imports nothing of the readers).
func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// separateSegments gives each segment of other whose id names another segment in d
// (SameSegment is false) an id of its own, in its codings too, so that other's codings
// stay on other's segments. It returns other with the new ids (its segment and coding
// slices copied first where anything changes, as they may be shared with the caller)
// and the number of segments kept apart that had the same respondent (a likely second
// coder's export whose text differs: the caller warns).
//
// Cost: one look-up per segment of d in a map of other's ids; the full sets of ids are
// made only when a segment has to be renamed.
func separateSegments(d []Segment, other Dataset) (Dataset, int) {
	if len(d) == 0 || len(other.Segments) == 0 {
		return other, 0
	}
	ids := make(map[string]int, len(other.Segments)) // other's id -> its first segment
	for i, s := range other.Segments {
		if _, ok := ids[s.ID]; !ok {
			ids[s.ID] = i
		}
	}
	first := map[string]int{} // an id both hold -> d's first segment of it
	for i, s := range d {
		if _, ok := ids[s.ID]; !ok {
			continue
		}
		if _, ok := first[s.ID]; !ok {
			first[s.ID] = i
		}
	}
	renamed := map[string]string{}
	sameRespondent := 0
	for id, j := range first {
		a, b := d[j], other.Segments[ids[id]]
		if SameSegment(a, b) {
			continue
		}
		if a.Respondent == b.Respondent && a.Wave == b.Wave {
			sameRespondent++
		}
		renamed[id] = ""
	}
	if len(renamed) == 0 {
		return other, 0
	}
	taken := make(map[string]bool, len(d)+len(other.Segments))
	for _, s := range d {
		taken[s.ID] = true
	}
	for _, s := range other.Segments {
		taken[s.ID] = true
	}
	for _, id := range slices.Sorted(maps.Keys(renamed)) { // sorted: the same ids every run
		renamed[id] = freeID(id, taken)
	}
	other.Segments, other.Codings = renameSegmentIDs(other, renamed)
	return other, sameRespondent
}

// freeID is an id for a segment kept apart: its id as exported with the first free
// number after it ("1#2"). It depends on the inputs alone, never on where the study
// lies, as segment ids go into the study's salt (pipeline/salt.go). Segment ids never
// reach an output (the protect stage numbers segments per pseudonym), so this is only
// for telling the segments apart.
func freeID(id string, taken map[string]bool) string {
	for k := 2; ; k++ {
		if n := id + "#" + strconv.Itoa(k); !taken[n] {
			taken[n] = true
			return n
		}
	}
}

// ErrSegmentsApart is the reason of the warning that segments of one respondent, read
// from two inputs under one id, have different texts and are kept as two segments.
var ErrSegmentsApart = NewKind("segments kept apart", "fragmenten apart gehouden")

// segmentsApartWarning is the warning for n segments of one respondent that share an
// id with a segment read before but not its text (or document): a second coder's export
// of an edited transcript, or two interviews of one person each numbered from 1.
func segmentsApartWarning(file string, n int) Warning {
	return Warning{File: file, Err: Reasonf(
		"%w: %d segment(s) have the id of a segment of the same respondent in a file read before, but another text or document: they are counted as different segments, so the coders' agreement does not compare them; if they are one segment, export both from the same transcript",
		"%v: %d fragment(en) hebben de code van een fragment van dezelfde respondent in een eerder gelezen bestand, maar een andere tekst of een ander document: ze tellen als verschillende fragmenten, dus de overeenstemming tussen codeurs vergelijkt ze niet; als het één fragment is, exporteer beide uit hetzelfde transcript",
		ErrSegmentsApart, n)}
}

// A coded-segment file that numbers each interview from 1 gives two respondents' segments
// under one id the ids "id#respondent" (ingest, segment_ids_shared.go). A second coder who
// coded one of those interviews only exports it under the plain id: joinQualified gives
// the one the other's id where the segments are the same (SameSegment), so that the
// agreement still compares the two coders (attack 12 F1).
//
// Cost: each segment of d is looked at once over all merges of a Merger (whether its id
// ends in "#" and its respondent); d's plain ids are indexed only when other holds a
// qualified id.

// joinQualified returns other with the ids of its segments renamed to d's where one is
// the other qualified by the respondent ("1" and "1#R02", the same segment).
func (m *Merger) joinQualified(other Dataset) Dataset {
	d := m.d.Segments
	if m.scanned > len(d) {
		m.shared, m.scanned = nil, 0 // d's segments changed beside the Merger
	}
	for i := m.scanned; i < len(d); i++ {
		if qualified(d[i]) {
			if m.shared == nil {
				m.shared = map[string]int{}
			}
			if _, ok := m.shared[d[i].ID]; !ok {
				m.shared[d[i].ID] = i
			}
		}
	}
	m.scanned = len(d)
	if len(d) == 0 || len(other.Segments) == 0 {
		return other
	}
	renamed := map[string]string{}
	var plain map[string]int // d's ids, made only for other's qualified ids
	for _, s := range other.Segments {
		if _, done := renamed[s.ID]; done {
			continue
		}
		if m.shared != nil { // else d holds no qualified id to look up
			if i, ok := m.shared[s.ID+"#"+s.Respondent]; ok && SameSegment(d[i], s) {
				renamed[s.ID] = d[i].ID // plain here, qualified in d
				continue
			}
		}
		base, ok := strings.CutSuffix(s.ID, "#"+s.Respondent)
		if !ok || base == "" {
			continue
		}
		if plain == nil {
			plain = make(map[string]int, len(d))
			for i := len(d) - 1; i >= 0; i-- {
				plain[d[i].ID] = i
			}
		}
		if i, ok := plain[base]; ok && SameSegment(d[i], s) {
			renamed[s.ID] = base // qualified here, plain in d
		}
	}
	if len(renamed) == 0 {
		return other
	}
	// A segment whose new id other holds already stays as it was: the two would be joined.
	held := make(map[string]bool, len(other.Segments))
	for _, s := range other.Segments {
		held[s.ID] = true
	}
	for from, to := range renamed {
		if _, moved := renamed[to]; held[to] && !moved {
			delete(renamed, from)
		}
	}
	other.Segments, other.Codings = renameSegmentIDs(other, renamed)
	return other
}

// qualified reports whether s's id ends in "#" and its respondent ("1#R02"), without
// building that string (a transcript's turns, "doc#3", are not, but for a respondent "3").
func qualified(s Segment) bool {
	n, r := len(s.ID), len(s.Respondent)
	return r > 0 && n > r+1 && s.ID[n-r-1] == '#' && s.ID[n-r:] == s.Respondent
}

// renameSegmentIDs returns copies of d's segments and codings with the segment ids in
// renamed replaced (the dataset d came from keeps its own).
func renameSegmentIDs(d Dataset, renamed map[string]string) ([]Segment, []Coding) {
	segs := make([]Segment, len(d.Segments))
	copy(segs, d.Segments)
	for i := range segs {
		if n, ok := renamed[segs[i].ID]; ok {
			segs[i].ID = n
		}
	}
	codings := make([]Coding, len(d.Codings))
	copy(codings, d.Codings)
	for i := range codings {
		if n, ok := renamed[codings[i].Segment]; ok {
			codings[i].Segment = n
		}
	}
	return segs, codings
}
