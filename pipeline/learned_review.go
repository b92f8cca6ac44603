package pipeline

import (
	"fmt"
	"path/filepath"
	"sort"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/analysis"
	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/protected"
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
// are the study's own, and reading them again would count them twice.
//
// Counting once: a verdict is for a (segment, code). The same suggestion reviewed in two
// files (or one file listed twice) counts once, with the verdict of the file listed last
// (a warning says how many verdicts differed). A verdict on a segment that a human has
// coded in this run's inputs is left out: that segment already counts, as human coding,
// in the cross-validation.

// LearnedCoder is the user under which review.qdpx shows learned suggestions.
const LearnedCoder = "auto-learned"

// checkReviewFiles checks that every autocode.review entry names at least one file.
func (s *Study) checkReviewFiles() error {
	for i, in := range s.Autocode.Review {
		files, err := s.Files(in)
		if err != nil {
			return s.errAt("autocode.review", i, err.Error())
		}
		if len(files) == 0 {
			return s.errAt("autocode.review", i, fmt.Sprintf("no file matches %s", in.Path))
		}
	}
	return nil
}

// reviewFile is one reviewed review.qdpx as read.
type reviewFile struct {
	path string
	list []ingest.ReviewedSuggestion
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
			return nil, nil, fmt.Errorf("%s: %v", in.Path, err)
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

// matchReviews ties the verdicts to the run's segments: by the selection's GUID, which
// review.qdpx derives from the segment id (refiqda.GUID("segment", id)), or, where a QDA
// tool gave the selection a new GUID, by its text when exactly one segment has that text.
// It returns one verdict per (segment, code) and warnings for what it left out.
func matchReviews(p *protected.Dataset, files []reviewFile, rel func(string) string) ([]analysis.ReviewVerdict, []string) {
	byGUID := map[string]string{}
	byText := map[string]string{}
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
	}
	human := map[string]bool{}
	for _, c := range p.Codings {
		if c.Coder != "" && c.Coder != analysis.AutoCoder {
			human[c.Segment] = true
		}
	}
	type key struct{ segment, code string }
	verdicts := map[key]analysis.ReviewVerdict{}
	var warnings []string
	for _, f := range files {
		unmatched, coded, differ := 0, 0, 0
		for _, r := range f.list {
			id, ok := byGUID[r.Selection]
			if !ok && !ambiguous[r.Text] {
				id, ok = byText[r.Text]
			}
			if !ok {
				unmatched++
				continue
			}
			if human[id] {
				coded++
				continue
			}
			k := key{id, r.Code}
			v := analysis.ReviewVerdict{Segment: id, Code: r.Code, Source: r.Source, Accepted: r.Accepted}
			if old, ok := verdicts[k]; ok && old.Accepted != v.Accepted {
				differ++
			}
			verdicts[k] = v
		}
		if unmatched > 0 {
			warnings = append(warnings, fmt.Sprintf("%s: %d reviewed suggestion(s) are on segments this study does not have (a review of another study, or of inputs since changed): left out", rel(f.path), unmatched))
		}
		if coded > 0 {
			warnings = append(warnings, fmt.Sprintf("%s: %d reviewed suggestion(s) are on segments a person has since coded: the human coding counts, the review verdict not", rel(f.path), coded))
		}
		if differ > 0 {
			warnings = append(warnings, fmt.Sprintf("%s: %d suggestion(s) were reviewed before with the other verdict: this file, listed later, counts", rel(f.path), differ))
		}
	}
	out := make([]analysis.ReviewVerdict, 0, len(verdicts))
	for _, v := range verdicts {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Segment != out[j].Segment {
			return out[i].Segment < out[j].Segment
		}
		return out[i].Code < out[j].Code
	})
	return out, warnings
}

// reviewDescriptions lists, per segment that no human coded, the suggestions review.qdpx
// shows for review (on a human-coded segment the comparison with the human coding is the
// validation already), and renames the coder of learned suggestions to LearnedCoder in
// codings (a copy that goes into the project only).
func reviewDescriptions(codings []protected.Coding) map[string]string {
	human := map[string]bool{}
	for _, c := range codings {
		if c.Coder != "" && c.Coder != analysis.AutoCoder {
			human[c.Segment] = true
		}
	}
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
		s := refiqda.Suggestion{Code: c.Code, Source: "dictionary", Detail: c.Rule}
		if c.Rule == analysis.LearnedRule {
			s.Source, s.Detail = analysis.LearnedRule, fmt.Sprintf("p = %.2f", c.Probability)
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
// counts join the dataset's, for the manifest.
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
	d.Files = append(d.Files, counts...)
	return learned, reviews, nil
}

// attachReviews ties the reviews to the protected segments (matchReviews) and returns
// what the analysis gets: nil when the study neither learns nor has reviews.
func attachReviews(learned *analysis.Learned, reviews []reviewFile, p *protected.Dataset, s *Study, warnings *[]string) *analysis.Learned {
	if len(reviews) == 0 {
		return learned
	}
	if learned == nil {
		learned = &analysis.Learned{MinF1: s.LearnMinF1()}
	}
	var w []string
	learned.Reviews, w = matchReviews(p, reviews, s.Rel)
	*warnings = append(*warnings, w...)
	return learned
}
