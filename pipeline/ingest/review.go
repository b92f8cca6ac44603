package ingest

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/refiqda"
)

// ErrNotReview marks a file under autocode.review that is not a review.qdpx samenspel
// wrote (its project has no origin "samenspel").
var ErrNotReview = errors.New("not a review.qdpx written by samenspel")

// ReviewedSuggestion is one suggestion listed in a reviewed review.qdpx, and whether the
// reviewed project still carries it. Selection is the selection's GUID (normalised) and
// Text its name, the segment's text as written; Code is the code id, Source
// "dictionary" or "learned".
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
// FileCount says how many suggestions were read; the file's bytes are hashed as read.
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
			return nil, fc, fmt.Errorf("%s: %w", path, ErrNoProject)
		}
		if qde, err = a.read(qdeName); err != nil {
			return nil, fc, err
		}
	}
	p, err := refiqda.Decode(qde)
	if err != nil {
		return nil, fc, fmt.Errorf("%s: %s: %w", path, qdeName, err)
	}
	if strings.TrimSpace(p.Origin) != "samenspel" {
		return nil, fc, fmt.Errorf("%s: %w (list an export of your own coding under interviews, and under autocode.review only the review.qdpx of a run, reviewed)", path, ErrNotReview)
	}
	byGUID := map[string]string{}
	for _, id := range codeIDs {
		byGUID[refiqda.NormalGUID(refiqda.GUID("code", id))] = id
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
		for _, sel := range src.Selections {
			listed := parseSuggestions(sel.Description)
			if len(listed) == 0 {
				continue
			}
			has := map[string]bool{}
			for _, c := range sel.Codings {
				if id, ok := byGUID[refiqda.NormalGUID(c.Code.Target)]; ok {
					has[id] = true
				}
			}
			for _, l := range listed {
				out = append(out, ReviewedSuggestion{
					Selection: refiqda.NormalGUID(sel.GUID), Text: sel.Name,
					Code: l[0], Source: l[1], Accepted: has[l[0]],
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
		if code != "" && (src == "dictionary" || src == "learned") {
			out = append(out, [2]string{code, src})
		}
	}
	return out
}
