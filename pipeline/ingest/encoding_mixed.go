package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/samenspel/samenspel/pipeline/model"
	"golang.org/x/text/encoding/charmap"
)

// A UTF-8 file with a few Windows-1252 lines (attack 17 F11): a survey export in UTF-8
// with late paper responses typed in Excel and saved as "CSV" (Windows-1252) appended,
// with `copy /b` or by pasting. As a whole it is not valid UTF-8, so it was read as
// Windows-1252, and every UTF-8 letter became two ("SÃºdwest-FryslÃ¢n", a municipality
// of its own beside the real one); with a byte-order mark it was read as UTF-8 and the
// Windows-1252 bytes went through as they were, invalid UTF-8 in the tables. Such a
// file is read line by line: a line that is valid UTF-8 as UTF-8, another as
// Windows-1252, with a warning that counts those lines and names the first ones, and
// that check lists. A file with no UTF-8 letter and no byte-order mark is Windows-1252
// as before.

// ErrMixedEncoding is wrapped by the warning of a UTF-8 file with Windows-1252 lines.
var ErrMixedEncoding = model.NewKind("UTF-8 with Windows-1252 lines", "UTF-8 met regels in Windows-1252")

// ErrMixedEncodingMac is wrapped by the warning of a UTF-8 file with lines in the
// encoding Excel for the Macintosh writes "CSV (Macintosh)" in (Mac OS Roman; the
// warning says Macintosh, as the redactor would take "Mac" and "Roman" for names).
var ErrMixedEncodingMac = model.NewKind("UTF-8 with Macintosh lines", "UTF-8 met regels in Macintosh")

// mixedLines decodes data, whose encoding sniffEncoding found to be enc, line by line
// where it is UTF-8 with lines that are not: with a byte-order mark and invalid UTF-8, or
// without one where some line is UTF-8 with a letter beyond ASCII and others are not
// UTF-8. It returns nil where the file is not such a one, else the text (UTF-8, without
// the byte-order mark), the 1-based lines read in another encoding, and that encoding:
// Windows-1252, or for a file whose lines end in a carriage return alone the one of
// Windows-1252 and Mac OS Roman that those lines' accented letters fit (crOnlyEncoding).
// Such a file without a byte-order mark was read as a whole in the guessed encoding
// before, its UTF-8 lines' letters two characters each ("S√∫dwest-Frysl√¢n" of 8 rows
// beside the Mac OS Roman lines' "Súdwest-Fryslân"), and with one its Mac OS Roman lines
// were read as Windows-1252 ("Sœdwest-Frysl‰n").
func mixedLines(data []byte, enc textEncoding, crOnly bool) ([]byte, []int, textEncoding) {
	if enc != encUTF8 && enc != encWindows1252 {
		return nil, nil, enc
	}
	sep := []byte{'\n'}
	if crOnly {
		sep = []byte{'\r'}
	}
	body := bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if enc == encUTF8 && utf8.Valid(body) {
		return nil, nil, enc
	}
	utf8Letters := enc == encUTF8 // a byte-order mark says UTF-8
	var bad []int
	var badText []byte // the lines that are not UTF-8, for crOnlyEncoding
	for n, rest := 1, body; len(rest) > 0; n++ {
		line, next, _ := bytes.Cut(rest, sep)
		rest = next
		if !utf8.Valid(line) {
			bad = append(bad, n)
			if crOnly {
				badText = append(append(badText, line...), '\n')
			}
		} else if !utf8Letters && hasNonASCII(line) {
			utf8Letters = true
		}
	}
	if !utf8Letters || len(bad) == 0 {
		return nil, nil, enc
	}
	other := encWindows1252
	if crOnly {
		other = crOnlyEncoding(badText) // encoding_guess.go
	}
	cm := charmap.Windows1252
	if other == encMacintosh {
		cm = charmap.Macintosh
	}
	out := make([]byte, 0, len(body)+len(body)/8)
	dec := cm.NewDecoder()
	for n, rest, k := 1, body, 0; len(rest) > 0; n++ {
		line, next, found := bytes.Cut(rest, sep)
		rest = next
		if k < len(bad) && bad[k] == n {
			k++
			w, err := dec.Bytes(line)
			if err != nil {
				return nil, nil, enc
			}
			line = w
		}
		out = append(out, line...)
		if found {
			out = append(out, sep[0])
		}
	}
	return out, bad, other
}

// hasNonASCII reports whether b has a byte beyond ASCII.
func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// mixedEncodingWarning names a file's lines in another encoding (enc, Windows-1252 or Mac
// OS Roman): their number and the first five.
func mixedEncodingWarning(path string, lines []int, enc textEncoding) model.Warning {
	shown := lines[:min(len(lines), 5)]
	parts := make([]string, len(shown))
	for i, l := range shown {
		parts[i] = fmt.Sprint(l)
	}
	list := strings.Join(parts, ", ")
	if len(lines) > len(shown) {
		list += ", ..."
	}
	if enc == encMacintosh {
		return model.Warning{File: path, Err: model.Reasonf(
			"%w: the file is UTF-8, but %d line(s) are not (lines %s) and end in a carriage return alone: they were read as Macintosh, as Excel writes \"CSV (Macintosh)\", which their accented letters fit better than Windows-1252; check the names with accents on those lines in the output, or save the lines again as CSV UTF-8",
			"%v: het bestand is UTF-8, maar %d regel(s) niet (regels %s), en die eindigen op alleen een carriage return: ze zijn gelezen als Macintosh, zoals Excel \"CSV (Macintosh)\" schrijft, waar de letters met accenten beter bij passen dan bij Windows-1252; controleer de namen met accenten op die regels in de uitvoer, of sla de regels opnieuw op als CSV UTF-8",
			ErrMixedEncodingMac, len(lines), list)}
	}
	return model.Warning{File: path, Err: model.Reasonf(
		"%w: the file is UTF-8, but %d line(s) are not (lines %s): they were read as Windows-1252, as Excel on Windows writes \"CSV\"; check the names with accents on those lines in the output, or save the lines again as CSV UTF-8",
		"%v: het bestand is UTF-8, maar %d regel(s) niet (regels %s): die zijn gelezen als Windows-1252, zoals Excel onder Windows \"CSV\" schrijft; controleer de namen met accenten op die regels in de uitvoer, of sla de regels opnieuw op als CSV UTF-8",
		ErrMixedEncoding, len(lines), list)}
}
