package redact

// findPlates returns Dutch licence plates written with their dashes, wherever they
// stand ("Zijn scooter is DK-123-B", "auto 12-ABC-3"): 0.9.0 found them only after
// "kenteken" or "nummerbord" (attack 15b, F10). A plate is three groups of capitals or
// digits, each all of one kind, in the shape of one of the RDW's sidecodes (1 to 14:
// XX-99-99, 99-99-XX, 99-XX-99, XX-99-XX, XX-XX-99, 99-XX-XX, 99-XXX-9, 9-XXX-99,
// XX-999-X, X-999-XX, XXX-99-X, X-99-XXX, 9-XX-999, 999-XX-9). Dates ("12-03-09") have
// no letters, and words in lower case ("co-ouder-3") never match. As "[nummer]".
func findPlates(text string) []Span {
	var out []Span
	for i := 0; i < len(text); i++ {
		if i > 0 && plateByte(text[i-1]) || !plateByte(text[i]) || text[i] == '-' {
			continue
		}
		j := i
		for j < len(text) && plateByte(text[j]) {
			j++
		}
		if j-i >= 6 && j-i <= 8 && (j == len(text) || !isLetterAt(text, j) && text[j] != '_') && plateShape(text[i:j]) {
			out = append(out, Span{i, j, Number})
		}
		i = j
	}
	return out
}

func plateByte(c byte) bool { return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' }

// plateSidecodes are the shapes of plateShape: L for a letter, 9 for a digit.
var plateSidecodes = map[string]bool{
	"LL-99-99": true, "99-99-LL": true, "99-LL-99": true, "LL-99-LL": true, "LL-LL-99": true,
	"99-LL-LL": true, "99-LLL-9": true, "9-LLL-99": true, "LL-999-L": true, "L-999-LL": true,
	"LLL-99-L": true, "L-99-LLL": true, "9-LL-999": true, "999-LL-9": true,
}

// plateShape reports whether s has the shape of a sidecode.
func plateShape(s string) bool {
	b := []byte(s)
	for k, c := range b {
		switch {
		case c >= 'A' && c <= 'Z':
			b[k] = 'L'
		case c >= '0' && c <= '9':
			b[k] = '9'
		}
	}
	return plateSidecodes[string(b)]
}
