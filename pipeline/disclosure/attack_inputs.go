package disclosure

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/samenspel/samenspel/pipeline/results"
)

// InputFile is an input as manifest.json lists it: its name (path, and sheet where one of
// several), its format, and its rows and answer cells.
type InputFile struct {
	Path     string `json:"path"`
	Sheet    string `json:"sheet"`
	Format   string `json:"format"`
	Accepted int    `json:"rows_accepted"`
	Cells    int    `json:"answer_cells"`
}

func inputFilesOf(in []results.Input) []InputFile {
	out := make([]InputFile, len(in))
	for i, x := range in {
		out[i] = InputFile{Path: x.Path, Sheet: x.Sheet, Format: x.Format, Accepted: x.Accepted, Cells: x.Cells}
	}
	return out
}

// inputRows adds the group counts that the input accounting gives where an input's
// name names one group (attack 11, F19 and F20): a survey file or sheet named after a
// municipality (answer cells, so a survey) holds that municipality's surveyed, one row
// each; transcripts named after their interviewee's municipality, one per interviewee,
// count its interviewed, when every transcript names one group. A group is named when
// its name, as disclosure.csv lists it, stands in the input's name as a whole word,
// ignoring case.
func (a *attacker) inputRows(addRow func(table, pop, by, g, v string)) {
	a.maskedInputs()
	t := a.p.table("disclosure")
	if t == nil || len(a.p.Inputs) == 0 {
		return
	}
	names := map[[2]string]bool{} // by, group
	for _, r := range t.rows {
		if g := t.get(r, "group"); len([]rune(g)) >= 2 && !isNoValueLabel(g) {
			names[[2]string{t.get(r, "group_by"), g}] = true
		}
	}
	keys := make([][2]string, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+"\x00"+keys[i][1] < keys[j][0]+"\x00"+keys[j][1] })
	named := func(in InputFile) ([2]string, bool) {
		text := strings.ToLower(in.Path + " " + in.Sheet)
		var found [][2]string
		for _, k := range keys {
			if containsWord(text, strings.ToLower(k[1])) {
				found = append(found, k)
			}
		}
		if len(found) != 1 {
			return [2]string{}, false
		}
		return found[0], true
	}
	transcripts := map[[2]string]int{}
	allNamed := true
	for _, in := range a.p.Inputs {
		k, ok := named(in)
		switch {
		case in.Format == "transcript" && ok:
			transcripts[k]++
		case in.Format == "transcript":
			allNamed = false
		case ok && in.Cells > 0:
			addRow("manifest.json", "sample surveyed", k[0], k[1], strconv.Itoa(in.Accepted))
		}
	}
	if allNamed {
		for _, k := range keys {
			if n, ok := transcripts[k]; ok {
				addRow("manifest.json", "sample interviewed", k[0], k[1], strconv.Itoa(n))
			}
		}
	}
}

// containsWord reports whether word stands in text with no letter or digit either side.
func containsWord(text, word string) bool {
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], word)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(word)
		before, after := ' ', ' '
		if i > 0 {
			before = []rune(text[:i])[len([]rune(text[:i]))-1]
		}
		if end < len(text) {
			after = []rune(text[end:])[0]
		}
		if !unicode.IsLetter(before) && !unicode.IsDigit(before) && !unicode.IsLetter(after) && !unicode.IsDigit(after) {
			return true
		}
		from = end
	}
	return false
}

// maskedInputs reports a survey input whose name had a group value masked
// ("[gemeente]/enquete.csv") and which is listed on its own with fewer than min_cell
// accepted rows: an entry per municipality, its rows that municipality's surveyed (attack
// 12, F6: the pooled Heidekamp's 4). Now the entries of a strand are published as
// one row, so a new output has no such row.
func (a *attacker) maskedInputs() {
	for _, in := range a.p.Inputs {
		name := in.Path + " " + in.Sheet
		if in.Cells == 0 || !(strings.Contains(name, "[gemeente]") || strings.Contains(name, "[rol]") || strings.Contains(name, "[groep]")) {
			continue
		}
		a.report("input "+strings.TrimSpace(name)+": the surveyed of one group (sample surveyed)", float64(in.Accepted), []string{"manifest.json"})
	}
}
