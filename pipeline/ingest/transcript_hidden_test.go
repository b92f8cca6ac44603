package ingest

import (
	"path/filepath"
	"strings"
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

// Text hidden by a style is left out too: a character style with w:vanish (and one based
// on it), a paragraph style with w:vanish, unless the run's own w:vanish w:val="0" shows
// it; the former style of a tracked paragraph change (w:pPrChange) and a table style's
// conditional run properties hide nothing.
func TestReadTranscriptDocxHiddenByStyle(t *testing.T) {
	const styles = `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="nl-NL"/></w:rPr></w:rPrDefault></w:docDefaults>` +
		`<w:style w:type="character" w:styleId="Verborgen"><w:name w:val="Verborgen"/><w:rPr><w:vanish/></w:rPr></w:style>` +
		`<w:style w:type="character" w:styleId="NaamVerborgen"><w:basedOn w:val="Verborgen"/><w:rPr><w:b/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Notitie"><w:rPr><w:vanish/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Gewoon"><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>` +
		`<w:style w:type="table" w:styleId="Tabel"><w:tblStylePr w:type="firstRow"><w:rPr><w:vanish/></w:rPr></w:tblStylePr></w:style>` +
		`</w:styles>`
	const w = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		`<w:p><w:r><w:t>I: Hoe gaat het?</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">R: Ik bel </w:t></w:r>` +
		`<w:r><w:rPr><w:rStyle w:val="Verborgen"/></w:rPr><w:t xml:space="preserve">Brammert </w:t></w:r>` +
		`<w:r><w:rPr><w:rStyle w:val="NaamVerborgen"/></w:rPr><w:t xml:space="preserve">Qwyntje </w:t></w:r>` +
		`<w:r><w:rPr><w:rStyle w:val="Verborgen"/><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve">het </w:t></w:r>` +
		`<w:r><w:rPr><w:rStyle w:val="Tabel"/></w:rPr><w:t>wijkteam.</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Notitie"/></w:pPr><w:r><w:t>Sleutel: R is Daan Visser</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Gewoon"/><w:pPrChange w:id="2" w:author="A"><w:pPr><w:pStyle w:val="Notitie"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Korte lijnen.</w:t></w:r></w:p>` +
		`</w:body></w:document>`
	path := filepath.Join(t.TempDir(), "JW01_Bergdorp.docx")
	writeZip(t, path, map[string]string{"word/document.xml": w, "word/styles.xml": styles})
	ds, err := ReadInterviews(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Segments) != 2 || ds.Segments[1].Text != "Ik bel het wijkteam.\n\nKorte lijnen." {
		t.Fatalf("segments %+v: want the answer without the text its styles hide", ds.Segments)
	}
	if len(ds.Warnings) != 1 || !strings.HasPrefix(ds.Warnings[0].Err.Error(), "3 piece(s) of hidden text") {
		t.Errorf("warnings %v: want one, counting 3 hidden runs", ds.Warnings)
	}
}

// A styles part that does not parse is an error, not text read without its hidden parts.
func TestReadTranscriptDocxBadStyles(t *testing.T) {
	const w = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>R: Hallo</w:t></w:r></w:p></w:body></w:document>`
	path := filepath.Join(t.TempDir(), "JW01_Bergdorp.docx")
	writeZip(t, path, map[string]string{"word/document.xml": w, "word/styles.xml": "<w:styles><w:style>"})
	if _, err := ReadInterviews(path, Options{}); err == nil {
		t.Fatal("want an error for a styles.xml that does not parse")
	}
}
