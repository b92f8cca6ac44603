package ingest

import (
	"reflect"
	"testing"
	"unicode/utf8"
)

// A UTF-8 file with Windows-1252 lines is read line by line (attack 17 F11), with or
// without a byte-order mark, with LF or CR line ends; a file of Windows-1252 alone, or of
// valid UTF-8, is left to the whole-file decoding.
func TestMixedLines(t *testing.T) {
	utf := "E01;Súdwest-Fryslân;3"
	win := "E02;S\xfadwest-Frysl\xe2n;4" // the same name in Windows-1252
	mac := "E02;S\x9cdwest-Frysl\x89n;4" // and in Mac OS Roman
	for _, c := range []struct {
		name, data string
		enc        textEncoding
		crOnly     bool
		want       string
		lines      []int
	}{
		{"no BOM", "R;G;K\n" + utf + "\n" + win + "\n", encWindows1252, false, "R;G;K\n" + utf + "\nE02;Súdwest-Fryslân;4\n", []int{3}},
		{"BOM", "\xef\xbb\xbfR;G;K\r\n" + utf + "\r\n" + win, encUTF8, false, "R;G;K\r\n" + utf + "\r\nE02;Súdwest-Fryslân;4", []int{3}},
		{"BOM, CR only", "\xef\xbb\xbfR;G;K\r" + win + "\r" + utf + "\r", encUTF8, true, "R;G;K\rE02;Súdwest-Fryslân;4\r" + utf + "\r", []int{2}},
		{"Windows-1252 alone", "R;G;K\n" + win + "\n", encWindows1252, false, "", nil},
		{"UTF-8 alone", "\xef\xbb\xbfR;G;K\n" + utf + "\n", encUTF8, false, "", nil},
		{"no BOM, CR only", "R;G;K\r" + utf + "\r" + win + "\r", encWindows1252, true, "R;G;K\r" + utf + "\rE02;Súdwest-Fryslân;4\r", []int{3}},
		{"no BOM, CR only, Mac OS Roman", "R;G;K\r" + utf + "\r" + mac + "\r", encWindows1252, true, "R;G;K\r" + utf + "\rE02;Súdwest-Fryslân;4\r", []int{3}},
		{"BOM, CR only, Mac OS Roman", "\xef\xbb\xbfR;G;K\r" + mac + "\r" + utf + "\r", encUTF8, true, "R;G;K\rE02;Súdwest-Fryslân;4\r" + utf + "\r", []int{2}},
		{"CR only, Windows-1252 alone", "R;G;K\r" + win + "\r", encWindows1252, true, "", nil},
	} {
		text, lines, _ := mixedLines([]byte(c.data), c.enc, c.crOnly)
		if string(text) != c.want || !reflect.DeepEqual(lines, c.lines) {
			t.Errorf("%s: %q, lines %v; want %q, %v", c.name, text, lines, c.want, c.lines)
		}
		if text != nil && !utf8.Valid(text) {
			t.Errorf("%s: invalid UTF-8", c.name)
		}
	}
}
