package ingest

import (
	"regexp"
	"strconv"
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
		"segment":      {"id", "quotation id", "zitat-id", "citaat-id", "citaat id", "number"},
		"document":     {"document", "dokument", "primary document", "documentnaam"},
		"groups":       {"document groups", "dokumentgruppen", "documentgroepen", "document group"},
		"text":         {"quotation content", "text content", "content", "quotation", "zitatinhalt", "inhalt", "citaatinhoud", "inhoud", "citaat", "text"},
		"code":         {"codes", "code", "kodes"},
		"ncodes":       {"number of codes", "anzahl codes", "aantal codes", "numero de codigos", "número de códigos"},
		"coder":        {"created by", "author", "autor", "erstellt von", "aangemaakt door", "gemaakt door", "creator"},
		"respondent":   {"respondent", "deelnemer", "participant"},
		"municipality": municipalityHeaders,
		"role":         roleHeaders,
	},
	required:   []string{"document", "text", "code"},
	headerRows: 10,
	splitCodes: func(s string) []string { return splitLines(s) },
	codes:      atlasCodes,
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

// atlasCodes splits a quotation's Codes cell. The Excel export puts one code per line.
// The CSV export of the Quotation Manager (ATLAS.ti 23 and later) writes them on one line
// separated by ", ", although code names may hold ", " themselves ("T2. Security,
// Privacy & Trust Management: Access Control"); its Number of Codes column says how many
// there are. So: the pieces between ", " where their number is right; else pieces joined
// back where one ends inside a group prefix (no ":" yet, and not a quoted in-vivo code)
// where that number is right; else the row is a reject, since any split is a guess.
func atlasCodes(get func(string) string) ([]string, error) {
	cell := strings.TrimSpace(get("code"))
	n, err := strconv.Atoi(strings.TrimSpace(get("ncodes")))
	if err != nil || strings.ContainsAny(cell, "\n\r") {
		return splitLines(cell), nil
	}
	switch {
	case n == 0 && cell == "":
		return nil, nil
	case n == 1:
		return []string{cell}, nil
	}
	var pieces []string
	for _, p := range strings.Split(cell, ", ") {
		if p = strings.TrimSpace(p); p != "" {
			pieces = append(pieces, p)
		}
	}
	if len(pieces) == n {
		return pieces, nil
	}
	var joined []string
	for _, p := range pieces {
		if k := len(joined) - 1; k >= 0 && !strings.Contains(joined[k], ":") && !isQuoted(joined[k]) {
			joined[k] += ", " + p
			continue
		}
		joined = append(joined, p)
	}
	if len(joined) == n {
		return joined, nil
	}
	return nil, model.Reasonf("the cell does not split into the %d codes that Number of Codes gives: %w", "de cel valt niet uiteen in de %d codes die Number of Codes noemt: %v", n, ErrCodeList)
}

// isQuoted: an in-vivo code, named by the quoted words it was made from.
func isQuoted(s string) bool {
	return len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || strings.HasPrefix(s, "“") && strings.HasSuffix(s, "”"))
}

// readATLASti reads an ATLAS.ti quotation export.
func readATLASti(path string, opt Options) (model.Dataset, error) {
	return readSegmentTable(path, opt, atlastiLayout)
}
