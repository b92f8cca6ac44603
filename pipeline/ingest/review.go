package ingest

import (
	"path/filepath"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/refiqda"
)

// ErrNotReview marks a file under autocode.review that is not a review.qdpx samenspel
// wrote (its project has no origin "samenspel").
var ErrNotReview = model.NewKind("not a review.qdpx written by samenspel", "geen review.qdpx die samenspel heeft geschreven")

// ErrReviewAsInterviews marks a review.qdpx that samenspel wrote, listed under interviews
// beside other interview files or a review loop (Options.Beside): its segments are the
// study's own, and reading them beside the study's inputs counts each one twice.
var ErrReviewAsInterviews = model.NewKind("a review.qdpx written by samenspel, listed under interviews", "een review.qdpx die samenspel heeft geschreven, genoemd onder interviews")

// listedIn is a list of names as Options.Beside writes it ("a, b and c", "a, b, c and 2
// more") in both languages, for model.Reasonf.
func listedIn(list string) error {
	nl := list
	if i := strings.LastIndex(list, " and "); i >= 0 {
		last := list[i+len(" and "):]
		if n, ok := strings.CutSuffix(last, " more"); ok {
			last = "nog " + n
		}
		nl = list[:i] + " en " + last
	}
	return model.Translated(list, nl)
}

// ReviewedSuggestion is one suggestion listed in a reviewed review.qdpx, and whether the
// reviewed project still carries it. Selection is the selection's GUID (normalised) and
// Text its name, the segment's text as written; Code is the code id ("" where the line
// lists no code of the codebook), Source "dictionary", "dictionary+model", "model" or "learned".
type ReviewedSuggestion struct {
	Selection, Text string
	Code, Source    string
	Accepted        bool
}

// ReadReview reads a review.qdpx (or its bare .qde) that a researcher opened in a QDA
// tool, reviewed and exported again. Every selection whose Description lists samenspel's
// suggestions (refiqda.SuggestionsHeader, then one line "code | source | detail" per
// suggestion) gives one ReviewedSuggestion per listed code: accepted when the selection
// still carries that code, by any user, deleted when it does not. A code is recognised by
// its GUID (the codebook's code GUIDs, as samenspel writes them) or else by its name in
// the project's code tree, resolved with resolve (the codebook's aliases and labels). The
// FileCount says how many suggestions were read (all accepted here: the pipeline counts
// the ones it leaves out as rejected); the file's bytes are hashed as read. A listed code
// that is not one of codeIDs (an edited Description) comes back with Code "", so its text
// goes no further.
func ReadReview(path string, codeIDs []string, resolve func(name string) (string, bool)) ([]ReviewedSuggestion, model.FileCount, error) {
	fc := model.FileCount{Path: path, Format: "review"}
	in, err := readInput(path)
	if err != nil {
		return nil, fc, err
	}
	fc.SHA256, fc.Bytes = in.sha256, int64(len(in.data))
	qde := in.data
	qdeName := filepath.Base(path)
	if !strings.EqualFold(filepath.Ext(path), ".qde") {
		a, err := openArchive(in, projectArchive)
		if err != nil {
			return nil, fc, err
		}
		qdeName = findProjectDocument(a, path)
		if qdeName == "" {
			return nil, fc, model.Reasonf("%s: %w", "%s: %v", path, ErrNoProject)
		}
		if qde, err = a.read(qdeName); err != nil {
			return nil, fc, err
		}
	}
	p, err := refiqda.Decode(qde)
	if err != nil {
		return nil, fc, model.Reasonf("%s: %s: %w", "%s: %s: %v", path, qdeName, err)
	}
	if strings.TrimSpace(p.Origin) != "samenspel" {
		return nil, fc, model.Reasonf("%s: %w (list an export of your own coding under interviews, and under autocode.review only the review.qdpx of a run, reviewed)", "%s: %v (noem een export van uw eigen codering onder interviews, en onder autocode.review alleen de beoordeelde review.qdpx van een run)", path, ErrNotReview)
	}
	byGUID := map[string]string{}
	known := map[string]bool{}
	for _, id := range codeIDs {
		byGUID[refiqda.NormalGUID(refiqda.GUID("code", id))] = id
		known[id] = true
	}
	var walk func(cs []refiqda.Code, parent string)
	walk = func(cs []refiqda.Code, parent string) {
		for _, c := range cs {
			g := refiqda.NormalGUID(c.GUID)
			name := strings.TrimSpace(c.Name)
			if _, ok := byGUID[g]; !ok {
				if id, ok := resolve(name); ok {
					byGUID[g] = id
				} else if id, ok := resolve(parent + " > " + name); ok && parent != "" {
					byGUID[g] = id
				}
			}
			path := name
			if parent != "" {
				path = parent + " > " + name
			}
			walk(c.Codes, path)
		}
	}
	walk(p.Codes, "")
	var out []ReviewedSuggestion
	for _, src := range p.TextSources {
		// A passage is its range, however many selections select it: a tool that writes a
		// selection per coding (NVivo) puts the reviewer's codes on selections of their
		// own beside the one that lists the suggestions. A suggestion is accepted when any
		// selection of its passage carries its code, and listed once per passage.
		has := map[[2]string]map[string]bool{}
		for _, sel := range src.Selections {
			k := selectionRange(sel)
			for _, c := range sel.Codings {
				if id, ok := byGUID[refiqda.NormalGUID(c.Code.Target)]; ok {
					if has[k] == nil {
						has[k] = map[string]bool{}
					}
					has[k][id] = true
				}
			}
		}
		done := map[[2]string]map[[2]string]bool{}
		for _, sel := range src.Selections {
			listed := parseSuggestions(sel.Description)
			if len(listed) == 0 {
				continue
			}
			k := selectionRange(sel)
			if done[k] == nil {
				done[k] = map[[2]string]bool{}
			}
			for _, l := range listed {
				if done[k][l] {
					continue // the same listing on another selection of the passage
				}
				done[k][l] = true
				code := l[0]
				if !known[code] {
					code = "" // not a code id: the line's text is left behind, unread
				}
				out = append(out, ReviewedSuggestion{
					Selection: refiqda.NormalGUID(sel.GUID), Text: sel.Name,
					Code: code, Source: l[1], Accepted: code != "" && has[k][code],
				})
			}
		}
	}
	fc.Read, fc.Accepted = len(out), len(out)
	return out, fc, nil
}

// parseSuggestions reads the code and source of each suggestion listed in a selection's
// Description as refiqda.SuggestionLines writes it.
func parseSuggestions(desc string) [][2]string {
	lines := strings.Split(strings.ReplaceAll(desc, "\r\n", "\n"), "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != refiqda.SuggestionsHeader {
		return nil
	}
	var out [][2]string
	for _, l := range lines[1:] {
		f := strings.SplitN(l, " | ", 3)
		if len(f) < 2 {
			continue
		}
		code, src := strings.TrimSpace(f[0]), strings.TrimSpace(f[1])
		if code != "" && (src == "dictionary" || src == "dictionary+model" || src == "model" || src == "learned") {
			out = append(out, [2]string{code, src})
		}
	}
	return out
}

// selectionRange is a selection's passage within its source: its positions as written;
// a selection without them is a passage of its own, by its GUID.
func selectionRange(sel refiqda.PlainTextSelection) [2]string {
	a, b := strings.TrimSpace(sel.StartPosition), strings.TrimSpace(sel.EndPosition)
	if a == "" || b == "" {
		return [2]string{"guid", refiqda.NormalGUID(sel.GUID)}
	}
	return [2]string{a, b}
}
