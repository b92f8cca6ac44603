package ingest

import "strings"

// Excel drops the leading zeros of a number: a respondents table typed in Excel holds 1
// where the coding tool's export says "001" (or R1 and R001), and every row of that
// respondent would be rejected as unknown with nothing to say why (attack 11 F13). The
// reason of such a reject says that the table has the id without (or with other) leading
// zeros. The ids are never joined silently: "001" and 1 may be two people, and only the
// researcher knows. The hint names neither id (the table's id is a real id, and the
// protect stage hides only the rejected one).

// maxZeros bounds the leading zeros tried: ids padded to more digits are not met.
const maxZeros = 8

// zeros holds maxZeros zeros.
var zeros = strings.Repeat("0", maxZeros)

// leadingZerosHint returns the words to add to the reason of id, unknown to known, when
// known holds id with its digits' leading zeros dropped or added; "" otherwise.
func leadingZerosHint(id string, known map[string]bool) (en, nl string) {
	if known == nil || !zerosDiffer(id, known) {
		return "", ""
	}
	return zerosWordsEN, zerosWordsNL
}

// zerosWordsEN and zerosWordsNL are the hint's words.
const (
	zerosWordsEN = "; the respondents table has an id that differs from it only by leading zeros (as 001 and 1): write the ids alike in both (Excel drops the leading zeros of a number; format the column as text)"
	zerosWordsNL = "; de respondententabel heeft een code die er alleen in voorloopnullen van verschilt (zoals 001 en 1): schrijf de codes in beide gelijk (Excel laat voorloopnullen van een getal weg; maak de kolom tekst)"
)

// zerosDiffer reports whether known holds id with the leading zeros of its trailing
// digits (after a prefix such as "R") dropped, or with up to maxZeros more of them.
func zerosDiffer(id string, known map[string]bool) bool {
	id = strings.TrimSpace(id)
	prefix, core, _, ok := zerosSplit(id)
	if !ok {
		return false
	}
	// Each candidate prefix + z zeros + core is made in one buffer, not as a string.
	var buf [64]byte
	c := append(buf[:0], prefix...)
	at := len(c)
	for z := 0; z <= maxZeros; z++ {
		c = append(append(c[:at], zeros[:z]...), core...)
		if string(c) != id && known[string(c)] {
			return true
		}
	}
	return false
}

// zerosSplit splits an id into the prefix before its trailing digits, those digits
// without their leading zeros ("0" where all are zeros) and the number of zeros dropped;
// ok is false where the id does not end in a digit. The id is prefix + z zeros + core.
func zerosSplit(id string) (prefix, core string, z int, ok bool) {
	i := len(id)
	for i > 0 && id[i-1] >= '0' && id[i-1] <= '9' {
		i--
	}
	prefix, digits := id[:i], id[i:]
	if digits == "" {
		return "", "", 0, false
	}
	core = strings.TrimLeft(digits, "0")
	if core == "" {
		core = "0"
	}
	return prefix, core, len(digits) - len(core), true
}

// zerosIndex answers zerosDiffer for one set of known ids with one lookup, not
// maxZeros+1: by prefix and core (with a 0 byte between), the numbers of leading zeros
// with which known holds them, as bits. The zero value is not made yet: differ makes it
// from the first known set it is given, and is then only for that set.
type zerosIndex struct {
	made  bool
	zeros map[string]uint16
}

// differ is zerosDiffer(id, known); a nil index is zerosDiffer itself.
func (x *zerosIndex) differ(id string, known map[string]bool) bool {
	if x == nil {
		return zerosDiffer(id, known)
	}
	if !x.made {
		x.made, x.zeros = true, make(map[string]uint16)
		for k := range known {
			if prefix, core, z, ok := zerosSplit(k); ok && z <= maxZeros {
				x.zeros[prefix+"\x00"+core] |= 1 << z
			}
		}
	}
	id = strings.TrimSpace(id)
	prefix, core, z, ok := zerosSplit(id)
	if !ok {
		return false
	}
	// known holds prefix + z' zeros + core for each bit z' set; the one with id's own
	// zeros is id itself.
	var buf [64]byte
	key := append(append(append(buf[:0], prefix...), 0), core...)
	have := x.zeros[string(key)]
	if z <= maxZeros {
		have &^= 1 << z
	}
	return have != 0
}
