package redact

import "strings"

// A school after a bare "op de", which 0.9.0 left whole unless a word that says a child
// attends came at most two words before ("ze zit nu al twee jaar op de Regenboog",
// "Op de Klimop is het rustig"): "op de/het/'t" and a capitalised name in a sentence
// (one or two words: "op de Vrije Vogel") is a school's name, as Dutch capitalises a
// word after "op de" only in a name. It takes other names as well ("op de Dam", "op
// de Veluwe"), which are places a young person is found at as much; the name is no
// kept word (a municipality, a codebook word), function word or placeholder, and not
// in capitals ("ZE ZIT OP DE BRUG": every word looks like a name there), nor the first
// part of a compound ("op de Jumbo-parkeerplaats").

// notSchoolAfterOp are things written with a capital after "op de" that are no school:
// consoles, devices and apps ("spelen FIFA op de Playstation", attack 16p, F18).
var notSchoolAfterOp = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`playstation ps4 ps5 xbox switch wii nintendo ipad iphone tablet laptop
		computer pc tv televisie tiktok instagram insta snapchat snap facebook youtube netflix whatsapp
		discord twitch fortnite roblox minecraft spotify telegram signal`) {
		notSchoolAfterOp[w] = true
	}
}

// firstWord is s up to its first space or hyphen.
func firstWord(s string) string {
	if i := strings.IndexAny(s, " -"); i >= 0 {
		return s[:i]
	}
	return s
}

// findSchoolsAfterOp returns the spans of names after "op de/het/'t" (see above).
func (r *Redactor) findSchoolsAfterOp(text string) []Span {
	var out []Span
	for i := 0; i+2 < len(text); i++ {
		if text[i]|0x20 != 'o' || text[i+1]|0x20 != 'p' || !boundary(text, i) {
			continue
		}
		p := foldedWordThenWhite(text, i, "op")
		if p < 0 {
			continue
		}
		p = foldedWordThenWhite(text, p, "de", "het", "'t")
		if p < 0 {
			continue
		}
		e := capWord(text, p)
		if e < 0 {
			continue
		}
		if e < len(text) && (text[e] == ' ' || text[e] == '-') {
			if e2 := capWord(text, e+1); e2 >= 0 {
				e = e2
			}
		}
		// the first part of a compound is no name of its own: "op de Jumbo-parkeerplaats"
		compound := e+1 < len(text) && text[e] == '-' && isWordByte(text[e+1])
		if !compound && !notSchoolAfterOp[fold(firstWord(text[p:e]))] && r.schoolName(text[p:e]) {
			out = append(out, Span{p, e, School})
		}
		i = e - 1
	}
	return out
}
