package codebook

// Ngrams calls yield for every word unigram, word bigram and character 4-gram of a
// normalised text t (Normalize's Text: words separated by single spaces, a space before
// the first and after the last), in text order, repeats included:
//
//	kind 'w': a word, in a;  kind 'b': two consecutive words, in a and b;
//	kind 'c': a character 4-gram of " word " for a word of seven letters or more, in a
//	          (the compounds, "casusoverleg", "terugkoppeling", whose parts a word
//	          feature cannot see; a shorter word is its own feature).
//
// It is the text side of both learned coders: the study's own (pipeline/learn) hashes
// these n-grams, the shipped model of a codebook (model.go) keeps them as strings, so
// that a model-only suggestion can say which words made it.
func Ngrams(t string, yield func(kind byte, a, b string)) {
	prev := ""
	start := -1
	for i := 0; i <= len(t); i++ {
		if i < len(t) && t[i] != ' ' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start < 0 {
			continue
		}
		w := t[start:i]
		start = -1
		yield('w', w, "")
		if prev != "" {
			yield('b', prev, w)
		}
		prev = w
		if len(w) < 7 {
			continue
		}
		padded := " " + w + " "
		for k := 0; k+4 <= len(padded); k++ {
			yield('c', padded[k:k+4], "")
		}
	}
}
