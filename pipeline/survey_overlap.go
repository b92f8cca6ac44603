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
func (s *Study) surveyOptions(f string, in Input, cb *codebook.Codebook, table *tableIDs) ingest.Options {
	opt := s.options(in, cb, nil)
	opt.Source = s.Rel(f)
	if table != nil { // a survey id the table has written otherwise: ingest/survey_tableids.go
		opt.TableIDs, opt.KnownKeys = table.ids, table.keys
	}
	return opt
}

// tableIDs are the respondents table's ids, as written and by key (idSpellings.tableKeys).
type tableIDs struct {
	ids  map[string]bool
	keys map[string]string
}

// sameExports finds the responses that two exports of one survey in one wave both hold
// (attack 14, F02). LimeSurvey and Forms export every response so far each time, and
// number them 1, 2, 3, ... in the survey: an interim export and the final one saved in
// one folder (results-survey123456 (1).csv beside results-survey123456.csv) hold the
// first responses twice. Since each file's response numbers are read with the file in
// front (ingest.Options.Source), nothing else would notice, and every statistic would
// count those responses twice.
//
// The rows of one response are found as survey_overlap_versions.go says (by number and
// start time or seed, or by number and every cell where only a submit time tells
// responses apart; never across two survey IDs). Where they are the same, every cell, the
// response is kept once, in the file that holds the most responses (the final export;
// at a tie the earlier file of the study); where they differ, the later version is kept
// (latestVersion). The other rows are rejected: the file is read again with
// Options.SameResponses and Options.OlderResponses, a reject naming where the response
// is counted, FileCount's SameResponses (no loss, so no exit status 3), and one warning
// per pair of files. The run stops only where the two files contradict each other
// (versionDirections) or nothing tells which of two versions is the later, naming both
// files and rows. The same response, every cell, in two waves' files (a survey used
// again whose export still holds the earlier wave's responses) is warned about, and
// counted in both: which wave it belongs to is for the researcher to say.
func sameExports(s *Study, cb *codebook.Codebook, files []inputFile, sets []model.Dataset, table *tableIDs) ([]error, error) {
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
	rel := func(i int) string { return s.Rel(files[i].path) }
	sid := make([]string, len(sets))
	for i := range sets {
		sid[i] = surveyID(files[i].path)
	}
	groups := groupResponses(sets, order, sid)
	dirs, err := versionDirections(groups, rel)
	if err != nil {
		return nil, err
	}
	same := make(map[int]map[int]string)  // set -> line -> the file where it is counted
	older := make(map[int]map[int]string) // the same for older versions
	pairs := map[[2]int]int{}             // (kept set, set) -> responses
	versions := map[[2]int]int{}          // (kept set, set) -> older versions
	mark := func(m map[int]map[int]string, set, line int, place string) {
		if m[set] == nil {
			m[set] = map[int]string{}
		}
		m[set][line] = place
	}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		kept, err := latestVersion(g, sets, dirs, rel)
		if err != nil {
			return nil, err
		}
		if kept.p.Unread {
			continue // no version is read (each one incomplete): nothing counts twice
		}
		for _, m := range g {
			switch {
			case m == kept:
			case m.p.Same == kept.p.Same:
				mark(same, m.set, m.p.Line, rel(kept.set))
				pairs[[2]int{kept.set, m.set}]++
			default:
				mark(older, m.set, m.p.Line, rel(kept.set))
				versions[[2]int{kept.set, m.set}]++
			}
		}
	}
	across := acrossWaves(sets, order, sid)
	alike := lookalikes(sets, order, sid)
	left := leftOutOfLater(sets, pairs, versions) // before the files are read again
	reread := map[int]bool{}
	for i := range same {
		reread[i] = true
	}
	for i := range older {
		reread[i] = true
	}
	for i := range reread {
		opt := s.surveyOptions(files[i].path, files[i].input, cb, table)
		opt.SameResponses, opt.OlderResponses = same[i], older[i]
		ds, err := ingest.ReadSurvey(files[i].path, opt)
		if err != nil {
			return nil, err
		}
		sets[i] = ds
	}
	var warnings []error
	for k, n := range pairs {
		warnings = append(warnings, model.Reasonf("%[1]d response(s) of %[2]s are in %[3]s too, every cell the same (an interim and a final export of one survey?): each is counted once, from %[3]s; the rows of %[2]s are in rejects.csv",
			"%[1]d respons(en) van %[2]s staan ook in %[3]s, elke cel gelijk (een tussentijdse en een definitieve export van één vragenlijst?): elk telt één keer, uit %[3]s; de regels van %[2]s staan in rejects.csv",
			n, rel(k[1]), rel(k[0])))
	}
	for k, n := range versions {
		warnings = append(warnings, versionWarning(n, rel(k[1]), rel(k[0])))
	}
	for k, n := range alike {
		warnings = append(warnings, lookalikeWarning(n, rel(k[1]), rel(k[0])))
	}
	for k, n := range left {
		warnings = append(warnings, model.Reasonf("%[1]d response(s) of %[2]s are not in %[3]s, which holds the other %[4]d of its responses (an interim export, whose responses were edited or deleted since? Google Forms gives an edited response a new time and its new answers): they are counted as more respondents; where %[2]s is an earlier export of %[3]s, read %[3]s alone",
			"%[1]d respons(en) van %[2]s staan niet in %[3]s, dat de andere %[4]d van zijn responsen bevat (een tussentijdse export, waarvan responsen sindsdien zijn bewerkt of verwijderd? Google Forms geeft een bewerkte respons een nieuwe tijd en de nieuwe antwoorden): ze tellen als meer respondenten; als %[2]s een eerdere export van %[3]s is, lees dan alleen %[3]s",
			n[0], rel(k[1]), rel(k[0]), n[1]))
	}
	for k, n := range across {
		warnings = append(warnings, model.Reasonf("%[1]d response(s) of %[2]s are in %[3]s too, every cell the same, in another wave: the same responses in two waves (an export of a survey used again that still holds the earlier wave's responses?); each is counted in both waves: keep each response in the export of its own wave (LimeSurvey: filter the export by submit date)",
			"%[1]d respons(en) van %[2]s staan ook in %[3]s, elke cel gelijk, in een andere meting: dezelfde responsen in twee metingen (een export van een opnieuw gebruikte vragenlijst die de responsen van de eerdere meting nog bevat?); elk telt in beide metingen: houd elke respons in de export van haar eigen meting (LimeSurvey: filter de export op datum van verzenden)",
			n, rel(k[1]), rel(k[0])))
	}
	sort.Slice(warnings, func(a, b int) bool { return warnings[a].Error() < warnings[b].Error() })
	return warnings, nil
}

// acrossWaves counts, per pair of files (earlier in order first), the responses whose
// number and every cell a file of another wave holds too (of a survey the names do not
// say is another).
func acrossWaves(sets []model.Dataset, order []int, sid []string) map[[2]int]int {
	type anyKey struct {
		number string
		same   uint64
	}
	type inWave struct {
		set  int
		wave string
	}
	byAny := map[anyKey]inWave{}
	across := map[[2]int]int{}
	for _, i := range order {
		for _, p := range sets[i].Prints {
			if p.Unread {
				continue
			}
			k := anyKey{p.Number, p.Same}
			// A panel answers in two waves; an id export's row is the same response
			// in two waves only where its stamps say when it was taken (readers15).
			if !p.ByNumber && !p.HasStamp {
				continue
			}
			r, ok := byAny[k]
			if !ok {
				byAny[k] = inWave{i, p.Wave}
				continue
			}
			if r.wave != p.Wave && r.set != i && (sid[i] == "" || sid[r.set] == "" || sid[i] == sid[r.set]) {
				across[[2]int{r.set, i}]++
			}
		}
	}
	return across
}

// leftOutOfLater counts, per pair of files (kept set, other set) of which most of the
// other's responses are in the kept one (the same, or an older version of it), the other's
// responses the kept one does not hold: where an interim export is mostly in the final
// one, the rest are responses edited or deleted since (Google Forms has no response
// number, so an edited response is another row), counted as more respondents; attack 17
// F07: 34 respondents of a survey of 30, and only the 16 identical ones were warned about.
func leftOutOfLater(sets []model.Dataset, pairs, versions map[[2]int]int) map[[2]int][2]int {
	out := map[[2]int][2]int{} // (kept, other) -> (responses not in kept, responses in it)
	for k, n := range pairs {
		n += versions[k]
		rows := len(sets[k[1]].Prints)
		if rest := rows - n; rest > 0 && 2*n >= rows {
			out[k] = [2]int{rest, n}
		}
	}
	for k, n := range versions {
		if _, ok := pairs[k]; ok {
			continue
		}
		rows := len(sets[k[1]].Prints)
		if rest := rows - n; rest > 0 && 2*n >= rows {
			out[k] = [2]int{rest, n}
		}
	}
	return out
}
