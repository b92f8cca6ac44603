package ingest

import (
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// qualcoderLayout is QualCoder's coded-text export (Reports > Coding reports, exported to
// .csv with a byte-order mark and every field quoted, or to .xlsx): File or Case, Coder,
// Coded (the text), Id, Codename, Category, and the attributes as FileVar_<name> and
// CaseVar_<name>. The code name is "Category > Codename" where a category is given.
var qualcoderLayout = segmentLayout{
	format: "qualcoder",
	fields: map[string][]string{
		"document":   {"file", "filename", "bestand"},
		"respondent": {"case", "casename", "casus"},
		"coder":      {"coder", "codeur"},
		"text":       {"coded", "coded text", "text"},
		"codename":   {"codename", "code name"},
		"category":   {"category", "categorie"},
		"id":         {"id"},
	},
	required:   []string{"codename", "text", "document|respondent"},
	headerRows: 5,
	code: func(get func(string) string) string {
		code, cat := get("codename"), get("category")
		if code != "" && cat != "" {
			return cat + " > " + code
		}
		return code
	},
	attributeColumns: func(header []string, cols map[string]int) map[int]string {
		out := map[int]string{}
		for i, h := range header {
			h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
			for _, p := range []string{"FileVar_", "CaseVar_"} {
				if len(h) > len(p) && strings.EqualFold(h[:len(p)], p) {
					out[i] = h[len(p):]
				}
			}
		}
		return out
	},
}

// readQualCoder reads a QualCoder coded-text export.
func readQualCoder(path string, opt Options) (model.Dataset, error) {
	return readSegmentTable(path, opt, qualcoderLayout)
}
