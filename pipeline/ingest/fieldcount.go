package ingest

import (
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// A row of delimited text with more fields than its header has a delimiter inside a
// value that was not quoted ("We bellen elkaar; dat gaat via school"): every value after
// it would be read in its neighbour's column (in a coded-segment table: the rest of the
// text as the code, the code as the coder). Such a row is rejected, not read shifted.
// A workbook's cells cannot shift, so only delimited text is checked.
//
// The width that counts is the header's named columns: a header that ends in the
// delimiter (`…;Codeur;`, as every line of some exports does) has an empty column after
// them that no field reads, so a value there is a shifted row's last value, not a
// trailing delimiter (attack 12 F17). And a shifted row may have as many fields as its
// header, where it lacks a value elsewhere (no coder) or ends in the delimiter: then its
// coder column holds what should be its code (shiftedCoder).

// tooManyFields reports whether a row of delimited text holds values beyond its
// header's columns (empty fields after the last column are a trailing delimiter, not a
// shift).
func tooManyFields(row []string, header int) bool {
	return len(row) > header && !blankRow(row[header:])
}

// namedColumns is the number of header columns up to the last one with a name.
func namedColumns(header []string) int {
	n := len(header)
	for n > 0 && strings.TrimSpace(header[n-1]) == "" {
		n--
	}
	return n
}

// unquotedDelimiter is the reason of a row with more fields than its header.
func unquotedDelimiter(fields, header int) error {
	return model.Reasonf("%w: the row has %d fields, the header %d; a value holds an unquoted delimiter",
		"%v: de regel heeft %d velden, de kopregel %d; een waarde bevat een scheidingsteken zonder aanhalingstekens",
		ErrFieldCount, fields, header)
}

// fieldCountReason is the reason of a row of a respondents table whose fields are more
// or fewer than its header's named columns.
func fieldCountReason(fields, header int) error {
	if fields > header {
		return unquotedDelimiter(fields, header)
	}
	return model.Reasonf("%w: the row has %d fields, the header %d; a value is missing with its delimiter, or holds an unquoted line break",
		"%v: de regel heeft %d velden, de kopregel %d; een waarde ontbreekt met haar scheidingsteken, of bevat een regeleinde zonder aanhalingstekens",
		ErrFieldCount, fields, header)
}

// shiftedCoder tells a coded-segment row read shifted by an unquoted delimiter in its
// text although its number of fields fits the header: its coder cell holds a name the
// codebook knows as a code (`…;We bellen elkaar; dat gaat goed;bereiken.korte_lijnen;`:
// the text's tail read as the code, the code as the coder). No coder is named after a
// code, so this is the shift, whatever else the row holds. The answers are kept per
// distinct coder cell, as a file has a few coders.
type shiftedCoder struct {
	cb    *codebook.Codebook
	known map[string]bool
}

// is reports whether the coder cell holds a code of the codebook (false without one).
func (s *shiftedCoder) is(coder string) bool {
	if s.cb == nil || coder == "" {
		return false
	}
	shifted, ok := s.known[coder]
	if !ok {
		_, shifted = s.cb.Resolve(coder)
		if s.known == nil {
			s.known = map[string]bool{}
		}
		s.known[coder] = shifted
	}
	return shifted
}

// ErrShiftedRow is wrapped by the reject of a row whose fields fit its header but are
// read one column off: a value holds an unquoted delimiter.
var ErrShiftedRow = model.NewKind("row read shifted", "regel verschoven gelezen")

// codeAsCoder is the reason of a row whose coder cell holds a code.
func codeAsCoder(coder string) error {
	return model.Reasonf("%[1]w: the coder column holds %[2]q, a code of the codebook: a value before it holds an unquoted delimiter, so the row is read shifted (the text's tail as the code, the code as the coder); quote the text",
		"%[1]v: de kolom van de codeur bevat %[2]q, een code van het codeboek: een waarde ervoor bevat een scheidingsteken zonder aanhalingstekens, dus de regel wordt verschoven gelezen (het eind van de tekst als code, de code als codeur); zet de tekst tussen aanhalingstekens",
		ErrShiftedRow, coder)
}
