package codebook

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	ahocorasick "github.com/petar-dambovaliev/aho-corasick"
)

// ErrPattern marks an auto-coding pattern (or partner synonym) that cannot match any text.
var ErrPattern = errors.New("pattern cannot match")

// DefaultNegations are the Dutch words that, shortly before a facilitator pattern, turn it
// off: "geen korte lijnen" is not a facilitator. A codebook can list its own.
var DefaultNegations = []string{"geen", "niet", "nooit", "nauwelijks", "weinig", "amper", "zelden", "nergens"}

// negationBefore is how many words before a facilitator pattern a negation may stand;
// negationAfter how many words after it "niet" or "nooit" may follow ("we kennen elkaar
// niet"). Neither window crosses a clause break.
const (
	negationBefore = 3
	negationAfter  = 2
)

// Match is one pattern that fired in a text: the code (or partner) id, the pattern as the
// codebook writes it, the matched text and its code point offsets [Start, End) in the
// original text.
type Match struct {
	Code       string
	Rule       string
	Span       string
	Start, End int
}

// AutoCoder codes text with the codebook's patterns. All patterns are matched in one pass
// over the normalised text with an Aho-Corasick automaton; a pattern is written in plain
// words, with * at a word's end for any ending ("korte lijn*" matches "korte lijnen") and
// * before the first word for compounds ("*overleg" matches "casusoverleg"; "overleg"
// matches only the word itself). A facilitator pattern is off when a negation ("geen",
// "niet", "nooit", "nauwelijks", "weinig", ...) stands up to three words before it, or
// "niet"/"nooit" up to two words after it, within the same clause. Barrier patterns that
// carry their own negation ("geen terugkoppeling", "niet bereikbaar") are never turned off.
// An AutoCoder is safe for concurrent use.
type AutoCoder struct {
	codes *matcher
}

// NewAutoCoder compiles the patterns of every code in cb. It fails, naming the code and
// the pattern, when a pattern cannot match (no letters, or a * inside a word).
func NewAutoCoder(cb *Codebook) (*AutoCoder, error) {
	var rules []rule
	var errs []error
	for _, f := range cb.Factors {
		for _, c := range f.Codes {
			for _, p := range c.Patterns {
				r, err := compileRule(c.ID, p)
				if err != nil {
					errs = append(errs, fmt.Errorf("code %s: %w", c.ID, err))
					continue
				}
				r.negatable = c.Valence == Facilitator
				rules = append(rules, r)
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return &AutoCoder{codes: newMatcher(rules, cb.negationSet())}, nil
}

// Code returns every pattern that fires in text, ordered by position, then code and rule.
func (a *AutoCoder) Code(text string) []Match {
	if a == nil || a.codes == nil {
		return nil
	}
	return a.codes.find(text)
}

// PartnersIn returns the ids of the partners mentioned in text (by id, label or synonym,
// matched like auto-coding patterns but without negation), in codebook order, each once.
// Synonyms that cannot match are left out; Validate reports them.
func (cb *Codebook) PartnersIn(text string) []string {
	ms := cb.PartnerMentions(text)
	if len(ms) == 0 {
		return nil
	}
	seen := map[string]bool{}
	for _, m := range ms {
		seen[m.Code] = true
	}
	var out []string
	for _, p := range cb.Partners {
		if seen[p.ID] {
			out = append(out, p.ID)
			delete(seen, p.ID)
		}
	}
	return out
}

// PartnerMentions returns every mention of a partner in text, with the synonym that fired
// (Match.Code is the partner id).
func (cb *Codebook) PartnerMentions(text string) []Match {
	return cb.partnerMatcher().find(text)
}

var partnerMu sync.Mutex

func (cb *Codebook) partnerMatcher() *matcher {
	partnerMu.Lock()
	defer partnerMu.Unlock()
	if cb.partners != nil {
		return cb.partners
	}
	var rules []rule
	for _, p := range cb.Partners {
		names := append([]string{p.Label["nl"], p.Label["en"]}, p.Synonyms...)
		seen := map[string]bool{}
		for _, s := range names {
			if s == "" || seen[s] {
				continue
			}
			seen[s] = true
			if r, err := compileRule(p.ID, s); err == nil {
				rules = append(rules, r)
			}
		}
	}
	cb.partners = newMatcher(rules, nil)
	return cb.partners
}

func (cb *Codebook) negationSet() map[string]bool {
	words := cb.Negations
	if len(words) == 0 {
		words = DefaultNegations
	}
	set := map[string]bool{}
	for _, w := range words {
		if n := strings.TrimSpace(Normalize(w).Text); n != "" {
			set[n] = true
		}
	}
	return set
}

// rule is a compiled pattern. segs[0] is the key the automaton looks for; each further
// segment must follow after the rest of the word the previous segment ends in (a * at a
// word's end in the middle of a pattern, "vast* contactpersoon").
type rule struct {
	id, pattern string
	segs        []string
	prefix      bool // * before the first word: the first word may be the end of a compound
	negatable   bool
}

// compileRule turns a pattern as the codebook writes it into segments of normalised text.
func compileRule(id, pattern string) (rule, error) {
	r := rule{id: id, pattern: pattern}
	s := strings.TrimSpace(pattern)
	if strings.HasPrefix(s, "*") {
		r.prefix = true
		s = strings.TrimLeft(s, "*")
	}
	words := strings.Fields(s)
	if len(words) == 0 {
		return r, fmt.Errorf("%w: %q has no words", ErrPattern, pattern)
	}
	var seg strings.Builder
	if !r.prefix {
		seg.WriteByte(' ')
	}
	for i, w := range words {
		open := strings.HasSuffix(w, "*")
		w = strings.TrimRight(w, "*")
		if strings.Contains(w, "*") || (w == "" && open) {
			return r, fmt.Errorf("%w: %q has a * inside a word; * may stand only at a word's end or before the first word", ErrPattern, pattern)
		}
		nw := strings.TrimSpace(Normalize(w).Text)
		if nw == "" {
			return r, fmt.Errorf("%w: %q: %q has no letters or digits", ErrPattern, pattern, w)
		}
		if i > 0 && seg.Len() > 0 && !strings.HasSuffix(seg.String(), " ") {
			seg.WriteByte(' ')
		}
		seg.WriteString(nw)
		if open && i < len(words)-1 {
			r.segs = append(r.segs, seg.String())
			seg.Reset()
			seg.WriteByte(' ')
			continue
		}
		if !open && i == len(words)-1 {
			seg.WriteByte(' ')
		}
	}
	r.segs = append(r.segs, seg.String())
	return r, nil
}

type matcher struct {
	ac        ahocorasick.AhoCorasick
	keys      [][]int // automaton pattern index -> rules with that first segment
	rules     []rule
	negations map[string]bool
}

func newMatcher(rules []rule, negations map[string]bool) *matcher {
	m := &matcher{rules: rules, negations: negations}
	idx := map[string]int{}
	var patterns []string
	for i, r := range rules {
		k, ok := idx[r.segs[0]]
		if !ok {
			k = len(patterns)
			idx[r.segs[0]] = k
			patterns = append(patterns, r.segs[0])
			m.keys = append(m.keys, nil)
		}
		m.keys[k] = append(m.keys[k], i)
	}
	if len(patterns) > 0 {
		b := ahocorasick.NewAhoCorasickBuilder(ahocorasick.Opts{MatchKind: ahocorasick.StandardMatch, DFA: true})
		m.ac = b.Build(patterns)
	}
	return m
}

func (m *matcher) find(text string) []Match {
	if m == nil || len(m.keys) == 0 || text == "" {
		return nil
	}
	n := Normalize(text)
	t := n.Text
	var out []Match
	it := m.ac.IterOverlappingByte(n.bytes)
	for hit := it.Next(); hit != nil; hit = it.Next() {
		k := hit.Pattern()
		if k < 0 || k >= len(m.keys) {
			continue
		}
		for _, ri := range m.keys[k] {
			r := &m.rules[ri]
			from, to, ok := r.span(t, hit.Start(), hit.End())
			if !ok {
				continue
			}
			if r.negatable && m.negated(n, from, to) {
				continue
			}
			// Code point offsets; the end is extended over combining marks below.
			out = append(out, Match{Code: r.id, Rule: r.pattern, Start: int(n.Pos[from]), End: int(n.Pos[to-1]) + 1})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Rule < b.Rule
	})
	// The same code and span found by two rules is one coding.
	dedup := out[:0]
	for i, x := range out {
		if i > 0 {
			p := dedup[len(dedup)-1]
			if p.Code == x.Code && p.Start == x.Start && p.End == x.End {
				continue
			}
		}
		dedup = append(dedup, x)
	}
	// Code point offsets to byte offsets for the spans, walking the text once from the
	// left (matches are in order of their start).
	cp, at := 0, 0 // code point index and byte offset of the cursor
	for i := range dedup {
		x := &dedup[i]
		for cp < x.Start && at < len(text) {
			_, size := utf8.DecodeRuneInString(text[at:])
			at += size
			cp++
		}
		ecp, eat := cp, at
		for eat < len(text) && ecp < x.End {
			_, size := utf8.DecodeRuneInString(text[eat:])
			eat += size
			ecp++
		}
		for eat < len(text) {
			r, size := utf8.DecodeRuneInString(text[eat:])
			if !unicode.Is(unicode.Mn, r) {
				break
			}
			eat += size
			ecp++
		}
		x.End = ecp
		x.Span = text[at:eat]
		if !utf8.ValidString(x.Span) {
			x.Span = string([]rune(x.Span)) // as the code points count it
		}
	}
	return dedup
}

// span checks the segments after the first and returns the matched words as a byte range
// of the normalised text t, without the surrounding spaces and extended to whole words.
func (r *rule) span(t string, s, e int) (from, to int, ok bool) {
	from = s
	if r.prefix {
		for from > 0 && t[from-1] != ' ' {
			from--
		}
	} else {
		from++ // the key's leading space
	}
	pos := e
	for _, seg := range r.segs[1:] {
		for pos < len(t) && t[pos] != ' ' {
			pos++
		}
		if !strings.HasPrefix(t[pos:], seg) {
			return 0, 0, false
		}
		pos += len(seg)
	}
	last := r.segs[len(r.segs)-1]
	if strings.HasSuffix(last, " ") {
		to = pos - 1
	} else {
		for pos < len(t) && t[pos] != ' ' {
			pos++
		}
		to = pos
	}
	return from, to, from < to
}

// negated reports whether a negation word stands shortly before the span [from, to), or
// "niet"/"nooit" shortly after it, within the same clause.
func (m *matcher) negated(n Normalized, from, to int) bool {
	t := n.Text
	// Before: walk back word by word from the space before the span.
	end := from - 1
	for w := 0; w < negationBefore && end > 0; w++ {
		if n.isBreak(end) {
			break
		}
		start := end
		for start > 0 && t[start-1] != ' ' {
			start--
		}
		if m.negations[t[start:end]] {
			return true
		}
		end = start - 1
	}
	// After: "we kennen elkaar niet", but not "niet alleen" (not only).
	sp := to // the space after the span
	for w := 0; w < negationAfter; w++ {
		if sp >= len(t)-1 || n.isBreak(sp) {
			break
		}
		start := sp + 1
		end := start
		for end < len(t) && t[end] != ' ' {
			end++
		}
		if word := t[start:end]; word == "niet" || word == "nooit" {
			next := end + 1
			nend := next
			for nend < len(t) && t[nend] != ' ' {
				nend++
			}
			if next < len(t) && !n.isBreak(end) && (t[next:nend] == "alleen" || t[next:nend] == "altijd") {
				return false
			}
			return true
		}
		sp = end
	}
	return false
}

// isBreak reports whether the space at byte i of the normalised text is a clause break.
func (n Normalized) isBreak(i int) bool {
	k := sort.Search(len(n.Breaks), func(j int) bool { return int(n.Breaks[j]) >= i })
	return k < len(n.Breaks) && int(n.Breaks[k]) == i
}
