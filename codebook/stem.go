package codebook

import (
	"sort"
	"strings"
	"sync"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"
)

// Stemming of the auto-coder. The Dutch stemmer is the Snowball one (Porter's Dutch
// algorithm, generated Go in github.com/blevesearch/snowballstem, the stemmers bleve
// uses): it removes the noun and adjective endings (-en, -e, -s, -heid, -ing, -lijk, -baar,
// ...) and undoubles a vowel before a final consonant ("afspraak" and "afspraken" are both
// "afsprak"). Checked on the codebook's vocabulary (codebook/stem_test.go), it leaves two
// things that interviews need:
//
//   - a double consonant before a removed ending stays ("kennen" is "kenn", "ken" is "ken";
//     "bellen" "bell"): stemKey undoubles a final double consonant;
//   - verb inflection is not removed: "kent", "belt", "hoort" (-t), "kende", "belde"
//     (-de/-te), "gebeld", "gedeeld" (ge-...-d/-t) keep their endings. sameStem accepts a
//     text word whose stem, after taking off -t, -de, -te, -den, -ten or ge-...-d/-t, is the
//     pattern's. This is a small rule of our own because no maintained Go Dutch
//     lemmatiser exists; the strong past forms of the verbs the patterns use ("wist",
//     "kreeg", "gaf": irregularVerbs) share their infinitive's stem, and a diminutive
//     ("lijntjes", "overlegje": dediminutive) its base word's.
//
// Over-stemming seen on the vocabulary: "weten"/"weet" and "wet" (law) share the stem
// "wet", "laten"/"laat" and "lat", "delen"/"deel" and "del", "niets" and "niet". Patterns
// that need the exact word write it with a * (which turns stemming off for that word:
// "wet*" is a prefix; "hoor* ... niets*" does not find "gehoord dat het niet").

// stemEnv holds Snowball environments for reuse; the stemmer is not safe for concurrent
// use of one environment.
var stemEnv = sync.Pool{New: func() any { return snowballstem.NewEnv("") }}

// stemCache holds, per word seen at a candidate match, the stem keys it can have (see
// stemsOf); a matcher meets the same vocabulary in every segment. It stops growing at
// stemCacheMax entries; a plain map under a lock, since sync.Map boxes every string key.
var (
	stemMu    sync.RWMutex
	stemCache = map[string][]string{}
)

const stemCacheMax = 200_000

// snowballDutch returns the Snowball Dutch stem of a normalised word (lower case, no
// accents).
func snowballDutch(w string) string {
	env := stemEnv.Get().(*snowballstem.Env)
	env.SetCurrent(w)
	dutch.Stem(env)
	s := env.Current()
	stemEnv.Put(env)
	return s
}

// stemKey is the key words are compared on: the Snowball stem with a final double
// consonant undoubled ("kennen" -> "kenn" -> "ken").
func stemKey(w string) string {
	s := snowballDutch(w)
	if n := len(s); n >= 3 && s[n-1] == s[n-2] && !isVowel(s[n-1]) {
		s = s[:n-1]
	}
	return s
}

// stemsOf returns the stem keys a text word can have: its own, and those of the word
// without a verb ending the Snowball stemmer leaves (-t, -de, -te, -den, -ten, and
// ge-...-d/-t for a past participle).
func stemsOf(w string) []string {
	stemMu.RLock()
	ks, ok := stemCache[w]
	stemMu.RUnlock()
	if ok {
		return ks
	}
	// w may point into the auto-coder's reused buffer; the stems (which the stemmer may
	// return as w itself, or a piece of it) and the cache key must not.
	w = strings.Clone(w)
	ks = []string{stemKey(w)}
	n := len(w)
	for _, end := range [...]string{"t", "de", "te", "den", "ten"} {
		if n > len(end)+2 && strings.HasSuffix(w, end) {
			ks = append(ks, stemKey(w[:n-len(end)]))
		}
	}
	if n > 5 && strings.HasPrefix(w, "ge") && (w[n-1] == 'd' || w[n-1] == 't') {
		ks = append(ks, stemKey(w[2:n-1]))
	}
	if inf, ok := irregularVerbs[w]; ok {
		ks = append(ks, stemKey(inf))
	}
	if d := dediminutive(w); d != "" {
		ks = append(ks, stemKey(d))
	}
	stemMu.Lock()
	if len(stemCache) < stemCacheMax {
		stemCache[w] = ks
	}
	stemMu.Unlock()
	return ks
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// sameStem reports whether the text word w has the stem key s of a pattern word: its own
// stem key is s, or it is s with a verb ending the Snowball stemmer leaves (see above).
func sameStem(w, s string) bool {
	for _, k := range stemsOf(w) {
		if k == s {
			return true
		}
	}
	return false
}

// functionWords are Dutch words that do not inflect (articles, pronouns, prepositions,
// conjunctions, a few adverbs). At the start of a pattern they go into the matcher's
// key as they are, so that "op de hoogte" is looked for as " op de hoogt", not at every
// " op".
var functionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`de het een van in op met aan voor bij naar over om uit te en of dat die dit
		deze wat wie waar hoe ik je jij hij zij ze we wij u men hun haar hem mij me ons onze mijn
		zijn jullie z n er niet geen nooit wel ook al nog zo dan als maar is was elkaar elkaars
		eigen zelf eens even steeds weer meer veel heel echt gewoon alle alles iedereen niemand
		iemand niets niks elke iedere per tot door via zonder tegen binnen buiten`) {
		functionWords[w] = true
	}
}

// stemPrefixes returns the beginnings a text word with stem key s must start with: s
// itself, and where the stem ends in consonant, single vowel, consonant, the same with the
// vowel doubled ("afsprak": "afspraak"), since the stemmer undoubles it.
func stemPrefixes(s string) []string {
	out := []string{s}
	n := len(s)
	if n >= 3 && !isVowel(s[n-1]) && strings.IndexByte("aeou", s[n-2]) >= 0 && !isVowel(s[n-3]) {
		out = append(out, s[:n-1]+s[n-2:n-1]+s[n-1:])
	}
	return out
}

// irregularVerbs maps the irregular (strong) past forms of the verbs collaboration is
// talked about with to their infinitive, whose stem they then share: "wist wie" is "weet
// wie", "kreeg ik terug" "krijg ik terug", "gaf ik door" "geef ik door". The regular
// forms are handled by stemsOf; Snowball leaves these alone. The list is the strong verbs
// of the codebook's patterns (weten, kennen's none, komen, krijgen, laten, geven, zien,
// spreken, vragen, doen, mogen, kunnen, zeggen, nemen, lopen, houden, zitten not: "zat"
// is also the ZAT, a case meeting).
var irregularVerbs = map[string]string{
	"wist": "weten", "wisten": "weten", "geweten": "weten",
	"kwam": "komen", "kwamen": "komen",
	"kreeg": "krijgen", "kregen": "krijgen", "gekregen": "krijgen",
	"liet": "laten", "lieten": "laten", "gelaten": "laten",
	"gaf": "geven", "gaven": "geven", "gegeven": "geven",
	"zag": "zien", "zagen": "zien", "gezien": "zien",
	"sprak": "spreken", "spraken": "spreken", "gesproken": "spreken",
	"vroeg": "vragen", "vroegen": "vragen",
	"deed": "doen", "deden": "doen", "gedaan": "doen",
	"mocht": "mogen", "mochten": "mogen",
	"kon": "kunnen", "konden": "kunnen", "gekund": "kunnen",
	"zei": "zeggen", "zeiden": "zeggen",
	"nam": "nemen", "namen": "nemen", "genomen": "nemen",
	"liep": "lopen", "liepen": "lopen", "gelopen": "lopen",
	"hield": "houden", "hielden": "houden",
	"belde": "bellen", "hoorde": "horen",
}

// irregularForms is irregularVerbs the other way: per stem key of an infinitive, its
// irregular forms, for the matcher's keys (a pattern that starts with "krijg" must also
// be looked for at "kreeg").
var irregularForms = map[string][]string{}

func init() {
	for form, inf := range irregularVerbs {
		k := stemKey(inf)
		irregularForms[k] = append(irregularForms[k], form)
	}
	for _, l := range irregularForms {
		sort.Strings(l)
	}
}

// dediminutive returns a word without its diminutive ending ("lijntjes" "lijn",
// "appje" "app", "overlegje" "overleg", "belletje" "bell"), or "" when it has none
// or too little would be left.
func dediminutive(w string) string {
	for _, end := range [...]string{"etjes", "etje", "tjes", "tje", "pjes", "pje", "jes", "je"} {
		if len(w) > len(end)+2 && strings.HasSuffix(w, end) {
			return w[:len(w)-len(end)]
		}
	}
	return ""
}
