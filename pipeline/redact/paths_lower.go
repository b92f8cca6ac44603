package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A name that is also a Dutch word ("jan", "kees", "roos", "bakker"), written in lower
// case in a file name, passed the rules of paths.go unless another name part stood
// beside it: "interviews/interview_jan.docx", "kees.docx", "gesprek met jan.docx" were
// published as written (0.9.0). A file name has few words, and one that is a name from
// the lists, not a phrase, names a person where its place in the name says so:
//
//   - after a word that says the file records a person (fileCues: "interview_jan",
//     "gesprek-met-kees", "transcript_roos_2"), a given name or surname of the lists in
//     any case, numbers, initials and prefixes between them skipped;
//   - alone in its folder or file name, beside numbers, initials, the extension and
//     words that only say which version a file is (fileWords) and other given names
//     ("jan.txt", "kees_2.docx", "roos en kees.txt",
//     "interviews/jan/1.txt", "bakker_def.docx"), a given name unless it is an ordinary
//     word that names files ("master.xlsx", "lente_2024.csv": plainFileNames), a
//     surname only where it is one of the frequent surnames that name a person there
//     (surnameFileNames: "bakker.docx", not "haven" or "zomer_2024.csv");
//   - a name the study lists (a respondent's name or part of it, a speaker's, a
//     privacy.names entry) in any case, wherever it stands: the text rules take a listed
//     name that is also a word ("Roos") only capitalised, but the study says that this
//     word is the name of one of its people.
//
// A month's abbreviation after a day or before a year is a date ("jan_2024", "12-jan",
// not "jan_1.txt"), unless a cue comes before it ("interview_jan_2024"). A given name of
// two letters ("bo", "mo") is a name after a cue only. Kept words (codebook, partners, roles,
// municipalities), function words, places and institutions' words are never names here
// either ("interview_jeugdwerker.docx", "bergdorp_2024.csv", "ronde2.xlsx").

// fileCues are the words after which a name in a file name is a person's.
var fileCues = wordSet(`interview interviews int gesprek gesprekken transcript transcriptie
	uitwerking uitgewerkt opname audio notities aantekeningen respondent resp deelnemer
	participant jongere jeugdige leerling cliënt client casus dossier met with kind ouder
	moeder vader`)

// fileWords are the words of a file name that say which version or part of it a file
// is, next to which a name stands alone.
var fileWords = wordSet(`def definitief definitieve concept versie final finaal nieuw nieuwe
	oud oude kopie copy deel part ronde week dag nr nummer no bestand file export ruw
	schoon gecodeerd codering coded geanonimiseerd anoniem anon check v1 v2 v3 new old`)

// plainFileNames are given names from the lists that are ordinary words and may name a
// file or folder on their own ("master.xlsx", "export/lente/"); beside a cue they are
// names all the same ("interview_storm").
var plainFileNames = wordSet(`adem alle anders armen art aster berk bloem bonne brand chi
	constant dik dim domino engel fee gene genesis gul gulden helder hoi hope indigo islam
	jazz jersey junior kader kas kick kin king kit koop lava lei lente long lotus lucky
	maan made mans mare marine master min mine nader nadien ninja onder parel peer rijk
	rover sake sen serve servet skip spike splinter stern take tan tea terra tin ton
	tromp tuba vita wan zen`)

// surnameFileNames are the surnames from the lists that are Dutch words and name a
// person where they stand alone in a file name: the most frequent surnames that are
// occupations or patronymics ("bakker.docx", "visser_2.txt"). Other surnames alone are
// left: a surname that is a word is most often the word there ("out", "haven",
// "zomer_2024.csv", "winter.xlsx", "oost.csv").
var surnameFileNames = wordSet(`bakker bakkers visser vissers smit smid smith mulder mulders
	dekker dekkers brouwer brouwers koster kramer schipper schippers molenaar kuiper
	kuipers timmerman schouten schilder snijder snijders koopman huisman bouwman hopman
	landman veerman werkman schoenmaker schoenmakers vogelaar kooiman hoekman jonkman
	krijgsman akkerman bouwmeester peters wouters stevens evers jonkers donkers
	boers broers prinsen konings`)

// monthAbbreviations are months as file names abbreviate them.
var monthAbbreviations = wordSet(`jan feb mrt maa apr jun jul aug sep sept okt oct nov dec`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[fold(w)] = true
	}
	return m
}

// fileNameKinds promotes the words of kind that the rules above make names to strong
// (2). ws are the words of path (their offsets in path); excluded reports the words that
// are never names.
func (r *Redactor) fileNameKinds(path string, ws []pathWord, kind []int, excluded func(string) bool) {
	l := lex()
	elem, ext := pathElements(path, ws)
	isNum := func(k int) bool { return k >= 0 && k < len(ws) && unicode.IsDigit(rune(ws[k].fold[0])) }
	digits := func(k int) int {
		if !isNum(k) {
			return 0
		}
		return len(ws[k].fold)
	}
	day := func(k int) bool { return digits(k) == 1 || digits(k) == 2 }
	year := func(k int) bool { return digits(k) == 2 || digits(k) == 4 }
	minor := func(k int) bool { // a word that is no content of its own: a number, an initial, a prefix
		f := ws[k].fold
		return isNum(k) || utf8.RuneCountInString(f) == 1 || prefixes[f] || surnamePrefix[f]
	}
	for k, w := range ws {
		f := w.fold
		n := utf8.RuneCountInString(f)
		if kind[k] == 2 || ext[k] || n < 2 || excluded(f) || fileWords[f] || fileCues[f] || prefixes[f] {
			continue
		}
		if r.names.single(f) {
			kind[k] = 2 // listed by the study
			continue
		}
		if !l.isName(f) || n == 2 && !l.given[f] {
			continue
		}
		cued := false
		for p := k - 1; p >= 0 && elem[p] == elem[k]; p-- {
			if fileCues[ws[p].fold] {
				cued = true
				break
			}
			if !minor(p) && !l.isName(ws[p].fold) {
				break
			}
		}
		if !cued && monthAbbreviations[f] && (day(k-1) && elem[k-1] == elem[k] || year(k+1) && elem[k+1] == elem[k]) {
			continue // a date: "jan_2024", "12-jan"; not "jan_1.txt"
		}
		if cued {
			kind[k] = 2
			continue
		}
		if n == 2 {
			continue // "bo", "jo" alone are too often something else ("jo" of a role)
		}
		if plainFileNames[f] || !l.given[f] && !surnameFileNames[f] {
			continue
		}
		alone := true
		for j := range ws {
			if j == k || elem[j] != elem[k] || ext[j] {
				continue
			}
			g := ws[j].fold
			if !minor(j) && !fileWords[g] && !fileCues[g] && !excluded(g) && !l.given[g] {
				alone = false
				break
			}
		}
		if alone {
			kind[k] = 2
		}
	}
	// The surname after a name the rules above took, in the same file or folder name,
	// past prefixes, where the lists lack it: a word that is no word of the dictionary
	// ("interview_mohamed_bouali.txt", "interview_fatima_el_khatib.txt": an attack on
	// 0.12's privacy found "interview_[naam]_bouali.txt" in the manifest and the report).
	for k := 0; k < len(ws); k++ {
		if kind[k] != 2 || !l.isName(ws[k].fold) && !r.names.single(ws[k].fold) {
			continue
		}
		for j := k + 1; j < len(ws) && elem[j] == elem[k] && !ext[j]; j++ {
			g := ws[j].fold
			if prefixes[g] || surnamePrefix[g] {
				continue
			}
			if kind[j] == 2 || isNum(j) || utf8.RuneCountInString(g) < 3 || excluded(g) || fileWords[g] || fileCues[g] ||
				l.word[g] || dictWord(g) || l.compound(g) || l.function[g] || l.place[g] || monthAbbreviations[g] {
				break
			}
			kind[j] = 2
			k = j
		}
	}
}

// pathElements returns for each word of ws the number of its folder or file name in
// path (counting "/" and "\" before it), and whether it is the extension of the last
// one (after its last dot: one to five letters).
func pathElements(path string, ws []pathWord) ([]int, []bool) {
	elem, ext := make([]int, len(ws)), make([]bool, len(ws))
	extStart := -1
	last := strings.LastIndexAny(path, "/\\")
	if d := strings.LastIndexByte(path, '.'); d > last+1 && d < len(path)-1 && len(path)-d-1 <= 5 {
		extStart = d + 1
		for _, c := range path[d+1:] {
			if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
				extStart = -1
				break
			}
		}
	}
	for k, w := range ws {
		at := w.start
		elem[k] = strings.Count(path[:at], "/") + strings.Count(path[:at], "\\")
		ext[k] = extStart >= 0 && at >= extStart
	}
	return elem, ext
}
