package pipeline

import (
	"cmp"
	"slices"
	"sort"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/model"
)

// surveyOptions are the reader's options for one survey file: its entry's, with the file
// as the study names it (unique in the study: the prefix of response numbers).
func (s *Study) surveyOptions(f string, in Input, cb *codebook.Codebook) ingest.Options {
	opt := s.options(in, cb, nil)
	opt.Source = s.Rel(f)
	return opt
}

// sameExports finds the responses that two exports of one survey in one wave both hold
// (attack 14, F02). LimeSurvey and Forms export every response so far each time, and
// number them 1, 2, 3, ... in the survey: an interim export and the final one saved in
// one folder (results-survey123456 (1).csv beside results-survey123456.csv) hold the
// first responses twice. Since each file's response numbers are read with the file in
// front (ingest.Options.Source), nothing else would notice, and every statistic would
// count those responses twice.
//
// A response of one file is the same as one of another where the wave, the response
// number, the header and every cell of the row are the same (ResponsePrint.Same): it is
// kept once, in the file that holds the most responses (the final export; at a tie the
// earlier file of the study), and rejected in the other, which is read again with
// Options.SameResponses: a reject naming where the response is counted, FileCount's
// SameResponses (no loss, so no exit status 3), and one warning per pair of files.
// Nothing has to be chosen there: the rows are identical, down to the times and seed the
// tool wrote, so reading both files gives what reading the final one alone gives.
//
// Where the wave, response number and the cells that say when the tool took the
// response (start and submit time, LimeSurvey's seed: ResponsePrint.Stamp) are the same
// but other cells differ, one export holds an older version of the response (edited, or
// completed, since): which one is right only the researcher knows, so the run stops,
// naming both files and rows. The same number with other stamps and other answers is
// another person (two surveys that each number their responses): no overlap. The same
// response, every cell, in two waves' files (a survey used again whose export still
// holds the earlier wave's responses) is warned about, and counted in both: which wave
// it belongs to is for the researcher to say.
func sameExports(s *Study, cb *codebook.Codebook, files []inputFile, sets []model.Dataset) ([]error, error) {
	if err := sameFileInTwoWaves(s, files, sets); err != nil { // survey_wave_copies.go
		return nil, err
	}
	var order []int
	for i := range sets {
		if len(sets[i].Prints) > 0 {
			order = append(order, i)
		}
	}
	if len(order) < 2 {
		return nil, nil
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(len(sets[b].Prints), len(sets[a].Prints)) })
	type sameKey struct {
		wave, number string
		same         uint64
	}
	type stampKey struct {
		wave  string
		stamp uint64
	}
	type ref struct{ set, line int }
	type anyKey struct {
		number string
		same   uint64
	}
	type inWave struct {
		set  int
		wave string
	}
	bySame := map[sameKey]ref{}
	byAny := map[anyKey]inWave{} // the same response in another wave: warned about only
	across := map[[2]int]int{}   // (earlier set, set) -> responses in both, in two waves
	byStamp := map[stampKey]ref{}
	same := make(map[int]map[int]string) // set -> line -> the file where it is counted
	pairs := map[[2]int]int{}            // (kept set, set) -> responses
	rel := func(i int) string { return s.Rel(files[i].path) }
	for _, i := range order {
		var kept []model.ResponsePrint
		for _, p := range sets[i].Prints {
			if r, ok := bySame[sameKey{p.Wave, p.Number, p.Same}]; ok {
				if same[i] == nil {
					same[i] = map[int]string{}
				}
				same[i][p.Line] = rel(r.set)
				pairs[[2]int{r.set, i}]++
				continue
			}
			if r, ok := byStamp[stampKey{p.Wave, p.Stamp}]; ok && p.HasStamp {
				return nil, model.Reasonf("%[1]s row %[2]d and %[3]s row %[4]d hold the same response (number %[5]s, started and submitted at the same time) with other answers: one export holds an older version of it; keep only the export to be analysed in the study",
					"%[1]s regel %[2]d en %[3]s regel %[4]d bevatten dezelfde respons (nummer %[5]s, op dezelfde tijd begonnen en verstuurd) met andere antwoorden: de ene export bevat een oudere versie ervan; laat alleen de export die geanalyseerd moet worden in het onderzoek staan",
					rel(r.set), r.line, rel(i), p.Line, p.Number)
			}
			// A panel answers in two waves; an id export's row is the same response
			// in two waves only where its stamps say when it was taken.
			if r, ok := byAny[anyKey{p.Number, p.Same}]; ok && r.wave != p.Wave && (p.ByNumber || p.HasStamp) {
				across[[2]int{r.set, i}]++
			}
			kept = append(kept, p)
		}
		for _, p := range kept {
			bySame[sameKey{p.Wave, p.Number, p.Same}] = ref{i, p.Line}
			if _, ok := byAny[anyKey{p.Number, p.Same}]; !ok {
				byAny[anyKey{p.Number, p.Same}] = inWave{i, p.Wave}
			}
			if p.HasStamp {
				byStamp[stampKey{p.Wave, p.Stamp}] = ref{i, p.Line}
			}
		}
	}
	var warnings []error
	for i, lines := range same {
		opt := s.surveyOptions(files[i].path, files[i].input, cb)
		opt.SameResponses = lines
		ds, err := ingest.ReadSurvey(files[i].path, opt)
		if err != nil {
			return nil, err
		}
		sets[i] = ds
	}
	for k, n := range pairs {
		warnings = append(warnings, model.Reasonf("%[1]d response(s) of %[2]s are in %[3]s too, every cell the same (an interim and a final export of one survey?): each is counted once, from %[3]s; the rows of %[2]s are in rejects.csv",
			"%[1]d respons(en) van %[2]s staan ook in %[3]s, elke cel gelijk (een tussentijdse en een definitieve export van één vragenlijst?): elk telt één keer, uit %[3]s; de regels van %[2]s staan in rejects.csv",
			n, rel(k[1]), rel(k[0])))
	}
	for k, n := range across {
		warnings = append(warnings, model.Reasonf("%[1]d response(s) of %[2]s are in %[3]s too, every cell the same, in another wave: the same responses in two waves (an export of a survey used again that still holds the earlier wave's responses?); each is counted in both waves: keep each response in the export of its own wave (LimeSurvey: filter the export by submit date)",
			"%[1]d respons(en) van %[2]s staan ook in %[3]s, elke cel gelijk, in een andere meting: dezelfde responsen in twee metingen (een export van een opnieuw gebruikte vragenlijst die de responsen van de eerdere meting nog bevat?); elk telt in beide metingen: houd elke respons in de export van haar eigen meting (LimeSurvey: filter de export op datum van verzenden)",
			n, rel(k[1]), rel(k[0])))
	}
	sort.Slice(warnings, func(a, b int) bool { return warnings[a].Error() < warnings[b].Error() })
	return warnings, nil
}
