package redact

// surnameAfterPrefix reports whether token j, a capitalised function word, is the
// surname of a name because a surname prefix comes right before it: "ter Haar", "Van
// der Meer", "De Haar" (attack 15b, F03: 0.9.0 kept "haar" and "meer" after every
// prefix and cue, so "Mevrouw Ter Haar" and "Jeroen ter Haar" were published). Only a
// function word that the surname lists hold counts (haar, meer, wijk, dorp, ...), and
// only where a name is being read: after a cue or a name part (the callers).
func surnameAfterPrefix(toks []token, j int, l *lexicon) bool {
	t := toks[j]
	return j > 0 && t.cap && !t.shout && l.surname[t.fold] && surnamePrefix[toks[j-1].fold] && joined(t.sep)
}
