package pipeline

import (
	"fmt"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/analysis"
	"github.com/samenspel/samenspel/pipeline/learn"
	"github.com/samenspel/samenspel/pipeline/model"
)

// checkLearnKeys checks autocode.learn_min_f1 (a bound on F1, so between 0 and 1).
func (s *Study) checkLearnKeys() error {
	if m := s.Autocode.LearnMinF1; m != nil && (*m < 0 || *m > 1) {
		return s.errAt("autocode.learn_min_f1", -1, fmt.Sprintf("%v must lie between 0 and 1", *m), fmt.Sprintf("%v moet tussen 0 en 1 liggen", *m))
	}
	return nil
}

// LearnMinF1 returns autocode.learn_min_f1 or its default.
func (s *Study) LearnMinF1() float64 {
	if s.Autocode.LearnMinF1 == nil {
		return learn.DefaultMinF1
	}
	return *s.Autocode.LearnMinF1
}

// learnCodes is the learned coder (autocode.learn): per code a logistic regression
// trained on the human-coded respondent segments (learn.Learn), cross-validated with folds
// by respondent, and for the codes whose F1 reaches the bound a suggestion, by coder
// "auto" with Rule analysis.LearnedRule and its probability, on each segment that no
// human coded and where the probability is at least one half. A code the dictionary
// already suggested on a segment is not suggested a second time.
//
// The human codes of a segment are those of every human coder (or of primary_coder
// alone when the study names one); a segment with a human coding row and no code is a
// segment the humans found nothing in. It runs before the protect stage, on the texts as
// read, and hands on only counts per code; the suggestions are codings like the
// dictionary's and are protected with them.
func learnCodes(d *model.Dataset, cb *codebook.Codebook, s *Study) (*analysis.Learned, error) {
	ac, err := codebook.NewAutoCoder(cb)
	if err != nil {
		return nil, err
	}
	var codes []string
	for _, f := range cb.Factors {
		for _, c := range f.Codes {
			codes = append(codes, c.ID)
		}
	}
	humanRow := map[string]bool{}
	human := map[string][]string{}
	dictionary := map[[2]string]bool{} // segment, code the dictionary suggested
	for _, c := range d.Codings {
		switch {
		case c.Coder == analysis.AutoCoder:
			if c.Code != "" {
				dictionary[[2]string{c.Segment, c.Code}] = true
			}
		case c.Coder == "":
		case s.PrimaryCoder != "" && c.Coder != s.PrimaryCoder:
		default:
			humanRow[c.Segment] = true
			if c.Code != "" {
				human[c.Segment] = append(human[c.Segment], c.Code)
			}
		}
	}
	var coded []learn.Coded
	var uncoded []learn.Segment
	var uncodedSeg []*model.Segment
	seen := map[string]bool{}
	for i := range d.Segments {
		seg := &d.Segments[i]
		if seg.Interviewer || seen[seg.ID] {
			continue
		}
		seen[seg.ID] = true
		ls := learn.Segment{Respondent: seg.Respondent, Text: seg.Text}
		for _, m := range ac.Code(seg.Text) {
			ls.Dictionary = append(ls.Dictionary, m.Code)
		}
		if humanRow[seg.ID] {
			coded = append(coded, learn.Coded{Segment: ls, Codes: human[seg.ID]})
		} else {
			uncoded = append(uncoded, ls)
			uncodedSeg = append(uncodedSeg, seg)
		}
	}
	r := learn.Learn(coded, uncoded, learn.Options{
		Codes: codes, MinF1: s.LearnMinF1(), Seed: learn.SeedFor(s.Seed, "autocode.learn"),
	})
	out := &analysis.Learned{MinF1: s.LearnMinF1(), Folds: r.Folds}
	for _, v := range r.Validation {
		out.Codes = append(out.Codes, analysis.LearnedCode{
			Code: v.Code, Segments: v.Segments, Positives: v.Positives,
			TP: v.TP, FP: v.FP, FN: v.FN, TN: v.TN,
			Precision: v.Precision, Recall: v.Recall, F1: v.F1, Alpha: v.Alpha,
			Suggests: v.Suggests,
		})
	}
	count := map[string]int{}
	for _, sg := range r.Suggestions {
		seg := uncodedSeg[sg.Segment]
		if dictionary[[2]string{seg.ID, sg.Code}] {
			continue
		}
		count[sg.Code]++
		d.Codings = append(d.Codings, model.Coding{
			Segment: seg.ID, Code: sg.Code, Raw: sg.Code, Coder: analysis.AutoCoder,
			Rule: analysis.LearnedRule, Probability: sg.Probability, Source: seg.Source,
		})
	}
	for i := range out.Codes {
		out.Codes[i].Suggestions = count[out.Codes[i].Code]
	}
	return out, nil
}
