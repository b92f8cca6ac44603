package redact

import "strings"

// A surname that is also a word ("Bos", "Visser", "Bakker", "Peters") after a capitalised
// word inside a sentence is taken for part of an organisation's name ("Zonnehuis Visser",
// "Veilig Thuis"), and kept. After a capitalised role or family word it is a person's
// name: 0.12 published "Ik zag Pleegmoeder Bos", "Jansen en Mentor Bos" and "Oom Jansen,
// Tante Bos" (found by an attack on 0.12's given-name rule; the same words in lower case,
// or at the start of a sentence, were redacted). personNoun tells those words.

// personNouns are folded words that name a person by role or kinship, and personSuffixes
// the ends of compounds that do ("jeugdzorgwerker", "stiefzus", "wijkagent").
var (
	personNouns = map[string]bool{}

	personSuffixes = []string{"moeder", "vader", "ouder", "ouders", "werker", "voogd", "coach", "agent",
		"leraar", "lerares", "docent", "mentor", "begeleider", "consulent", "regisseur", "leider",
		"directeur", "rechter", "advocaat", "arts", "dokter", "verpleegkundige", "psycholoog",
		"psychiater", "therapeut", "behandelaar", "hulpverlener", "adviseur", "trainer", "meester",
		"juf", "juffrouw", "zus", "zusje", "broer", "broertje", "tante", "oom", "opa", "oma", "neef",
		"nicht", "nichtje", "buurman", "buurvrouw", "buurjongen", "buurmeisje", "vriend", "vriendin",
		"wethouder", "ambtenaar", "officier", "agente", "wijkverpleegkundige", "medewerker"}
)

func init() {
	for w := range roleIDWords {
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
		if strings.HasSuffix(f, s) && (len(f) == len(s) || len(f) > len(s)+2) {
			return true
		}
	}
	return false
}
