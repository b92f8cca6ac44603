package pipeline

import (
	"strings"

	"github.com/samenspel/samenspel/codebook"
)

// A proposal by closeness (an edit distance, "close to") must never turn a label or a
// code name into its opposite: "Helemaal niet mee eens" is five edits from "Helemaal mee
// eens" and "Bereiken: geen korte lijnen" close to "Korte lijnen", but each means the
// reverse (attack 16, F12 and F13). polarity counts the words that negate a phrase, and
// the words a prefix negates, apart; two phrases whose counts differ are never close:
// "Niet helemaal mee eens" is not a typo of "Helemaal mee oneens" either.

// negatingWords negate the phrase they stand in, in Dutch and English.
var negatingWords = map[string]bool{
	"niet": true, "geen": true, "nooit": true, "zonder": true, "gebrek": true, "ontbreekt": true,
	"ontbreken": true, "ontbrekend": true, "ontbrekende": true, "weinig": true, "nauwelijks": true,
	"amper": true, "zelden": true, "nergens": true, "niemand": true, "niets": true, "niks": true,
	"not": true, "no": true, "never": true, "without": true, "lack": true, "lacking": true,
	"missing": true, "none": true, "non": true, "hardly": true, "rarely": true,
}

// notNegatingOn are Dutch and English words that begin as a negating prefix ("on",
// "un") does, and are none.
var notNegatingOn = map[string]bool{
	"ongeveer": true, "onmiddellijk": true, "onlangs": true, "ondanks": true, "onderling": true,
	"onzin": true, "ongeluk": true, "online": true, "onsite": true, "unless": true, "unique": true,
	"uniform": true, "union": true, "unit": true, "units": true, "united": true, "universal": true,
	"university": true, "universiteit": true, "until": true,
}

// polarity is the number of negating words in s (negatingWords), and the number of
// words made negative by a prefix ("oneens", "onbereikbaar", "onbekend", "wantrouwen";
// "disagree", "unclear", "distrust").
func polarity(s string) [2]int {
	var n [2]int
	for _, w := range strings.FieldsFunc(codebook.Fold(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	}) {
		switch {
		case negatingWords[w]:
			n[0]++
		case notNegatingOn[w]:
		case strings.HasPrefix(w, "on") && len(w) >= 5 && !strings.HasPrefix(w, "ont") && !strings.HasPrefix(w, "onder") && !strings.HasPrefix(w, "onze"):
			n[1]++
		case strings.HasPrefix(w, "un") && len(w) >= 6 && !strings.HasPrefix(w, "under"):
			n[1]++
		case strings.HasPrefix(w, "wantrouw"), strings.HasPrefix(w, "disagree"), strings.HasPrefix(w, "distrust"), strings.HasPrefix(w, "mistrust"):
			n[1]++
		}
	}
	return n
}

// samePolarity says whether a and b negate alike.
func samePolarity(a, b string) bool { return polarity(a) == polarity(b) }

// nearestSamePolarity is codebook.Nearest over the candidates whose polarity is name's.
func nearestSamePolarity(name string, candidates []string) string {
	var same []string
	for _, c := range candidates {
		if samePolarity(name, c) {
			same = append(same, c)
		}
	}
	return codebook.Nearest(name, same)
}

// proposeCode proposes the codebook code a code name the codebook does not know means:
// the code whose id or label is nearest with the same polarity, or, where the nearest
// name is a facilitator and the code name negates it ("Bereiken: geen korte lijnen"),
// the barrier the codebook's negated map names for that facilitator (bereiken.onbereikbaar).
// how is "close", "negated", "negated, same code" (the negated map gives the code
// itself: informeren.transparantie covers its lack) or "" when nothing is proposed.
func proposeCode(cb *codebook.Codebook, name string, codeNames, codeIDs []string) (code, how, near string) {
	idOf := func(n string) string {
		for i, cn := range codeNames {
			if cn == n {
				return codeIDs[i]
			}
		}
		return ""
	}
	// A path whose group names the other valence than its last part's code ("Kennen\\
	// Belemmerend\\Vertrouwen", codebook.ValenceConflict) is never that code: the barrier
	// the negated map names for a facilitator, or nothing.
	if id, v, ok := cb.ValenceConflict(name); ok {
		if b := cb.Negated[id]; v == codebook.Barrier && b != "" && b != id {
			for i, cid := range codeIDs {
				if cid == id {
					return b, "negated", codeNames[i]
				}
			}
		}
		return "", "", ""
	}
	// The last part of a path ("Bereiken: korte lijnen", "Groep\\Code") is tried as well.
	cands := []string{name}
	if lp := lastPart(name); lp != name {
		cands = append(cands, lp)
	}
	for _, cand := range cands {
		if n := nearestSamePolarity(cand, codeNames); n != "" {
			return idOf(n), "close", n
		}
	}
	for _, cand := range cands {
		n := codebook.Nearest(cand, codeNames)
		if n == "" {
			continue
		}
		id := idOf(n)
		c, ok := cb.Code(id)
		if !ok || c.Valence != codebook.Facilitator {
			return "", "", ""
		}
		if b := cb.Negated[id]; b == id {
			return b, "negated, same code", n
		} else if b != "" {
			return b, "negated", n
		}
		return "", "", ""
	}
	return "", "", ""
}
