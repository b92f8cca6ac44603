package codebook

import (
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
//     lemmatiser exists; irregular verbs ("wist", "kon") still need their own patterns.
//
// Over-stemming seen on the vocabulary: "weten"/"weet" and "wet" (law) share the stem
// "wet", "laten"/"laat" and "lat", "delen"/"deel" and "del". Patterns that need the exact
// word write it with a * (which turns stemming off for that word: "wet*" is a prefix).

// stemEnv holds Snowball environments for reuse; the stemmer is not safe for concurrent
// use of one environment.
var stemEnv = sync.Pool{New: func() any { return snowballstem.NewEnv("") }}

// stemCache holds the stems of words seen at candidate matches; the stems of a text's
// words are asked again and again (a matcher meets the same vocabulary in every segment).
// It stops growing at stemCacheMax entries.
var (
	stemCache    sync.Map
	stemCacheLen int64
	stemCacheMu  sync.Mutex
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
	if v, ok := stemCache.Load(w); ok {
		return v.(string)
	}
	s := snowballDutch(w)
	if n := len(s); n >= 3 && s[n-1] == s[n-2] && !isVowel(s[n-1]) {
		s = s[:n-1]
	}
	stemCacheMu.Lock()
	if stemCacheLen < stemCacheMax {
		stemCacheLen++
		stemCache.Store(strings.Clone(w), s)
	}
	stemCacheMu.Unlock()
	return s
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
	if stemKey(w) == s {
		return true
	}
	n := len(w)
	for _, end := range [...]string{"t", "de", "te", "den", "ten"} {
		if n > len(end)+2 && strings.HasSuffix(w, end) && stemKey(w[:n-len(end)]) == s {
			return true
		}
	}
	if n > 5 && strings.HasPrefix(w, "ge") && (w[n-1] == 'd' || w[n-1] == 't') && stemKey(w[2:n-1]) == s {
		return true
	}
	return false
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
