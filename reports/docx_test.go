package reports

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// docxParts opens a .docx and returns its parts by name.
func docxParts(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name], err = io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return parts
}

// docxDoc is what the tests read back from word/document.xml.
type docxDoc struct {
	styles   []string // paragraph styles in order ("" for Normal)
	texts    []string // paragraph texts, in the same order
	tables   []docxTable
	fields   []string // simple field instructions
	extents  [][2]int // wp:extent cx, cy
	blips    []string // r:embed of each picture
	crops    [][2]int // srcRect t, b of each picture
	bordersV []string // every left, right and insideV table border value
}

type docxTable struct {
	rows  [][]string
	right [][]bool // cell paragraph right-aligned
}

// readDocx walks document.xml with encoding/xml's tokenizer.
func readDocx(t *testing.T, doc []byte) docxDoc {
	t.Helper()
	var d docxDoc
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var (
		inTbl, inBorders, inPara bool
		style, text              string
		right                    bool
		tbl                      *docxTable
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("document.xml is not well-formed: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			attr := func(name string) string {
				for _, a := range e.Attr {
					if a.Name.Local == name {
						return a.Value
					}
				}
				return ""
			}
			switch e.Name.Local {
			case "tbl":
				inTbl = true
				tbl = &docxTable{}
			case "tblBorders":
				inBorders = true
			case "left", "right", "insideV":
				if inBorders {
					d.bordersV = append(d.bordersV, attr("val"))
				}
			case "tr":
				tbl.rows = append(tbl.rows, nil)
				tbl.right = append(tbl.right, nil)
			case "p":
				inPara, style, text, right = true, "", "", false
			case "pStyle":
				style = attr("val")
			case "jc":
				right = attr("val") == "right"
			case "fldSimple":
				d.fields = append(d.fields, attr("instr"))
			case "extent":
				cx, _ := strconv.Atoi(attr("cx"))
				cy, _ := strconv.Atoi(attr("cy"))
				d.extents = append(d.extents, [2]int{cx, cy})
			case "blip":
				d.blips = append(d.blips, attr("embed"))
			case "srcRect":
				tp, _ := strconv.Atoi(attr("t"))
				bt, _ := strconv.Atoi(attr("b"))
				d.crops = append(d.crops, [2]int{tp, bt})
			}
		case xml.CharData:
			if inPara {
				text += string(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "tblBorders":
				inBorders = false
			case "tbl":
				inTbl = false
				d.tables = append(d.tables, *tbl)
			case "p":
				inPara = false
				if inTbl {
					n := len(tbl.rows) - 1
					tbl.rows[n] = append(tbl.rows[n], text)
					tbl.right[n] = append(tbl.right[n], right)
				} else {
					d.styles = append(d.styles, style)
					d.texts = append(d.texts, text)
				}
			}
		}
	}
	return d
}

func exampleDocx(t *testing.T) []byte {
	t.Helper()
	dir, _ := writtenExample(t)
	b, err := os.ReadFile(filepath.Join(dir, "report.docx"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDocxReadBack reads report.docx back and checks it against the report it was built
// from: the sections of report.md, APA tables, pictures at print size with numbered
// captions, styles a template can restyle, quotes as quotations, no clock time.
func TestDocxReadBack(t *testing.T) {
	res := exampleResults()
	dir, _ := writtenExample(t)
	parts := docxParts(t, exampleDocx(t))
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels", "docProps/core.xml", "word/numbering.xml"} {
		if parts[name] == nil {
			t.Errorf("no part %s", name)
		}
	}
	if core := string(parts["docProps/core.xml"]); strings.Contains(core, "created") || strings.Contains(core, "modified") || !strings.Contains(core, "<dc:title>"+res.Title+"</dc:title>") {
		t.Errorf("docProps/core.xml: %s", core)
	}
	d := readDocx(t, parts["word/document.xml"])

	// The same headings as report.md, in the same order.
	md, err := os.ReadFile(filepath.Join(dir, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	var mdHeads, docHeads []string
	for _, line := range strings.Split(string(md), "\n") {
		if h, ok := strings.CutPrefix(line, "## "); ok {
			mdHeads = append(mdHeads, "1 "+h)
		} else if h, ok := strings.CutPrefix(line, "### "); ok {
			mdHeads = append(mdHeads, "2 "+strings.ReplaceAll(h, `\`, ""))
		}
	}
	quotes := 0
	for i, s := range d.styles {
		switch s {
		case "Heading1":
			docHeads = append(docHeads, "1 "+d.texts[i])
		case "Heading2":
			docHeads = append(docHeads, "2 "+d.texts[i])
		case "Quote":
			quotes++
		}
	}
	if strings.Join(docHeads, "|") != strings.Join(mdHeads, "|") {
		t.Errorf("headings:\n docx %v\n md   %v", docHeads, mdHeads)
	}
	if want := strings.Count(string(md), "\n> “"); quotes != want || quotes == 0 {
		t.Errorf("%d paragraphs in the Quote style, want %d", quotes, want)
	}

	// Every style used is defined, by the built-in names a template restyles.
	styles := string(parts["word/styles.xml"])
	for _, s := range append(d.styles, "APATable") {
		if s != "" && !strings.Contains(styles, `w:styleId="`+s+`"`) {
			t.Errorf("style %s used but not defined", s)
		}
	}
	for _, name := range []string{"heading 1", "heading 2", "caption", "Quote", "Title"} {
		if !strings.Contains(styles, `<w:name w:val="`+name+`"/>`) {
			t.Errorf("no style named %q", name)
		}
	}

	// Figures: one picture per figure, at its printed size, numbered by a SEQ field.
	rep := buildReport(res, nil)
	figs, err := buildFigures(res)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.extents) != len(figs) || len(d.blips) != len(figs) {
		t.Fatalf("%d pictures (%d blips), want %d figures", len(d.extents), len(d.blips), len(figs))
	}
	rels := string(parts["word/_rels/document.xml.rels"])
	for i, f := range figs {
		cx := int(f.width().Points()*emuPerPt + 0.5)
		cy := int((f.Height()-f.titleHeight()-f.captionHeight()-2*margin).Points()*emuPerPt + 0.5)
		if d.extents[i] != [2]int{cx, cy} {
			t.Errorf("figure %s: extent %v, want %d × %d EMU (17 cm wide)", f.Name, d.extents[i], cx, cy)
		}
		// The drawn title and caption are cropped away: what is left is as high as the
		// extent, so the picture is not stretched.
		h := f.Height().Points()
		top := int((margin+f.titleHeight()).Points()/h*100000 + 0.5)
		bottom := int((margin+f.captionHeight()).Points()/h*100000 + 0.5)
		if len(d.crops) <= i || d.crops[i] != [2]int{top, bottom} || top == 0 || bottom == 0 {
			t.Errorf("figure %s: crop %v, want %d, %d", f.Name, d.crops, top, bottom)
		}
		m := regexp.MustCompile(`Id="` + d.blips[i] + `"[^>]*Target="([^"]+)"`).FindStringSubmatch(rels)
		if m == nil || parts["word/"+m[1]] == nil {
			t.Errorf("figure %s: picture %s is not in the package", f.Name, d.blips[i])
		}
	}
	seq := map[string]int{}
	for _, f := range d.fields {
		seq[strings.Fields(f)[1]]++
	}
	if seq["Figuur"] != len(figs) || seq["Tabel"] != len(rep.Tables) {
		t.Errorf("SEQ fields %v, want %d figures and %d tables", seq, len(figs), len(rep.Tables))
	}

	// Tables: every table of the report, no vertical rules, numbers right-aligned with a
	// decimal comma.
	if want := len(rep.Tables) + 2; len(d.tables) != want { // + the sample and the inputs
		t.Fatalf("%d tables, want %d", len(d.tables), want)
	}
	for _, v := range d.bordersV {
		if v != "nil" {
			t.Errorf("a vertical table border %q", v)
		}
	}
	var freq *docxTable
	for i := range d.tables {
		if len(d.tables[i].rows) > 0 && strings.Join(d.tables[i].rows[0], "|") == strings.Join(rep.Tables[0].Head, "|") {
			freq = &d.tables[i]
		}
	}
	if freq == nil || len(freq.rows) != len(rep.Tables[0].Rows)+1 {
		t.Fatalf("the frequencies table is missing or short")
	}
	for j, numeric := range rep.Tables[0].Numeric {
		for i, row := range freq.rows {
			if freq.right[i][j] != numeric {
				t.Errorf("table 1 row %d column %d (%q): right-aligned %v, want %v", i, j, row[j], freq.right[i][j], numeric)
			}
		}
	}
	if !regexp.MustCompile(`^\d+,\d%$`).MatchString(freq.rows[1][4]) {
		t.Errorf("share %q, want a decimal comma", freq.rows[1][4])
	}
}

// An English study gets decimal points and English captions.
func TestDocxEnglish(t *testing.T) {
	res := exampleResults()
	res.Language = "en"
	b, err := buildReport(res, nil).docx()
	if err != nil {
		t.Fatal(err)
	}
	parts := docxParts(t, b)
	d := readDocx(t, parts["word/document.xml"])
	if !strings.Contains(strings.Join(d.fields, "|"), "SEQ Table") {
		t.Errorf("no SEQ Table field: %v", d.fields)
	}
	found := false
	for _, tb := range d.tables {
		for _, row := range tb.rows {
			for _, c := range row {
				if regexp.MustCompile(`^\d+\.\d%$`).MatchString(c) {
					found = true
				}
				if regexp.MustCompile(`^\d+,\d+%?$`).MatchString(c) {
					t.Errorf("decimal comma %q in an English table", c)
				}
			}
		}
	}
	if !found {
		t.Error("no share with a decimal point")
	}
	if !strings.Contains(string(parts["word/styles.xml"]), `w:val="en-GB"`) {
		t.Error("styles: language is not en-GB")
	}
}

// Text from respondents cannot break the XML: markup characters are escaped and control
// characters replaced.
func TestDocxEscapes(t *testing.T) {
	res := exampleResults()
	res.Title = `<w:p>&"quoted"` + "\x01\x0b"
	b, err := buildReport(res, nil).docx()
	if err != nil {
		t.Fatal(err)
	}
	parts := docxParts(t, b)
	d := readDocx(t, parts["word/document.xml"])
	if d.texts[0] != "<w:p>&\"quoted\"\uFFFD\uFFFD" {
		t.Errorf("title read back as %q", d.texts[0])
	}
	var v struct{}
	if err := xml.Unmarshal(parts["docProps/core.xml"], &v); err != nil {
		t.Errorf("core.xml: %v", err)
	}
}

// TestDocxLibreOffice converts the example's report.docx to PDF with LibreOffice and
// checks that every figure and table made it: a picture per figure, each caption in the
// text, a sensible page count. It skips without soffice unless
// SAMENSPEL_REQUIRE_LIBREOFFICE=1, which CI sets.
func TestDocxLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("SAMENSPEL_REQUIRE_LIBREOFFICE") == "1" {
			t.Fatal("soffice not found; CI installs libreoffice-writer-nogui and poppler-utils")
		}
		t.Skip("soffice not installed")
	}
	for _, tool := range []string{"pdfinfo", "pdftotext", "pdfimages"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s not found (poppler-utils)", tool)
		}
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "report.docx")
	if err := os.WriteFile(src, exampleDocx(t), 0o644); err != nil {
		t.Fatal(err)
	}
	// A profile of its own, so a LibreOffice already running elsewhere is not used.
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", "pdf", "--outdir", dir, src)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "report.pdf")
	info, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo: no page count in\n%s", info)
	}
	pages, _ := strconv.Atoi(string(m[1]))
	// The example: 9 figures of up to a page each and five tables, one of them long.
	if pages < 10 || pages > 40 {
		t.Errorf("%d pages, want 10 to 40", pages)
	}
	text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	flat := strings.Join(strings.Fields(string(text)), " ")
	res := exampleResults()
	rep := buildReport(res, nil)
	figs, _ := buildFigures(res)
	for i, f := range figs {
		want := "Figuur " + strconv.Itoa(i+1) + ". " + strings.Join(strings.Fields(f.Title), " ")
		if !strings.Contains(flat, want) {
			t.Errorf("PDF lacks the caption %q", want)
		}
	}
	for _, tb := range rep.Tables {
		want := "Tabel " + strconv.Itoa(tb.Number) + ". " + strings.Join(strings.Fields(tb.Title), " ")
		if len(want) > 60 {
			want = want[:strings.LastIndex(want[:60], " ")]
		}
		if !strings.Contains(flat, want) {
			t.Errorf("PDF lacks the table caption %q", want)
		}
		if !strings.Contains(flat, strings.Join(strings.Fields(tb.Rows[0][0]+" "), " ")) {
			t.Errorf("PDF lacks the first cell of table %d", tb.Number)
		}
	}
	list, err := exec.Command("pdfimages", "-list", pdf).Output()
	if err != nil {
		t.Fatalf("pdfimages: %v", err)
	}
	images := 0
	for _, line := range strings.Split(string(list), "\n") {
		f := strings.Fields(line)
		// page num type width height ... x-ppi y-ppi: every picture at 300 ppi.
		if len(f) >= 14 && f[2] == "image" {
			images++
			if f[12] != "300" {
				t.Errorf("a picture placed at %s ppi, want 300 (its print size): %s", f[12], line)
			}
		}
	}
	if images != len(figs) {
		t.Errorf("%d pictures in the PDF, want %d", images, len(figs))
	}
}
