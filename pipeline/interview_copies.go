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
// with a warning, and so are the same bytes read by entries that give them another coder
// or sheet: two coders who coded alike and exported the same file (coder: on each entry)
// are two coders' judgements, and dropping one lost the second coder and every
// double-coded segment (agreement "no segment coded by two or more coders"). The same
// transcript in two waves is a copy: nobody says the same words twice.
func sameInterviewFiles(s *Study, files []inputFile, sets []model.Dataset) ([]inputFile, []model.Dataset, []error) {
	keep := map[string]int{} // sha256 -> the index of the file read
	for i := range sets {
		h := fileHash(sets[i])
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
		h := fileHash(sets[i])
		if k, ok := keep[h]; ok && k != i && files[k].path != files[i].path {
			if !sameEntryReading(files[k].input, files[i].input) {
				warnings = append(warnings, model.Reasonf("%[1]s is byte for byte the same file as %[2]s (sha256 %.8[3]s), but its entry in study.yaml gives another coder or sheet (%[4]s, not %[5]s): both are read; if one is a copy, delete it",
					"%[1]s is byte voor byte hetzelfde bestand als %[2]s (sha256 %.8[3]s), maar de invoer in study.yaml geeft een andere codeur of een ander werkblad (%[6]s, niet %[7]s): beide zijn gelezen; is een ervan een kopie, verwijder die dan",
					s.Rel(files[i].path), s.Rel(files[k].path), h,
					entryReading(files[i].input, "en"), entryReading(files[k].input, "en"), entryReading(files[i].input, "nl"), entryReading(files[k].input, "nl")))
				outFiles, outSets = append(outFiles, files[i]), append(outSets, sets[i])
				continue
			}
			// The same bytes under the original's name with a copy's mark ("JW01 -
			// kopie.txt" beside JW01.txt) are its copy, though the id read from the name
			// keeps the mark ("JW01 - kopie"): read once, as the original.
			if !sameRespondents(sets[k], sets[i]) && !copyOf(files[i].path, files[k].path) {
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
	warnings = append(warnings, nearCopies(s, outFiles, outSets)...)
	for _, h := range otherOrder { // one warning for each file copied under other names
		i, k := others[h][0], keep[h]
		warnings = append(warnings, model.Reasonf("%[6]w: %[1]s is byte for byte the same file as %[2]s (sha256 %.8[3]s)%[4]s, but read as other respondents': all are read; if one is a copy, delete it",
			"%[6]v: %[1]s is byte voor byte hetzelfde bestand als %[2]s (sha256 %.8[3]s)%[5]s, maar gelezen als dat van andere respondenten: alle zijn gelezen; is een ervan een kopie, verwijder die dan",
			s.Rel(files[i].path), s.Rel(files[k].path), h, moreFiles(len(others[h])-1, "en"), moreFiles(len(others[h])-1, "nl"), ErrSameFileOtherRespondents))
	}
	return outFiles, outSets, warnings
}

// sameEntryReading reports whether two entries read the same bytes alike: the same
// coder and sheet.
func sameEntryReading(a, b Input) bool {
	return a.Coder == b.Coder && a.Sheet == b.Sheet
}

// entryReading names what an entry gives its files: coder and sheet, as written, in the
// language given.
func entryReading(in Input, lang string) string {
	if lang == "nl" {
		return fmt.Sprintf("codeur %q, werkblad %q", in.Coder, in.Sheet)
	}
	return fmt.Sprintf("coder %q, sheet %q", in.Coder, in.Sheet)
}

// ErrSameFileOtherRespondents is wrapped by the warning of interview files with the same
// bytes read as different respondents' ("JW01 (kopie).txt" beside JW01.txt, read as
// respondent "JW01 (kopie)" before that mark was known): no two people give the same
// interview, so analyse check lists it as something to fix (a review found it counted
// as nothing).
var ErrSameFileOtherRespondents = model.NewKind("one interview file read as several respondents'", "één interviewbestand gelezen als van meer respondenten")

// ErrEditedCopy is wrapped by the warning of an interview file named as another's copy
// whose bytes differ; analyse check lists it as something to fix.
var ErrEditedCopy = model.NewKind("an edited copy of an interview file", "een bewerkte kopie van een interviewbestand")

// nearCopies warns of each file read whose name is another's with a copy mark
// (JW02_Bergdorp - Kopie.txt beside JW02_Bergdorp.txt), read as the same respondents,
// whose bytes differ: a copy edited after it was made, or a newer download. Both are
// read, as two interviews of the same respondents; 0.12.0 said nothing, and a copy with
// one line added counted its 5 segments beside the original's 4 (28 became 33, the auto-coder's
// suggestions 21 became 24).
func nearCopies(s *Study, files []inputFile, sets []model.Dataset) []error {
	// folder and stem of a file without a copy mark -> its index; in lower case, as the
	// file systems of Windows and macOS do not tell "JW01" from "jw01 - KOPIE"'s JW01
	originals := map[string]int{}
	key := func(path, stem string) string { return filepath.Dir(path) + "\x00" + strings.ToLower(stem) }
	var out []error
	for i, f := range files {
		if isCopyName(f.path) {
			continue
		}
		k, ok := originals[key(f.path, fileStem(f.path))]
		if !ok {
			originals[key(f.path, fileStem(f.path))] = i
			continue
		}
		// One interview in two formats ("JW01.docx" and the "JW01.txt" saved from it):
		// both were read, every segment twice, without a word (a review of the fix for
		// copies).
		if sameRespondents(sets[k], sets[i]) && len(sets[i].Respondents) > 0 && !sameBytes(sets[k], sets[i]) {
			out = append(out, model.Reasonf("%[5]w: %[1]s and %[2]s have one name in two formats (the same interview saved twice?) and are read as the same respondent(s): both are read, as two interviews, and the segments of both count (%[3]d and %[4]d); keep one of them in the interview folder, or rename one if it is another part",
				"%[5]v: %[1]s en %[2]s hebben één naam in twee formaten (hetzelfde interview twee keer opgeslagen?) en zijn gelezen als van dezelfde respondent(en): beide zijn gelezen, als twee interviews, en de fragmenten van beide tellen mee (%[3]d en %[4]d); houd er één van in de interviewmap, of geef er een andere naam aan als het een ander deel is",
				s.Rel(f.path), s.Rel(files[k].path), len(sets[i].Segments), len(sets[k].Segments), ErrEditedCopy))
		}
	}
	// Where the original is not beside the copy: another copy of it there ("JW01 (1)" and
	// "JW01 (2)", two downloads), else the original in another folder ("oud/JW01 -
	// Copy.txt" of "interviews/JW01.txt"; a review found both silent).
	elsewhere := map[string]int{} // the stem in lower case -> the first original's index
	for i, f := range files {
		if n := strings.ToLower(fileStem(f.path)); !isCopyName(f.path) {
			if _, ok := elsewhere[n]; !ok {
				elsewhere[n] = i
			}
		}
	}
	firstCopy := map[string]int{} // folder and stem without its mark -> the first copy's index
	for i, f := range files {
		if !isCopyName(f.path) {
			continue
		}
		base := ingest.WithoutCopyMark(fileStem(f.path))
		k, ok := originals[key(f.path, base)]
		if !ok {
			if k, ok = firstCopy[key(f.path, base)]; !ok {
				firstCopy[key(f.path, base)] = i
				k, ok = elsewhere[strings.ToLower(base)]
			}
		}
		if !ok || len(sets[i].Respondents) == 0 {
			continue
		}
		if !sameRespondents(sets[k], sets[i]) && !sameBytes(sets[k], sets[i]) {
			// Without a name_pattern or a "_" the copy's mark is part of the id read from
			// its name ("JW01 - kopie", "JW01 (1)"): another respondent, one person
			// perhaps counted twice, which 0.13 did without a word. The mark may also
			// number different people's files ("interview (1)", "interview (2)"), so both
			// stay respondents of their own, and check lists it. A table of several
			// respondents' segments whose copy holds partly other respondents (rows added
			// or removed) is both read as well: a segment with the same id in both is
			// one (model's merge), with both files' codings.
			if !markedID(sets[i], sets[k]) {
				out = append(out, model.Reasonf("%[5]w: %[1]s is named as a copy of %[2]s (a copy's or a second download's mark), but its bytes differ and it is read as partly other respondents': both are read, and what both hold may count twice (a segment with the same id in both is one, with the codings of both; %[3]d and %[4]d segments); if it is a copy of the same export, delete the one that is not the export, and if it holds other interviews, give it a name of its own",
					"%[5]v: %[1]s heeft de naam van een kopie van %[2]s (het teken van een kopie of een tweede download), maar de bytes verschillen en het is gelezen als deels van andere respondenten: beide zijn gelezen, en wat in beide staat kan dubbel tellen (een fragment met hetzelfde id in beide is één fragment, met de coderingen van beide; %[3]d en %[4]d fragmenten); is het een kopie van dezelfde export, verwijder dan het bestand dat niet de export is, en bevat het andere interviews, geef het dan een eigen naam",
					s.Rel(f.path), s.Rel(files[k].path), len(sets[i].Segments), len(sets[k].Segments), ErrEditedCopy))
				continue
			}
			out = append(out, model.Reasonf("%[5]w: %[1]s is named as a copy of %[2]s (a copy's or a second download's mark), but its bytes differ and it is read as another respondent, its id read from the name with the mark: both are read, as the interviews of two people (%[3]d and %[4]d segments); if it is a copy of the same interview, delete the one that is not the interview, and if it is another person's, give it a name of its own",
				"%[5]v: %[1]s heeft de naam van een kopie van %[2]s (het teken van een kopie of een tweede download), maar de bytes verschillen en het is gelezen als van een andere respondent, met de code uit de naam met dat teken: beide zijn gelezen, als de interviews van twee mensen (%[3]d en %[4]d fragmenten); is het een kopie van hetzelfde interview, verwijder dan het bestand dat niet het interview is, en is het van iemand anders, geef het dan een eigen naam",
				s.Rel(f.path), s.Rel(files[k].path), len(sets[i].Segments), len(sets[k].Segments), ErrEditedCopy))
			continue
		}
		out = append(out, model.Reasonf("%[5]w: %[1]s is named as a copy of %[2]s and read as the same respondent(s), but its bytes differ (an edited copy, a newer download?): both are read, as two interviews, and the segments of both count (%[3]d and %[4]d); delete the one that is not the interview, or rename it if it is another part of it",
			"%[5]v: %[1]s heeft de naam van een kopie van %[2]s en is gelezen als van dezelfde respondent(en), maar de bytes verschillen (een bewerkte kopie, een nieuwere download?): beide zijn gelezen, als twee interviews, en de fragmenten van beide tellen mee (%[3]d en %[4]d); verwijder het bestand dat niet het interview is, of geef het een andere naam als het een ander deel ervan is",
			s.Rel(f.path), s.Rel(files[k].path), len(sets[i].Segments), len(sets[k].Segments), ErrEditedCopy))
	}
	return out
}

// ErrFileInTwoEntries is wrapped by the error for an interview file that two entries of
// study.yaml match.
var ErrFileInTwoEntries = model.NewKind("an interview file in two entries", "een interviewbestand in twee invoeren")

// entriesOverlap stops a run where two interview entries match one file (and sheet): a
// glob beside an entry for one of its files, as the advice for a file per coder leads
// one to write ({path: interviews/*.xlsx, coder: Anouk} beside {path:
// interviews/codering_Bram.xlsx, coder: Bram}). The file was read twice: Bram's codings
// were Anouk's too (96 codings became 142, Cohen's kappa -0.10 became 0.37) without a
// word, and read twice under one entry's reading, the auto-coder's suggestions of the
// file were listed twice. Entries that read other sheets of one workbook (a sheet per
// coder) are no overlap.
func entriesOverlap(s *Study, files []inputFile) error {
	type at struct{ path, sheet string }
	first := map[at]Input{}
	for _, f := range files {
		k := at{filepath.Clean(f.path), strings.TrimSpace(f.input.Sheet)}
		e, ok := first[k]
		if !ok {
			first[k] = f.input
			continue
		}
		return model.Reasonf("%[1]s is matched by two entries of study.yaml (interviews: path %[2]q%[3]s and path %[4]q%[5]s): it would be read twice, its segments and codings counted twice, under two coders where the entries name two; make each file match one entry (leave it out of the glob, or name the files one by one): %[8]w",
			"%[1]s past bij twee invoeren in study.yaml (interviews: path %[2]q%[6]s en path %[4]q%[7]s): het zou twee keer gelezen worden, met zijn fragmenten en coderingen twee keer geteld, onder twee codeurs waar de invoeren er twee noemen; laat elk bestand bij één invoer passen (haal het uit het patroon, of noem de bestanden één voor één): %[8]v",
			s.Rel(f.path), e.Path, entryCoder(e, "en"), f.input.Path, entryCoder(f.input, "en"), entryCoder(e, "nl"), entryCoder(f.input, "nl"), ErrFileInTwoEntries)
	}
	return nil
}

// entryCoder names an entry's coder, where it names one, in the language given.
func entryCoder(in Input, lang string) string {
	if in.Coder == "" {
		return ""
	}
	if lang == "nl" {
		return fmt.Sprintf(", codeur %q", in.Coder)
	}
	return fmt.Sprintf(", coder %q", in.Coder)
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

// copyOf reports whether copy is named as original's copy: in its folder, with its stem
// and a copy's mark.
func copyOf(copy, original string) bool {
	return filepath.Dir(copy) == filepath.Dir(original) && isCopyName(copy) && strings.EqualFold(ingest.WithoutCopyMark(fileStem(copy)), fileStem(original))
}

// markedID reports whether a copy and its original (or another copy) were each read as
// one respondent, the copy's id the original's with a copy's mark ("JW01 - kopie",
// "JW02 (1)"; "JW02 (2)" beside "JW02 (1)").
func markedID(copy, original model.Dataset) bool {
	one := func(ds model.Dataset) (string, bool) {
		id := ""
		for _, r := range ds.Respondents {
			if id != "" && r.ID != id {
				return "", false
			}
			id = r.ID
		}
		return id, id != ""
	}
	c, ok1 := one(copy)
	o, ok2 := one(original)
	return ok1 && ok2 && c != o && strings.EqualFold(ingest.WithoutCopyMark(c), ingest.WithoutCopyMark(o))
}

// sameBytes reports whether two files' datasets were read from the same bytes.
func sameBytes(a, b model.Dataset) bool {
	h := fileHash(a)
	return h != "" && h == fileHash(b)
}

// fileHash is the sha256 of the bytes a file's dataset was read from ("" where none
// was noted).
func fileHash(ds model.Dataset) string {
	for _, f := range ds.Files {
		if f.SHA256 != "" {
			return f.SHA256
		}
	}
	return ""
}

// fileStem is a path's file name without its extension.
func fileStem(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

// isCopyName reports whether the file's name carries a copy mark (" - Kopie", " (1)").
func isCopyName(path string) bool {
	stem := fileStem(path)
	return ingest.WithoutCopyMark(stem) != stem
}
