package ingest

import (
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// maxHiddenShown is how many hidden rows the warning names by number.
const maxHiddenShown = 5

// hiddenRowsWarnings is the warning for a sheet whose hidden rows with values were read
// (none for a sheet without them, or a .csv file). A hidden row is data all the same (a
// researcher may hide rows to look at a few, and save), so it is read; but rows hidden by
// a filter are as often test responses or duplicates filtered out, which would then count
// silently, so the summary names them.
func (r *Rows) hiddenRowsWarnings() []model.Warning {
	if r.hiddenRows == 0 {
		return nil
	}
	lines := make([]string, len(r.hiddenFirst))
	for i, l := range r.hiddenFirst {
		lines[i] = strconv.Itoa(l)
	}
	shown := strings.Join(lines, ", ")
	if r.hiddenRows > len(r.hiddenFirst) {
		shown += ", ..."
	}
	where := ""
	if r.sheet != "" {
		where = strconv.Quote(r.sheet) + ": "
	}
	return []model.Warning{{File: r.path, Err: model.Reasonf(
		"%s%d row(s) hidden in Excel (by a filter or Hide; rows %s) were read as data, as every row is; delete them from the sheet if they are not (test responses, duplicates)",
		"%s%d rij(en) verborgen in Excel (door een filter of Verbergen; rijen %s) zijn als gegevens gelezen, zoals elke rij; verwijder ze uit het blad als ze dat niet zijn (testantwoorden, dubbele)",
		where, r.hiddenRows, shown)}}
}
