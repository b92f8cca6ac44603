package redact

import (
	"strings"
	"unicode/utf8"
)

// A surname that is also a word ("Bos", "Visser", "Bakker", "Peters") after a capitalised
// word inside a sentence is taken for part of an organisation's name ("Zonnehuis Visser",
// "Veilig Thuis"), and kept. After a capitalised role or family word it is a person's
// name: 0.12 published "Ik zag Pleegmoeder Bos", "Jansen en Mentor Bos" and "Oom Jansen,
// Tante Bos" (found by an attack on 0.12's given-name rule; the same words in lower case,
// or at the start of a sentence, were redacted). personNoun tells those words. A review
// of that rule found the same with a capitalised prefix: "Voogd De Boer", "Pleegmoeder Ten
// Bos", and, with no role before it, "met De Vries" (Dutch capitalises the prefix of a
// surname written without a given name), which the "Het Baken" exception kept. Inside a
// sentence, a capitalised prefix and a word that the surname lists write after it
// (lexicon.prefixed: "de vries", "den berg") is a name, unless an institution's word
// comes before it ("Jongerencentrum De Brug") or it is one ("De Raad"). So is one of the
// thousand commonest surnames at a sentence's start ("De Jong belde": the article's
// capital explains "De", not "Jong"; names.go's startName), where "De Linde is mijn
// school" stays, and so does a heading of capitalised words ("De Weg Naar Huis").
//
// The review found two more after a capitalised role, which afterPersonNoun takes: a
// surname that is a function word ("Mentor Winter", "Tante Zomer": the function words
// are never names elsewhere) and, in capitals, any listed name after a role in capitals
// ("IK ZAG TANTE VISSER", and past a prefix, "MENTOR DE WIT"); and
// titles with a full stop that no cue held ("Drs. Bos", "Prof. Bos", names.go's cues).
// Left as before: lower-case surnames that are words after a role ("mentor bos": "de juf
// bakker" may be the baker), in capitals a function word after a role ("MENTOR WINTER":
// "MOEDER WILDE NIET"), and a prefixed surname after no role ("MET DE VRIES": "BIJ DE
// BOER" may be the farmer).

// personNouns are folded words that name a person by role or kinship, and personSuffixes
// the ends of compounds that do ("jeugdzorgwerker", "stiefzus", "casemanager"). Short
// kinship words (oom, oma, opa, tante) count only whole: as ends they are the ends of
// other words (kerstboom, diploma, Europa, constante).
var (
	personNouns = map[string]bool{}

	personSuffixes = []string{"moeder", "vader", "ouder", "werker", "werkster", "voogd", "coach", "agent",
		"agente", "leraar", "lerares", "docent", "docente", "mentor", "begeleider", "begeleidster",
		"consulent", "consulente", "regisseur", "leider", "leidster", "directeur", "directrice",
		"rector", "rechter", "advocaat", "advocate", "arts", "dokter", "verpleegkundige",
		"verpleger", "verpleegster", "verzorger", "verzorgster", "psycholoog", "psychologe",
		"pedagoog", "psychiater", "therapeut", "therapeute", "behandelaar", "behandelaarster",
		"hulpverlener", "hulpverleenster", "adviseur", "trainer", "meester", "juf", "juffrouw",
		"manager", "coordinator", "coordinatrice", "leerkracht", "logopedist", "inspecteur",
		"rechercheur", "brigadier", "notaris", "bewindvoerder", "curator", "voorzitter",
		"raadsman", "beschermer", "onderzoeker", "wetenschapper", "verloskundige", "apotheker",
		"concierge", "stagiair", "stagiaire", "medewerker", "medewerkster", "wethouder",
		"ambtenaar", "officier", "zus", "zusje", "broer", "broertje", "neef", "nicht", "nichtje",
		"zoon", "zoontje", "dochter", "dochtertje", "kind", "genoot", "genote", "buurman",
		"buurvrouw", "buurjongen", "buurmeisje", "vriend", "vriendin", "mama", "papa"}
)

func init() {
	for w := range roleIDWords {
		personNouns[w] = true
	}
	for _, w := range []string{"oom", "oma", "opa", "tante", "mam", "pap", "ome", "opoe", "oudoom", "oudtante",
		"zuster", "broeder", "dominee", "imam", "pastoor", "oppas", "tolk", "meneer", "mevrouw", "juffie"} {
		personNouns[w] = true
	}
	for _, w := range []string{"groep", "team", "interview", "gesprek", "focusgroep", "onbekend", "anoniem",
		"overig", "overige", "totaal", "kinderen", "jongeren", "ouders"} {
		delete(personNouns, w) // no one person
	}
}

// personNoun reports whether the folded word f names a person by role or kinship, so that
// a capitalised word after it is a name.
func personNoun(f string) bool {
	if personNouns[f] {
		return true
	}
	for _, s := range personSuffixes {
		if strings.HasSuffix(f, s) && (len(f) == len(s) || len(f) > len(s)+2) && !notPersonCompound[f] {
			return true
		}
	}
	return false
}

// notPersonCompound are words that end like a person and name none.
var notPersonCompound = map[string]bool{"jezus": true}

// institutionLike reports whether the folded word f names an institution, whose name may
// follow it ("Jongerencentrum De Brug", "Stichting De Boei"): an institution's word, or a
// word ending in one or in an institution's suffix.
func institutionLike(f string) bool {
	if institutionWord[f] {
		return true
	}
	for _, s := range institutionSuffixes {
		if strings.HasSuffix(f, s) {
			return true
		}
	}
	for w := range institutionWord {
		if len(w) >= 4 && strings.HasSuffix(f, w) {
			return true
		}
	}
	return false
}

// articlePrefix are the surname prefixes that are articles too: after "DE" alone only the
// commonest surnames are names ("DE WEG" is the way), after "VAN DER" any of the lists.
var articlePrefix = map[string]bool{"de": true, "het": true, "t": true}

// phraseEnds reports whether nothing of the phrase follows token i: the text ends, a mark
// comes between, or the next word is a function word or a verb after a subject.
func phraseEnds(toks []token, i int, l *lexicon) bool {
	if i+1 >= len(toks) || !joined(toks[i+1].sep) {
		return true
	}
	n := toks[i+1].fold
	return l.function[n] || dutchFunction[n] || subjectVerb[n] || strings.HasSuffix(n, "n") && subjectVerb[n[:len(n)-1]] // "belden"
}

// afterPersonNoun reports whether token i is a name for the capitalised role or family
// word right before it: a capitalised surname that is a function word ("Mentor Winter"),
// or in capitals, after a role in capitals and any surname prefixes ("TANTE VISSER",
// "MENTOR DE WIT"), a name of three letters or more from the lists that is no function
// word or place ("MOEDER WILDE NIET" is a verb: "MENTOR WINTER" stays).
func afterPersonNoun(toks []token, i int, l *lexicon, keep map[string]bool) bool {
	if i == 0 {
		return false
	}
	t, q := toks[i], i-1
	for t.shout && q > 0 && toks[q].shout && toks[q].in(classSurnamePrefix) && joined(toks[q].sep) {
		q-- // "MENTOR DE WIT"
	}
	p := toks[q]
	if !t.cap || !p.cap || !joined(t.sep) || strings.Contains(t.sep, ".") || keep[t.fold] || hasDigit(t.fold) || !personNoun(p.fold) {
		return false
	}
	if t.shout {
		// past a prefix, one of the thousand commonest surnames with it that ends the
		// phrase: "DE JONGE KINDEREN" and "DE WEG" after a role are objects (a review)
		name := l.isName(t.fold) && !t.in(classFunction) && q == i-1 ||
			q < i-1 && phraseEnds(toks, i, l) && (l.prefixedTop[toks[i-1].fold+" "+t.fold] || q < i-2 || !articlePrefix[toks[i-1].fold]) && l.prefixed[toks[i-1].fold+" "+t.fold]
		return p.shout && utf8.RuneCountInString(t.fold) >= 3 && name && !t.in(classPlace) && !institutionWord[t.fold]
	}
	return t.in(classFunction) && t.in(classSurname) && !t.in(classPlace)
}
