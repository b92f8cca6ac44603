package ingest

import (
	"path/filepath"
	"testing"
)

// Attack 12 F22: a text box's text is read once (its first mc:Choice, not the VML
// mc:Fallback nor a second Choice; a Fallback alone is read), also a text box nested in
// one, and the old place of moved text (w:moveFrom) not at all; w:moveTo is read.
func TestReadTranscriptDocxTextBoxesAndMoves(t *testing.T) {
	const w = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>` +
		`<w:p><w:r><w:t>I: Hoe gaat het?</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">R: Vak: </w:t></w:r><w:r><mc:AlternateContent>` +
		`<mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Een</w:t></w:r>` +
		`<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>Binnen</w:t></w:r></w:p></w:txbxContent></mc:Choice>` +
		`<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Binnen</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>` +
		`</w:p></w:txbxContent></w:drawing></mc:Choice>` +
		`<mc:Choice Requires="wpg"><w:drawing><w:txbxContent><w:p><w:r><w:t>Twee</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Drie</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback>` +
		`</mc:AlternateContent></w:r><w:r><w:t xml:space="preserve"> en </w:t></w:r>` +
		`<w:r><mc:AlternateContent><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Oud</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">R: Verplaatst </w:t></w:r><w:moveFromRangeStart w:id="1" w:name="m"/>` +
		`<w:moveFrom w:id="2" w:author="A"><w:r><w:t xml:space="preserve">korte lijnen </w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="1"/>` +
		`<w:r><w:t xml:space="preserve">met </w:t></w:r><w:moveTo w:id="3" w:author="A"><w:r><w:t>korte lijnen</w:t></w:r></w:moveTo></w:p>` +
		`</w:body></w:document>`
	path := filepath.Join(t.TempDir(), "JW01_Bergdorp.docx")
	writeZip(t, path, map[string]string{"word/document.xml": w})
	ds, err := ReadInterviews(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range ds.Segments {
		got = append(got, s.Text)
	}
	want := []string{"Hoe gaat het?", "Vak: EenBinnen\n\n en Oud", "Verplaatst met korte lijnen"}
	if len(got) != len(want) {
		t.Fatalf("segments %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("segment %d: %q, want %q", i, got[i], want[i])
		}
	}
}
