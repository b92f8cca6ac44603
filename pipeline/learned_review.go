package pipeline

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/google/uuid"
	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/analysis"
	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/redact"
	"github.com/samenspel/samenspel/pipeline/refiqda"
)

// The review loop. A run with `outputs: [..., qdpx]` writes review.qdpx, where every
// segment with suggestions lists them in its selection's description (code, source and
// the rule or probability) beside the codings themselves, by the users "auto"
// (dictionary) and "auto-learned". The researcher opens it in a QDA tool, deletes the
// wrong suggestions, leaves the right ones, exports the project and lists that file under
// autocode.review in study.yaml. The next run reads it (ingest.ReadReview) and counts each
// listed suggestion as accepted (still on the segment) or deleted, per code and source
// (autocode_review) and, for learned ones, beside the cross-validated figures
// (autocode_learned_validation). The review file is not read as interviews: its segments
// are the study's own, and reading them again would count them twice (the interviews
// reader refuses it beside other inputs, autocode.review or a survey: besideInterviews).
//
// Counting once: a verdict is for a suggestion this run made, a (segment, code, source).
// The same suggestion reviewed in two files (or one file listed twice) counts once, with
// the verdict of the file listed last (a warning says how many verdicts differed). What
// the Descriptions list is only trusted as far as the run agrees: a listed line counts only
// where this run made that suggestion, so a review of an earlier run (another seed,
// min_f1 or codebook), an edited Description or a line listed twice cannot add, replace or
// remove a verdict. Every line left out is a reject of the review file, with its reason
// (rejects.csv, the summary, the manifest's read = accepted + rejected); among them a
// verdict on a segment that a human has coded in this run's inputs: that segment already
// counts, as human coding, in the cross-validation.

// LearnedCoder is the user under which review.qdpx shows learned suggestions.
const LearnedCoder = "auto-learned"

// checkReviewFiles checks that every autocode.review entry names at least one file.
func (s *Study) checkReviewFiles() error {
	for i, in := range s.Autocode.Review {
		files, err := s.Files(in)
		if err != nil {
			return s.errAt("autocode.review", i, err.Error(), model.Dutch(err))
		}
		if len(files) == 0 {
			return s.errAt("autocode.review", i, fmt.Sprintf("no file matches %s", in.Path), fmt.Sprintf("geen bestand past bij %s", in.Path))
		}
	}
	return nil
}

// reviewFile is one reviewed review.qdpx as read; index is the position of its FileCount
// among the dataset's files (the protected dataset keeps their order).
type reviewFile struct {
	path  string
	index int
	list  []ingest.ReviewedSuggestion
}

// besideInterviews names what the study reads interview file f beside: the other files
// under interviews (f itself where it is listed twice) and autocode.review, and apart from
// those the survey files; each empty when there are none. A review.qdpx read as interviews
// is refused unless it stands alone (ingest.ErrReviewAsInterviews): its segments, and its
// open answers, are the study's own.
func (s *Study) besideInterviews(f string, interviews, survey []inputFile) (beside, besideSurvey string) {
	abs := func(p string) string { a, _ := filepath.Abs(p); return a }
	var other []string
	self := false
	for _, o := range interviews {
		if !self && abs(o.path) == abs(f) {
			self = true
			continue
		}
		other = append(other, s.Rel(o.path))
	}
	if len(s.Autocode.Review) > 0 {
		other = append(other, "autocode.review")
	}
	var surveys []string
	for _, o := range survey {
		surveys = append(surveys, s.Rel(o.path))
	}
	return listed(other), listed(surveys)
}

// listed joins names as "a, b and c", the first three and how many more.
func listed(names []string) string {
	if len(names) > 4 {
		names = append(names[:3:3], fmt.Sprintf("%d more", len(names)-3))
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// readReviews reads the files under autocode.review, each once, in the order listed.
func (s *Study) readReviews(cb *codebook.Codebook) ([]reviewFile, []model.FileCount, error) {
	var ids []string
	for _, f := range cb.Factors {
		for _, c := range f.Codes {
			ids = append(ids, c.ID)
		}
	}
	var out []reviewFile
	var counts []model.FileCount
	seen := map[string]bool{}
	for _, in := range s.Autocode.Review {
		files, err := s.Files(in)
		if err != nil {
			return nil, nil, model.Reasonf("%s: %v", "%s: %v", in.Path, err)
		}
		for _, f := range files {
			abs, _ := filepath.Abs(f)
			if seen[abs] {
				continue
			}
			seen[abs] = true
			list, fc, err := ingest.ReadReview(f, ids, cb.Resolve)
			if err != nil {
				return nil, nil, err
			}
			out = append(out, reviewFile{path: f, list: list})
			counts = append(counts, fc)
		}
	}
	return out, counts, nil
}

// ErrVerdictLeftOut marks the rejects of a review file: listed suggestions whose verdict
// does not count.
var ErrVerdictLeftOut = model.NewKind("reviewed suggestion left out", "beoordeelde suggestie niet meegeteld")

// Why a listed suggestion's verdict is left out (the reasons rejects.csv shows).
const (
	reasonUnknownCode = "the code listed is not a code of the codebook"
	reasonNoSegment   = "the segment is not in this study (a review of another study, or of inputs since changed)"
	reasonHumanCoded  = "a person has since coded the segment: the human coding counts, not the review verdict"
	reasonNotMade     = "this run made no such suggestion on the segment (a review of an earlier run with another seed, min_f1 or codebook, or an edited description)"
	reasonTwice       = "listed twice on the segment in this file: the first counts"
	reasonMoved       = "the segment ids changed since the review was written (respondents added or removed renumber the pseudonyms), and the text is not one segment's: which segment is meant is unknown"
)

// reasonDutch says the same in Dutch, for the summary and the report.
var reasonDutch = map[string]string{
	reasonUnknownCode: "de genoemde code is geen code van het codeboek",
	reasonNoSegment:   "het fragment hoort niet bij dit onderzoek (een beoordeling van een ander onderzoek, of van sindsdien gewijzigde invoer)",
	reasonHumanCoded:  "iemand heeft het fragment sindsdien gecodeerd: de menselijke codering telt, niet het oordeel uit de beoordeling",
	reasonNotMade:     "deze run deed die suggestie niet bij het fragment (een beoordeling van een eerdere run met een andere seed, min_f1 of ander codeboek, of een bewerkte beschrijving)",
	reasonTwice:       "twee keer genoemd bij het fragment in dit bestand: de eerste telt",
	reasonMoved:       "de nummers van de fragmenten zijn veranderd sinds de beoordeling (toegevoegde of weggelaten respondenten nummeren de pseudoniemen opnieuw), en de tekst is niet die van één fragment: welk fragment bedoeld is, is onbekend",
}

// selectionLocation names a listed suggestion's selection by its GUID, where it is one: a
// GUID edited into something else (a name) is not shown.
func selectionLocation(guid string) string {
	if _, err := uuid.Parse(guid); err != nil {
		return "a selection whose GUID is not a GUID"
	}
	return "selection " + guid
}

// reviewMatch is what matchReviews makes of the review files: one verdict per suggestion
// of this run, and per file (in files' order) the lines counted and the rejects.
type reviewMatch struct {
	verdicts []analysis.ReviewVerdict
	accepted []int
	rejects  []protected.Reject
	warnings []error
}

// runSuggestion is a suggestion this run made: the segment, the code and its source.
type runSuggestion struct{ segment, code, source string }

// runSuggestions lists the suggestions this run shows for review, as reviewDescriptions
// writes them into review.qdpx: the auto-coder's codes on segments no human coded, with
// their source (suggestionSource).
func runSuggestions(codings []protected.Coding) map[runSuggestion]bool {
	human := humanSegments(codings)
	out := map[runSuggestion]bool{}
	for _, c := range codings {
		if c.Coder != analysis.AutoCoder || c.Code == "" || human[c.Segment] {
			continue
		}
		out[runSuggestion{c.Segment, c.Code, suggestionSource(c)}] = true
	}
	return out
}

// suggestionSource is the source of a suggestion (analysis.AutoSource): "learned",
// "dictionary", "dictionary+model" or "model".
func suggestionSource(c protected.Coding) string { return analysis.AutoSource(&c) }

// humanSegments are the segments with a coding by a person (not the auto-coder).
func humanSegments(codings []protected.Coding) map[string]bool {
	human := map[string]bool{}
	for _, c := range codings {
		if c.Coder != "" && c.Coder != analysis.AutoCoder {
			human[c.Segment] = true
		}
	}
	return human
}

// matchReviews ties the verdicts to the run's suggestions. A listed suggestion finds its
// segment by the selection's GUID, which review.qdpx derives from the segment id
// (refiqda.GUID("segment", id)), or, where a QDA tool gave the selection a new GUID, by
// its text when exactly one segment has that text; it counts only where this run made
// that suggestion (same segment, code and source). name gives a file's name as the
// outputs show it (relative, redacted); rejects and warnings use only that name, the
// selection's GUID and codebook ids, never the text of a listed line.
func matchReviews(p *protected.Dataset, files []reviewFile, name func(string) string) reviewMatch {
	byGUID := map[string]string{}
	byText := map[string]string{}
	textOf := map[string]string{}
	ambiguous := map[string]bool{}
	for _, seg := range p.Segments {
		if seg.Interviewer {
			continue
		}
		byGUID[refiqda.NormalGUID(refiqda.GUID("segment", seg.ID))] = seg.ID
		if id, ok := byText[seg.Text]; ok && id != seg.ID {
			ambiguous[seg.Text] = true
		}
		byText[seg.Text] = seg.ID
		textOf[seg.ID] = seg.Text
	}
	human := humanSegments(p.Codings)
	made := runSuggestions(p.Codings)
	verdicts := map[runSuggestion]analysis.ReviewVerdict{}
	m := reviewMatch{accepted: make([]int, len(files))}
	for i, f := range files {
		file := name(f.path)
		left, differ, moved := 0, 0, 0
		inFile := map[runSuggestion]bool{}
		for _, r := range f.list {
			id, ok := byGUID[r.Selection]
			stale := false
			if ok && r.Text != textOf[id] {
				// The selection's id now names a segment with another text, while its own
				// text is another segment's: the segment ids moved since the review was
				// written (a respondent added or removed renumbers the pseudonyms, and
				// with them the segment ids). The text decides, where it is one segment's;
				// a selection whose name a QDA tool rewrote (no segment has it) keeps its id.
				if other, found := byText[r.Text]; found || ambiguous[r.Text] {
					stale, ok = true, found && !ambiguous[r.Text]
					id = other
					if ok {
						moved++
					}
				}
			}
			if !ok && !stale && !ambiguous[r.Text] {
				id, ok = byText[r.Text]
			}
			k := runSuggestion{id, r.Code, r.Source}
			reason, value := "", ""
			switch {
			case r.Code == "":
				reason = reasonUnknownCode
			case !ok && stale:
				reason, value = reasonMoved, r.Code+" | "+r.Source
			case !ok:
				reason, value = reasonNoSegment, r.Code+" | "+r.Source
			case human[id]:
				reason, value = reasonHumanCoded, r.Code+" | "+r.Source
			case !made[k]:
				reason, value = reasonNotMade, r.Code+" | "+r.Source
			case inFile[k]:
				reason, value = reasonTwice, r.Code+" | "+r.Source
			}
			if reason != "" {
				left++
				m.rejects = append(m.rejects, protected.Reject{
					File: file, Location: selectionLocation(r.Selection), Value: value,
					Reason: reason, ReasonNL: reasonDutch[reason], Err: ErrVerdictLeftOut,
				})
				continue
			}
			inFile[k] = true
			m.accepted[i]++
			v := analysis.ReviewVerdict{Segment: id, Code: r.Code, Source: r.Source, Accepted: r.Accepted}
			if old, ok := verdicts[k]; ok && old.Accepted != v.Accepted {
				differ++
			}
			verdicts[k] = v
		}
		if left > 0 {
			m.warnings = append(m.warnings, model.Reasonf("%s: %d of %d reviewed suggestion(s) left out, not counted (reasons in rejects.csv)",
				"%s: %d van de %d beoordeelde suggestie(s) niet meegeteld (redenen in rejects.csv)", file, left, len(f.list)))
		}
		if moved > 0 {
			m.warnings = append(m.warnings, model.Reasonf("%s: %d reviewed suggestion(s) found their segment by its text: the segment ids changed since the review was written (respondents added or removed renumber the pseudonyms)",
				"%s: %d beoordeelde suggestie(s) vonden hun fragment via de tekst: de nummers van de fragmenten zijn veranderd sinds de beoordeling (toegevoegde of weggelaten respondenten nummeren de pseudoniemen opnieuw)", file, moved))
		}
		if differ > 0 {
			m.warnings = append(m.warnings, model.Reasonf("%s: %d suggestion(s) were reviewed before with the other verdict: this file, listed later, counts",
				"%s: %d suggestie(s) waren eerder beoordeeld met het andere oordeel: dit bestand, later genoemd, telt", file, differ))
		}
	}
	m.verdicts = make([]analysis.ReviewVerdict, 0, len(verdicts))
	for _, v := range verdicts {
		m.verdicts = append(m.verdicts, v)
	}
	sort.Slice(m.verdicts, func(i, j int) bool {
		a, b := m.verdicts[i], m.verdicts[j]
		if a.Segment != b.Segment {
			return a.Segment < b.Segment
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Source < b.Source
	})
	return m
}

// reviewDescriptions lists, per segment that no human coded, the suggestions review.qdpx
// shows for review (on a human-coded segment the comparison with the human coding is the
// validation already), and renames the coder of learned suggestions to LearnedCoder in
// codings (a copy that goes into the project only).
func reviewDescriptions(codings []protected.Coding) map[string]string {
	human := humanSegments(codings)
	list := map[string][]refiqda.Suggestion{}
	for i, c := range codings {
		if c.Coder != analysis.AutoCoder || c.Code == "" {
			continue
		}
		if c.Rule == analysis.LearnedRule {
			codings[i].Coder = LearnedCoder
		}
		if human[c.Segment] {
			continue
		}
		s := refiqda.Suggestion{Code: c.Code, Source: suggestionSource(c), Detail: c.Rule}
		if c.Rule == analysis.LearnedRule {
			s.Detail = fmt.Sprintf("p = %.2f", c.Probability)
		} else if c.Probability > 0 {
			s.Detail = fmt.Sprintf("%s, model p = %.2f", c.Rule, c.Probability) // the shipped model's probability
		} else if c.Confidence > 0 {
			s.Detail = fmt.Sprintf("%s, p = %.2f", c.Rule, c.Confidence) // the calibration's confidence
		}
		dup := false
		for _, x := range list[c.Segment] {
			dup = dup || x.Code == s.Code
		}
		if !dup {
			list[c.Segment] = append(list[c.Segment], s)
		}
	}
	out := make(map[string]string, len(list))
	for seg, l := range list {
		out[seg] = refiqda.SuggestionLines(l)
	}
	return out
}

// learnStage runs the learned coder when the study asks (autocode.learn) and reads the
// reviewed review.qdpx files (autocode.review), before the protect stage; their file
// counts join the dataset's, for the manifest (attachReviews fills in accepted and
// rejected once the verdicts are matched).
func learnStage(d *model.Dataset, cb *codebook.Codebook, s *Study) (*analysis.Learned, []reviewFile, error) {
	var learned *analysis.Learned
	if s.Autocode.Learn {
		l, err := learnCodes(d, cb, s)
		if err != nil {
			return nil, nil, err
		}
		learned = l
	}
	reviews, counts, err := s.readReviews(cb)
	if err != nil {
		return nil, nil, err
	}
	for i := range reviews {
		reviews[i].index = len(d.Files) + i
	}
	d.Files = append(d.Files, counts...)
	return learned, reviews, nil
}

// attachReviews ties the reviews to the protected segments (matchReviews), counts each
// review file's lines as accepted or rejected (with a reject per line left out) and
// returns what the analysis gets: nil when the study neither learns nor has reviews. Its
// warnings name files as the protected dataset does (relative, through red), since they
// come after the protect stage redacted the others.
func attachReviews(learned *analysis.Learned, reviews []reviewFile, p *protected.Dataset, s *Study, red *redact.Redactor, warnings *[]error) *analysis.Learned {
	if len(reviews) == 0 {
		return learned
	}
	if learned == nil {
		learned = &analysis.Learned{MinF1: s.LearnMinF1()}
	}
	m := matchReviews(p, reviews, reviewNames(p, reviews, func(path string) string { return red.RedactPath(s.Rel(path)) }))
	learned.Reviews = m.verdicts
	for i, f := range reviews {
		fc := &p.Files[f.index]
		fc.Accepted, fc.Rejected = m.accepted[i], fc.Read-m.accepted[i]
	}
	p.Rejects = append(p.Rejects, m.rejects...)
	*warnings = append(*warnings, m.warnings...)
	return learned
}
