// Command gen writes the binary test fixtures of package ingest (.xlsx, .qdpx, .docx) from
// the readable sources beside them, so a change to a fixture shows as a text diff:
//
//	go run ./pipeline/ingest/testdata/gen
package main

import (
	"archive/zip"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

const dir = "pipeline/ingest/testdata"

func main() {
	sheet("interviews/generic.xlsx", "Segmenten", nil, [][]string{
		{"Respondent", "Document", "Segment", "Tekst", "Code", "Codeur", "Gemeente", "Functie"},
		{"JW01", "JW01_Bergdorp", "S1", "We hebben korte lijnen met de wijkagent, ik app hem gewoon.", "Bereiken > Korte lijnen", "Anna", "Bergdorp", "jongerenwerker"},
		{"JW01", "JW01_Bergdorp", "S1", "We hebben korte lijnen met de wijkagent, ik app hem gewoon.", "Korte lijnen;\nKennen > Vertrouwen", "Bram", "Bergdorp", "jongerenwerker"},
		{"JW01", "JW01_Bergdorp", "S2", "Veilig Thuis laat nooit weten wat er met een melding gebeurt.", "Informeren > Geen terugkoppeling", "Anna", "Bergdorp", "jongerenwerker"},
		{"JW01", "JW01_Bergdorp", "S2", "Veilig Thuis laat nooit weten wat er met een melding gebeurt.", "", "Bram", "Bergdorp", "jongerenwerker"},
		{},
		{"JZ02", "JZ02_Zeestad", "S3", "Het duurt weken voordat ik iemand van het wijkteam spreek.", "Onbekende code", "Anna", "Zeestad", "jeugdzorgprofessional"},
		{"JZ02", "JZ02_Zeestad", "S4", "  ", "Bereiken", "Anna", "Zeestad", "jeugdzorgprofessional"},
		{"JZ02", "JZ02_Zeestad", "S3", "Een heel andere tekst onder hetzelfde segment.", "Bereiken", "Bram", "Zeestad", "jeugdzorgprofessional"},
		{"XX99", "XX99_Bergdorp", "S5", "Ik ken de wijkagent niet.", "Kennen", "Anna", "Bergdorp", "ouder"},
	})
	sheet("interviews/maxqda.xlsx", "Gecodeerde segmenten", [][]string{
		{"Overzicht gecodeerde segmenten"},
		{},
	}, [][]string{
		{"Color", "Document group", "Document name", "Code", "Beginning", "End", "Weight score", "Segment", "Comment", "Created by", "Created", "Modified by", "Modified", "Area", "Coverage %", "Gemeente", "Functie"},
		{"#ff0000", "Jongerenwerk", "JW01_Bergdorp", "Elkaar bereiken > Korte lijnen", "4", "4", "0", "Ik bel gewoon de wijkagent als er iets is.", "", "Anna", "2023-03-01 10:00:00", "Anna", "2023-03-01 10:00:00", "43", "2.1", "Bergdorp", "jongerenwerker"},
		{"#00ff00", "Jongerenwerk", "JW01_Bergdorp", "Elkaar kennen > Vertrouwen", "4", "4", "0", "Ik bel gewoon de wijkagent als er iets is.", "", "Bram", "2023-03-02 10:00:00", "Bram", "2023-03-02 10:00:00", "43", "2.1", "Bergdorp", "jongerenwerker"},
		{"#00ff00", "Jeugdzorg", "JZ02_Zeestad", "Op de hoogte houden > Terugkoppeling", "7", "8", "0", "Na een melding hoor ik er niets meer van.", "nakijken", "Anna", "2023-03-03 10:00:00", "Anna", "2023-03-03 10:00:00", "41", "1.8", "Zeestad", "jeugdzorgprofessional"},
		{"#00ff00", "Jeugdzorg", "JZ02_Zeestad", "Elkaar bereiken", "9", "9", "0", "", "", "Anna", "2023-03-03 10:00:00", "Anna", "2023-03-03 10:00:00", "0", "0", "Zeestad", "jeugdzorgprofessional"},
	})
	sheet("interviews/atlasti.xlsx", "Quotations", nil, [][]string{
		{"ID", "Quotation Name", "Document", "Document Groups", "Quotation Content", "Codes", "Comment", "Created by", "Created"},
		{"3:10", "Ik app de wijkagent", "3: JW01_Bergdorp.docx", "gemeente: Bergdorp\nrol: jongerenwerker", "Ik app de wijkagent en hij reageert binnen vijf minuten.", "Bereiken::Korte lijnen\nKennen::Vertrouwen", "", "Anna", "2023-03-01"},
		{"3:11", "", "3: JW01_Bergdorp.docx", "gemeente: Bergdorp\nrol: jongerenwerker", "We zitten elke week samen in het ZAT.", "Bereiken::Casuistiekoverleg", "", "Bram", "2023-03-01"},
		{"5:2", "", "5: JZ02_Zeestad.docx", "gemeente: Zeestad\nrol: jeugdzorgprofessional\nAlle documenten", "De school laat niets van zich horen.", "", "", "Anna", "2023-03-02"},
	})
	sheet("interviews/qualcoder.xlsx", "Sheet1", nil, [][]string{
		{"File", "Coder", "Coded", "Id", "Codename", "Category", "FileVar_Gemeente", "CaseVar_Functie"},
		{"JW01_Bergdorp.txt", "anna", "We hebben een vast aanspreekpunt bij het wijkteam.", "12", "Aandachtsfunctionaris", "Elkaar bereiken", "Bergdorp", "jongerenwerker"},
	})
	project("qdpx/nvivo", "interviews/nvivo.qdpx", "")
	project("qdpx/maxqda", "interviews/maxqda.qdpx", "")
	project("qdpx/nvivo", "interviews/noqde.qdpx", "project.qde")
	docx("transcripts/JZ03_Zeestad.docx", []string{
		"Interview JZ03",
		"Interviewer: Hoe werk je samen met de school?",
		"Respondent: Via de intern begeleider. We hebben\u00a0korte lijnen.",
		"Interviewer: En met het wijkteam?",
		"Respondent: Dat verschilt per persoon.",
	})
}

// sheet writes a workbook with one sheet: preamble rows, then the table.
func sheet(name, sheetName string, preamble, rows [][]string) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheetName); err != nil {
		log.Fatal(err)
	}
	r := 1
	for _, row := range append(preamble, rows...) {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r)
			if err := f.SetCellStr(sheetName, cell, v); err != nil {
				log.Fatal(err)
			}
		}
		r++
	}
	if err := f.SaveAs(filepath.Join(dir, name)); err != nil {
		log.Fatal(err)
	}
}

// project zips a folder as a .qdpx, leaving out the entry named skip.
func project(src, dst, skip string) {
	out, err := os.Create(filepath.Join(dir, dst))
	if err != nil {
		log.Fatal(err)
	}
	zw := zip.NewWriter(out)
	root := filepath.Join(dir, src)
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if rel == skip {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: rel, Method: zip.Deflate})
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	})
	if err == nil {
		err = zw.Close()
	}
	if err == nil {
		err = out.Close()
	}
	if err != nil {
		log.Fatal(err)
	}
}

// docx writes a minimal Word document with one paragraph per line.
func docx(dst string, paragraphs []string) {
	var body strings.Builder
	for _, p := range paragraphs {
		// Split each paragraph over two runs, as Word does.
		h := len(p) / 2
		for h < len(p) && p[h]&0xC0 == 0x80 {
			h++
		}
		fmt.Fprintf(&body, `<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r><w:r><w:t>%s</w:t></w:r></w:p>`, esc(p[:h]), esc(p[h:]))
	}
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() +
			`<w:p><w:r><w:delText>verwijderd</w:delText></w:r></w:p><w:sectPr/></w:body></w:document>`,
	}
	out, err := os.Create(filepath.Join(dir, dst))
	if err != nil {
		log.Fatal(err)
	}
	zw := zip.NewWriter(out)
	for _, n := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml"} {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate})
		w.Write([]byte(files[n]))
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	out.Close()
}

func esc(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
