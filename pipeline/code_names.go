package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/redact"
)

// Code names from a QDA export are published where the codebook does not know them
// (unmapped_codes, the reports' list of unknown codes, the terminal), and researchers
// often make a code per case: "Casus Rishaan", "Overleg over Eylül Yıldız", "Stino
// (bijnaam)". They went through the redactor as running text, which takes a
// capitalised word for a name only where the name lists know it, so "Casus Rishaan"
// and "Eylül" were published (attack 16, f11). A code name is a label, like the title:
// after a word that says a person follows (casus, cliënt, over, rond, met, gezin,
// bijnaam, ...) a capitalised word is a name whatever the lists say, and so is every
// capitalised word, surname prefix and placeholder that runs on from it ("Eylül
// [naam]" is one name); a capitalised word before "(bijnaam)" or "(roepnaam)" is a
// name too. The codebook's words, partners, roles and the municipalities are never a
// name here ("Overleg met Jeugdzorg", "Casus Bergdorp"). Tags in lower case (Taguette,
// QualCoder) were published by a later attack ("casus yassin el amrani", "casus-yassin",
// "casus_ouarda_el_amrani", "Casus [naam] de vries"): after a cue a word in lower case
// that no dictionary holds is a name too (redact.IsWord), "-" and "_" join words as a
// space does, and a name, or a placeholder the redactor left, runs on over a surname in
// lower case.

// codeNameCues are the words of a code name after which a capitalised word is a person.
var codeNameCues = map[string]bool{
	"casus": true, "case": true, "client": true, "cliënt": true, "cliente": true, "cliënte": true,
	"over": true, "rond": true, "rondom": true, "met": true, "gezin": true, "familie": true,
	"dossier": true, "bijnaam": true, "roepnaam": true, "nickname": true, "jongere": true,
	"leerling": true, "kind": true, "about": true, "with": true, "family": true,
}

// nicknameMarks are the words in brackets after a name that say it is one.
var nicknameMarks = map[string]bool{"bijnaam": true, "roepnaam": true, "nickname": true, "naam": true, "name": true}

// codeNamePrefixes are the surname prefixes a name runs on over ("Sanne de Vries").
var codeNamePrefixes = map[string]bool{"van": true, "de": true, "der": true, "den": true, "ten": true, "ter": true, "te": true, "het": true, "'t": true, "in": true, "op": true, "el": true, "al": true}

// codeNameRedactor returns the function that publishes a code name that red has
// redacted: the cues above, on red's redaction.
func codeNameRedactor(d *model.Dataset, cb *codebook.Codebook, red *redact.Redactor) func(string) string {
	keep := map[string]bool{}
	for _, k := range keepWords(d, cb) {
		for _, w := range strings.FieldsFunc(k, notLetter) {
			keep[strings.ToLower(w)] = true
		}
	}
	ph := red.Placeholder(redact.Name)
	return func(redacted string) string { return cuedCodeNames(redacted, ph, keep) }
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) }

// codeToken is a word or a placeholder of a code name, at bytes [start, end).
type codeToken struct {
	start, end  int
	placeholder bool
}

// cuedCodeNames redacts the names that follow a cue in a redacted code name (see the
// comment above): ph is the name placeholder, keep the words that are never a name.
func cuedCodeNames(s, ph string, keep map[string]bool) string {
	toks := codeTokens(s)
	capital := func(t codeToken) bool {
		w := s[t.start:t.end]
		r, _ := utf8.DecodeRuneInString(w)
		return !t.placeholder && unicode.IsUpper(r) && utf8.RuneCountInString(w) >= 2 && !keep[strings.ToLower(w)]
	}
	word := func(t codeToken) string { return strings.ToLower(s[t.start:t.end]) }
	// lower reports whether t is a word in lower case that no dictionary holds ("casus
	// yassin", "Overig > casus_ouarda_el_amrani": an attack on 0.12 found them published):
	// after a cue, or running on from a name, it is a name too.
	lower := func(t codeToken) bool {
		w := s[t.start:t.end]
		r, _ := utf8.DecodeRuneInString(w)
		return !t.placeholder && unicode.IsLower(r) && utf8.RuneCountInString(w) >= 3 && !keep[strings.ToLower(w)] && !redact.IsWord(w)
	}
	// adjacent reports whether only spaces stand between tokens a and b.
	adjacent := func(a, b codeToken) bool { return strings.Trim(s[a.end:b.start], " \t_-") == "" }
	type run struct{ start, end int }
	var runs []run
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		cued := i > 0 && !toks[i-1].placeholder && codeNameCues[word(toks[i-1])] && adjacent(toks[i-1], t)
		marked := false // "Stino (bijnaam)"
		if i+1 < len(toks) && !toks[i+1].placeholder && nicknameMarks[word(toks[i+1])] && strings.TrimSpace(s[t.end:toks[i+1].start]) == "(" {
			marked = true
		}
		// a name the redactor took runs on over the surname after it too ("Casus
		// [naam] de vries")
		named := t.placeholder && strings.HasPrefix(s[t.start:t.end], ph)
		if !named && (!(cued || marked) || !capital(t) && !lower(t)) {
			continue
		}
		j := i
		for j+1 < len(toks) && adjacent(toks[j], toks[j+1]) {
			n := toks[j+1]
			if n.placeholder && strings.HasPrefix(s[n.start:n.end], ph) || capital(n) || lower(n) {
				j++
				continue
			}
			// A prefix counts where a capitalised word, a placeholder, a word in lower
			// case that no dictionary holds or a surname the lists write after it
			// follows ("Lotte de vries").
			if codeNamePrefixes[word(n)] && j+2 < len(toks) && adjacent(n, toks[j+2]) {
				if m := toks[j+2]; capital(m) || m.placeholder || lower(m) || !m.placeholder && redact.PrefixedSurname(word(n), word(m)) {
					j += 2
					continue
				}
			}
			break
		}
		if named && j == i {
			continue
		}
		runs = append(runs, run{t.start, toks[j].end})
		i = j
	}
	if len(runs) == 0 {
		return s
	}
	var b strings.Builder
	at := 0
	for _, r := range runs {
		b.WriteString(s[at:r.start])
		b.WriteString(ph)
		at = r.end
	}
	b.WriteString(s[at:])
	return b.String()
}

// codeTokens cuts a code name into words (letters, marks, apostrophes and hyphens
// inside a word) and placeholders ("[naam]").
func codeTokens(s string) []codeToken {
	var out []codeToken
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '[':
			if j := strings.IndexByte(s[i:], ']'); j > 0 {
				out = append(out, codeToken{i, i + j + 1, true})
				i += j + 1
				continue
			}
			i += n
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				r, m := utf8.DecodeRuneInString(s[j:])
				if r == '-' && codeNameCues[strings.ToLower(s[i:j])] {
					break // "casus-yassin": a cue, then the name
				}
				if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || (r == '\'' || r == '’' || r == '-') && j+m < len(s) && j > i {
					j += m
					continue
				}
				break
			}
			out = append(out, codeToken{i, j, false})
			i = j
		default:
			i += n
		}
	}
	return out
}
