package reports

// report.docx is written by the small WordprocessingML writer in docx*.go rather than by a
// library. Checked in December 2026:
//
//   - github.com/gomutex/godocx (MIT): unmaintained, by its own fork's account, since its
//     last release in 2024; its fork github.com/ubavic/godocx is months old with no
//     importers. Both add pictures from a file path, build tables on the template's
//     coloured list styles and have no caption or field support.
//   - github.com/fumiama/go-docx: AGPL-3.0, which a university cannot pass on under a
//     permissive licence.
//   - github.com/unidoc/unioffice: commercial, needs a paid licence key at run time.
//   - github.com/baliance/gooxml: archived.
//
// What the report needs is narrow: heading, caption, quote and bibliography styles by
// their built-in names (so that a journal template restyles them), tables with only the
// three horizontal APA rules, right-aligned numeric cells, inline PNGs at a given size,
// SEQ fields for figure and table numbers, and no clock time anywhere (the same inputs
// give byte-identical files). That is a few hundred lines over archive/zip and
// encoding/xml's escaping, and tested by reading the XML back and, in CI, by converting
// the file with LibreOffice.

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/samenspel/samenspel/pipeline/model"
)

// Page geometry of report.docx: A4 with 2 cm side margins, so the type area is the 17 cm
// of figures.width: page. Lengths in twentieths of a point (twips) and EMUs.
const (
	twipsPerPt    = 20
	emuPerPt      = 12700
	pageWidthTw   = 11906 // 210 mm
	pageHeightTw  = 16838 // 297 mm
	sideMarginTw  = 1134  // 20 mm
	topMarginTw   = 1418  // 25 mm
	textWidthTw   = pageWidthTw - 2*sideMarginTw
	textWidthPt   = float64(textWidthTw) / twipsPerPt
	docxZipModYr  = 1980 // the earliest date a zip entry holds: no clock time in the file
	docxRuleWidth = 8    // APA table rules: 1 pt, in eighths of a point
)

// docx renders the report as a Word document with the same sections as report.md.
func (r *report) docx() ([]byte, error) {
	d := &docxBody{lang: r.Lang}
	d.para("Title", nil, run(r.Title))
	if len(r.Sample) > 0 || r.SampleTab != nil {
		d.heading(1, r.Text["sample"])
		for _, s := range r.Sample {
			d.para("", nil, run(s))
		}
		if r.SampleTab != nil {
			d.table(r.SampleTab, r.Text["table"])
		}
	}
	if len(r.Methods) > 0 {
		d.heading(1, r.Text["methods"])
		for _, p := range r.Methods {
			d.para("", nil, run(p))
		}
	}
	if len(r.Figures) > 0 {
		d.heading(1, r.Text["figures"])
		for _, f := range r.Figures {
			d.figure(f, r.Text["figure"])
		}
	}
	if len(r.Tables) > 0 {
		d.heading(1, r.Text["tables"])
		for _, t := range r.Tables {
			d.table(t, r.Text["table"])
		}
	}
	r.Joint.docx(d, r.Text["table"])
	if len(r.Quotes) > 0 {
		d.heading(1, r.Text["quotes"])
		for _, g := range r.Quotes {
			d.heading(2, g.Factor)
			for _, q := range g.Quotes {
				d.para("Quote", nil, run("“"+q.Text+"”"))
				who := q.Who
				if q.Code != "" {
					who += " · " + q.Code
				}
				d.para("QuoteSource", nil, run("— "+who))
			}
		}
	}
	municipalitiesDocx(d, r.Pages, r.Lang, r.Text["table"])
	if len(r.Notes) > 0 {
		d.heading(1, r.Text["notes"])
		for _, n := range r.Notes {
			d.para("ListBullet", nil, run(n))
		}
	}
	if r.Inputs != nil {
		d.heading(1, r.Text["inputs"])
		d.table(r.Inputs, r.Text["table"])
	}
	if len(r.References) > 0 {
		d.heading(1, r.Text["references"])
		for _, ref := range r.References {
			d.para("Bibliography", nil, run(ref))
		}
	}
	if r.Tool != "" {
		d.para("", nil, run(r.Text["made"]+" "+r.Tool+"."))
	}
	return d.pack(r.Title)
}

// docxBody collects the body of word/document.xml and the images it embeds.
type docxBody struct {
	lang   string
	b      bytes.Buffer
	images [][]byte // word/media/figure<i+1>.png, relationship rIdImg<i+1>
}

// docxRun is a run of text with its character formatting.
type docxRun struct {
	text         string
	bold, italic bool
	field        string // a simple field's instruction (SEQ Figuur); text is its value
}

func run(s string) docxRun { return docxRun{text: s} }

// para writes a paragraph in a style ("" is Normal) with extra paragraph properties.
func (d *docxBody) para(style string, props []string, runs ...docxRun) {
	d.b.WriteString("<w:p>")
	if style != "" || len(props) > 0 {
		d.b.WriteString("<w:pPr>")
		if style != "" {
			fmt.Fprintf(&d.b, `<w:pStyle w:val="%s"/>`, style)
		}
		for _, p := range props {
			d.b.WriteString(p)
		}
		d.b.WriteString("</w:pPr>")
	}
	for _, r := range runs {
		d.run(r)
	}
	d.b.WriteString("</w:p>")
}

func (d *docxBody) run(r docxRun) {
	if r.field != "" {
		fmt.Fprintf(&d.b, `<w:fldSimple w:instr="%s">`, xmlEscape(r.field))
	}
	d.b.WriteString("<w:r>")
	if r.bold || r.italic {
		d.b.WriteString("<w:rPr>")
		if r.bold {
			d.b.WriteString("<w:b/>")
		}
		if r.italic {
			d.b.WriteString("<w:i/>")
		}
		d.b.WriteString("</w:rPr>")
	}
	fmt.Fprintf(&d.b, `<w:t xml:space="preserve">%s</w:t></w:r>`, xmlEscape(r.text))
	if r.field != "" {
		d.b.WriteString("</w:fldSimple>")
	}
}

func (d *docxBody) heading(level int, text string) {
	d.para(fmt.Sprintf("Heading%d", level), nil, run(text))
}

// caption writes "Tabel 3. Title" or "Figuur 2. Title": the label and a SEQ field, so
// that Word numbers, cross-references and lists them, in bold; the title after it.
// keepNext holds a table's caption on the page of its table.
func (d *docxBody) caption(label string, number int, title, note string, keepNext bool) {
	var props []string
	if keepNext {
		props = append(props, "<w:keepNext/>")
	}
	runs := []docxRun{
		{text: label + " ", bold: true},
		{text: fmt.Sprint(number), bold: true, field: " SEQ " + label + ` \* ARABIC `},
		{text: ". ", bold: true},
		{text: title, italic: true},
	}
	if note != "" {
		runs = append(runs, docxRun{text: " " + note})
	}
	d.para("Caption", props, runs...)
}

// figure embeds the PNG at its printed size (no wider than the type area), cropped to
// leave out the title and caption drawn in it, with its numbered caption below it. The
// crop is DrawingML's srcRect (in thousandths of a percent of the picture's height), so
// the file is the same PNG as figures/<name>.png and "Reset picture" in Word brings the
// drawn title back.
func (d *docxBody) figure(f reportFigure, label string) {
	crop := func(pt float64) int { return int(pt/f.Height*100000 + 0.5) }
	if shown := f.Height - f.CropTop - f.CropBottom; len(f.PNG) > 0 && f.Width > 0 && shown > 0 {
		w, h := f.Width, shown
		if w > textWidthPt {
			w, h = textWidthPt, h*textWidthPt/w
		}
		d.images = append(d.images, f.PNG)
		id := len(d.images)
		cx, cy := int64(w*emuPerPt+0.5), int64(h*emuPerPt+0.5)
		descr := strings.TrimSpace(f.Title + ". " + f.Caption)
		fmt.Fprintf(&d.b, `<w:p><w:pPr><w:pStyle w:val="Figure"/><w:keepNext/></w:pPr><w:r><w:drawing>`+
			`<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="%s %d" descr="%s"/>`+
			`<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`+
			`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>`+
			`<pic:nvPicPr><pic:cNvPr id="%d" name="figure%d.png"/><pic:cNvPicPr/></pic:nvPicPr>`+
			`<pic:blipFill><a:blip r:embed="rIdImg%d"/><a:srcRect t="%d" b="%d"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
			`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`+
			`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`,
			cx, cy, id, xmlEscape(label), f.Number, xmlEscape(descr), id, id, id, crop(f.CropTop), crop(f.CropBottom), cx, cy)
	}
	d.caption(label, f.Number, f.Title, f.Caption, false)
}

// table writes a people's table APA style: the caption above, a rule above and below the
// table and one under the header row, no vertical rules, numbers right-aligned (they are
// already written with the study's decimal mark), the header row repeated on every page.
func (d *docxBody) table(t *peopleTable, label string) {
	if t == nil || len(t.Head) == 0 {
		return
	}
	if t.Number > 0 {
		d.caption(label, t.Number, t.Title, "", true)
	} else {
		d.para("Caption", []string{"<w:keepNext/>"}, docxRun{text: t.Caption, italic: true})
	}
	d.b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="APATable"/><w:tblW w:w="5000" w:type="pct"/>`)
	fmt.Fprintf(&d.b, `<w:tblBorders><w:top w:val="single" w:sz="%d" w:space="0" w:color="000000"/><w:left w:val="nil"/>`+
		`<w:bottom w:val="single" w:sz="%d" w:space="0" w:color="000000"/><w:right w:val="nil"/>`+
		`<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`, docxRuleWidth, docxRuleWidth)
	d.b.WriteString(`<w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	widths := columnWidths(t)
	for _, w := range widths {
		fmt.Fprintf(&d.b, `<w:gridCol w:w="%d"/>`, w)
	}
	d.b.WriteString("</w:tblGrid>")
	d.row(t, widths, t.Head, true)
	for _, row := range t.Rows {
		d.row(t, widths, row, false)
	}
	d.b.WriteString("</w:tbl>")
	// Word needs a paragraph between two tables, and it keeps the next caption clear.
	d.para("", nil)
}

// columnWidths shares the type area among the columns by how much they hold: each
// column's longest cell (counted up to 40 characters, so one long file path does not
// squeeze the rest) and at least its header's longest word, so no header breaks inside
// a word.
func columnWidths(t *peopleTable) []int {
	weight := make([]int, len(t.Head))
	total := 0
	for i, h := range t.Head {
		w := 4
		for _, word := range strings.Fields(h) {
			w = max(w, utf8.RuneCountInString(word)+1)
		}
		for _, row := range t.Rows {
			if i < len(row) {
				w = max(w, min(utf8.RuneCountInString(row[i]), 40))
			}
		}
		weight[i] = w
		total += w
	}
	out := make([]int, len(weight))
	for i, w := range weight {
		out[i] = textWidthTw * w / total
	}
	return out
}

func (d *docxBody) row(t *peopleTable, widths []int, cells []string, header bool) {
	d.b.WriteString("<w:tr>")
	if header {
		d.b.WriteString("<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>")
	} else {
		d.b.WriteString("<w:trPr><w:cantSplit/></w:trPr>")
	}
	for i := range t.Head {
		c := ""
		if i < len(cells) {
			c = cells[i]
		}
		d.b.WriteString("<w:tc><w:tcPr>")
		fmt.Fprintf(&d.b, `<w:tcW w:w="%d" w:type="dxa"/>`, widths[i])
		if header {
			fmt.Fprintf(&d.b, `<w:tcBorders><w:bottom w:val="single" w:sz="%d" w:space="0" w:color="000000"/></w:tcBorders>`, docxRuleWidth/2)
		}
		d.b.WriteString("</w:tcPr>")
		var props []string
		if i < len(t.Numeric) && t.Numeric[i] {
			props = append(props, `<w:jc w:val="right"/>`)
		}
		if header {
			props = append(props, "<w:keepNext/>")
		}
		d.para("TableText", props, docxRun{text: c})
		d.b.WriteString("</w:tc>")
	}
	d.b.WriteString("</w:tr>")
}

// xmlEscape escapes text for XML; characters XML 1.0 cannot hold become U+FFFD.
func xmlEscape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// pack zips the document with its styles, numbering, images and properties. Entries come
// in a fixed order with a fixed date, so the same report gives the same bytes.
func (d *docxBody) pack(title string) ([]byte, error) {
	var doc bytes.Buffer
	doc.WriteString(xml.Header[:len(xml.Header)-1])
	doc.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"` +
		` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"` +
		` xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"` +
		` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"` +
		` xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>`)
	doc.Write(d.b.Bytes())
	fmt.Fprintf(&doc, `<w:sectPr><w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>`,
		pageWidthTw, pageHeightTw, topMarginTw, sideMarginTw, topMarginTw, sideMarginTw)
	doc.WriteString("</w:body></w:document>")

	var rels strings.Builder
	rels.WriteString(xml.Header[:len(xml.Header)-1] + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`)
	for i := range d.images {
		fmt.Fprintf(&rels, `<Relationship Id="rIdImg%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/figure%d.png"/>`, i+1, i+1)
	}
	rels.WriteString("</Relationships>")

	lang := "nl-NL"
	if d.lang == "en" {
		lang = "en-GB"
	}
	parts := []struct {
		name string
		data []byte
	}{
		{"[Content_Types].xml", []byte(docxContentTypes)},
		{"_rels/.rels", []byte(docxPackageRels)},
		{"docProps/core.xml", []byte(fmt.Sprintf(docxCore, xmlEscape(title), lang))},
		{"docProps/app.xml", []byte(docxApp)},
		{"word/document.xml", doc.Bytes()},
		{"word/_rels/document.xml.rels", []byte(rels.String())},
		{"word/styles.xml", []byte(strings.ReplaceAll(docxStyles, "{lang}", lang))},
		{"word/numbering.xml", []byte(docxNumbering)},
	}
	for i, img := range d.images {
		parts = append(parts, struct {
			name string
			data []byte
		}{fmt.Sprintf("word/media/figure%d.png", i+1), img})
	}
	var out bytes.Buffer
	size := 0
	for _, p := range parts {
		size += len(p.data) + len(p.name) + 128
	}
	out.Grow(size) // the images, stored, are most of it: no regrowing megabytes
	z := zip.NewWriter(&out)
	for _, p := range parts {
		h := &zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: time.Date(docxZipModYr, 1, 1, 0, 0, 0, 0, time.UTC)}
		if strings.HasSuffix(p.name, ".png") {
			h.Method = zip.Store // already compressed
		}
		w, err := z.CreateHeader(h)
		if err != nil {
			return nil, model.Reasonf("%w: report.docx: %v", "%v: report.docx: %v", ErrWrite, err)
		}
		if _, err := w.Write(p.data); err != nil {
			return nil, model.Reasonf("%w: report.docx: %v", "%v: report.docx: %v", ErrWrite, err)
		}
	}
	if err := z.Close(); err != nil {
		return nil, model.Reasonf("%w: report.docx: %v", "%v: report.docx: %v", ErrWrite, err)
	}
	return out.Bytes(), nil
}
