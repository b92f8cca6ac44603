package ingest

import (
	"regexp"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// atlastiLayout is ATLAS.ti's quotation export (Quotation Manager, export to Excel): ID
// ("3:10": document 3, quotation 10), Document, Document Groups, Quotation Content, Codes
// (one per line, code paths "Parent::Child"), and in newer versions Created by. Document
// groups named "key: value" (gemeente: Bergdorp) become the respondent's attributes.
var atlastiLayout = segmentLayout{
	format: "atlasti",
	fields: map[string][]string{
		"segment":      {"id", "quotation id", "zitat-id", "citaat-id", "citaat id"},
		"document":     {"document", "dokument", "primary document", "documentnaam"},
		"groups":       {"document groups", "dokumentgruppen", "documentgroepen", "document group"},
		"text":         {"quotation content", "content", "quotation", "zitatinhalt", "inhalt", "citaatinhoud", "inhoud", "citaat", "text"},
		"code":         {"codes", "code", "kodes"},
		"coder":        {"created by", "author", "autor", "erstellt von", "aangemaakt door", "gemaakt door", "creator"},
		"respondent":   {"respondent", "deelnemer", "participant"},
		"municipality": municipalityHeaders,
		"role":         roleHeaders,
	},
	required:   []string{"document", "text", "code"},
	headerRows: 10,
	splitCodes: func(s string) []string { return splitLines(s) },
	document:   func(s string) string { return atlasDocPrefix.ReplaceAllString(strings.TrimSpace(s), "") },
	groups:     groupAttributes,
	segmentKey: func(get func(string) string, doc, resp, text string) string {
		if id := get("segment"); id != "" {
			return "atlasti:" + id
		}
		return digestID(doc, resp, text)
	},
}

// atlasDocPrefix is the document number ATLAS.ti writes before a document's name
// ("3: JW01_Bergdorp.docx", older versions "P 3: ...").
var atlasDocPrefix = regexp.MustCompile(`^(?:P\s*)?\d+\s*:\s*`)

// groupAttributes reads groups named "key: value", one per line or separated by ";".
func groupAttributes(cell string) map[string]string {
	out := map[string]string{}
	for _, g := range splitCodeCell(cell) {
		k, v, ok := strings.Cut(g, ":")
		if !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if k != "" && v != "" {
			out[k] = v
		}
	}
	return out
}

// readATLASti reads an ATLAS.ti quotation export.
func readATLASti(path string, opt Options) (model.Dataset, error) {
	return readSegmentTable(path, opt, atlastiLayout)
}
