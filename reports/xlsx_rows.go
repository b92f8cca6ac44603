package reports

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"hash/crc32"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The data rows of a sheet of tables.xlsx are written here, not through excelize's
// StreamWriter.SetRow, which on the national study took 1.1 of the workbook's 1.6 CPU
// seconds: per cell it formats the cell's name, builds a cell struct, copies the text
// through an escaper, a regular expression and a length check, and spills the sheet to
// a temporary file past 16 MB. excelize still writes everything else (the header row,
// column widths, the frozen pane, the table with its filter, styles, the workbook); the
// rows are put into the sheet's part before its "</sheetData>" when the workbook is
// zipped (sortedZip), written straight into the part's compressor on one of its
// goroutines, so the sheet's XML is never held whole. They are byte for byte what SetRow writes for the same cells
// (TestSheetRowsAsExcelize compares whole workbooks): numbers with Excel's 15
// significant digits as excelize formats them, text as an inline string escaped by
// encoding/xml as excelize escapes it, with xml:space="preserve" where it begins or
// ends with white space. Text that excelize would rewrite further (a "_xHHHH_" escape
// sequence, more than 32,767 characters) sends the whole sheet back to SetRow.

// rowsWritable reports whether every text among vals is one the row writer writes as
// excelize would: no "_x" (excelize's escape for "_xHHHH_" sequences) and at most
// 32,767 bytes (Excel's limit is 32,767 UTF-16 units, never more than the bytes).
func rowsWritable(vals []any) bool {
	for _, v := range vals {
		if s, ok := v.(string); ok && (len(s) > excelize.TotalCellChars || strings.Contains(s, "_x")) {
			return false
		}
	}
	return true
}

// sheetRows writes rows firstRow, firstRow+1, … of cells as SetRow writes them: vals
// holds ncol cells a row, each written with the style of its column (styles) or, for
// text, textStyle; a nil cell is an empty cell with its style.
func sheetRows(buf *bufio.Writer, firstRow int, vals []any, ncol int, styles []int, textStyle int) {
	refs := make([]string, ncol)
	for i := range refs {
		refs[i], _ = excelize.ColumnNumberToName(i + 1)
	}
	var num []byte
	for r := 0; r*ncol < len(vals); r++ {
		row := strconv.Itoa(firstRow + r)
		buf.WriteString(`<row r="`)
		buf.WriteString(row)
		buf.WriteString(`">`)
		for i := 0; i < ncol; i++ {
			v := vals[r*ncol+i]
			style := styles[i]
			if _, ok := v.(string); ok {
				style = textStyle
			}
			buf.WriteString(`<c r="`)
			buf.WriteString(refs[i])
			buf.WriteString(row)
			buf.WriteByte('"')
			if style != 0 {
				buf.WriteString(` s="`)
				buf.WriteString(strconv.Itoa(style))
				buf.WriteByte('"')
			}
			switch x := v.(type) {
			case string:
				buf.WriteString(` t="inlineStr"><is><t`)
				if x != "" && (isSpace(x[0]) || isSpace(x[len(x)-1])) {
					buf.WriteString(` xml:space="preserve"`)
				}
				buf.WriteByte('>')
				escapeCellText(buf, x)
				buf.WriteString(`</t></is>`)
			case int:
				buf.WriteString(`><v>`)
				num = strconv.AppendInt(num[:0], int64(x), 10)
				buf.Write(num)
				buf.WriteString(`</v>`)
			case float64:
				buf.WriteByte('>')
				if !math.IsNaN(x) && !math.IsInf(x, 0) {
					buf.WriteString(`<v>`)
					buf.WriteString(excelFloat(x))
					buf.WriteString(`</v>`)
				}
			case bool:
				buf.WriteString(` t="b"><v>`)
				if x {
					buf.WriteByte('1')
				} else {
					buf.WriteByte('0')
				}
				buf.WriteString(`</v>`)
			default:
				buf.WriteByte('>')
			}
			buf.WriteString(`</c>`)
		}
		buf.WriteString(`</row>`)
	}
}

// isSpace is the white space at either end of a text that makes excelize mark it
// xml:space="preserve": tab, line feed, carriage return and space.
func isSpace(b byte) bool { return b == 9 || b == 10 || b == 13 || b == 32 }

// escapeCellText writes s as excelize writes an inline string: escaped by
// encoding/xml.EscapeText with its line feeds ("&#xA;") put back as they were. Plain
// ASCII without anything to escape, most cells, is written as it is.
func escapeCellText(buf *bufio.Writer, s string) {
	plain := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c < 0x20 && c != '\n' || c == '"' || c == '\'' || c == '&' || c == '<' || c == '>' {
			plain = false
			break
		}
	}
	if plain {
		buf.WriteString(s)
		return
	}
	var esc bytes.Buffer
	_ = xml.EscapeText(&esc, []byte(s))
	buf.Write(bytes.ReplaceAll(esc.Bytes(), []byte("&#xA;"), []byte("\n")))
}

// excelFloat formats x as excelize's formatCellFloat does with automatic precision
// (copied from excelize v2.11.1, cell.go, BSD 3-Clause): the shortest decimal form,
// cut to Excel's 15 significant digits.
func excelFloat(value float64) string {
	str := strconv.FormatFloat(value, 'f', -1, 64)
	if math.Abs(value) == math.MaxFloat64 {
		return str
	}
	const maxPrec = 15
	decimal := strings.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return strings.TrimSuffix(str[:idx], ".")
		}
		if decimal < 0 {
			decimal = len(str)
		}
		truncated := []byte(str[:decimal])
		for ; idx < len(truncated); idx++ {
			truncated[idx] = '0'
		}
		return string(truncated)
	}
	return str
}

// sheetData is the data rows of a sheet, written when its part is compressed.
type sheetData struct {
	write func(io.Writer) error
	size  int // about how many bytes write writes, to compress the largest parts first
}

// crcWriter passes what is written on to w, keeping its CRC-32 and length for the zip
// entry's header.
type crcWriter struct {
	w   io.Writer
	crc uint32
	n   int
}

func (c *crcWriter) Write(p []byte) (int, error) {
	c.crc = crc32.Update(c.crc, crc32.IEEETable, p)
	c.n += len(p)
	return c.w.Write(p)
}
