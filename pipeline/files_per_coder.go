package pipeline

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// Two coders' copies of one coding sheet, a file per coder and no coder column
// (codering_Anouk.xlsx, codering_Bram.xlsx under one glob; attack 17, F02), were read as
// one coder's codings: each segment got both coders' codes, the frequencies counted the
// union of two judgements, and the agreement table had no double-coded segment, without
// a word. A workbook with a sheet per coder already stops the run
// (ingest/sheets_per_coder.go); filesPerCoder does the same for files.
//
// filesPerCoder finds two interview files that hold the same segment (respondent,
// document, position and text) with other codes, no coding of either naming its coder.
// Taking the file names for coders would be a guess (two rounds of one coder, a copy
// edited later), so the run stops, naming both files, the segment and the entries that
// read each file with its coder (coder: on the entry).
//
// Two files that share no code at all are not two coders' (who code with one codebook):
// they are one coder's export cut per code group (codering_kennen.csv,
// codering_bereiken.csv, the same segments with each group's codes), and their union is
// the coding. 0.12.0 stopped such a run, advising a coder per file; read so, the
// "coder" of one file was the primary coder, and every code of the other counted 0
// segments, with agreement 0 between code groups. They are read as one coder's now, with
// a warning naming both files, which it returns.
func filesPerCoder(s *Study, files []inputFile, sets []model.Dataset) ([]error, error) {
	type seen struct {
		file  int
		codes []string
	}
	first := map[string]seen{} // the segment's key -> its first file's codes
	fileCodes := make([]map[string]bool, len(sets))
	disjoint := map[[2]int]bool{}
	var warnings []error
	for i := range sets {
		codes := map[string][]string{}
		named := false
		fileCodes[i] = map[string]bool{}
		for _, c := range sets[i].Codings {
			if c.Coder != "" {
				named = true
				break
			}
			codes[c.Segment] = append(codes[c.Segment], c.Raw)
			fileCodes[i][c.Raw] = true
		}
		if named || len(sets[i].Codings) == 0 {
			continue // the rows name their coders, or the file codes nothing
		}
		for _, seg := range sets[i].Segments {
			if seg.Interviewer || seg.OpenAnswer {
				continue
			}
			key := fmt.Sprintf("%s\x00%s\x00%d\x00%d\x00%s", seg.Respondent, seg.Document, seg.Start, seg.End, strings.Join(strings.Fields(seg.Text), " "))
			cs := slices.Clone(codes[seg.ID])
			slices.Sort(cs)
			cs = slices.Compact(cs)
			e, ok := first[key]
			if !ok {
				first[key] = seen{file: i, codes: cs}
				continue
			}
			if e.file == i || slices.Equal(e.codes, cs) || files[e.file].path == files[i].path {
				continue
			}
			a, b := s.Rel(files[e.file].path), s.Rel(files[i].path)
			if !shareCode(fileCodes[e.file], fileCodes[i]) {
				if pair := [2]int{e.file, i}; !disjoint[pair] {
					disjoint[pair] = true
					warnings = append(warnings, model.Reasonf("%[1]s and %[2]s hold the same segments with other codes, no row naming its coder, but the two files share no code: read as one coder's codings cut per code group; if they are two coders', name each file's coder in study.yaml, %[3]s",
						"%[1]s en %[2]s bevatten dezelfde fragmenten met andere codes, en geen regel noemt de codeur, maar de twee bestanden hebben geen code gemeen: gelezen als de coderingen van één codeur, per codegroep geëxporteerd; zijn ze van twee codeurs, noem dan in study.yaml de codeur van elk bestand, %[3]s",
						a, b, entryPerFile(a, b)))
				}
				continue
			}
			return warnings, model.Reasonf("%[1]s and %[2]s hold the same segment of respondent %[3]q (document, position, text) with other codes, and no row names its coder: a file per coder, read as one coder's, would pool two coders' codings; name each file's coder in study.yaml, %[4]s, or add a coder column to each file: %[5]w",
				"%[1]s en %[2]s bevatten hetzelfde fragment van respondent %[3]q (document, plaats, tekst) met andere codes, en geen regel noemt de codeur: een bestand per codeur, gelezen als de coderingen van één codeur, zou de coderingen van twee codeurs samenvoegen; noem in study.yaml de codeur van elk bestand, %[4]s, of geef elk bestand een kolom met de codeur: %[5]v",
				a, b, seg.Respondent, entryPerFile(a, b), ErrFilePerCoder)
		}
	}
	return warnings, nil
}

// shareCode reports whether two files' codes (as imported) have one in common.
func shareCode(a, b map[string]bool) bool {
	for c := range a {
		if b[c] {
			return true
		}
	}
	return false
}

// ErrFilePerCoder is wrapped by the error for coding files that look like a file per coder.
var ErrFilePerCoder = model.NewKind("a file per coder without a coder column", "een bestand per codeur zonder kolom met de codeur")

// entryPerFile is the study.yaml that reads two files as two coders' entries, each coder
// named after what differs between the file names (codering_Anouk, codering_Bram:
// Anouk, Bram), or after the whole name where nothing is left.
func entryPerFile(a, b string) string {
	na := strings.TrimSuffix(filepath.Base(a), filepath.Ext(a))
	nb := strings.TrimSuffix(filepath.Base(b), filepath.Ext(b))
	ca, cb := differing(na, nb)
	return fmt.Sprintf("interviews: [{path: %s, coder: %s}, {path: %s, coder: %s}]", filepath.ToSlash(a), ca, filepath.ToSlash(b), cb)
}

// differing returns a and b without the words (parts between _ - . and spaces) they
// share at the start and end; a name that would be left empty is kept whole.
func differing(a, b string) (string, string) {
	sep := func(r rune) bool { return r == '_' || r == '-' || r == '.' || r == ' ' }
	wa, wb := strings.FieldsFunc(a, sep), strings.FieldsFunc(b, sep)
	p := 0
	for p < len(wa) && p < len(wb) && wa[p] == wb[p] {
		p++
	}
	q := 0
	for q < len(wa)-p && q < len(wb)-p && wa[len(wa)-1-q] == wb[len(wb)-1-q] {
		q++
	}
	da, db := strings.Join(wa[p:len(wa)-q], " "), strings.Join(wb[p:len(wb)-q], " ")
	if da == "" || db == "" || strings.ContainsAny(a+b, ",:{}[]#&*!|>'\"%@`") {
		return a, b
	}
	return da, db
}
