package pipeline

import "github.com/samenspel/samenspel/pipeline/model"

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
	waveless := map[string]int{} // id -> its respondent without a wave
	waved := false
	for i, r := range d.Respondents {
		if r.Wave == "" {
			waveless[r.ID] = i
		} else {
			waved = true
		}
	}
	if !waved {
		return
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
