package redact

import (
	"strings"
	"unicode/utf8"
)

// A name the lists know is often written after a given name they do not: Frisian
// (Tjerk, Gurbe), Antillean (Jurensley, Giandro) and Surinamese given names are rare, and
// 0.10.0 published "Tjerk [naam]" for "Tjerk Hiddes de Vries" (attack 16p, F06): with
// the municipality, the given name alone is close to unique. givenBefore grows a name
// found at token from backwards over such words: capitalised (not in capitals), joined
// by a space or hyphen, and no kept, function, place, institution or cue word, no word
// of a sentence's start that is a common Dutch opener, and no Dutch word spelled like a
// name unless it is a given name ("Roos de Vries").

// notGivenBefore are capitalised words that stand before a surname and are no given
// name: openers of a sentence the function-word list lacks, titles and family words,
// and nouns that are capitalised before a name in a title ("Wijkagent Jansen").
var notGivenBefore = map[string]bool{
	"volgens": true, "zelfs": true, "alleen": true, "hoewel": true, "misschien": true, "eigenlijk": true,
	"natuurlijk": true, "gewoon": true, "meestal": true, "vooral": true, "samen": true, "gelukkig": true,
	"helaas": true, "vervolgens": true, "uiteindelijk": true, "toevallig": true, "tegenwoordig": true,
	"ineens": true, "opeens": true, "trouwens": true, "inmiddels": true, "daarom": true, "daardoor": true,
	"dankzij": true, "ondanks": true, "tijdens": true, "namens": true, "tussen": true, "zonder": true,
	"behalve": true, "verder": true, "zeker": true, "precies": true, "nogmaals": true, "bovendien": true,
	"collega": true, "collegas": true, "oom": true, "tante": true, "opa": true, "oma": true, "mama": true,
	"papa": true, "mam": true, "pap": true, "dokter": true, "huisarts": true, "agent": true, "wijkagent": true,
	"coach": true, "trainer": true, "docent": true, "mentor": true, "directeur": true, "wethouder": true,
	"burgemeester": true, "professor": true, "prof": true, "ing": true, "drs": true, "mr": true, "dr": true,
	"team": true, "familie": true, "gezin": true, "zuster": true, "broeder": true, "pastor": true,
	"imam": true, "dominee": true, "pastoor": true, "hoi": true, "hallo": true, "hey": true, "hoe": true,
	"dear": true, "beste": true, "lieve": true, "dag": true, "groet": true, "groeten": true, "mvg": true,
	// a command that opens a sentence ("Bel Anouk", "Vraag Jansen maar")
	"bel": true, "bellen": true, "vraag": true, "vragen": true, "zeg": true, "mail": true, "mailen": true,
	"app": true, "appen": true, "stuur": true, "geef": true, "laat": true, "neem": true, "kijk": true,
	"ga": true, "kom": true, "zie": true, "hoor": true, "wacht": true, "help": true, "maak": true,
	"spreek": true, "schrijf": true, "check": true, "ask": true, "call": true,
	"tell": true, "text": true, "email": true, "see": true, "meet": true, "contact": true, "bedank": true,
	"tag": true, "volg": true, "zoek": true, "informeer": true, "meld": true, "verwijs": true,
	// a title's or label's first word ("Casus Qwyntje", "Project Daan"; title.go)
	"casus": true, "case": true, "project": true, "dossier": true, "zaak": true, "verslag": true,
	"notities": true, "notitie": true, "overleg": true, "onderzoek": true, "studie": true, "pilot": true,
	"groep": true, "klas": true, "leerling": true, "student": true, "client": true, "cliënt": true,
	"jongere": true, "kind": true, "ouder": true, "meisje": true, "jongen": true, "dossiernummer": true,
}

// givenBefore returns the first token of the name that ends at token to and starts at
// from, grown backwards over unlisted given names (see above).
func givenBefore(toks []token, from int, keep map[string]bool, l *lexicon, placeholder func(token) bool) int {
	for from > 0 {
		p, t := toks[from-1], toks[from]
		sep := strings.TrimLeft(t.sep, " \u00a0")
		if t.sep == "" || sep != "" && sep != "-" || !p.cap || p.shout || hasDigit(p.fold) || placeholder(p) {
			return from
		}
		f := p.fold
		// A given name that is also a function word or a month ("Jan", "Mei") counts
		// inside a sentence, not at its start ("Dan de Vries"? "Ben de Vries"?).
		function := l.function[f] && !(l.given[f] && !p.sentence)
		if keep[f] || function || idWords[f] || f == "coder" || f == "codeur" || l.place[f] || prefixes[f] || notGivenBefore[f] || institutionWord[f] ||
			len(cueIndex[f]) > 0 || utf8.RuneCountInString(f) < 3 || l.word[f] && !l.given[f] {
			return from
		}
		for _, suffix := range institutionSuffixes {
			if strings.HasSuffix(f, suffix) {
				return from
			}
		}
		from--
	}
	return from
}
