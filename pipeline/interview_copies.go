package pipeline

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/model"
)

// A copied transcript saved beside its original (JW02_Bergdorp - Kopie.txt, a second
// download JW05_Zeeveen (1).txt), byte for byte the same, was read as another interview
// of the same respondent: its segments counted twice, and its municipality, read from
// the copy's name, won (attack 17, F08). An identical survey export already counts its
// responses once (survey_overlap.go).
//
// sameInterviewFiles keeps one of interview files with the same bytes (the same sha256),
// the first of the study's order that is not itself named as a copy, and leaves the
// others that were read as the same respondents out of the reading, a warning for each
// naming both files: nothing of the copy is lost, since the file it copies holds all of
// it. The same bytes read as other respondents (two names for one file) are both read,
// with a warning.
func sameInterviewFiles(s *Study, files []inputFile, sets []model.Dataset) ([]inputFile, []model.Dataset, []error) {
	hash := func(ds model.Dataset) string {
		for _, f := range ds.Files {
			if f.SHA256 != "" {
				return f.SHA256
			}
		}
		return ""
	}
	keep := map[string]int{} // sha256 -> the index of the file read
	for i := range sets {
		h := hash(sets[i])
		if h == "" {
			continue
		}
		if k, ok := keep[h]; !ok || (isCopyName(files[k].path) && !isCopyName(files[i].path)) {
			keep[h] = i
		}
	}
	var warnings []error
	var outFiles []inputFile
	var outSets []model.Dataset
	others := map[string][]int{} // sha256 -> the files of the same bytes read as other respondents'
	var otherOrder []string
	for i := range sets {
		h := hash(sets[i])
		if k, ok := keep[h]; ok && k != i && files[k].path != files[i].path {
			if !sameRespondents(sets[k], sets[i]) {
				if others[h] == nil {
					otherOrder = append(otherOrder, h)
				}
				others[h] = append(others[h], i)
				outFiles, outSets = append(outFiles, files[i]), append(outSets, sets[i])
				continue
			}
			warnings = append(warnings, model.Reasonf("%s is byte for byte the same file as %s (sha256 %.8s): read once, as %s; delete the copy",
				"%s is byte voor byte hetzelfde bestand als %s (sha256 %.8s): één keer gelezen, als %s; verwijder de kopie",
				s.Rel(files[i].path), s.Rel(files[k].path), h, s.Rel(files[k].path)))
			continue
		}
		outFiles, outSets = append(outFiles, files[i]), append(outSets, sets[i])
	}
	for _, h := range otherOrder { // one warning for each file copied under other names
		i, k := others[h][0], keep[h]
		warnings = append(warnings, model.Reasonf("%[1]s is byte for byte the same file as %[2]s (sha256 %.8[3]s)%[4]s, but read as other respondents': all are read; if one is a copy, delete it",
			"%[1]s is byte voor byte hetzelfde bestand als %[2]s (sha256 %.8[3]s)%[5]s, maar gelezen als dat van andere respondenten: alle zijn gelezen; is een ervan een kopie, verwijder die dan",
			s.Rel(files[i].path), s.Rel(files[k].path), h, moreFiles(len(others[h])-1, "en"), moreFiles(len(others[h])-1, "nl")))
	}
	return outFiles, outSets, warnings
}

// moreFiles says how many more files are the same, in the language given.
func moreFiles(n int, lang string) string {
	if n == 0 {
		return ""
	}
	if lang == "nl" {
		return fmt.Sprintf(", net als %d ander(e) bestand(en)", n)
	}
	return fmt.Sprintf(", as are %d other file(s)", n)
}

// sameRespondents reports whether two files were read as the same respondents' (a copy
// of JW02_Bergdorp.txt named JW02_Bergdorp - Kopie.txt is JW02's; the same bytes under
// another respondent's name are not taken for a copy).
func sameRespondents(a, b model.Dataset) bool {
	ids := func(ds model.Dataset) []string {
		var out []string
		for _, r := range ds.Respondents {
			out = append(out, r.ID)
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	return slices.Equal(ids(a), ids(b))
}

// isCopyName reports whether the file's name carries a copy mark (" - Kopie", " (1)").
func isCopyName(path string) bool {
	stem := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return ingest.WithoutCopyMark(stem) != stem
}
