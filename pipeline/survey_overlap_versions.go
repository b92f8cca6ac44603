package pipeline

import (
	"path/filepath"
	"regexp"
	"strings"

	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/model"
)

// The versions of one response in two exports of a survey (attack 15, F01 to F03, F08).
// sameExports groups the prints of every file (groupResponses): a response is known by
// its wave, number and the stamps that never change once it is begun (start time, seed:
// ResponsePrint.Ident), or, where a file has none of those but a submit time (Google
// Forms' Tijdstempel), by its number and every cell. A group with one row in each of
// two files is one response exported twice. Where the rows differ, one is a later
// version (completed or edited since the other export), and the later one counts
// (latestVersion): the version that was submitted where the other was not, else the one
// changed last (LimeSurvey's datestamp), else the one in the export with more
// responses, as the later export of a survey holds every earlier response and more.
// The run stops only where the files say two things: one response is later in file A
// and another later in file B (versionDirections), or two versions in files of one size
// with nothing to tell them apart.
//
// A response or respondent id that is no count from 1 (Qualtrics' ResponseId, SPSS, an
// id column: ResponsePrint.ByNumber false, readers15) follows the same rule where the
// rows' own times order the versions (Qualtrics' EndDate or RecordedDate); where they
// do not (the same start and end times, other answers) the run stops (the lead's
// decision: such an id names one response, and its size says nothing of which export is
// the later). Without any time column such a row is grouped by its id and every cell,
// so the same id with other answers is left to the rule for a respondent who answered
// twice (the first answer counts, the second is rejected).
//
// Two files are never one survey where their names say two surveys: LimeSurvey names
// an export results-survey<SID>.csv, and two survey IDs (a questionnaire copied for a
// second municipality) are two groups of people, however alike their rows (surveyID).
// Rows without a stamp that tells responses apart (an anonymized survey writes
// 1980-01-01 in every date) and the same number and cells are warned about and counted
// in both: several people give a short Likert survey the same answers.

// limeResults matches the name LimeSurvey gives an export, with a browser's " (1)".
var limeResults = regexp.MustCompile(`(?i)^results-survey([0-9]+)(?: ?\([0-9]+\))?$`)

// surveyID is the survey a file's name says it is an export of (LimeSurvey's SID), or "".
func surveyID(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if m := limeResults.FindStringSubmatch(strings.TrimSpace(base)); m != nil {
		return "limesurvey:" + m[1]
	}
	return ""
}

// printRef is one print of set's file.
type printRef struct {
	set int
	p   *model.ResponsePrint
}

// responseGroup is one response as it is in the files of a wave: at most one row each.
type responseGroup []printRef

// accepts reports whether a print of set may join g: g has no row of set yet, and no
// row of a file whose name says another survey.
func (g responseGroup) accepts(set int, sid []string) bool {
	for _, m := range g {
		if m.set == set || sid[set] != "" && sid[m.set] != "" && sid[set] != sid[m.set] {
			return false
		}
	}
	return true
}

// groupResponses groups the prints of the sets in order (most responses first) by
// response; rows with no usable stamp are left out (lookalikes counts them).
func groupResponses(sets []model.Dataset, order []int, sid []string) []responseGroup {
	type key struct {
		wave, number string
		hash         uint64
		ident        bool
	}
	// A key's first group by index, its further ones (a second row of one response in a
	// file) by more: one map entry and no slice per response, and each group's first
	// row in one array (twice the national study's 200,000 rows took 0.18 s of CPU here,
	// the survey's reading done and the run waiting).
	total := 0
	for _, i := range order {
		total += len(sets[i].Prints)
	}
	groups := make([]responseGroup, 0, total)
	index := make(map[key]int32, total)
	more := map[key][]int32{}
	firsts := make([]printRef, total)
	add := func(ref printRef) {
		firsts[len(groups)] = ref
		groups = append(groups, firsts[len(groups):len(groups)+1:len(groups)+1])
	}
	for _, i := range order {
		for k := range sets[i].Prints {
			p := &sets[i].Prints[k]
			var g key
			switch {
			case p.HasIdent:
				g = key{p.Wave, p.Number, p.Ident, true}
			case p.HasStamp || !p.ByNumber: // an id names one respondent, stamped or not
				g = key{p.Wave, p.Number, p.Same, false}
			default:
				continue
			}
			ref := printRef{i, p}
			first, ok := index[g]
			if !ok {
				index[g] = int32(len(groups))
				add(ref)
				continue
			}
			placed := false
			for _, n := range append([]int32{first}, more[g]...) {
				if groups[n].accepts(i, sid) {
					groups[n] = append(groups[n], ref)
					placed = true
					break
				}
			}
			if !placed {
				more[g] = append(more[g], int32(len(groups)))
				add(ref)
			}
		}
	}
	return groups
}

// laterOf says which of two versions of a response the rows themselves say is the
// later: 1 a, -1 b, 0 neither (ingest.LaterVersion, which the sheets of one workbook
// share: readers16).
func laterOf(a, b *model.ResponsePrint) int { return ingest.LaterVersion(a, b) }

// direction is what the rows of one response say about two files: later is the file
// whose version is the later, a and b the two versions.
type direction struct {
	later int
	a, b  printRef
}

// pairOf is the key of two sets, the smaller first.
func pairOf(a, b int) [2]int {
	if a > b {
		a, b = b, a
	}
	return [2]int{a, b}
}

// versionDirections gathers, per pair of files, which one the rows say holds the later
// versions (laterOf), and stops where two responses say the opposite.
func versionDirections(groups []responseGroup, rel func(int) string) (map[[2]int]direction, error) {
	dirs := map[[2]int]direction{}
	for _, g := range groups {
		for x := 0; x < len(g); x++ {
			for y := x + 1; y < len(g); y++ {
				a, b := g[x], g[y]
				if a.p.Same == b.p.Same {
					continue
				}
				later := a.set
				switch laterOf(a.p, b.p) {
				case 0:
					continue
				case -1:
					later = b.set
				}
				k := pairOf(a.set, b.set)
				d, ok := dirs[k]
				if !ok {
					dirs[k] = direction{later, a, b}
					continue
				}
				if d.later != later {
					return nil, contradiction(d, direction{later, a, b}, rel)
				}
			}
		}
	}
	return dirs, nil
}

// rows returns the version of d in its later file and the other one.
func (d direction) rows() (later, earlier printRef) {
	if d.a.set == d.later {
		return d.a, d.b
	}
	return d.b, d.a
}

// contradiction is the stop where one response is later in one file and another in the
// other: the files are no earlier and later export of one survey.
func contradiction(d, e direction, rel func(int) string) error {
	l1, e1 := d.rows()
	l2, e2 := e.rows()
	return model.Reasonf("%[1]s and %[2]s are not an earlier and a later export of one survey: response %[3]s is later in %[1]s (row %[4]d; completed or changed after row %[5]d of %[2]s), but response %[6]s is later in %[2]s (row %[7]d; completed or changed after row %[8]d of %[1]s); keep only the export to be analysed in the study",
		"%[1]s en %[2]s zijn geen eerdere en latere export van één vragenlijst: respons %[3]s is later in %[1]s (regel %[4]d; voltooid of gewijzigd na regel %[5]d van %[2]s), maar respons %[6]s is later in %[2]s (regel %[7]d; voltooid of gewijzigd na regel %[8]d van %[1]s); laat alleen de export die geanalyseerd moet worden in het onderzoek staan",
		rel(l1.set), rel(e1.set), l1.p.Number, l1.p.Line, e1.p.Line, l2.p.Number, l2.p.Line, e2.p.Line)
}

// latestVersion is the version of g that counts: the later by its rows (laterOf), else
// by what the other responses of the two files say (dirs), else the one in the file
// with more responses. Two versions in files of one size with nothing else to tell
// them apart stop the run, naming both rows.
func latestVersion(g responseGroup, sets []model.Dataset, dirs map[[2]int]direction, rel func(int) string) (printRef, error) {
	best := g[0]
	for _, m := range g[1:] {
		if m.p.Same == best.p.Same {
			continue
		}
		switch laterOf(m.p, best.p) {
		case 1:
			best = m
			continue
		case -1:
			continue
		}
		if best.p.Unordered != "" || m.p.Unordered != "" {
			if !m.p.ByNumber || !best.p.ByNumber || dirs[pairOf(m.set, best.set)] == (direction{}) && len(sets[m.set].Prints) == len(sets[best.set].Prints) {
				return best, unorderedDates(best, m, rel)
			}
		}
		if !m.p.ByNumber || !best.p.ByNumber {
			return best, sameIDOtherAnswers(best, m, rel)
		}
		if d, ok := dirs[pairOf(m.set, best.set)]; ok {
			if d.later == m.set {
				best = m
			}
			continue
		}
		switch nm, nb := len(sets[m.set].Prints), len(sets[best.set].Prints); {
		case nm > nb:
			best = m
		case nm == nb:
			return best, model.Reasonf("%[1]s row %[2]d and %[3]s row %[4]d hold two versions of one response (number %[5]s, begun at the same time or with the same seed) with other answers, and nothing tells which is the later: both files hold %[6]d responses, and neither version was completed or changed after the other; keep only the export to be analysed in the study",
				"%[1]s regel %[2]d en %[3]s regel %[4]d bevatten twee versies van één respons (nummer %[5]s, op dezelfde tijd of met dezelfde seed begonnen) met andere antwoorden, en niets zegt welke de latere is: beide bestanden bevatten %[6]d responsen, en geen van beide versies is na de andere voltooid of gewijzigd; laat alleen de export die geanalyseerd moet worden in het onderzoek staan",
				rel(best.set), best.p.Line, rel(m.set), m.p.Line, m.p.Number, nm)
		}
	}
	return best, nil
}

// sameIDOtherAnswers is the stop where two rows of one response id (no count from 1) and
// the same times hold other answers (readers15's message).
func sameIDOtherAnswers(a, b printRef, rel func(int) string) error {
	return model.Reasonf("%[1]s row %[2]d and %[3]s row %[4]d hold the same response (number %[5]s, started and submitted at the same time) with other answers: one export holds an older version of it; keep only the export to be analysed in the study",
		"%[1]s regel %[2]d en %[3]s regel %[4]d bevatten dezelfde respons (nummer %[5]s, op dezelfde tijd begonnen en verstuurd) met andere antwoorden: de ene export bevat een oudere versie ervan; laat alleen de export die geanalyseerd moet worden in het onderzoek staan",
		rel(a.set), a.p.Line, rel(b.set), b.p.Line, b.p.Number)
}

// unorderedDates is the stop where two versions of a response hold other answers and
// their times do not say which is the later, because a column writes its dates day and
// month in an order nothing in its file says (ingest/survey_stamp_dates.go: every day
// 1 to 12).
func unorderedDates(a, b printRef, rel func(int) string) error {
	col := a.p.Unordered
	if col == "" {
		col = b.p.Unordered
	}
	return model.Reasonf("%[1]s row %[2]d and %[3]s row %[4]d hold two versions of response %[5]s with other answers, and their times in column %[6]q (%[7]q, %[8]q) do not say which is the later: the column writes its dates without the year first, and no day above 12 in it says whether the day or the month comes first; export the survey again (Qualtrics and LimeSurvey write the year first), or keep only the export to be analysed in the study",
		"%[1]s regel %[2]d en %[3]s regel %[4]d bevatten twee versies van respons %[5]s met andere antwoorden, en hun tijden in kolom %[6]q (%[7]q, %[8]q) zeggen niet welke de latere is: de kolom schrijft haar datums niet met het jaar voorop, en geen dag boven 12 erin zegt of de dag of de maand eerst staat; exporteer de vragenlijst opnieuw (Qualtrics en LimeSurvey schrijven het jaar voorop), of laat alleen de export die geanalyseerd moet worden in het onderzoek staan",
		rel(a.set), a.p.Line, rel(b.set), b.p.Line, b.p.Number, col, shownStamp(a.p), shownStamp(b.p))
}

// shownStamp is the time of a version the stop shows: its last change where that is
// not written from the year on, else its submit time.
func shownStamp(p *model.ResponsePrint) string {
	if p.LastAction != "" && len(ingest.StampReadings(p.LastAction)) != 1 {
		return p.LastAction
	}
	return p.SubmitTime
}

// lookalikes counts, per pair of files (the one with more responses first), the rows
// without a stamp that tells responses apart whose number and every cell a row of the
// other file has too, in the same wave: maybe the same response twice, maybe two people
// who answered alike; nothing says which, so both count, with a warning.
func lookalikes(sets []model.Dataset, order []int, sid []string) map[[2]int]int {
	type key struct {
		wave, number string
		same         uint64
	}
	first := map[key][]int{}
	out := map[[2]int]int{}
	for _, i := range order {
		seen := map[key]bool{}
		for k := range sets[i].Prints {
			p := &sets[i].Prints[k]
			if p.HasStamp || p.Unread || !p.ByNumber { // an id's rows are grouped (groupResponses)
				continue
			}
			g := key{p.Wave, p.Number, p.Same}
			for _, j := range first[g] {
				if j != i && (sid[i] == "" || sid[j] == "" || sid[i] == sid[j]) {
					out[[2]int{j, i}]++
					break
				}
			}
			if !seen[g] {
				seen[g] = true
				first[g] = append(first[g], i)
			}
		}
	}
	return out
}

// versionWarning says that n rows of older are older versions of responses in later.
func versionWarning(n int, older, later string) error {
	return model.Reasonf("%[1]d response(s) of %[2]s are in %[3]s in another version (the same number and start time or seed, other answers): the later version counts, from %[3]s (submitted or changed after the other, or else in the export that holds more responses, the later export); the rows of %[2]s are in rejects.csv",
		"%[1]d respons(en) van %[2]s staan in %[3]s in een andere versie (hetzelfde nummer en dezelfde begintijd of seed, andere antwoorden): de latere versie telt, uit %[3]s (na de andere verstuurd of gewijzigd, of anders in de export met de meeste responsen, de latere export); de regels van %[2]s staan in rejects.csv",
		n, older, later)
}

// lookalikeWarning says that n rows of b have the number and cells of rows of a.
func lookalikeWarning(n int, b, a string) error {
	return model.Reasonf("%[1]d response(s) of %[2]s have the number and every cell of one in %[3]s, but neither file tells its responses apart by a time or seed (dates anonymized, no seed column): they may be other people who answered alike, and each is counted; if %[2]s is an earlier export of the survey of %[3]s, leave it out of the study",
		"%[1]d respons(en) van %[2]s hebben het nummer en elke cel van een respons in %[3]s, maar geen van beide bestanden onderscheidt zijn responsen met een tijd of seed (datums geanonimiseerd, geen kolom seed): het kunnen andere mensen zijn die hetzelfde antwoordden, en elk telt; is %[2]s een eerdere export van de vragenlijst van %[3]s, laat haar dan uit het onderzoek",
		n, b, a)
}
