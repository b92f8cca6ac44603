package ingest

import (
	"path/filepath"
	"testing"
)

// Word's hidden text (a run with w:vanish, attack 11 F24) is left out and counted in a
// warning; w:vanish w:val="0", the paragraph mark's w:vanish and the former properties
// of a tracked change (w:rPrChange) hide nothing.
func TestReadTranscriptDocxHiddenText(t *testing.T) {
	const w = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		`<w:p><w:r><w:t>I: Hoe gaat het?</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">R: Ook via </w:t></w:r>` +
		`<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">Brammert 0612345678 </w:t></w:r>` +
		`<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve">het </w:t></w:r>` +
		`<w:r><w:rPr><w:b/><w:rPrChange w:id="1" w:author="A"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t xml:space="preserve">wijkteam</w:t></w:r>` +
		`<w:r><w:rPr><w:vanish w:val="true"/></w:rPr><w:t>Sleutel</w:t><w:t>lijst</w:t></w:r>` +
		`<w:r><w:t>, korte lijnen.</w:t></w:r></w:p></w:body></w:document>`
	path := filepath.Join(t.TempDir(), "JW01_Bergdorp.docx")
	writeZip(t, path, map[string]string{"word/document.xml": w})
	ds, err := ReadInterviews(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Segments) != 2 || ds.Segments[1].Text != "Ook via het wijkteam, korte lijnen." {
		t.Fatalf("segments %+v: want the answer without its hidden text", ds.Segments)
	}
	if len(ds.Warnings) != 1 || ds.Warnings[0].File != path ||
		ds.Warnings[0].Err.Error() != "2 piece(s) of hidden text (in Word: Font, Hidden) were left out: Word neither shows nor prints them; to read them, make them visible in Word" {
		t.Errorf("warnings %v: want one, counting 2 hidden runs", ds.Warnings)
	}
}
