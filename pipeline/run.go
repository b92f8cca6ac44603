package pipeline

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/analysis"
	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/progress"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/redact"
	"github.com/samenspel/samenspel/pipeline/results"
)

// Summary is what `analyse run` prints when it is done.
type Summary struct {
	Respondents    int
	Interviewed    int
	Surveyed       int
	ByRole         map[string]int
	ByMunicipality map[string]int
	// ByWave counts the surveyed per wave in a study of two or more waves. The other
	// counts are of people: one measured in two waves counts once.
	ByWave      map[string]int
	Segments    int
	Codings     int
	AutoCodings int
	Answers     int
	Rejected    int // input rows
	// AnswerCells and RejectedCells count the survey's answer cells in accepted rows and
	// those that could not be used; RejectGroups says why, most frequent first.
	AnswerCells   int
	RejectedCells int
	// RejectedOtherCells counts the rejected cells of accepted rows that are no answers
	// (a name, an attribute, an open answer, a cell of a segment or respondents table).
	RejectedOtherCells int
	RejectGroups       []results.RejectGroup
	// Scales counts each scale's answer cells and rejected cells; TooManyRejects lists
	// those whose rejected share is above the study's rejects.max_share.
	Scales         []ScaleRejects
	TooManyRejects []ScaleRejects
	MaxShare       float64
	Files          []model.FileCount
	Unmapped       []Unmapped
	Warnings       []error // in both languages (model.Dutch), redacted
	// NotInterviewed counts the people left out of Respondents for want of a usable
	// interview (unusable.go); NotInterviewedFiles names their files.
	NotInterviewed int
	// TableOnly counts the people of the respondents table with no interview segment and
	// no survey answer: left out of Respondents, as the sample table leaves them out.
	TableOnly int
	// Unanswered counts the survey respondents (not in the respondents table) with no
	// usable answer, every cell rejected or empty: left out of Respondents too.
	Unanswered          int
	unusable            map[string][]int
	notInterviewedFiles []int
}

// Outcome is a finished analysis: the results to write and the summary to print.
type Outcome struct {
	Study    *Study
	Codebook *codebook.Codebook
	// Data is the protected dataset the analysis worked on: pseudonyms, redacted texts.
	Data    protected.Dataset
	Results *results.Results
	Summary Summary
	// Key is the pseudonym key (real id → pseudonym); written only when the study asks.
	Key [][2]string
}

// Execute runs every stage of a study up to the results. A fatal problem (an unreadable
// file, a missing column, a codebook that does not parse) is returned as one error that
// names the file and what is wrong; bad rows become rejects and the run goes on.
func Execute(s *Study, tool string) (*Outcome, error) {
	return ExecuteWith(s, tool, progress.Discard)
}

// ExecuteWith is Execute reporting its stages to rep (a progress bar on a terminal).
func ExecuteWith(s *Study, tool string, rep progress.Reporter) (*Outcome, error) {
	return execute(s, tool, rep, nil)
}

// execute runs the stages. When coded is not nil it is called with the coded dataset,
// before the protect stage, and the run stops there (analyse check).
func execute(s *Study, tool string, rep progress.Reporter, coded func(d *model.Dataset, cb *codebook.Codebook, warnings []error)) (*Outcome, error) {
	if coded == nil {
		redact.Preload() // the name lists, beside the codebook and the reading: run_ahead.go
	}
	cbPath := s.Abs(s.Codebook)
	// The codebook is read once, like every input, and hashed as read.
	cbData, cbSHA, err := ingest.ReadFile(cbPath)
	if err != nil {
		return nil, err
	}
	cb, err := codebook.LoadDataBeside(cbPath, cbData, s.codebookBeside()) // autocode_model.go
	if err != nil {
		return nil, err
	}
	cb = s.codebookModel(cb)                     // autocode.model: false: autocode_model.go
	built := startAutoCoder(s, cb, coded != nil) // beside the reading: run_ahead.go
	out := &Outcome{Study: s, Codebook: cb}
	d := &model.Dataset{}
	merger := d.Merger()
	merge := merger.Merge // one index of the respondents for every file merged, and addMissingRespondents

	// Read: respondents first, so interview rows of unknown respondents are rejected.
	var known map[string]bool
	var knownKeys map[string]string
	ids := idSpellings{} // one id written in two ways: respondent_spellings.go
	if s.Respondents != nil {
		ds, err := ingest.ReadRespondents(s.Abs(s.Respondents.Path), s.options(*s.Respondents, cb, nil))
		if err != nil {
			return nil, err
		}
		known = map[string]bool{}
		for _, r := range ds.Respondents {
			known[r.ID] = true
		}
		ids.learnTable(&ds)
		knownKeys = ids.tableKeys()
		merge(ds)
	}
	var table *tableIDs // for the survey's ids written otherwise than the table's
	if known != nil {
		table = &tableIDs{ids: known, keys: knownKeys}
	}
	// The survey is read beside the interviews (a national survey's workbook takes
	// seconds); the datasets are merged in the study's order all the same.
	type read struct {
		ds  []model.Dataset
		err error
		// same and shared are sameExports' and sharedSurveyIDs' warnings, sameErr is
		// sameExports' error: found on the survey's goroutine once it is read.
		same, shared []error
		sameErr      error
	}
	interviewFiles, err := s.inputFiles(s.Interviews)
	if err != nil {
		return nil, err
	}
	if err := entriesOverlap(s, interviewFiles); err != nil { // interview_copies.go
		return nil, err
	}
	surveyFiles, err := s.inputFiles(s.Survey)
	if err != nil {
		return nil, err
	}
	rep.Stage("reading inputs", len(interviewFiles)+len(surveyFiles))
	surveyRead := make(chan read, 1)
	go func() {
		var r read
		r.ds, r.err = readAllParallel(surveyFiles, func(f string, in Input) (model.Dataset, error) { // read_parallel.go
			defer rep.Add(1)
			opt := s.surveyOptions(f, in, cb, table) // survey_overlap.go
			// The only survey file: nothing for sameExports to compare it with.
			opt.OnlySurvey = len(surveyFiles) == 1
			return ingest.ReadSurvey(f, opt)
		})
		// The overlap of the survey's exports and the ids they share read the survey's
		// datasets alone: they are found beside the interviews' reading and merging,
		// not after them on the run's one goroutine (twice the national study, read
		// from two workbooks, spent 0.2 s of CPU there; issue 16).
		if r.err == nil {
			r.same, r.sameErr = sameExports(s, cb, surveyFiles, r.ds, table) // one survey's overlapping exports: survey_overlap.go
			if r.sameErr == nil {
				r.shared = sharedSurveyIDs(s, r.ds)
			}
		}
		surveyRead <- r
	}()
	var stops []error // what stops a run, which check lists: check_stops.go
	interviews, err := readAll(interviewFiles, func(f string, in Input) (model.Dataset, error) {
		defer rep.Add(1)
		opt := s.options(in, cb, known)
		// An id written as the table's with other capitals or spaces: respondent_spellings.go.
		opt.KnownKeys = knownKeys
		opt.Beside, opt.BesideSurvey = s.besideInterviews(f, interviewFiles, surveyFiles) // a review.qdpx is read back only alone: learned_review.go
		ds, err := ingest.ReadInterviews(f, opt)
		inWave(&ds, in.Wave)
		return ds, goOnForCheck(coded != nil, err, &stops) // a sheet per coder: check_stops.go
	})
	if err == nil { // a copy of an interview file, read once: interview_copies.go
		var copies []error
		interviewFiles, interviews, copies = sameInterviewFiles(s, interviewFiles, interviews)
		out.Summary.Warnings = append(out.Summary.Warnings, copies...)
		out.Summary.Warnings = append(out.Summary.Warnings, namesOfSeveral(interviewFiles, interviews)...) // respondent_names.go
	}
	if err == nil { // a file per coder: files_per_coder.go
		split, stop := filesPerCoder(s, interviewFiles, interviews)
		out.Summary.Warnings = append(out.Summary.Warnings, split...)
		err = goOnForCheck(coded != nil, stop, &stops)
	}
	// The interviews' segments are auto-coded while the survey is still read, when they
	// will be the dataset's first segments (autocoded).
	// They are merged first: Merge gives segments that share an id with another input's
	// a new id (model/segments_merge.go), and the auto-coder names segments by id.
	var coding *autocodingAhead
	if err == nil {
		ahead := coded == nil && s.AutocodeEnabled() && len(d.Segments) == 0
		for i := range interviews {
			out.Summary.Warnings = append(out.Summary.Warnings, ids.join(&interviews[i], s.Rel(interviewFiles[i].path))...)
			merge(interviews[i])
		}
		if ahead {
			// Room for the auto-coder's codings (the national study's 50,000 segments get
			// some 70,000), made here, while the survey is still read, rather than by
			// autocode, which copied every human coding on the run's path (0.3 s of CPU
			// on twice the national study, the collector marking). Too little only means
			// that autocode grows it.
			d.Codings = slices.Grow(d.Codings, len(d.Segments)*3/2)
			coding = startAutocodeAhead(d.Segments, cb, built) // on goroutines of their own: autocode.go
		}
	}
	survey := <-surveyRead
	if err != nil {
		return nil, err
	}
	if survey.err != nil {
		return nil, survey.err
	}
	if coded == nil { // a survey file read without one answer: survey_no_answers.go
		if err := surveyWithoutAnswers(s, cb, survey.ds); err != nil {
			return nil, err
		}
	}
	if survey.sameErr != nil { // one survey's overlapping exports: survey_overlap.go
		return nil, survey.sameErr
	}
	out.Summary.Warnings = append(out.Summary.Warnings, survey.same...)
	interviewed := respondentsWithSegments(d)
	unusable := unusableInterviews(d, interviews, interviewed) // unusable.go
	if err := mixedWaves(s, survey.ds); err != nil {
		return nil, err
	}
	out.Summary.Warnings = append(out.Summary.Warnings, survey.shared...)
	out.Summary.Warnings = append(out.Summary.Warnings, surveyIDsAlike(interviewed, survey.ds)...) // survey_ids_alike.go
	for i := range survey.ds {
		merge(survey.ds[i])
		survey.ds[i] = model.Dataset{} // let each file's answers go once merged
	}
	// The readers' warnings: a workbook's sheet left unread (ingest/sheets.go), two
	// municipality columns, a respondent given two roles (ingest/conflicts.go).
	out.Summary.Warnings = append(out.Summary.Warnings, readerWarnings(s, d)...)
	// A survey's "other" choice or answer codes as municipalities: group_codes.go.
	out.Summary.Warnings = append(out.Summary.Warnings, groupCodes(s, d, cb)...)
	out.Summary.Warnings = append(out.Summary.Warnings, calibrationWarnings(s, cb)...) // calibration_missing.go
	// A respondent given two roles by two files (role_conflicts.go).
	out.Summary.Warnings = append(out.Summary.Warnings, roleConflictWarnings(s, d, cb)...)
	// A human coder named "auto": coders_reserved.go.
	renameReservedCoders(d, s.Language, &out.Summary.Warnings)
	// One municipality, grouping value or coder written in several ways: spellings.go.
	out.Summary.Warnings = append(out.Summary.Warnings, foldSpellings(d, s.Groups)...)
	out.Summary.Warnings = append(out.Summary.Warnings, municipalityPairs(d)...)   // after the fold: municipality_pairs.go
	out.Summary.Warnings = append(out.Summary.Warnings, misalignedPassages(d)...)  // after the fold of coders: passages_misaligned.go
	out.Summary.Warnings = append(out.Summary.Warnings, mixedInterviewWaves(d)...) // waves.go
	addMissingRespondents(d, merger)                                               // every reader put the sha256 of the bytes it read on its FileCount
	spreadWaveless(d)
	waveOrder, err := orderWaves(s, d) // wave_order.go
	if err != nil {
		return nil, err
	}
	out.Summary.Warnings = append(out.Summary.Warnings, waveNameConflicts(d)...)
	out.Summary.Warnings = append(out.Summary.Warnings, waveIDsAlike(d, waveOrder)...) // wave_ids_alike.go
	if err := checkGroups(s, d); err != nil {
		return nil, err
	}
	primaryCoderFolded(s, d)                                                            // after foldSpellings: primary_coder.go
	if err := goOnForCheck(coded != nil, checkPrimaryCoder(s, d), &stops); err != nil { // primary_coder.go, check_stops.go
		return nil, err
	}

	// Code: names onto the codebook; the auto-coder over every respondent segment.
	mapRoles(d, cb)
	out.Summary.Warnings = append(out.Summary.Warnings, mapCodes(d, cb, s.IsKnownUnmapped)...)
	if coded != nil {
		coded(d, cb, append(stops, out.Summary.Warnings...))
		return nil, nil
	}
	ahead := startProtect(d, func(texts []string) *redact.Redactor { return newRedactorTexts(d, cb, s, texts) }) // beside the auto-coder: protect_ahead.go
	if s.AutocodeEnabled() {
		rep.Stage("auto-coding", len(d.Segments))
		if err := autocode(d, cb, rep, coding.wait(), built); err != nil {
			return nil, model.Reasonf("%s: %v", "%s: %v", s.Codebook, err)
		}
	}
	if s.Autocode.Learn {
		rep.Stage("learning from the coding", 0)
	}
	learned, reviews, err := learnStage(d, cb, s) // autocode.learn, autocode.review: learned_review.go
	if err != nil {
		return nil, err
	}

	// Protect: pseudonyms, redaction.
	rep.Stage("protecting", 0)
	entries := s.fileEntries(d.Files, interviewFiles, surveyFiles) // inputs_published.go
	out.Data, out.Key = protectWith(d, cb, ahead, s.Rel)
	held := splitHeld(&out.Data) // the suggestions the calibration held back: autocode_held.go
	red := ahead.wait().red
	hideCoders := s.Privacy.Coders != "pseudonymise" && codersToHide(&out.Data, red)
	if hideCoders {
		out.Summary.Warnings = append(out.Summary.Warnings, model.Reasonf(
			"a coder's name holds a respondent's name or contact details: every coder is shown as Coder 1, Coder 2, ... (privacy.coders: pseudonymise)",
			"de naam van een codeur bevat de naam of contactgegevens van een respondent: elke codeur wordt getoond als Coder 1, Coder 2, ... (privacy.coders: pseudonymise)"))
	}
	coders := pseudonymiseCoders(&out.Data, s.Privacy.Coders == "pseudonymise" || hideCoders)
	redactWarnings(out.Summary.Warnings, red, coders) // coder_fold.go
	// The title is free text too: title.go.
	redactTitle(s, red, d, &out.Summary.Warnings)
	*d = model.Dataset{} // nothing after this point sees a real id or name
	p := &out.Data
	interviewed = byPseudonym(interviewed, out.Key)
	listed := byPseudonym(known, out.Key) // the respondents table's people, for the summary's "not counted"
	out.Summary.Unmapped = unmappedCodes(p)
	learnedIn := attachReviews(learned, reviews, p, s, red, &out.Summary.Warnings) // counts the review files' lines

	// Analyse.
	res := &results.Results{Title: s.Title, Language: s.Language, Tool: tool, MinCell: s.Privacy.MinCell, Outputs: s.Outputs, Figures: s.Figures.Options()}
	res.Codebook.Name, res.Codebook.Version = cb.Name, cb.Version
	res.Codebook.File = s.Rel(cbPath)
	res.Codebook.SHA256 = cbSHA
	res.Codebook.Calibration, res.Codebook.Model = autoCoderFiles(s, cb) // codebook_files.go
	for _, f := range cb.Factors {
		rf := results.Factor{ID: f.ID, Label: f.Label.In(s.Language)}
		for _, c := range f.Codes {
			rf.Codes = append(rf.Codes, results.Code{ID: c.ID, Label: c.Label.In(s.Language), Valence: string(c.Valence)})
		}
		res.Codebook.Factors = append(res.Codebook.Factors, rf)
	}
	for _, sc := range cb.Scales {
		rs := results.Scale{ID: sc.ID, Label: sc.Label.In(s.Language), AgreeFrom: sc.AgreeFrom}
		for _, a := range sc.Answers {
			rs.Answers = append(rs.Answers, results.Answer{Value: a.Value, Label: answerLabel(a.Labels, s.Language)})
		}
		sort.SliceStable(rs.Answers, func(i, j int) bool { return rs.Answers[i].Value < rs.Answers[j].Value })
		for _, it := range sc.Items {
			rs.Items = append(rs.Items, results.Item{ID: it.ID, Text: it.Text.In(s.Language), Reverse: it.Reverse})
		}
		res.Codebook.Scales = append(res.Codebook.Scales, rs)
	}
	for _, r := range cb.Roles {
		res.Codebook.Roles = append(res.Codebook.Roles, results.Named{ID: r.ID, Label: r.Label.In(s.Language)})
	}
	for _, p := range cb.Partners {
		res.Codebook.Partners = append(res.Codebook.Partners, results.Named{ID: p.ID, Label: p.Label.In(s.Language)})
	}
	res.Inputs = publishedInputs(p.Files, entries, p.Respondents, s.Groups, func(path string) string { return red.RedactPath(filepath.ToSlash(path)) })
	// With interviews in two or more waves the coding tables count the latest wave's
	// segments, as the survey's cross-sectional tables do (waves_interviews.go).
	iw := findInterviewWaves(p, waveOrder)
	cur := iw.latestOnly(p)
	in := &analysis.Input{
		Data: cur, Codebook: cb, Language: s.Language, Groups: s.Groups,
		MinCell: s.Privacy.MinCell, SmallGroups: s.Privacy.SmallGroups, PrimaryCoder: coders.of(s.PrimaryCoder),
		CountAuto: s.Autocode.Count == "always", CountAutoUncoded: s.Autocode.Count == "uncoded",
		Seed: s.Seed, Interviewed: iw.latestInterviewed(interviewed, &cur),
		Adjust: s.Comparisons.Adjust, PairwiseReliability: s.Reliability.Missing == "pairwise",
		BootstrapSamples: s.Agreement.Bootstrap,
		Learned:          learnedIn,
		AutoHeld:         iw.latestCodings(held, p),
		WaveOrder:        waveOrder,
	}
	// Disclose: one decision per grouping, from the protected dataset, before the
	// analysis; respondents whose role is not shown get a pseudonym without it.
	in.Prepare()
	in.Decide()
	dec := in.Disclosure
	dec.Rename(p)
	renameHeld(dec, held) // autocode_held.go
	if len(dec.Renamed) > 0 {
		interviewed = dec.RenameSet(interviewed)
		listed = dec.RenameSet(listed)
	}
	for i := range out.Key {
		out.Key[i][1] = dec.Published(out.Key[i][1])
	}
	if len(dec.Renamed) > 0 {
		cur = iw.latestOnly(p) // renamed as p
	}
	in.Data, in.Interviewed, in.Disclosure = cur, iw.latestInterviewed(interviewed, &cur), dec
	in.AutoHeld = iw.latestCodings(held, p)
	if len(dec.Renamed) == 0 {
		in.KeepPrepared() // nothing renamed: Run keeps Prepare's indexes
	}
	out.Summary.unusable = unusableByPseudonym(unusable, out.Key) // unusable.go

	rep.Stage("analysing", len(analysis.Stages))
	in.StageDone = func() { rep.Add(1) }
	// The run's summary reads the protected dataset only, as the analysis does: it is
	// counted beside the analysis (on a national study a few tenths of a second).
	summarised := make(chan []ScaleRejects, 1)
	go func() {
		out.summarise(interviewed, listed)
		summarised <- scaleRejects(p, cb)
	}()
	analysis.Run(in, res)
	if t := iw.waveCodes(p, in, interviewed, res); t != nil { // waves_interviews.go
		res.Add(t)
	}
	scaleCells := <-summarised
	out.Summary.Warnings = append(out.Summary.Warnings, reversedItemWarnings(res)...) // reliability_reversed.go
	res.Add(unmappedTable(out.Summary.Unmapped))
	res.Add(rejectsTable(p.Rejects))

	if slices.Contains(s.Outputs, "qdpx") {
		b, err := reviewProject(p, cb, s.Title, s.Language, dec)
		if err != nil {
			return nil, model.Reasonf("%s: %v", "%s: %v", ReviewFile, err)
		}
		res.Files = append(res.Files, results.File{Path: ReviewFile, Data: b})
	}
	// The final pass: no writer gets a row that did not pass it.
	dec.Enforce(res)
	out.Results = res
	res.Respondents, res.Segments, res.Codings, res.Answers, res.Rejected =
		out.Summary.Respondents, out.Summary.Segments, out.Summary.Codings, out.Summary.Answers, out.Summary.Rejected
	res.NotInterviewed = out.Summary.NotInterviewed
	res.AnswerCells, res.RejectedCells, res.RejectGroups = out.Summary.AnswerCells, out.Summary.RejectedCells, out.Summary.RejectGroups
	res.RejectedOtherCells = out.Summary.RejectedOtherCells
	for _, w := range out.Summary.Warnings { // the key file's warning, added below, is for the researcher only
		if s.Language == "nl" {
			res.Warnings = append(res.Warnings, model.Dutch(w))
		} else {
			res.Warnings = append(res.Warnings, w.Error())
		}
	}
	dec.HoldCounts(res)
	res.LatestWave, res.EarlierOnly = latestWaveFacts(in.LatestWave(), p, res) // waves_published.go
	iw.facts(res, interviewed, in.Interviewed, p, in.LatestWave())             // waves_interviews.go
	out.Summary.MaxShare = s.MaxRejectedShare()
	out.Summary.Scales = scaleCells
	for _, sr := range out.Summary.Scales {
		if sr.Share() > out.Summary.MaxShare {
			out.Summary.TooManyRejects = append(out.Summary.TooManyRejects, sr)
		}
	}
	out.Summary.TooManyRejects = append(out.Summary.TooManyRejects, rowRejects(p.Files, out.Summary.MaxShare)...)
	res.Coders = humanCoders(p)
	if s.Privacy.KeyFile != "" {
		out.Summary.Warnings = append(out.Summary.Warnings, model.Reasonf(
			"the pseudonym key (real id -> pseudonym) is written to %s: keep it apart from the outputs and delete it when the study ends",
			"de sleutel van de pseudoniemen (echte code -> pseudoniem) wordt geschreven naar %s: bewaar hem apart van de uitvoer en verwijder hem als het onderzoek klaar is", s.Privacy.KeyFile))
	}
	return out, nil
}

// inputFile is one file of an input entry of study.yaml.
type inputFile struct {
	path  string
	input Input
}

// inputFiles expands the inputs' globs, in order.
func (s *Study) inputFiles(inputs []Input) ([]inputFile, error) {
	var out []inputFile
	for _, in := range inputs {
		files, err := s.Files(in)
		if err != nil {
			return nil, model.Reasonf("%s: %v", "%s: %v", in.Path, err)
		}
		for _, f := range files {
			out = append(out, inputFile{f, in})
		}
	}
	return out, nil
}

// readAll reads the files in order, stopping at the first fatal error.
func readAll(files []inputFile, read func(string, Input) (model.Dataset, error)) ([]model.Dataset, error) {
	out := make([]model.Dataset, 0, len(files))
	for _, f := range files {
		ds, err := read(f.path, f.input)
		if err != nil {
			return nil, err
		}
		out = append(out, ds)
	}
	return out, nil
}

func (s *Study) options(in Input, cb *codebook.Codebook, known map[string]bool) ingest.Options {
	return ingest.Options{
		Format: in.Format, Columns: in.Columns, Sheet: in.Sheet, Codebook: cb,
		Respondent: in.Respondent, Known: known, IncludeIncomplete: in.IncludeIncomplete,
		NamePattern: in.NamePattern, Wave: in.Wave, Interviewers: in.Interviewer, Coder: in.Coder,
	}
}

// respondentsWithSegments returns the ids of respondents who have at least one segment of
// their own (interview respondents); an open survey answer, also when read back from a
// review.qdpx, does not make its respondent an interviewee.
func respondentsWithSegments(d *model.Dataset) map[string]bool {
	ids := map[string]bool{}
	for _, seg := range d.Segments {
		if !seg.Interviewer && !seg.OpenAnswer {
			ids[seg.Respondent] = true
		}
	}
	return ids
}

// checkGroups makes sure that every grouping attribute of study.yaml names something:
// role and municipality always do; another attribute must be held by at least one
// respondent, or the study has a typo (groups: [municpality]) whose results would
// silently be missing.
func checkGroups(s *Study, d *model.Dataset) error {
	have := map[string]bool{"role": true, "municipality": true}
	for _, r := range d.Respondents {
		have["wave"] = have["wave"] || r.Wave != ""
		for k, v := range r.Attributes {
			if v != "" {
				have[k] = true
			}
		}
	}
	for i, g := range s.Groups {
		if !have[g] {
			return model.Reasonf("%s: %w", "%s: %v", s.Path, s.errAt("groups", i,
				fmt.Sprintf("no respondent has an attribute %q%s", g, codebook.DidYouMean(g, model.SortedKeys(have))),
				fmt.Sprintf("geen respondent heeft een kenmerk %q%s", g, codebook.DidYouMeanIn("nl", g, model.SortedKeys(have)))))
		}
	}
	return nil
}

// byPseudonym re-keys a set of real ids by the respondents' pseudonyms.
func byPseudonym(ids map[string]bool, key [][2]string) map[string]bool {
	out := make(map[string]bool, len(ids))
	for _, k := range key {
		if ids[k[0]] {
			out[k[1]] = true
		}
	}
	return out
}

// addMissingRespondents adds a respondent for every id that a segment or answer names but
// no reader listed, so that nothing is lost between stages. It looks the ids up in the
// index the merges kept (m), not in one more map of every respondent.
func addMissingRespondents(d *model.Dataset, m *model.Merger) {
	add := func(id, wave, src string) {
		if k := (model.RespondentKey{Wave: wave, ID: id}); id != "" && !m.Has(k) {
			m.Add(model.Respondent{ID: id, Source: src, Wave: wave})
		}
	}
	for _, seg := range d.Segments {
		add(seg.Respondent, seg.Wave, seg.Source)
	}
	for i, k := range d.Survey.Rows {
		if d.Survey.Answered(i) {
			add(k.ID, k.Wave, "")
		}
	}
	for _, a := range d.Survey.Extra {
		add(a.Respondent, a.Wave, "")
	}
}

func humanCoders(d *protected.Dataset) []string {
	set := map[string]bool{}
	for _, c := range d.Codings {
		if c.Coder != analysis.AutoCoder && c.Coder != "" {
			set[c.Coder] = true
		}
	}
	return model.SortedKeys(set)
}

func (o *Outcome) summarise(interviewed, listed map[string]bool) {
	d := &o.Data
	s := &o.Summary
	s.ByRole, s.ByMunicipality, s.ByWave = map[string]int{}, map[string]int{}, map[string]int{}
	surveyed, waves := surveyedBy(&d.Survey, &s.Answers) // summary_survey.go
	if len(waves) > 1 {
		for w, m := range waves {
			s.ByWave[w] = len(m)
		}
	}
	person := map[string]bool{}
	for _, r := range d.Respondents {
		if person[r.Pseudonym] {
			continue // the same person in another wave
		}
		person[r.Pseudonym] = true
		if s.notInterviewed(r.Pseudonym, surveyed[r.Pseudonym]) {
			continue
		}
		if !interviewed[r.Pseudonym] && !surveyed[r.Pseudonym] {
			if listed[r.Pseudonym] {
				s.TableOnly++ // in the respondents table only (the sample counts interviewed ∪ surveyed)
			} else {
				s.Unanswered++ // a survey row whose every answer was rejected (attack 16 F07)
			}
			continue
		}
		s.Respondents++
		role, mun := r.Role, r.Municipality
		if role == "" {
			role = "?"
		}
		if mun == "" {
			mun = "?"
		}
		s.ByRole[role]++
		s.ByMunicipality[mun]++
		if interviewed[r.Pseudonym] {
			s.Interviewed++
		}
		if surveyed[r.Pseudonym] {
			s.Surveyed++
		}
	}
	s.Segments = len(d.Segments)
	for _, c := range d.Codings {
		if c.Coder == analysis.AutoCoder {
			if c.Code != "" { // not the auto-coder's "looked, found nothing" rows
				s.AutoCodings++
			}
		} else if c.Raw != "" {
			s.Codings++
		}
	}
	s.Files = d.Files
	s.RejectGroups = rejectGroups(d.Rejects)
	for _, r := range d.Rejects {
		if r.Cell && r.Item == "" {
			s.RejectedOtherCells++
		}
	}
	for _, f := range d.Files {
		s.Rejected += f.Rejected
		s.AnswerCells += f.Cells
		s.RejectedCells += f.CellsRejected
	}
}

func unmappedTable(list []Unmapped) *results.Table {
	t := results.NewTable("unmapped_codes",
		results.Column{Name: "name", Kind: results.Text},
		results.Column{Name: "codings", Kind: results.Int},
		results.Column{Name: "coders", Kind: results.Text},
		results.Column{Name: "files", Kind: results.Text})
	for _, u := range list {
		t.Add(u.Name, u.Codings, strings.Join(u.Coders, "; "), strings.Join(u.Files, "; "))
	}
	return t
}

func rejectsTable(rejects []protected.Reject) *results.Table {
	t := results.NewTable("rejects",
		results.Column{Name: "file", Kind: results.Text},
		results.Column{Name: "location", Kind: results.Text},
		results.Column{Name: "value", Kind: results.Text},
		results.Column{Name: "reason", Kind: results.Text})
	sorted := append([]protected.Reject(nil), rejects...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].File != sorted[j].File {
			return sorted[i].File < sorted[j].File
		}
		return false // keep the readers' order (rows in file order) within a file
	})
	for _, r := range sorted {
		t.Add(r.File, r.Location, r.Value, r.Reason)
	}
	return t
}

// answerLabel picks an answer's label in the study's language: the codebook lists the
// Dutch label first and the English one second.
func answerLabel(labels []string, lang string) string {
	if len(labels) == 0 {
		return ""
	}
	if lang == "en" && len(labels) > 1 {
		return labels[len(labels)-1]
	}
	return labels[0]
}

// sharedSurveyIDs warns when a respondent id occurs in more than one survey file: the
// answers are then taken as one respondent's (a panel linked by id; a second answer to an
// item is rejected, model.ErrAnsweredTwice), which is wrong when each tool numbers its
// responses 1, 2, 3, ...
func sharedSurveyIDs(s *Study, sets []model.Dataset) []error {
	if len(sets) < 2 {
		return nil
	}
	// The last file's ids are only looked up: no later file can share them.
	n := 0
	for _, ds := range sets[:len(sets)-1] {
		n += len(ds.Respondents)
	}
	first := make(map[model.RespondentKey]string, n) // the same id in another wave is no warning
	shared := map[[2]string]int{}
	example := map[[2]string]string{}
	for si, ds := range sets {
		last := si == len(sets)-1
		file := ""
		if len(ds.Files) > 0 {
			file = s.Rel(ds.Files[0].Path)
		}
		for _, r := range ds.Respondents {
			if f, ok := first[r.Key()]; ok && f != file {
				k := [2]string{f, file}
				shared[k]++
				if example[k] == "" {
					example[k] = r.ID
				}
				continue
			}
			if !last {
				first[r.Key()] = file
			}
		}
	}
	var out []error
	for k, n := range shared {
		// A real id is shown only when it is a bare response number (an e-mail address or
		// a name identifies the respondent).
		eg, egNL := "", ""
		if strings.Trim(example[k], "0123456789") == "" {
			eg, egNL = fmt.Sprintf(" (for example %q)", example[k]), fmt.Sprintf(" (bijvoorbeeld %q)", example[k])
		}
		out = append(out, model.Reasonf("%[1]d respondent id(s) occur in both %[2]s and %[3]s%[4]s: each is taken as one respondent, whose first answer to an item counts (a second is rejected); if the tools number responses on their own, map a unique id column in study.yaml (columns: {respondent: ...})",
			"%[1]d respondentcode(s) komen voor in zowel %[2]s als %[3]s%[5]s: elk geldt als één respondent, van wie het eerste antwoord op een item telt (een tweede wordt afgewezen); als de programma's de responsen zelf nummeren, koppel dan in study.yaml een unieke kolom als code (columns: {respondent: ...})",
			n, k[0], k[1], eg, egNL))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Error() < out[j].Error() })
	return out
}
