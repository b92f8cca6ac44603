package ingest

import "github.com/samenspel/samenspel/pipeline/model"

// taguetteLayout is Taguette's highlights export (.csv or .xlsx): id, document, tag,
// content, one row per highlight and tag, tag paths "parent\child". Taguette records no
// coder; a "coder" column added by the researcher is read.
var taguetteLayout = segmentLayout{
	format: "taguette",
	fields: map[string][]string{
		"segment":    {"id"},
		"document":   {"document"},
		"code":       {"tag"},
		"text":       {"content"},
		"coder":      {"coder", "codeur"},
		"respondent": {"respondent", "deelnemer"},
	},
	required:   []string{"document", "code", "text"},
	headerRows: 3,
	splitCodes: func(s string) []string { return splitLines(s) },
	// The same text of the same document is one segment whoever highlighted it, so two
	// researchers' highlights line up for agreement.
	segmentKey: func(get func(string) string, doc, resp, text string) string {
		return digestID(doc, resp, text)
	},
}

// readTaguette reads a Taguette highlights export.
func readTaguette(path string, opt Options) (model.Dataset, error) {
	return readSegmentTable(path, opt, taguetteLayout)
}
