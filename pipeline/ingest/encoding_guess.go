package ingest

import (
	"unicode"
	"unicode/utf8"

	"github.com/samenspel/samenspel/pipeline/model"
	"golang.org/x/text/encoding/charmap"
)

// A text file that is not UTF-8 and whose lines end in a carriage return alone is most
// often "CSV (Macintosh)" from Excel for Mac, in Mac OS Roman; but a file written on
// Windows in Windows-1252 and passed through a tool that writes CR line ends is not rare,
// and read as Mac OS Roman its ë becomes Î ("DaniÎlle", a listed name no longer
// redacted). The line ends do not decide it: the bytes do. Both encodings put accented
// letters above 0x7F, at different places, so the file is decoded both ways and each
// reading is scored by how its non-ASCII characters sit in words:
//   - a lower-case letter next to a letter (ë in "Daniëlle", ú in "Súdwest"): +1;
//   - a right single quote between letters (zo’n, auto’s, as Windows writes it): +1;
//   - an upper-case letter between lower-case letters ("DaniÎlle"): −2;
//   - any other symbol or punctuation between letters ("Frysl‰n"): −2;
//   - a control character (a byte Windows-1252 leaves undefined, 0x81 0x8D 0x8F 0x90
//     0x9D): −5.
//
// The higher score wins; a tie goes to Mac OS Roman, what Excel for Mac writes. Either
// way the choice is a guess, and the summary says which encoding was assumed.
//
// Written here because no maintained Go encoding detector knows Mac OS Roman (the ports
// of ICU's and Mozilla's detectors offer Windows-1252 and ISO-8859-1 only; Python's
// chardet added a Mac Roman prober of the same kind, letter-class transitions).

// crOnlyEncoding chooses between Windows-1252 and Mac OS Roman for data (see above).
func crOnlyEncoding(data []byte) textEncoding {
	win, err1 := charmap.Windows1252.NewDecoder().Bytes(data)
	mac, err2 := charmap.Macintosh.NewDecoder().Bytes(data)
	if err1 != nil || err2 != nil {
		return encMacintosh
	}
	if wordFit(win) > wordFit(mac) {
		return encWindows1252
	}
	return encMacintosh
}

// wordFit scores how the non-ASCII characters of a decoded text sit in its words.
func wordFit(text []byte) int {
	score := 0
	var prev, cur rune = ' ', ' '
	step := func(next rune) {
		if cur >= utf8.RuneSelf {
			between := unicode.IsLetter(prev) && unicode.IsLetter(next)
			switch {
			case unicode.IsControl(cur) || cur == utf8.RuneError:
				score -= 5
			case unicode.IsLower(cur) && (unicode.IsLetter(prev) || unicode.IsLetter(next)):
				score++
			case cur == '’' && between:
				score++
			case unicode.IsUpper(cur) && unicode.IsLower(prev) && unicode.IsLower(next):
				score -= 2
			case !unicode.IsLetter(cur) && between:
				score -= 2
			}
		}
		prev, cur = cur, next
	}
	for len(text) > 0 {
		r, n := utf8.DecodeRune(text)
		text = text[n:]
		step(r)
	}
	step(' ')
	return score
}

// encodingWarnings names the encoding a CR-only file that is not UTF-8 was read in, and
// the Windows-1252 lines of a UTF-8 file.
func (r *Rows) encodingWarnings() []model.Warning {
	if r.text != nil && r.text.mixed != nil {
		return []model.Warning{mixedEncodingWarning(r.path, r.text.mixed, r.text.mixedEnc)} // encoding_mixed.go
	}
	if r.text == nil || !r.text.guessed {
		return nil
	}
	other := encMacintosh
	if r.text.enc == encMacintosh {
		other = encWindows1252
	}
	return []model.Warning{{File: r.path, Err: model.Reasonf(
		"the file is not UTF-8 and its lines end in a carriage return alone: it was read as %s, which its accented letters fit better than %s; check names with accents in the output, or save the file as CSV UTF-8",
		"het bestand is geen UTF-8 en de regels eindigen op alleen een carriage return: het is gelezen als %s, waar de letters met accenten beter bij passen dan bij %s; controleer namen met accenten in de uitvoer, of sla het bestand op als CSV UTF-8",
		r.text.enc, other)}}
}
