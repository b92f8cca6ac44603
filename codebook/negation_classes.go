package codebook

import "strings"

// The classes of false positives that issue 19's fifth round found in all nine coded sets,
// each a rule of Dutch rather than a fragment's words (rules_loso_test.go judges them
// set by set): a yes/no question asks, it does not say ("Mag ik hem bellen als die
// jongen spijbelt?"); a denied frame, "het is niet zo dat" or "niet omdat", takes back what
// follows ("Niet omdat ik hem niet kan bereiken, maar ..."); and a topic question answered no after a second, narrowing question ("Terugkoppeling? Van de
// jeugd-GGZ? Nee."). A wish is not among them: the codebook codes the wish for a
// contact person or for being told first as the code itself.

// sentenceStart returns the start of the sentence of n.Text that holds byte from: the byte
// after the last break before it whose punctuation ends a sentence, or the first word's.
// At most sentenceBreaks clause breaks are looked at (a sentence of more clauses starts,
// for this, at the last one looked at), so that a text of many clauses and no full stop
// costs linear work (Normalized.work counts it).
func sentenceStart(text string, n *Normalized, from int) int {
	b := n.breakBefore(from)
	for k := 0; b >= 0 && k < sentenceBreaks; k++ {
		n.work++
		if sentenceEnd(n.punctAfter(text, b)) != 0 {
			return b + 1
		}
		next := n.breakBefore(b)
		if next >= 0 && k == sentenceBreaks-1 {
			return b + 1
		}
		b = next
	}
	return min(1, len(n.Text)) // Normalized.Text starts with a space
}

// sentenceBreaks bounds the clause breaks sentenceStart and endsInQuestion look at.
const sentenceBreaks = 16

// endsInQuestion reports whether the sentence that holds byte to of n.Text ends in '?'.
func endsInQuestion(text string, n *Normalized, to int) bool {
	for b, k := n.breakFrom(to), 0; b >= 0; b, k = n.breakFrom(b+1), k+1 {
		n.work++
		if c := sentenceEnd(n.punctAfter(text, b)); c != 0 {
			return c == '?'
		}
		if k == sentenceBreaks {
			return false // no sentence's end in sight: not taken for a question
		}
	}
	if len(n.off) == 0 {
		return false
	}
	// The last sentence: the punctuation after the text's last letter.
	return strings.ContainsRune(text[n.off[len(n.off)-1]:], '?')
}

// sentenceEnd returns the first '.', '!' or '?' of the punctuation at the start of rest
// (up to the next letter or digit), or 0; an ellipsis ("...") does not end a sentence.
func sentenceEnd(rest string) byte {
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if c >= 0x80 || asciiFold[c] != 0 {
			return 0
		}
		switch c {
		case '?', '!':
			return c
		case '.':
			if strings.HasPrefix(rest[i:], "..") {
				return 0
			}
			return c
		}
	}
	return 0
}

// questionVerbs are the finite verbs that open a yes/no question with the subject after
// them ("mag ik", "moet ik", "vind je", "weet jij", "is er", "heb je").
var questionVerbs = newWordSet(map[string]bool{
	"mag": true, "mogen": true, "moet": true, "moeten": true, "kan": true, "kun": true, "kunnen": true,
	"zal": true, "zullen": true, "wil": true, "willen": true, "vind": true, "vindt": true, "weet": true,
	"weten": true, "heb": true, "hebben": true, "heeft": true, "ben": true, "bent": true, "is": true,
	"zijn": true, "krijg": true, "krijgen": true, "doe": true, "doen": true, "doet": true,
})

// askedQuestion reports whether the pattern at [from, to) stands in a yes/no question: its
// sentence ends in '?' and opens with a finite verb and a subject pronoun ("Mag ik hem
// bellen als die jongen spijbelt?", "Vind je het goed als ik de huisarts op de hoogte
// breng?"). The question asks whether it is so; it says neither that it is nor that it
// is not, so neither the code nor its barrier is suggested. A topic question of its own
// ("Terugkoppeling?") has no verb first and is left to the answer after it.
func askedQuestion(text string, n *Normalized, from, to int) bool {
	if !endsInQuestion(text, n, to) { // most sentences: the cheaper look first
		return false
	}
	start := sentenceStart(text, n, from)
	if start >= from {
		return false
	}
	t := n.Text
	e := n.wordEnd(start)
	if !questionVerbs.has(t[start:e]) || e+1 >= len(t) {
		return false
	}
	return pronounSet.has(t[e+1 : n.wordEnd(e+1)])
}

// deniedFrame reports whether the pattern that starts at byte from follows, in its
// sentence and within eight words, "niet (zo) dat" or "niet omdat": "Het is niet zo dat ik
// ze niet kan bereiken", "Niet omdat ik hem niet kan bereiken, maar ...", "Het is niet dat
// ik niemand vertrouw". What follows is taken back, so a barrier (or a pattern that carries
// its own negation, or a negated facilitator) is not suggested.
func deniedFrame(text string, n *Normalized, from int) bool {
	t := n.Text
	start := sentenceStart(text, n, from)
	end := from - 1
	var prev string // the word after the one looked at
	for w := 0; end > start && w < 8; w++ {
		word, s := n.wordBefore(end)
		if word == "niet" && !n.isBreak(end) && (prev == "omdat" || prev == "dat" || prev == "zo" && strings.HasPrefix(t[end:], " zo dat ")) {
			return true
		}
		prev, end = word, s-1
	}
	return false
}

// questionsThenDenied is deniedAnswer past one or two narrowing questions or an
// interjection: "Terugkoppeling? Van de jeugd-GGZ? Nee." "Terugkoppeling? Van de
// jeugdbescherming? Haha. Nee."
func questionsThenDenied(text string, n *Normalized, hi int, barrier bool) (s, e int, ok bool) {
	t := n.Text
	for k := 0; k < 3; k++ {
		next := n.breakFrom(hi + 1)
		if next < 0 || next-hi > 40 {
			return 0, 0, false
		}
		p := n.punctAfter(text, next)
		word := t[hi+1 : n.wordEnd(hi+1)]
		if !questionAt(p, &n.work) && !(interjectionSet.has(word) || word == "haha") {
			return 0, 0, false
		}
		if s, e, ok := deniedAnswer(n, next, barrier); ok {
			return s, e, true
		}
		hi = next
	}
	return 0, 0, false
}

// answerBefore reports whether the clause before the break at lo is a short answer or
// interjection of one or two words that starts its sentence ("Nee, een casuïstiekoverleg
// met de scholen, dat ontbreekt hier", "Nee hoor, terugkoppeling van Veilig Thuis, dat heb
// ik nog nooit gehad"): a topic may follow it as if it started the sentence.
func answerBefore(text string, n *Normalized, lo int) bool {
	end := lo
	for k := 0; k < 2; k++ {
		word, start := n.wordBefore(end)
		if word != "nee" && word != "ja" && !interjectionSet.has(word) {
			return false
		}
		if start <= 1 { // the text's first word (Normalized.Text starts with a space)
			return true
		}
		if n.isBreak(start - 1) {
			return punctAt(n.punctAfter(text, start-1), ".!?:", &n.work)
		}
		end = start - 1
	}
	return false
}

// frontedDenied reports whether the pattern at [from, to), which starts its sentence (at
// most three words before it, as in "Een vast aanspreekpunt"), is denied by an inverted verb, its subject and a negation later in
// the clause that ends at the break hi: "Een gezamenlijk overleg met alle scholen hebben we
// nooit gehad", "Een vast aanspreekpunt bij de politie hebben we niet meer sinds de
// nieuwe indeling". The fronted object is what is not had. It returns the negation's
// byte range; another clause ("dat", "omdat", ...) or "maar" ends the search.
func frontedDenied(text string, n *Normalized, lo, hi, from, to int) (s, e int, ok bool) {
	t := n.Text
	if lo > 0 && !punctAt(n.punctAfter(text, lo), ".!?:", &n.work) && !answerBefore(text, n, lo) {
		return 0, 0, false
	}
	words := 0 // before the pattern in its clause: "Een vast aanspreekpunt", at most three
	for i := lo + 1; i < from && words <= 3; i = n.wordEnd(i) + 1 {
		words++
	}
	if lo < 0 || words > 3 {
		return 0, 0, false
	}
	prevVerb, prevPron := false, false
	for sp, k := to, 0; sp < hi && k < 12; k++ {
		start := sp + 1
		end := n.wordEnd(start)
		w := t[start:end]
		if w == "maar" || stopWords.has(w) {
			return 0, 0, false
		}
		if prevPron && (w == "niet" || w == "nooit" || w == "geen") {
			return start, end, true
		}
		prevPron = prevVerb && pronounSet.has(w)
		prevVerb = !pronounSet.has(w) && !determinerSet.has(w)
		sp = end
	}
	return 0, 0, false
}
