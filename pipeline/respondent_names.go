package pipeline

import (
	"fmt"
	"slices"
	"strings"

	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/model"
)

// A coded-segment table without a respondent column (Taguette, MAXQDA's coded segments)
// and a transcript take the respondent from the document's or file's name, up to its
// first "_" (ingest.respondentFromName). A review of 0.12 found names such as
// "2024-03-12_JW01" and "2024-03-12_WA02", or "Bergdorp_JZ03" and "Bergdorp_JZ04", read
// as one respondent each, three people for six, without a word. The rule skips a date
// before the id now; what it still reads as one respondent from names that differ in
// more than a part, a date or a copy's mark is warned of here, with the names' shape, and
// check counts it (a REFI-QDA project's reader stops instead: its sources are named by
// the tool). A later part is not taken for the id on a guess: the first part, often a
// child's name, would then no longer be an id, and not be redacted.

// ErrNamesOfSeveral marks the warning that names of what look like several people were
// read as one respondent.
var ErrNamesOfSeveral = model.NewKind("names of several people read as one respondent", "namen van meer mensen gelezen als één respondent")

// namesOfSeveral warns of respondents read by the name rule from names that look like
// different people's, over all interview files (a transcript is a file of its own).
func namesOfSeveral(files []inputFile, sets []model.Dataset) []error {
	type key struct{ wave, id string }
	names := map[key][]string{}
	var order []key
	for i := range sets {
		wave := ""
		if i < len(files) {
			wave = files[i].input.Wave
		}
		for _, f := range sets[i].Files {
			if f.Accepted == 0 {
				continue // nothing of it was read as the respondent's
			}
			for _, id := range model.SortedKeys(f.NamedByRule) {
				k := key{wave, id}
				if _, ok := names[k]; !ok {
					order = append(order, k)
				}
				for _, n := range f.NamedByRule[id] {
					if !slices.Contains(names[k], n) {
						names[k] = append(names[k], n)
					}
				}
			}
		}
	}
	var several []key
	for _, k := range order {
		if len(names[k]) > 1 && !ingest.NamesOfOnePerson(k.id, names[k]) {
			several = append(several, k)
		}
	}
	if len(several) == 0 {
		return nil
	}
	var eg []string
	for _, k := range several[:min(len(several), 3)] {
		// The names are shown with the respondent as {respondent}: the id itself is
		// redacted wherever it appears, which left "[naam] from [naam].txt".
		list := make([]string, 0, 3)
		for _, n := range names[k][:min(3, len(names[k]))] {
			list = append(list, ingest.NameWithRespondent(n, k.id))
		}
		more := ""
		if len(names[k]) > 3 {
			more = fmt.Sprintf(", +%d", len(names[k])-3)
		}
		eg = append(eg, quoteAll(list)+more)
	}
	if len(several) > 3 {
		eg = append(eg, fmt.Sprintf("+%d", len(several)-3))
	}
	return []error{model.Reasonf("%[1]w: %[2]d respondent(s) were each read from several document or file names that differ in more than a part, a date or a copy's mark, by the rule \"the name up to its first _\" (past a date or a word such as interview): %[3]s; if these are different people, say in study.yaml how names map to respondents, for example name_pattern: \"{respondent}\" (each name its own respondent) or \"{municipality}_{respondent}\"",
		"%[1]v: %[2]d respondent(en) zijn elk gelezen uit meer document- of bestandsnamen die in meer verschillen dan een deel, een datum of het teken van een kopie, volgens de regel \"de naam tot de eerste _\" (na een datum of een woord als interview): %[3]s; zijn dit verschillende mensen, geef dan in study.yaml aan hoe namen bij respondenten horen, bijvoorbeeld name_pattern: \"{respondent}\" (elke naam een eigen respondent) of \"{municipality}_{respondent}\"",
		ErrNamesOfSeveral, len(several), strings.Join(eg, "; "))}
}
