package ingest

import (
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// maxqdaLayout is MAXQDA's "coded segments" export (Retrieved Segments / Overview of
// Coded Segments, exported to Excel), in its English, German and Dutch headers: Document
// group, Document name, Code ("Parent > Child"), Beginning, End (paragraph numbers),
// Segment (the text), Created by (the coder), Modified by, Weight score, and after them
// the document variables the researcher chose to include (Gemeente, Functie, ...). A title
// row may sit above the header.
var maxqdaLayout = segmentLayout{
	format: "maxqda",
	fields: map[string][]string{
		"document":     {"document name", "dokumentname", "documentnaam", "document"},
		"docgroup":     {"document group", "dokumentgruppe", "documentgroep"},
		"code":         {"code", "kode"},
		"begin":        {"beginning", "anfang", "begin", "start"},
		"end":          {"end", "ende", "einde", "eind"},
		"text":         {"segment", "segmente", "coded segment", "codiertes segment", "gecodeerd segment"},
		"coder":        {"created by", "erstellt von", "gemaakt door", "aangemaakt door", "author", "autor", "auteur"},
		"respondent":   {"respondent", "respondent id", "deelnemer", "participant"},
		"municipality": municipalityHeaders,
		"role":         roleHeaders,
	},
	required:   []string{"document", "code", "text"},
	headerRows: 12,
	splitCodes: func(s string) []string { return splitLines(s) },
	segmentKey: func(get func(string) string, doc, resp, text string) string {
		return digestID(doc+"\x00"+get("begin")+"-"+get("end"), resp, text)
	},
	attributeColumns: func(header []string, cols map[string]int) map[int]string {
		return variableColumns(header, cols, maxqdaOwnColumns)
	},
}

// maxqdaOwnColumns are MAXQDA's own columns that are not document variables.
var maxqdaOwnColumns = []string{
	"color", "farbe", "kleur", "modified by", "geandert von", "gewijzigd door",
	"created", "erstellt", "erstellt am", "gemaakt", "gemaakt op", "modified", "geandert", "geandert am", "gewijzigd", "gewijzigd op",
	"weight score", "gewicht", "gewichtung", "gewichtungswert", "comment", "kommentar", "opmerking", "commentaar",
	"area", "flache", "oppervlakte", "coverage %", "abdeckungsgrad %", "dekking %", "coverage", "preview", "vorschau",
}

// variableColumns returns the columns that no field claimed and that are not a tool's own
// columns: the document or case variables an export appends, by their header.
func variableColumns(header []string, cols map[string]int, own []string) map[int]string {
	claimed := map[int]bool{}
	for _, i := range cols {
		claimed[i] = true
	}
	out := map[int]string{}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if claimed[i] || h == "" || inFolded(foldName(h), own) {
			continue
		}
		out[i] = h
	}
	return out
}

// readMAXQDA reads a MAXQDA coded-segments export (.xlsx, or .csv saved from it).
func readMAXQDA(path string, opt Options) (model.Dataset, error) {
	return readSegmentTable(path, opt, maxqdaLayout)
}
