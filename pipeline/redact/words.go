package redact

// IsWord reports whether w, in any case, is a word of the shipped dictionaries (Dutch and
// English, function words, places, acronyms and compounds of two words included): a
// word in lower case that is none of them may be a name where a cue says that a person
// follows ("casus yassin").
func IsWord(w string) bool {
	l, f := lex(), fold(w)
	return l.word[f] || dictWord(f) || l.function[f] || l.place[f] || prefixes[f] || dutchFunction[f] || chatEnglish[f] || chatSpeech[f] ||
		acronyms[f] || l.compound(f) && !l.given[f] && !l.surname[f] // "kindermishandeling", "adhd"; a review of the rule
}

// PrefixedSurname reports whether the surname lists write word after prefix ("de vries",
// "van dijk"), in any case.
func PrefixedSurname(prefix, word string) bool { return lex().prefixed[fold(prefix)+" "+fold(word)] }
