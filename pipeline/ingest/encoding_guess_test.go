package ingest

import (
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// A CR-only file that is not UTF-8 is read in the encoding its accented letters fit:
// the same Dutch text written in Windows-1252 and in Mac OS Roman reads back as written
// either way; a file with nothing to tell them apart is read as Mac OS Roman (Excel for
// Mac); the choice is named in a warning.
func TestCROnlyEncoding(t *testing.T) {
	for _, text := range []string{
		"Respondent;Tekst\rR01;Korte lijnen, zegt Daniëlle, met Zoë.\r",
		"Gemeente\rSúdwest-Fryslân\rGemeente Hoogmeer\r",
		"Tekst\rzo’n gesprek met de wijkagent; één keer per week, geïnterviewd\r",
		"Naam\rChloë\rRenée\rFrançois\r",
	} {
		for _, enc := range []struct {
			cm   *charmap.Charmap
			want textEncoding
		}{{charmap.Windows1252, encWindows1252}, {charmap.Macintosh, encMacintosh}} {
			data, err := enc.cm.NewEncoder().Bytes([]byte(text))
			if err != nil {
				t.Fatal(err)
			}
			if got := crOnlyEncoding(data); got != enc.want {
				t.Errorf("%q in %v: read as %v", text, enc.want, got)
			}
			tt, err := newTextTable(data)
			if err != nil {
				t.Fatal(err)
			}
			if !tt.guessed || string(tt.text) != replaceCR(text) {
				t.Errorf("%q in %v: guessed %v, read %q", text, enc.want, tt.guessed, tt.text)
			}
		}
	}
	// Nothing to tell them apart (no letter above 0x7F next to a letter): Mac OS Roman.
	if got := crOnlyEncoding([]byte("a;b\r1;\xa0\r")); got != encMacintosh {
		t.Errorf("no evidence: %v", got)
	}
	// CRLF files and UTF-8 files are not guessed at.
	for _, data := range []string{"a;b\r\n1;\xeb\r\n", "a;b\r1;ë\r"} {
		if tt, err := newTextTable([]byte(data)); err != nil || tt.guessed {
			t.Errorf("%q: guessed %v (%v)", data, tt.guessed, err)
		}
	}
	rows := &Rows{path: "e.csv", text: &textTable{enc: encWindows1252, guessed: true}}
	w := rows.encodingWarnings()
	if len(w) != 1 || w[0].Err.Error() != "the file is not UTF-8 and its lines end in a carriage return alone: it was read as Windows-1252, which its accented letters fit better than Macintosh; check names with accents in the output, or save the file as CSV UTF-8" {
		t.Errorf("warning %v", w)
	}
}

func replaceCR(s string) string {
	b := []byte(s)
	for i := range b {
		if b[i] == '\r' {
			b[i] = '\n'
		}
	}
	return string(b)
}
