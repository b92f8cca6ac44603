package pipeline

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/results"
)

// The published input accounting (the report's table of files read, manifest.json's
// inputs) lists the inputs per study.yaml entry, not per file or sheet, and without the
// study's group values in their names. A sheet or file per municipality, or a transcript
// per interviewee named after role and municipality, would otherwise give a pooled
// group's size (the Heidekamp sheet's 3 rows), and a transcript's rows would match the
// pseudonym whose segment numbers run as far (JW-03/022 and the 22 rows of
// JW11_Heidekamp.txt): attack 11, F19 and F20. The terminal summary keeps the counts per
// file for the researcher (Summary.Files).
//
//   - The files and sheets of one entry (`interviews/*.txt`, a workbook's sheets) are one
//     row named by the entry's path as written: rows, answers and their rejects summed,
//     Files and Sheets counting what was summed, every distinct sha256 in SHA256s
//     (sorted, so their order tells nothing) and SHA256 set only where they are one.
//   - In every published name a value of a grouping (a municipality, a role, a value of
//     an attribute in `groups`, as the protected respondents have them) becomes
//     "[gemeente]", "[rol]" or "[groep]", whole words only, case-insensitively; rows whose
//     names then coincide (entries `enquete_bergdorp.csv`, `enquete_heidekamp.csv`) are
//     summed as one.
//   - A file that belongs to no entry (a review file read back) is a row of its own,
//     under the same naming rule.

// fileEntries names, for each input file counted, the study.yaml entry it was read for:
// its kind and index and the path as written (empty for a file of no entry). A file is
// known by the path its reader was given, which is the path the entry's pattern matched.
func (s *Study) fileEntries(files []model.FileCount, interviews, survey []inputFile) []fileEntry {
	entryOf := map[string]fileEntry{}
	if s.Respondents != nil {
		entryOf[s.Abs(s.Respondents.Path)] = fileEntry{key: "respondents", path: s.Respondents.Path}
	}
	for _, list := range []struct {
		kind  string
		files []inputFile
	}{{"interviews", interviews}, {"survey", survey}} {
		for _, f := range list.files {
			if _, ok := entryOf[f.path]; !ok {
				entryOf[f.path] = fileEntry{key: list.kind + "\x00" + f.input.Path, path: f.input.Path, strand: list.kind + "\x00" + f.input.Wave}
			}
		}
	}
	out := make([]fileEntry, len(files))
	for i, f := range files {
		out[i] = entryOf[f.Path]
	}
	return out
}

// fileEntry is the study.yaml entry an input file was read for.
type fileEntry struct {
	key    string // kind and the path as written; empty for a file of no entry
	path   string // the entry's path as written in study.yaml
	strand string // kind and wave (interviews or survey); empty for respondents
}

// publishedInputs is the input accounting as the outputs publish it (see above). files
// are the protected dataset's counts (names redacted); entries the entry of each, as far
// as they go (files appended after the protect stage, review files, have none); redact
// redacts an entry's path like a file name.
func publishedInputs(files []model.FileCount, entries []fileEntry, respondents []protected.Respondent, groups []string, redact func(string) string) []results.Input {
	perEntry := map[string]int{}
	for i := range files {
		if i < len(entries) && entries[i].key != "" {
			perEntry[entries[i].key]++
		}
	}
	values := groupValues(respondents, groups)
	type row struct {
		in     results.Input
		paths  map[string]bool
		hashes map[string]bool
		parts  int
		strand string
	}
	var rows []*row
	byName := map[string]*row{}
	for i, f := range files {
		name := f.Shown()
		if i < len(entries) && perEntry[entries[i].key] > 1 {
			name = redact(entries[i].path)
		}
		name = maskGroupValues(name, values)
		key := name + "\x00" + f.Format
		r := byName[key]
		if r == nil {
			r = &row{in: results.Input{Path: name, Format: f.Format}, paths: map[string]bool{}, hashes: map[string]bool{}}
			if i < len(entries) {
				r.strand = entries[i].strand
			}
			byName[key] = r
			rows = append(rows, r)
		}
		r.parts++
		if f.Sheet != "" { // the sheets of one workbook are one file
			r.paths[f.Path+"\x00"+f.SHA256] = true
		} else {
			r.paths[strconv.Itoa(i)] = true // redacted names may coincide ([naam]_Bergdorp.txt)
		}
		r.hashes[f.SHA256] = true
		r.in.Read += f.Read
		r.in.Accepted += f.Accepted
		r.in.Rejected += f.Rejected
		r.in.Cells += f.Cells
		r.in.CellsAccepted += f.CellsAccepted
		r.in.CellsRejected += f.CellsRejected
		if r.parts == 1 && f.Sheet != "" && name == maskGroupValues(f.Shown(), values) {
			r.in.Path, r.in.Sheet = maskGroupValues(f.Path, values), maskGroupValues(f.Sheet, values)
		}
		r.in.SHA256 = f.SHA256
	}
	rows = sumStrandEntries(rows, func(r *row) (string, *results.Input, map[string]bool, map[string]bool, *int) {
		return r.strand, &r.in, r.paths, r.hashes, &r.parts
	})
	out := make([]results.Input, len(rows))
	for i, r := range rows {
		in := r.in
		if r.parts > 1 {
			in.Sheet = ""
			if len(r.paths) > 1 {
				in.Files = len(r.paths)
			} else {
				in.Sheets = r.parts
			}
			in.SHA256 = ""
			if len(r.hashes) == 1 {
				for h := range r.hashes {
					in.SHA256 = h
				}
			} else {
				for h := range r.hashes {
					in.SHA256s = append(in.SHA256s, h)
				}
				sort.Strings(in.SHA256s)
			}
		}
		out[i] = in
	}
	return out
}

// groupValue is a value of a grouping and the placeholder that stands for it in a name.
type groupValue struct{ value, placeholder string }

// groupValues lists the values of the study's groupings among the respondents, role and
// municipality always, longest first so that "Bergdorp-Noord" goes before "Bergdorp".
func groupValues(respondents []protected.Respondent, groups []string) []groupValue {
	keys := append([]string{"municipality", "role"}, groups...)
	seen := map[string]bool{}
	var out []groupValue
	for _, k := range keys {
		placeholder := "[groep]"
		switch k {
		case "municipality":
			placeholder = "[gemeente]"
		case "role":
			placeholder = "[rol]"
		}
		for _, r := range respondents {
			v := strings.ToLower(strings.TrimSpace(r.Attribute(k)))
			if utf8.RuneCountInString(v) < 2 || seen[v] {
				continue
			}
			seen[v] = true
			out = append(out, groupValue{v, placeholder})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].value) > len(out[j].value) })
	return out
}

// maskGroupValues replaces every whole-word occurrence of a value in name, ignoring
// case; a word boundary is any rune that is not a letter or digit.
func maskGroupValues(name string, values []groupValue) string {
	for _, v := range values {
		lower := strings.ToLower(name)
		if len(lower) != len(name) { // a case change that alters byte lengths: compare as is
			lower = name
		}
		var b strings.Builder
		last := 0
		for from := 0; from < len(lower); {
			i := strings.Index(lower[from:], v.value)
			if i < 0 {
				break
			}
			i += from
			end := i + len(v.value)
			if boundaryBefore(lower, i) && boundaryAfter(lower, end) {
				b.WriteString(name[last:i])
				b.WriteString(v.placeholder)
				last = end
			}
			from = end
		}
		if last > 0 {
			b.WriteString(name[last:])
			name = b.String()
		}
	}
	return name
}

func boundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func boundaryAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}
