package codebook

import "github.com/agnivade/levenshtein"

// Nearest returns the candidate closest to name, for a "did you mean" in an error or a
// proposed mapping: the smallest edit distance (Levenshtein, over the folded names, so
// case, accents and white space do not count), when that distance is at most a third of
// the name's length (at least 2); "" when no candidate is that close. Ties go to the
// earlier candidate.
func Nearest(name string, candidates []string) string {
	f := []rune(Fold(name))
	limit := max(2, len(f)/3)
	best, bestD := "", limit+1
	for _, c := range candidates {
		d := levenshtein.ComputeDistance(string(f), Fold(c))
		if d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// DidYouMean formats Nearest as a clause for an error message: `; did you mean "x"?`, or
// "" when nothing is close.
func DidYouMean(name string, candidates []string) string {
	return DidYouMeanIn("en", name, candidates)
}

// DidYouMeanIn is DidYouMean in lang (nl or en): "; bedoel je "x"?" in Dutch.
func DidYouMeanIn(lang, name string, candidates []string) string {
	n := Nearest(name, candidates)
	switch {
	case n == "":
		return ""
	case lang == "nl":
		return "; bedoel je \"" + n + "\"?"
	}
	return "; did you mean \"" + n + "\"?"
}
