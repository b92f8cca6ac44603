package ingest

import (
	"path/filepath"
	"testing"
)

// A Word transcript laid out as a table, a row per turn (attack 13, docx-table-transcript):
// each row is a turn of its first cell's speaker; the header row is no turn; a cell of
// two paragraphs is one turn; a three-column table with the time first reads the same;
// an empty text cell is a turn without text, not words joined to the previous turn.
func TestReadTranscriptDocxTable(t *testing.T) {
	row := func(cells ...string) string {
		s := `<w:tr>`
		for _, c := range cells {
			s += `<w:tc><w:p><w:r><w:t xml:space="preserve">` + c + `</w:t></w:r></w:p></w:tc>`
		}
		return s + `</w:tr>`
	}
	doc := func(body string) string {
		return `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`
	}
	for _, c := range []struct {
		what, body string
		want       []string // the segments' texts
		asker      []bool   // whether each is the interviewer's
	}{
		{"speaker | text with a header", `<w:tbl>` + row("Spreker", "Tekst") + row("Interviewer", "Heeft u korte lijnen?") +
			row("Respondent", "Nee, helaas niet.") + `</w:tbl>`, []string{"Heeft u korte lijnen?", "Nee, helaas niet."}, []bool{true, false}},
		{"a header marked in Word, labels with a colon", `<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>Wie</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Wat er gezegd is</w:t></w:r></w:p></w:tc></w:tr>` +
			row("I:", "Heeft u korte lijnen?") + `<w:tr><w:tc><w:p><w:r><w:t>R:</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Nee.</w:t></w:r></w:p><w:p><w:r><w:t>Nooit.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
			[]string{"Heeft u korte lijnen?", "Nee.\nNooit."}, []bool{true, false}},
		{"time | speaker | text", `<w:tbl>` + row("Tijd", "Spreker", "Tekst") + row("00:00:05", "I", "Heeft u korte lijnen?") +
			row("00:00:09", "R", "Nee, helaas niet.") + `</w:tbl>`, []string{"Heeft u korte lijnen?", "Nee, helaas niet."}, []bool{true, false}},
		{"an empty text cell", `<w:tbl>` + row("I", "Heeft u korte lijnen?") + row("R", "") + row("I", "En met school?") + row("R", "Gaat wel.") + `</w:tbl>`,
			[]string{"Heeft u korte lijnen?", "En met school?", "Gaat wel."}, []bool{true, true, false}},
	} {
		path := filepath.Join(t.TempDir(), "JW01_Bergdorp.docx")
		writeZip(t, path, map[string]string{"word/document.xml": doc(c.body)})
		ds, err := ReadInterviews(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range ds.Segments {
			got = append(got, s.Text)
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: segments %q; want %q", c.what, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] || ds.Segments[i].Interviewer != c.asker[i] {
				t.Errorf("%s: segment %d %q interviewer %v; want %q", c.what, i, got[i], ds.Segments[i].Interviewer, c.want[i])
			}
		}
	}
}
