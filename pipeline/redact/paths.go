package redact

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// File names are data: researchers name files after people and groups
// ("Interview Jan de Vries Bergdorp.docx", "JW_Bakker.xlsx", "interview_jan_de_vries.docx").
// A file name is no sentence: its words are glued with underscores, hyphens, dots and
// camel case, and often written in lower case, so the sentence rules of findNames (a name
// that is also a Dutch word only inside a sentence, an unlisted name only capitalised)
// miss most of them. RedactPath reads a path's words (split at every separator and at
// each change of case) by rules of their own, in addition to everything Redact finds:
//
//   - a given name or surname of the lists that is no Dutch word is a name in any case
//     ("jansen", "pietersma"; three letters or more);
//   - one that is also a Dutch word ("Bakker", "Roos", "vries", "jan") is a name where it
//     is capitalised and no number follows it ("Ronde_2", "Week 3" stay), or, in lower
//     case, beside another name part or after a surname prefix ("jan_de_vries");
//   - surname prefixes and a single capital (an initial: "J_de_Vries") between or
//     before name parts belong to the name, which becomes one "[naam]";
//   - never a kept word (codebook, partner, role, municipality), a function word, a
//     place or an institution's word ("groep", "wijk", "noord").
//
// A false "[naam]" in a file name costs little: the published reference carries the
// file's hash (pipeline: published file names), so the researcher still finds the file.

// pathWord is a word of a path: bytes [start, end), folded.
type pathWord struct {
	start, end int
	fold       string
	cap        bool // starts with a capital
	caps       bool // all capitals
	sep        bool // a separator (not a change of case) comes before it
}

// pathWords splits path into words at every rune that is no letter or digit and at
// each change of case: lower to upper ("deVries"), capitals to a capitalised word
// ("JWBakker" → JW, Bakker), letters to digits.
func pathWords(path string) []pathWord {
	var out []pathWord
	rs := []rune(path)
	offs := make([]int, len(rs)+1)
	o := 0
	for i, c := range rs {
		offs[i] = o
		o += utf8.RuneLen(c)
	}
	offs[len(rs)] = o
	word := func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.Is(unicode.Mn, c) }
	for i := 0; i < len(rs); {
		if !word(rs[i]) {
			i++
			continue
		}
		start := i
		sep := true
		for {
			j := start + 1
			for j < len(rs) && word(rs[j]) {
				a, b := rs[j-1], rs[j]
				if unicode.IsDigit(a) != unicode.IsDigit(b) || unicode.IsLower(a) && unicode.IsUpper(b) ||
					unicode.IsUpper(a) && unicode.IsUpper(b) && j+1 < len(rs) && unicode.IsLower(rs[j+1]) && j-1 > start {
					break
				}
				j++
			}
			w := string(rs[start:j])
			out = append(out, pathWord{start: offs[start], end: offs[j], fold: fold(w), cap: unicode.IsUpper(rs[start]), caps: allUpper(w), sep: sep})
			if j >= len(rs) || !word(rs[j]) {
				i = j
				break
			}
			start, sep = j, false
		}
	}
	return out
}

// pathNameSpans returns the name spans RedactPath adds to Find's (see above) among the
// words ws of path, their offsets shifted by base. Where lower is false (a glued word in running text) a name in lower case that is
// no Dutch word counts only beside an anchor, a prefix or another name part, as one that
// is, and the file-name rules of paths_lower.go do not apply.
func (r *Redactor) pathNameSpans(path string, ws []pathWord, base int, lower bool) []Span {
	if !lower || !strings.ContainsAny(path, "/\\") {
		return r.elementNameSpans(path, ws, base, lower)
	}
	// a path's folder and file names one by one: a name runs on over prefixes and
	// name parts within one name, never across a "/" ("2024/jan/ronde1.csv")
	elem, _ := pathElements(path, ws)
	var out []Span
	for from := 0; from < len(ws); {
		to := from + 1
		for to < len(ws) && elem[to] == elem[from] {
			to++
		}
		out = append(out, r.elementNameSpans(path, ws[from:to], base, lower)...)
		from = to
	}
	return out
}

// elementNameSpans is pathNameSpans within one folder or file name.
func (r *Redactor) elementNameSpans(path string, ws []pathWord, base int, lower bool) []Span {
	l := lex()
	isNum := func(k int) bool { return k < len(ws) && ws[k].fold != "" && unicode.IsDigit(rune(ws[k].fold[0])) }
	excluded := func(f string) bool {
		return r.keep[f] || l.function[f] || l.place[f] || institutionWord[f] || placeholderWords[f] || hasDigit(f) ||
			lower && (fileCues[f] || fileWords[f]) // paths_lower.go: "Questions_with_Text", "export_new"
	}
	prefix := func(k int) bool {
		return k >= 0 && k < len(ws) && (prefixes[ws[k].fold] || surnamePrefix[ws[k].fold]) && ws[k].fold != "in" && ws[k].fold != "op"
	}
	initial := func(k int) bool {
		return k >= 0 && k < len(ws) && utf8.RuneCountInString(ws[k].fold) == 1 && ws[k].cap && unicode.IsLetter(rune(ws[k].fold[0]))
	}
	// anchor: a kept word or a role's abbreviation in capitals ("JW_bakker")
	anchor := func(k int) bool { return r.anchorWord(ws[k]) }
	// strong: a name wherever it stands; weak: a name that is also a Dutch word, in lower case.
	kind := make([]int, len(ws)) // 0 none, 1 weak, 2 strong
	for k, w := range ws {
		f := w.fold
		if utf8.RuneCountInString(f) < 3 || excluded(f) || !l.isName(f) {
			continue
		}
		switch {
		case !l.word[f] && (lower || w.cap):
			kind[k] = 2
		case w.cap && !isNum(k+1):
			kind[k] = 2
		default:
			kind[k] = 1
		}
	}
	if lower {
		r.fileNameKinds(path, ws, kind, excluded) // paths_lower.go
	}
	// a weak part beside a name part (past prefixes) or after a prefix is a name; twice,
	// so that "jan" of "jan_de_vries" sees "vries" promoted after its prefix
	for k := range 2 * len(ws) {
		k %= len(ws)
		if kind[k] != 1 {
			continue
		}
		p := k - 1
		for p >= 0 && prefix(p) {
			p--
		}
		n := k + 1
		for n < len(ws) && prefix(n) {
			n++
		}
		if p < k-1 || p >= 0 && (kind[p] == 2 || anchor(p)) || n < len(ws) && (kind[n] == 2 || anchor(n)) {
			kind[k] = 2
		}
	}
	var out []Span
	for k := 0; k < len(ws); k++ {
		if kind[k] != 2 {
			continue
		}
		from, to := k, k
		for from > 0 && (prefix(from-1) || initial(from-1)) {
			from--
		}
		for to+1 < len(ws) {
			n := to + 1
			for n < len(ws) && prefix(n) {
				n++
			}
			if n < len(ws) && kind[n] == 2 {
				to = n
				continue
			}
			break
		}
		out = append(out, Span{base + ws[from].start, base + ws[to].end, Name})
		k = to
	}
	return out
}

// RedactPath returns a file name or path with every identifying detail replaced: what
// Redact finds, and the names that a file name writes its own way (see above). The path's
// separators and extension stay, so the researcher can still tell the file.
func (r *Redactor) RedactPath(path string) string {
	if path == "" {
		return path
	}
	ws := pathWords(path)
	// a respondent's id first: it wins over the name Find takes it for (paths_ids.go)
	spans := append(r.idSpans(path, 0, ws), r.Find(path)...)
	if r.unlisted {
		spans = append(spans, r.pathNameSpans(path, ws, 0, true)...)
	}
	return r.write(path, mergeSpans(spans))
}

// mergeSpans sorts spans and joins overlapping ones: names absorb what they overlap,
// another detail inside a longer one is dropped.
func mergeSpans(spans []Span) []Span {
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].Start != spans[j].Start {
			return spans[i].Start < spans[j].Start
		}
		return spans[i].End > spans[j].End
	})
	var out []Span
	for _, s := range spans {
		if n := len(out); n > 0 && s.Start < out[n-1].End {
			if s.End > out[n-1].End && (s.Kind == out[n-1].Kind || s.Kind == Name || out[n-1].Kind == Name) {
				out[n-1].End = s.End
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// write replaces the spans of text by their placeholders.
func (r *Redactor) write(text string, spans []Span) string {
	if len(spans) == 0 {
		return text
	}
	var b strings.Builder
	last := 0
	for _, s := range spans {
		b.WriteString(text[last:s.Start])
		b.WriteString(r.placeholders[s.Kind])
		last = s.End
	}
	b.WriteString(text[last:])
	return b.String()
}

// RedactWithPaths is Redact for a message that may name files (a warning, the check
// listing): a word without spaces that looks like a path (holds a "/" or ends in an
// extension: ".docx", ".csv") is read by the file-name rules as well.
func (r *Redactor) RedactWithPaths(text string) string {
	spans := r.Find(text)
	if r.unlisted {
		for i := 0; i < len(text); {
			c, n := utf8.DecodeRuneInString(text[i:])
			if pathStop(c) {
				i += n
				continue
			}
			start := i
			for i < len(text) {
				c, n := utf8.DecodeRuneInString(text[i:])
				if pathStop(c) {
					break
				}
				i += n
			}
			if w := text[start:i]; pathLike(w) {
				ws := pathWords(w)
				spans = append(r.idSpans(w, start, ws), spans...) // paths_ids.go: before Find's names
				spans = append(spans, r.pathNameSpans(w, ws, start, true)...)
			}
		}
		spans = mergeSpans(append(r.quotedNameSpans(text), spans...)) // paths_quoted.go
	}
	return r.write(text, spans)
}

// pathStop reports whether c ends a path-like word in a message: a space or a quote,
// bracket, comma or colon around it.
func pathStop(c rune) bool {
	return unicode.IsSpace(c) || strings.ContainsRune("\"'()[],:;“”‘’", c)
}

// pathLike reports whether a word is a path: it holds a slash, or ends in a dot and two
// to five letters (an extension).
func pathLike(w string) bool {
	if strings.ContainsAny(w, "/\\") {
		return true
	}
	d := strings.LastIndexByte(w, '.')
	if d <= 0 || len(w)-d-1 < 2 || len(w)-d-1 > 5 {
		return false
	}
	for _, c := range w[d+1:] {
		if !unicode.IsLetter(c) {
			return false
		}
	}
	return true
}
