// Package sheet reads the cell values of one worksheet of an .xlsx workbook in one
// streaming pass, for the tables that samenspel reads (surveys, respondent lists, coded
// segments, codebooks).
//
// It exists for speed: excelize's streaming reader decodes every cell through
// encoding/xml, about 8 CPU seconds for a survey of 100,000 respondents × 27 columns,
// which was half of a national run. github.com/thedatashed/xlsxreader, the other
// maintained Go reader, measured slower than excelize on the same sheet (60,000 to
// 80,000 cells/s against excelize's 105,000 in one run), and the SAX tokenizer
// github.com/orisano/gosax alone was measured slower than a plain byte scan (0.76 s
// against 0.65 s, issue 16). This package reads the inflated XML bytes for the few
// elements a table needs (row, c, v, f, is, t, r) and nothing else
// (BenchmarkSheetReader, side by side with excelize):
//
//   - The cells in the shapes writers use for nearly all of them (a number, a shared
//     string's index, an inline string, an empty cell; see cells.go) are read straight
//     from the buffer, without tokens; any other shape, and a cell that does not lie
//     whole in the buffer, is read token by token by a small XML scanner (scan.go).
//   - A row's values go end to end into one buffer that is reused from row to row: Len
//     and Cell give them as bytes without an allocation per cell; Row gives strings,
//     short ones from a small cache and shared strings as the table holds them.
//   - Parts are inflated by github.com/klauspost/compress/flate, a fifth less CPU than
//     compress/flate, and a sheet of a megabyte or more on a goroutine of its own, a few
//     chunks ahead of the scan, where there is a second core.
//
// It gives the values excelize gives with RawCellValue, cell for cell, which the oracle
// tests check on every workbook in the repository and on random workbooks written by
// excelize, openpyxl and LibreOffice: shared and inline strings (rich text runs joined,
// phonetic runs left out, _xHHHH_ escapes decoded), numbers as the file writes them,
// cached formula values, errors such as #N/A, ISO dates (t="d") as written; booleans as
// TRUE and FALSE, as excelize formats them (a boolean is no number: see CellText); and a
// number in a cell whose number format shows a date or a time becomes ISO yyyy-mm-dd,
// hh:mm:ss or yyyy-mm-dd hh:mm:ss (CellText). Whether a format shows a date
// is decided once per format by excelize's own formatter on sample values.
//
// One thing it reads differently from excelize, on purpose: a cell whose reference lies
// at or left of a cell with a value before it in its row (cells out of order, or one
// twice) is an error wrapping ErrMalformed, where excelize appends its value after the
// others and so reads it, and every value after it, in another column.
//
// What it does not handle it reports as ErrUnsupported, and the caller reads the
// workbook with excelize instead: strict OOXML, workbooks whose parts are not where
// excelize looks for them, a document type declaration, encodings other than UTF-8,
// characters XML forbids, rows out of order, malformed cell references, number formats
// whose date-ness depends on the value ([h]:mm:ss) and anything else out of the ordinary.
// It is not a validating XML parser: mismatched end tags are not detected. Encrypted and
// old binary workbooks are not zip archives and never reach it.
//
// The archive limits of the ingest package apply to every part it inflates (Limits): the
// entry count, the size of an entry and of all of them (never more than one byte past a
// limit is inflated), the ratio of inflated to packed size, and the depth of XML
// nesting; parts it does not read are never inflated. FuzzArchive and FuzzSheetXML hold
// it to that on arbitrary input, and to no panic.
package sheet
