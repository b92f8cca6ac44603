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
