package pipeline

import (
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// inWave puts an interviews file's dataset in the wave of its input entry (study.yaml's
// wave): its respondents and segments get it. (A survey reader puts its rows in their
// waves itself, from Options.Wave and the wave column.) Segment ids get the wave in front, so that the same export id in two
// waves ("R01-03" in the interviews of 2024 and of 2025) names two segments, and the
// codings follow their segments. An empty wave changes nothing.
func inWave(ds *model.Dataset, wave string) {
	if wave == "" {
		return
	}
	for i := range ds.Respondents {
		if ds.Respondents[i].Wave == "" {
			ds.Respondents[i].Wave = wave
		}
	}
	renamed := map[string]string{}
	for i := range ds.Segments {
		s := &ds.Segments[i]
		if s.Wave == "" {
			s.Wave = wave
			id := wave + "/" + s.ID
			renamed[s.ID] = id
			s.ID = id
		}
	}
	for i := range ds.Codings {
		if id, ok := renamed[ds.Codings[i].Segment]; ok {
			ds.Codings[i].Segment = id
		}
	}
}

// spreadWaveless applies what the respondents table (which has no wave) says about a
// person to that person in every wave: a respondent without a wave whose id occurs in a
// wave is merged into each of its waves' respondents, its own fields first (as a
// respondents table's role and municipality win over a survey's in a study without
// waves), and is dropped when no segment or answer of its own (without a wave) is left to
// it. A study without waves is left as it is.
func spreadWaveless(d *model.Dataset) {
	waved := false
	for i := range d.Respondents {
		if d.Respondents[i].Wave != "" {
			waved = true
			break
		}
	}
	if !waved {
		return
	}
	waveless := map[string]int{} // id -> its respondent without a wave
	for i, r := range d.Respondents {
		if r.Wave == "" {
			waveless[r.ID] = i
		}
	}
	spread := map[string]bool{}
	for i, r := range d.Respondents {
		j, ok := waveless[r.ID]
		if r.Wave == "" || !ok {
			continue
		}
		w := d.Respondents[j]
		w.Attributes = copyAttributes(w.Attributes) // each wave's respondent has its own
		m := model.MergeRespondent(w, r)
		m.Wave = r.Wave
		d.Respondents[i] = m
		spread[r.ID] = true
	}
	own := map[string]bool{} // ids with a segment or answer without a wave
	for _, s := range d.Segments {
		if s.Wave == "" {
			own[s.Respondent] = true
		}
	}
	for i, k := range d.Survey.Rows {
		if k.Wave == "" && d.Survey.Answered(i) {
			own[k.ID] = true
		}
	}
	for _, a := range d.Survey.Extra {
		if a.Wave == "" {
			own[a.Respondent] = true
		}
	}
	kept := d.Respondents[:0]
	for _, r := range d.Respondents {
		if r.Wave == "" && spread[r.ID] && !own[r.ID] {
			continue
		}
		kept = append(kept, r)
	}
	d.Respondents = kept
}

func copyAttributes(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// mixedWaves refuses a survey of which some rows have a wave and others none (one
// entry with `wave:`, another without, or a wave column left empty): the analysis
// would take a row without a wave as another respondent than the same person in a wave
// (counted twice in the cross-sectional tables) or leave it out of every wave's table,
// and either is a wrong number nobody sees.
func mixedWaves(s *Study, sets []model.Dataset) error {
	var with, without []string
	for _, ds := range sets {
		hasWave, hasNone := false, false
		for _, k := range ds.Survey.Rows {
			if k.Wave != "" {
				hasWave = true
			} else {
				hasNone = true
			}
		}
		name := ""
		if len(ds.Files) > 0 {
			name = s.Rel(ds.Files[0].Path)
		}
		if hasWave {
			with = append(with, name)
		}
		if hasNone {
			without = append(without, name)
		}
	}
	if len(with) == 0 || len(without) == 0 {
		return nil
	}
	return model.Reasonf("%s: survey rows without a wave, while %s has waves: a row without a wave would count its respondent twice or in no wave at all; give every survey entry in study.yaml a wave (wave: 2024), or fill its wave column",
		"%s: rijen van de vragenlijst zonder meting, terwijl %s metingen heeft: een rij zonder meting zou de respondent dubbel of in geen enkele meting tellen; geef elke survey-regel in study.yaml een meting (wave: 2024), of vul de kolom met de meting",
		strings.Join(without, ", "), strings.Join(with, ", "))
}

// mixedInterviewWaves warns of respondents with interview segments in a wave and others
// without one: an interviews entry with wave: beside one without for the same people (a
// coder's file given its wave, the other coder's not), or wave cells left empty where
// the respondent has no row above with one (ingest/segments_wave.go). The segments
// without a wave count with the latest interview wave, but as other segments than the
// same passages in that wave ("s1" beside "2025/s1"), so agreement does not compare the
// two coders there, and the person is a second respondent in the group counts; the run
// said nothing (found by an attack on the wave column of coding tables).
func mixedInterviewWaves(d *model.Dataset) []error {
	const waved, waveless = 1, 2
	has := map[string]uint8{}
	for i := range d.Segments {
		s := &d.Segments[i]
		if s.OpenAnswer || s.Interviewer {
			continue
		}
		if s.Wave == "" {
			has[s.Respondent] |= waveless
		} else {
			has[s.Respondent] |= waved
		}
	}
	n := 0
	for _, h := range has {
		if h == waved|waveless {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	return []error{model.Reasonf(
		"%d respondent(s) have interview segments in a wave and others without one (an interviews entry without wave: beside one with it, or empty wave cells): those without count with the latest wave, but as other segments than that wave's, so agreement does not compare the coders there, a passage in both counts twice, and each such person is two respondents in sample's groups; give every interviews entry (and every row of a wave column) its wave",
		"%d respondent(en) hebben interviewfragmenten in een meting en andere zonder meting (een interviews-regel zonder wave: naast een met, of lege cellen in de kolom van de meting): die zonder tellen mee met de laatste meting, maar als andere fragmenten dan die van die meting, dus de overeenstemming vergelijkt de codeurs daar niet, een passage in beide telt twee keer, en zo iemand is twee respondenten in de groepen van sample; geef elke interviews-regel (en elke regel van een kolom met de meting) zijn meting",
		n)}
}
