package ingest

import (
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/pipeline/ingest/sheet"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/xuri/excelize/v2"
)

// Cells excelize drops without a word (readers14). Its row iterator discards the error
// of a cell it cannot decode and reads the cell as empty, or as another cell's text:
//
//   - a shared string index past the workbook's shared strings (t="s", <v>99</v>):
//     empty, an answer or a segment's text lost;
//   - a shared string index that is no number (<v>abc</v>): the first shared string,
//     the header's "Respondent", a wrong value;
//   - a style attribute that is no number (s="abc"): the cell left out of its row.
//
// The fast sheet reader names them as damaged cells (sheet.Rows.Damaged). Before
// excelize reads a sheet, its worksheet XML is scanned once for the same cells, and
// the rows excelize gives have them blanked and named alike (table_damaged_cells.go):
// both paths reject the same answers, cells and rows. The scan runs only where excelize
// reads (a workbook the fast reader leaves to it).

// excelizeDamaged returns the cells of the sheet that excelize would drop or misread,
// by row number; nil where there are none.
func excelizeDamaged(book *excelize.File, name string) map[int][]damagedCell {
	part, strings_ := sheetParts(book, name)
	if part == "" {
		return nil
	}
	data := pkgPart(book, part)
	if data == nil {
		return nil
	}
	var out map[int][]damagedCell
	add := func(line int, ref string, err error) {
		col, _, cerr := excelize.CellNameToCoordinates(ref)
		if cerr != nil {
			return // a cell without a usable reference: excelize reports it itself
		}
		if out == nil {
			out = map[int][]damagedCell{}
		}
		out[line] = append(out[line], damagedCell{col: col - 1, err: err})
	}
	shared := -1 // the number of shared strings, counted once needed
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	line := 0
	var ref, typ string
	inV, styled := false, false
	var v strings.Builder
	for {
		tok, err := dec.RawToken()
		if err == io.EOF || err != nil {
			return out // what excelize cannot parse it reports itself
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				if n, err := strconv.Atoi(attr(t, "r")); err == nil {
					line = n
				} else {
					line++
				}
			case "c":
				ref, typ, styled = attr(t, "r"), attr(t, "t"), false
				if s, ok := attrOK(t, "s"); ok {
					if _, err := strconv.ParseInt(s, 10, 64); err != nil {
						add(line, ref, sheet.StyleDamage([]byte(s)))
						styled = true
					}
				}
			case "v":
				inV = true
				v.Reset()
			}
		case xml.CharData:
			if inV {
				v.Write(t)
			}
		case xml.EndElement:
			if t.Name.Local != "v" || !inV {
				continue
			}
			inV = false
			if typ != "s" || v.Len() == 0 || styled {
				continue
			}
			if shared < 0 {
				shared = countSharedStrings(pkgPart(book, strings_))
			}
			i, err := strconv.Atoi(v.String()) // untrimmed, as the fast reader and excelize parse it
			if err != nil || i < 0 || i >= shared {
				add(line, ref, sheet.SharedIndexDamage([]byte(v.String()), shared))
			}
		}
	}
}

// damagedAt is the error of a damaged cell, as the fast reader words its own.
func damagedAt(file, name string, line int, ref string, err error) error {
	return fastFailure{model.Reasonf("%s: %s: %s: %w", "%s: %s: %s: %v", file, model.Place(name, line, ""), model.Translated("cell "+ref, "cel "+ref), err), ErrNotTable}
}

// attrOK is the attribute name (in no namespace) of t, and whether t has it.
func attrOK(t xml.StartElement, name string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value, true
		}
	}
	return "", false
}

// pkgPart is a part of the workbook as excelize holds it, or nil.
func pkgPart(book *excelize.File, name string) []byte {
	if name == "" {
		return nil
	}
	v, ok := book.Pkg.Load(name)
	if !ok {
		return nil
	}
	b, _ := v.([]byte)
	return b
}

// sheetParts finds the worksheet part of the sheet called name and the shared strings
// part, through the workbook part and its relationships.
func sheetParts(book *excelize.File, name string) (worksheet, sharedStrings string) {
	var wb struct {
		Sheets []struct {
			Name string     `xml:"name,attr"`
			Attr []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(pkgPart(book, "xl/workbook.xml"), &wb) != nil || xml.Unmarshal(pkgPart(book, "xl/_rels/workbook.xml.rels"), &rels) != nil {
		return "", ""
	}
	target := func(t string) string {
		if strings.HasPrefix(t, "/") {
			return strings.TrimPrefix(t, "/")
		}
		return path.Join("xl", t)
	}
	id := ""
	for _, s := range wb.Sheets {
		if s.Name == name {
			for _, a := range s.Attr {
				if a.Name.Local == "id" {
					id = a.Value
				}
			}
		}
	}
	for _, r := range rels.Rel {
		switch {
		case r.ID == id && id != "":
			worksheet = target(r.Target)
		case strings.HasSuffix(r.Type, "/sharedStrings"):
			sharedStrings = target(r.Target)
		}
	}
	return worksheet, sharedStrings
}

// countSharedStrings counts the <si> items of a shared strings part.
func countSharedStrings(data []byte) int {
	n := 0
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	for {
		tok, err := dec.RawToken()
		if err != nil {
			return n
		}
		if t, ok := tok.(xml.StartElement); ok && t.Name.Local == "si" {
			n++
		}
	}
}
