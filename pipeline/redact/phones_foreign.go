package redact

// foreignPhone reports whether digits written after a + (plus) or after 00 are a phone
// number with a country code other than the Netherlands': E.164 allows at most 15
// digits, country code included, and the shortest national numbers have seven digits
// after a country code of one to three. Families of young people in the Dutch youth
// domain have numbers in Belgium (+32), Morocco (+212), Turkey (+90), Germany (+49) or
// Curaçao (+599); 0.9.0 took only Dutch numbers (attack 15b, F05). A country code
// never starts with 0, and a "(0)" after it (trunk prefix: "+32 (0)470 ...") is read
// over by the digit groups as any other digit, so it is allowed by the length.
func foreignPhone(d string, plus bool) bool {
	if !plus {
		if len(d) < 3 || d[:2] != "00" {
			return false
		}
		d = d[2:]
	}
	return len(d) >= 8 && len(d) <= 15 && d[0] != '0'
}

// foreignDecimal reports whether digit group g of a phone candidate cannot start a
// number with a country code after 00: it is the fraction of a decimal ("4.0016663",
// "0.00496611"), or the digits from it would start with 00 only by joining groups
// ("0.0205731002" is "0" and "0205731002"). Statistics in the tables are full of such
// fractions, and with foreignPhone they would pass for "00" and a foreign number.
func foreignDecimal(cand string, groups [][2]int, g int) bool {
	start := groups[g][0]
	if g > 0 && groups[g-1][1] == start-1 && (cand[start-1] == '.' || cand[start-1] == ',') {
		return true
	}
	first := cand[start:groups[g][1]]
	return first == "0" && g+1 < len(groups) && cand[groups[g+1][0]] == '0'
}
