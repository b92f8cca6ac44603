package analysis

import (
	"fmt"
	"math"
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/results"
)

func init() { Stages = append(Stages, LearnedValidation, AutocodeReview) }

// LearnedRule is the Rule of a learned suggestion (autocode.learn): a coding by the
// auto-coder that no dictionary pattern made, with the model's probability.
const LearnedRule = "learned"

// Learned is what the learner found before the protect stage (pipeline/learned.go):
// per code the cross-validated figures, and the researcher's verdicts on reviewed
// suggestions, keyed by the protected segment id.
type Learned struct {
	MinF1   float64
	Folds   int
	Codes   []LearnedCode
	Reviews []ReviewVerdict
}

// LearnedCode is one code's cross-validation (learn.Validation). Float figures are NaN
// where undefined.
type LearnedCode struct {
	Code                  string
	Segments, Positives   int
	TP, FP, FN, TN        int
	Precision, Recall, F1 float64
	Alpha                 float64
	Suggests              bool
	Suggestions           int
}

// ReviewVerdict is the researcher's verdict on one suggestion in a reviewed review.qdpx:
// kept (Accepted) or deleted. Source is AutoSource's ("dictionary", "dictionary+model",
// "model" or "learned"). Each (segment, code) has one verdict, however often it was
// reviewed.
type ReviewVerdict struct {
	Segment, Code, Source string
	Accepted              bool
}

// LearnedValidation is the table `autocode_learned_validation`: per code of the codebook
// the learned coder checked against the humans by k-fold cross-validation over the
// human-coded segments, folds by respondent (learn.Validation has the formulas), whether
// the code gets learned suggestions (f1 at least min_f1), how many it got, and the
// researcher's verdicts on reviewed learned suggestions:
//
//	review_precision = accepted / (accepted + deleted)
//	precision_with_review = (tp + accepted) / (tp + fp + accepted + deleted)
//
// A verdict is on a segment no human coded, so it adds to the cross-validated counts
// without counting any segment twice. Empty cells: undefined figures. With autocode.learn
// off the table has no rows.
func LearnedValidation(in *Input, res *results.Results) {
	t := results.NewTable("autocode_learned_validation",
		results.Column{Name: "code", Kind: results.Text},
		results.Column{Name: "segments", Kind: results.Int},
		results.Column{Name: "positives", Kind: results.Int},
		results.Column{Name: "folds", Kind: results.Int},
		results.Column{Name: "tp", Kind: results.Int},
		results.Column{Name: "fp", Kind: results.Int},
		results.Column{Name: "fn", Kind: results.Int},
		results.Column{Name: "tn", Kind: results.Int},
		results.Column{Name: "precision", Kind: results.Float},
		results.Column{Name: "recall", Kind: results.Float},
		results.Column{Name: "f1", Kind: results.Float},
		results.Column{Name: "krippendorff_alpha", Kind: results.Float},
		results.Column{Name: "min_f1", Kind: results.Float},
		results.Column{Name: "suggests", Kind: results.Bool},
		results.Column{Name: "suggestions", Kind: results.Int},
		results.Column{Name: "reviewed_accepted", Kind: results.Int},
		results.Column{Name: "reviewed_deleted", Kind: results.Int},
		results.Column{Name: "review_precision", Kind: results.Float},
		results.Column{Name: "precision_with_review", Kind: results.Float})
	t.Title = map[string]string{"nl": "Geleerd coderen, kruisgevalideerd tegen de menselijke codeurs", "en": "Learned coding, cross-validated against the human coders"}
	defer res.Add(t)
	l := in.Learned
	if l == nil {
		return
	}
	acc, del := map[string]int{}, map[string]int{}
	for _, v := range l.Reviews {
		if v.Source != LearnedRule {
			continue
		}
		if v.Accepted {
			acc[v.Code]++
		} else {
			del[v.Code]++
		}
	}
	var below, pass []string
	for _, c := range l.Codes {
		a, d := acc[c.Code], del[c.Code]
		var rp, pr any
		if a+d > 0 {
			rp = float64(a) / float64(a+d)
		}
		if n := c.TP + c.FP + a + d; n > 0 {
			pr = float64(c.TP+a) / float64(n)
		}
		t.Add(c.Code, c.Segments, c.Positives, l.Folds, c.TP, c.FP, c.FN, c.TN,
			finite(c.Precision), finite(c.Recall), finite(c.F1), finite(c.Alpha), l.MinF1,
			c.Suggests, c.Suggestions, a, d, rp, pr)
		switch {
		case c.Suggests:
			pass = append(pass, fmt.Sprintf("%s (F1 %s)", c.Code, learnedDecimal(c.F1, in.Language)))
		case c.Positives == 0:
			below = append(below, fmt.Sprintf("%s (%s)", c.Code, learnedText(in.Language, "niet menselijk gecodeerd", "never coded by a person")))
		case math.IsNaN(c.F1):
			below = append(below, fmt.Sprintf("%s (F1 %s)", c.Code, learnedText(in.Language, "niet te bepalen", "undefined")))
		default:
			below = append(below, fmt.Sprintf("%s (F1 %s)", c.Code, learnedDecimal(c.F1, in.Language)))
		}
	}
	bound := learnedDecimal(l.MinF1, in.Language)
	if l.Folds < 2 {
		res.Notes = append(res.Notes, results.Note{Topic: "autocode_learned_validation",
			NL: "er zijn te weinig respondenten met gecodeerde fragmenten om kruiselings te valideren, dus er zijn geen geleerde suggesties gedaan.",
			EN: "too few respondents have coded segments to cross-validate, so no learned suggestions were made."})
		return
	}
	if len(below) > 0 {
		res.Notes = append(res.Notes, results.Note{Topic: "autocode_learned_validation",
			NL: fmt.Sprintf("deze codes krijgen geen geleerde suggesties, omdat hun F1 in de %d-voudige kruisvalidatie (fold per respondent) onder de grens van %s ligt: %s.", l.Folds, bound, strings.Join(below, "; ")),
			EN: fmt.Sprintf("these codes get no learned suggestions, as their F1 in the %d-fold cross-validation (folds by respondent) is below the bound of %s: %s.", l.Folds, bound, strings.Join(below, "; "))})
	}
	if len(pass) > 0 {
		res.Notes = append(res.Notes, results.Note{Topic: "autocode_learned_validation",
			NL: fmt.Sprintf("deze codes krijgen geleerde suggesties (F1 ten minste %s): %s.", bound, strings.Join(pass, "; ")),
			EN: fmt.Sprintf("these codes get learned suggestions (F1 at least %s): %s.", bound, strings.Join(pass, "; "))})
	}
}

// AutocodeReview is the table `autocode_review`: per code and source (dictionary or
// learned) the suggestions a researcher reviewed in review.qdpx, how many were kept
// (accepted) and deleted, and precision = accepted / reviewed. No rows without reviews.
func AutocodeReview(in *Input, res *results.Results) {
	t := results.NewTable("autocode_review",
		results.Column{Name: "code", Kind: results.Text},
		results.Column{Name: "source", Kind: results.Text},
		results.Column{Name: "reviewed", Kind: results.Int},
		results.Column{Name: "accepted", Kind: results.Int},
		results.Column{Name: "deleted", Kind: results.Int},
		results.Column{Name: "precision", Kind: results.Float})
	t.Title = map[string]string{"nl": "Beoordeelde suggesties", "en": "Reviewed suggestions"}
	defer res.Add(t)
	if in.Learned == nil || in.Codebook == nil {
		return
	}
	type key struct{ code, source string }
	acc, del := map[key]int{}, map[key]int{}
	for _, v := range in.Learned.Reviews {
		if v.Accepted {
			acc[key{v.Code, v.Source}]++
		} else {
			del[key{v.Code, v.Source}]++
		}
	}
	for _, f := range in.Codebook.Factors {
		for _, c := range f.Codes {
			for _, src := range []string{SourceDictionary, SourceDictModel, SourceModel, LearnedRule} {
				k := key{c.ID, src}
				a, d := acc[k], del[k]
				if a+d == 0 {
					continue
				}
				t.Add(c.ID, src, a+d, a, d, float64(a)/float64(a+d))
			}
		}
	}
}

func learnedText(lang, nl, en string) string {
	if lang == "en" {
		return en
	}
	return nl
}

// learnedDecimal writes x with two decimals, with a decimal comma in Dutch.
func learnedDecimal(x float64, lang string) string {
	s := fmt.Sprintf("%.2f", x)
	if lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// autocodingRow is a row of the autocodings table: a dictionary coding with its rule,
// span and offsets, or a learned one with rule "learned", no span and its probability;
// its source is AutoSource's.
func autocodingRow(c *protected.Coding, pseudonym string) []any {
	if c.Rule == LearnedRule {
		return []any{c.Segment, pseudonym, c.Code, c.Rule, nil, nil, nil, LearnedRule, c.Probability, nil}
	}
	return []any{c.Segment, pseudonym, c.Code, c.Rule, c.Span, c.SpanStart, c.SpanEnd, AutoSource(c), dictionaryConfidence(c), heldReason(c)}
}

// The sources of an auto-coder's suggestion (AutoSource), in autocodings.csv and
// review.qdpx.
const (
	SourceDictionary = "dictionary"       // the dictionary (and its calibration) decided
	SourceDictModel  = "dictionary+model" // a pattern fired and the shipped model kept it or held it back
	SourceModel      = "model"            // the shipped model alone: no pattern fired, rule "model: ..."
)

// AutoSource names who decided an auto-coder's suggestion: LearnedRule for a learned
// one; where the codebook's shipped model decided it (a probability is set),
// SourceModel for one no pattern found (its rule starts with codebook.ModelRulePrefix)
// and SourceDictModel for a pattern's; SourceDictionary otherwise.
func AutoSource(c *protected.Coding) string {
	switch {
	case c.Rule == LearnedRule:
		return LearnedRule
	case c.Probability > 0 && strings.HasPrefix(c.Rule, codebook.ModelRulePrefix):
		return SourceModel
	case c.Probability > 0:
		return SourceDictModel
	}
	return SourceDictionary
}
