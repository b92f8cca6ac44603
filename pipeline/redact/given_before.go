package redact

import "unicode/utf8"

// A name the lists know is often written after a given name they do not, or after one
// that is also a Dutch word: Frisian (Gurbe, Tjerk), Antillean (Jurensley, Giandro) and
// Surinamese given names are rare, and 0.12.0 published "Gurbe [naam]" for "Gurbe van
// der Wal" and "Tjerk [naam]" for "Tjerk Hiddes de Vries" (attack 16p, F06): with the
// municipality, the given name alone is close to unique. givenBefore grows a name found
// backwards over such words. 0.11's first try took every capitalised word that no list
// held, so the person's role went with it ("Gezinsvoogd Bos", "Rechter Peters"); now a
// word before a name is taken only where OpenTaal's Dutch dictionary (dictionary.go)
// does not know it, nor as two joined words ("Jeugdzorgwerker Bos").

// notGivenBefore are capitalised words before a name that the dictionary lacks: fillers,
// greetings and words of English that a Dutch text uses.
var notGivenBefore = map[string]bool{
	"uhm": true, "ehm": true, "uh": true, "eh": true, "hmm": true, "hm": true, "mmm": true, "mm": true,
	"okay": true, "oke": true, "ok": true, "oki": true, "yes": true, "jep": true, "jup": true, "yep": true, "nope": true,
	"hoi": true, "hey": true, "hi": true, "hello": true, "dear": true, "thanks": true, "bye": true, "doei": true,
	"mvg": true, "gr": true, "grt": true, "groetjes": true, "coach": true, "teacher": true, "mister": true, "miss": true,
	"mrs": true, "mr": true, "ms": true, "dr": true, "drs": true, "ir": true, "ing": true, "prof": true, "mw": true, "dhr": true,
	// English words the English list writes capitalised
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true, "monday": true, "tuesday": true,
	"wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true, "dutch": true,
	"english": true, "spanish": true, "french": true, "german": true, "frisian": true, "belgian": true, "turkish": true,
	"moroccan": true, "surinamese": true, "antillean": true, "european": true, "christmas": true, "easter": true,
	"mevr": true, "fam": true, "coder": true, "codeur": true, "codeerder": true, "juffie": true, "juf": true, "meneer": true, "mevrouw": true,
}

// givenBefore returns the first token of the name that starts at token from, grown
// backwards over at most two unlisted given names (see above).
func givenBefore(toks []token, from int, keep map[string]bool, l *lexicon, placeholder func(token) bool) int {
	for n := 0; n < 2 && from > 0; n++ {
		p, t := toks[from-1], toks[from]
		if t.sep != " " && t.sep != "\u00a0" || !p.cap || p.shout || hasDigit(p.fold) || placeholder(p) {
			return from
		}
		f := p.fold
		if r := utf8.RuneCountInString(f); r < 3 || r > dictMaxLetters {
			return from
		}
		if keep[f] || p.in(classFunction|classPlace|classPrefix|classCue) || idWords[f] || notGivenBefore[f] || institutionWord[f] {
			return from
		}
		if institutionLike(f) { // "Zonnehuis Visser": person_nouns.go
			return from
		}
		switch {
		case p.in(classGiven) && l.word[f]:
			// a given name that is also a word ("Tjerk", "Roos"): inside a sentence only
			if p.sentence {
				return from
			}
		case p.in(classGiven|classSurname) && !l.word[f]:
			// a name and no word: the rules before found it where it stands alone
		case l.word[f]:
			return from // a surname that is a word ("Meester de Vries", "Koster Jansen")
		case l.dutchWord(f):
			return from
		}
		from--
	}
	return from
}
