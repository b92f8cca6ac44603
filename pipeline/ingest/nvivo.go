package ingest

import (
	"path/filepath"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// nvivoAdvice says which NVivo export samenspel reads. NVivo's own spreadsheet exports
// (the node or code list exported as a table, the Coding Summary report, matrix coding
// results) hold names and counts, not the coded text and who said it, so they cannot be
// read as coded segments; the REFI-QDA project export holds everything.
const nvivoAdvice = "export the project from NVivo as REFI-QDA instead (NVivo 12 and later: File > Export > Export Project, type REFI-QDA Project (*.qdpx)) and name the .qdpx in study.yaml"

// nvivoAdviceIn is nvivoAdvice in both languages, for model.Reasonf (NVivo's Dutch menus).
var nvivoAdviceIn = model.Translated(nvivoAdvice, "exporteer het project uit NVivo als REFI-QDA (NVivo 12 en later: Bestand > Exporteren > Project exporteren, type REFI-QDA-project (*.qdpx)) en noem de .qdpx in study.yaml")

// nvivoSummaryHeaders are column headers of NVivo's spreadsheet exports, folded: the node
// or code list (Name, Files or Sources, References, Created On, ...) and the Coding
// Summary report (Aggregate, Coverage, Number Of Coding References, ...).
var nvivoSummaryHeaders = map[string]bool{
	"hierarchical name": true, "number of coding references": true, "coded by initials": true,
	"aggregate": true, "coverage": true, "references": true, "files": true, "sources": true,
	"created on": true, "modified on": true, "nodes": true, "node": true,
}

// looksLikeNVivoSummary reports whether a header row is one of NVivo's spreadsheet
// exports: at least three of its typical headers, one of them NVivo's own.
func looksLikeNVivoSummary(row []string) bool {
	n, own := 0, false
	for _, c := range row {
		k := foldName(c)
		if nvivoSummaryHeaders[k] {
			n++
		}
		switch k {
		case "hierarchical name", "number of coding references", "coded by initials", "references":
			own = true
		}
	}
	return n >= 3 && own
}

// readNVivo reads what `format: nvivo` names: a REFI-QDA project; anything else is an
// error that says which export to make.
func readNVivo(path string, opt Options) (model.Dataset, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".qdpx", ".qde":
		return readQDPX(path, opt)
	}
	return model.Dataset{}, model.Reasonf("%s: NVivo's spreadsheet and document exports have no coded segments to read: %s: %w", "%s: de spreadsheet- en documentexports van NVivo bevatten geen gecodeerde fragmenten om te lezen: %s: %v", path, nvivoAdviceIn, ErrUnknownFormat)
}
