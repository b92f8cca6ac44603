package pipeline

import (
	"errors"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/progress"
	"github.com/samenspel/samenspel/pipeline/redact"
)

// CheckReport is what `analyse check` finds: everything a run would reject or leave
// unused, with a proposed fix where one can be made. It holds real values from the inputs
// (answer labels, code names, column headers) and is never written to an output; the
// listing prints them through Shown, redacted.
type CheckReport struct {
	Files []model.FileCount
	// Labels are the answer labels that are not answers of their scale, most frequent
	// first, with a proposed answer where one is found.
	Labels []LabelProposal
	// Codes are the code names the codebook does not know, with the nearest code.
	Codes []CodeProposal
	// Roles are the respondents' roles that the codebook does not know, with the
	// nearest codebook role: a typo ("Schoo") would otherwise become a role of its own.
	Roles []RoleProposal
	// Unmatched are the survey columns that match no codebook item.
	Unmatched []model.Column
	// NoRole and NoMunicipality count respondents without a role or a municipality.
	NoRole, NoMunicipality int
	// Other groups the remaining rejects (rows and cells) by reason.
	Other []RejectCount
	// Warnings from reading (survey files sharing respondent ids).
	Warnings []error // in both languages (model.Dutch)
	// redactor is the run's: Shown redacts what the listing prints as a run's outputs do.
	redactor *redact.Redactor
	title    string              // the title as a run publishes it (title.go)
	codeName func(string) string // a redacted code name as a run publishes it (code_names.go)
	// asWritten are the texts the listing prints as they are (coder folds: coder_fold.go)
	asWritten map[string]bool
}

// Shown is text (a label, code name, role, reason, warning or file name as read) as the
// listing prints it: redacted as a run redacts it in rejects.csv and the summary, since
// check's output is pasted into mails and issues. The fields keep the values as read,
// for -write-codebook.
func (r *CheckReport) Shown(text string) string {
	if r.redactor == nil || r.asWritten[text] {
		return text
	}
	return r.redactor.RedactWithPaths(text) // file names too (published_paths.go)
}

// ShownCode is a code name from an export as the listing prints it: as a run publishes
// it in unmapped_codes (Shown, then the cues of code names: code_names.go).
func (r *CheckReport) ShownCode(name string) string {
	shown := r.Shown(name)
	if r.codeName == nil || r.asWritten[name] {
		return shown
	}
	return r.codeName(shown)
}

// LabelProposal is an answer label a scale does not know, and what it probably means.
type LabelProposal struct {
	Scale   string
	Label   string
	Count   int
	Value   float64 // the proposed answer value, when Found and not Missing
	Missing bool    // the label means "don't know" or "not applicable"
	Found   bool
	How     string // why: "number prefix", "number suffix", "label after the number", "a known Likert wording", "a known \"don't know\" wording", "close to"
	Near    string // for "close to": the scale's label it is close to; for "label after the number": the number
}

// CodeProposal is a code name the codebook does not know, and the nearest code.
type CodeProposal struct {
	Name     string
	Codings  int
	Code     string // the proposed codebook code id; empty when none is close
	Label    string
	Explicit bool // named in study.yaml's known_unmapped: not something to fix
	// How: "close" (a name near the code's), "negated" (the name negates a facilitator's
	// name, Near, and Code is the barrier the codebook's negated map gives for it).
	How  string
	Near string
}

// RoleProposal is a role as read that is no codebook role, and the nearest one.
type RoleProposal struct {
	Role        string
	Respondents int
	Nearest     string // a codebook role id; empty when none is close
}

// RejectCount counts the rejects of one reason.
type RejectCount struct {
	Reason   string
	ReasonNL string // the same in Dutch
	Count    int
	Cells    bool
}

// ReasonIn is the reason in lang (nl or en).
func (c RejectCount) ReasonIn(lang string) string {
	if lang == "nl" {
		return c.ReasonNL
	}
	return c.Reason
}

// Nothing reports whether the check found nothing to fix.
func (r *CheckReport) Nothing() bool {
	if r.StopsRun() { // check_stops.go
		return false
	}
	for _, c := range r.Codes {
		if !c.Explicit {
			return false
		}
	}
	// Unmatched survey columns are listed, not counted: an open remarks column or an
	// attribute such as age is no error. One that resembles an item the file lacks ("K-1"
	// for K1) is: its scale is computed from fewer items (ingest/survey_nearitems.go).
	for _, c := range r.Unmatched {
		if c.Resembles != "" {
			return false
		}
	}
	// One name written in several ways is counted as one (spellings.go), but the inputs
	// should say it one way.
	for _, w := range r.Warnings {
		if errors.As(w, new(spellingWarning)) || errors.Is(w, ErrTwoMunicipalities) || errors.Is(w, ErrEditedCopy) || errors.Is(w, ErrSameFileOtherRespondents) || errors.Is(w, ingest.ErrCodesUnread) || errors.Is(w, ErrNamesOfSeveral) { // municipality_pairs.go, interview_copies.go, ingest/segments_generic.go, respondent_names.go
			return false
		}
	}
	// So is a scale item that no column of a file holds while the file gives the scale's
	// other items (ingest/survey_missingitems.go).
	for _, w := range r.Warnings {
		if errors.Is(w, ingest.ErrItemMissing) || errors.Is(w, ingest.ErrIDSpelling) || errors.Is(w, ingest.ErrMixedEncoding) || errors.Is(w, ingest.ErrMixedEncodingMac) || errors.Is(w, ingest.ErrVraagOrVrouw) || errors.Is(w, ingest.ErrQuestionOrLabel) { // V, Q1: transcript_interviewer.go
			return false
		}
	}
	return len(r.Labels) == 0 && len(r.Roles) == 0 && r.NoRole == 0 && r.NoMunicipality == 0 && len(r.Other) == 0
}

// Check reads the whole study as a run does, writes nothing, and reports what a run
// would reject or leave unused, with proposed answer and code aliases.
func Check(s *Study, rep progress.Reporter) (*CheckReport, error) {
	var report *CheckReport
	_, err := execute(s, "", rep, func(d *model.Dataset, cb *codebook.Codebook, warnings []error) {
		report = checkDataset(s, d, cb)
		report.Warnings = warnings
		checkCoderFolds(s, d, report) // coder_fold.go
	})
	if err != nil {
		return nil, err
	}
	return report, nil
}

func checkDataset(s *Study, d *model.Dataset, cb *codebook.Codebook) *CheckReport {
	r := &CheckReport{redactor: newRedactor(d, cb, s)}
	r.title = publishedTitle(s.Title, r.redactor, d)
	r.codeName = codeNameRedactor(d, cb, r.redactor)
	for _, f := range d.Files {
		f.Path = s.Rel(f.Path)
		r.Files = append(r.Files, f)
	}
	scaleOf := map[string]*codebook.Scale{}
	for i := range cb.Scales {
		for _, it := range cb.Scales[i].Items {
			scaleOf[it.ID] = &cb.Scales[i]
		}
	}
	labels := map[[2]string]*LabelProposal{}
	other := map[[2]string]*RejectCount{}
	for _, rj := range d.Rejects {
		if sc := scaleOf[rj.Item]; sc != nil && rj.Cell && errors.Is(rj.Err, ingest.ErrUnknownLabel) {
			label := rj.Value
			var le ingest.LabelError // an SPSS code's value label
			if errors.As(rj.Err, &le) {
				label = le.Label
			}
			k := [2]string{sc.ID, label}
			if labels[k] == nil {
				p := ProposeAnswer(*sc, label)
				p.Scale = sc.ID
				labels[k] = &p
			}
			labels[k].Count++
			continue
		}
		cells := ""
		if rj.Cell {
			cells = "cell"
		}
		k := [2]string{cells, rj.Reason()}
		if other[k] == nil {
			other[k] = &RejectCount{Reason: rj.Reason(), ReasonNL: rj.ReasonIn("nl"), Cells: rj.Cell}
		}
		other[k].Count++
	}
	for _, p := range labels {
		r.Labels = append(r.Labels, *p)
	}
	sort.Slice(r.Labels, func(i, j int) bool {
		a, b := r.Labels[i], r.Labels[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		if a.Scale != b.Scale {
			return a.Scale < b.Scale
		}
		return a.Label < b.Label
	})
	for _, o := range other {
		r.Other = append(r.Other, *o)
	}
	sort.Slice(r.Other, func(i, j int) bool {
		if r.Other[i].Count != r.Other[j].Count {
			return r.Other[i].Count > r.Other[j].Count
		}
		return r.Other[i].Reason < r.Other[j].Reason
	})

	var codeIDs, codeNames []string
	for _, f := range cb.Factors {
		for _, c := range f.Codes {
			codeIDs = append(codeIDs, c.ID)
			codeNames = append(codeNames, c.ID)
			for _, l := range []string{c.Label.In("nl"), c.Label.In("en")} {
				if l != "" {
					codeIDs = append(codeIDs, c.ID)
					codeNames = append(codeNames, l)
					codeIDs = append(codeIDs, c.ID)
					codeNames = append(codeNames, f.Label.In("nl")+" > "+l)
				}
			}
		}
	}
	codings := map[string]int{}
	for _, c := range d.Codings {
		if c.Unmapped() {
			codings[strings.TrimSpace(c.Raw)]++
		}
	}
	for _, name := range model.SortedKeys(codings) {
		p := CodeProposal{Name: name, Codings: codings[name], Explicit: s.IsKnownUnmapped(name)}
		if !p.Explicit {
			p.Code, p.How, p.Near = proposeCode(cb, name, codeNames, codeIDs)
			if c, ok := cb.Code(p.Code); ok {
				p.Label = c.Label.In(s.Language)
			}
		}
		r.Codes = append(r.Codes, p)
	}
	r.Unmatched = append(r.Unmatched, d.Unmatched...)
	for i := range r.Unmatched {
		r.Unmatched[i].File = s.Rel(r.Unmatched[i].File)
	}
	var roleNames, roleIDs []string
	for _, role := range cb.Roles {
		for _, n := range append([]string{role.ID, role.Label.In("nl"), role.Label.In("en")}, role.Synonyms...) {
			if n != "" {
				roleNames, roleIDs = append(roleNames, n), append(roleIDs, role.ID)
			}
		}
	}
	unknownRoles := map[string]int{}
	for _, resp := range d.Respondents {
		if _, ok := cb.Role(resp.Role); !ok && strings.TrimSpace(resp.Role) != "" && len(cb.Roles) > 0 {
			unknownRoles[resp.Role]++
		}
		if strings.TrimSpace(resp.Role) == "" {
			r.NoRole++
		}
		if strings.TrimSpace(resp.Municipality) == "" {
			r.NoMunicipality++
		}
	}
	for _, role := range model.SortedKeys(unknownRoles) {
		p := RoleProposal{Role: role, Respondents: unknownRoles[role]}
		if n := codebook.Nearest(role, roleNames); n != "" {
			for i := range roleNames {
				if roleNames[i] == n {
					p.Nearest = roleIDs[i]
					break
				}
			}
		}
		r.Roles = append(r.Roles, p)
	}
	return r
}

func lastPart(name string) string {
	if i := strings.LastIndexAny(name, ">:\\/"); i >= 0 && i+1 < len(name) {
		return strings.TrimSpace(name[i+1:])
	}
	return name
}

var numberPrefixRe = regexp.MustCompile(`^\(?\s*(\d+)\s*[).:=-]?\s*[-–—=:.]?\s*(.*)$`)
var numberSuffixRe = regexp.MustCompile(`^(.*?)\s*\(\s*(\d+)\s*\)$`)

// likertWordings are common Dutch and English wordings of a five-point agreement scale
// that codebooks often leave out, by position from the bottom (1) to the top (5).
var likertWordings = map[string]int{
	"zeer mee oneens": 1, "zeer oneens": 1, "helemaal oneens": 1, "volledig mee oneens": 1, "totaal mee oneens": 1,
	"strongly disagree": 1, "completely disagree": 1, "totally disagree": 1,
	"helemaal niet mee eens": 1, "helemaal niet eens": 1, "totaal niet mee eens": 1, "totaal niet eens": 1,
	"absoluut niet mee eens": 1, "volstrekt niet mee eens": 1, "zeer niet mee eens": 1,
	"oneens": 2, "niet mee eens": 2, "niet eens": 2, "enigszins mee oneens": 2, "een beetje mee oneens": 2,
	"disagree": 2, "somewhat disagree": 2, "slightly disagree": 2,
	"neutraal": 3, "niet eens, niet oneens": 3, "niet eens niet oneens": 3, "noch eens noch oneens": 3, "neither": 3,
	"neither agree nor disagree": 3, "neutral": 3, "undecided": 3,
	"eens": 4, "enigszins mee eens": 4, "een beetje mee eens": 4,
	"agree": 4, "somewhat agree": 4, "slightly agree": 4,
	"zeer mee eens": 5, "zeer eens": 5, "helemaal eens": 5, "volledig mee eens": 5, "totaal mee eens": 5,
	"strongly agree": 5, "completely agree": 5, "totally agree": 5,
}

// missingWordings are wordings of "don't know" and "not applicable".
var missingWordings = map[string]bool{
	"weet ik niet": true, "weet niet": true, "geen idee": true, "geen mening": true, "niet van toepassing": true,
	"n.v.t.": true, "nvt": true, "wil ik niet zeggen": true, "zeg ik liever niet": true,
	"don't know": true, "dont know": true, "do not know": true, "not applicable": true, "n/a": true,
	"prefer not to say": true, "no opinion": true,
}

// likertValue is the value of a five-point scale at the position of a known Likert
// wording (folded).
func likertValue(sc codebook.Scale, folded string) (float64, bool) {
	pos, ok := likertWordings[folded]
	if !ok || len(sc.Answers) != 5 {
		return 0, false
	}
	values := make([]float64, 0, 5)
	for _, a := range sc.Answers {
		values = append(values, a.Value)
	}
	sort.Float64s(values)
	return values[pos-1], true
}

// knownAnswer is the value of a label the scale knows as written (folded), or of a
// known Likert wording.
func knownAnswer(sc codebook.Scale, label string) (float64, bool) {
	k := codebook.Fold(label)
	if k == "" {
		return 0, false
	}
	for _, a := range sc.Answers {
		for _, l := range a.Labels {
			if codebook.Fold(l) == k {
				return a.Value, true
			}
		}
	}
	return likertValue(sc, k)
}

// ProposeAnswer proposes what an answer label that a scale does not know means: a
// number prefix or suffix on the scale ("4 - Mee eens", "Mee eens (4)"; where the
// label beside the number is one the scale knows with another value, that label's
// value), a common Likert or "don't know" wording (a five-point scale's positions), or
// a label within a small edit distance of one of the scale's labels (a typo) that does
// not negate it (check_polarity.go).
func ProposeAnswer(sc codebook.Scale, label string) LabelProposal {
	p := LabelProposal{Label: label}
	onScale := func(v float64) bool {
		for _, a := range sc.Answers {
			if a.Value == v {
				return true
			}
		}
		return false
	}
	// A number before or after a label the scale knows, or a known Likert wording, with
	// another value ("1 - Helemaal mee eens" where 5 is "Helemaal mee eens"): many Dutch
	// questionnaires number the best answer 1, so the label counts, not the number, as
	// the SPSS reader decides for value labels (attack 16, F14).
	byNumber := func(num, rest, how string) (LabelProposal, bool) {
		v, err := strconv.ParseFloat(num, 64)
		if err != nil || !onScale(v) {
			return p, false
		}
		if lv, ok := knownAnswer(sc, rest); ok && lv != v {
			p.Value, p.Found, p.How, p.Near = lv, true, "label after the number", num
			return p, true
		}
		p.Value, p.Found, p.How = v, true, how
		return p, true
	}
	if m := numberPrefixRe.FindStringSubmatch(strings.TrimSpace(label)); m != nil && m[2] != "" {
		if q, ok := byNumber(m[1], m[2], "number prefix"); ok {
			return q
		}
	}
	if m := numberSuffixRe.FindStringSubmatch(strings.TrimSpace(label)); m != nil {
		if q, ok := byNumber(m[2], m[1], "number suffix"); ok {
			return q
		}
	}
	k := codebook.Fold(label)
	if missingWordings[k] || missingWordings[strings.ToLower(strings.TrimSpace(label))] {
		p.Missing, p.Found, p.How = true, true, "a known \"don't know\" wording"
		return p
	}
	if v, ok := likertValue(sc, k); ok {
		p.Value, p.Found, p.How = v, true, "a known Likert wording"
		return p
	}
	var names []string
	var vals []float64
	for _, a := range sc.Answers {
		for _, l := range a.Labels {
			names = append(names, l)
			vals = append(vals, a.Value)
		}
	}
	if n := nearestSamePolarity(label, names); n != "" {
		for i := range names {
			if names[i] == n {
				p.Value, p.Found, p.How, p.Near = vals[i], true, "close to", n
				break
			}
		}
	}
	return p
}
