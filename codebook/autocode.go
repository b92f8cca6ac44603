package codebook

import (
	"cmp"
	"errors"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/samenspel/samenspel/pipeline/model"
)

// ErrPattern marks an auto-coding pattern (or partner synonym) that cannot match any text.
var ErrPattern = model.NewKind("pattern cannot match", "patroon kan nooit passen")

// DefaultNegations are the Dutch words that, shortly before a facilitator pattern, turn it
// off: "geen korte lijnen" is not a facilitator. A codebook can list its own.
var DefaultNegations = []string{"geen", "niet", "nooit", "nauwelijks", "weinig", "amper", "zelden", "nergens"}

// negationBefore is how many words before a pattern a negation may stand; negationAfter
// how many words after it an absence word ("niet", "nooit", "ontbreekt") may follow ("we
// kennen elkaar niet", "terugkoppeling ontbreekt"; three would take "het vertrouwen van
// Noa niet beschamen" for distrust). Neither window crosses a clause break
// or "maar".
const (
	negationBefore = 4
	negationAfter  = 2
)

// afterNegations are the words that, shortly after a pattern, say it is missing.
var afterNegations = map[string]bool{
	"niet": true, "nooit": true, "ontbreekt": true, "ontbreken": true, "ontbrak": true, "ontbraken": true,
	"niemand": true, "niets": true, "niks": true, "nergens": true, "geen": true, "kwijt": true, "kwijtgeraakt": true,
	// Rarely: "we vergaderen zelden met elkaar", "signalen doorgeven doen ze hier nauwelijks".
	"zelden": true, "nauwelijks": true, "amper": true,
	// Ended: "het casusoverleg is gestopt", "het ZAT is opgeheven".
	"gestopt": true, "opgeheven": true, "afgeschaft": true, "wegbezuinigd": true, "stopgezet": true, "verdwenen": true,
	"doodgebloed": true,
}

// rarelyWords end a clause like "niet" and "nooit": "signalen doorgeven doen ze hier
// nauwelijks".
var rarelyWords = map[string]bool{"zelden": true, "nauwelijks": true, "amper": true}

// endedWords are the absence words that also end a clause: "het casusoverleg in Oost is
// gestopt" says it is no more, however many words stand between.
var endedWords = map[string]bool{
	"gestopt": true, "opgeheven": true, "afgeschaft": true, "wegbezuinigd": true, "stopgezet": true, "verdwenen": true,
	"doodgebloed": true,
}

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
// over the normalised text, their first words looked up in a trie from each word's start
// (keytrie.go); a pattern is written in plain
// words, with * at a word's end for any ending ("korte lijn*" matches "korte lijnen") and
// * before the first word for compounds ("*overleg" matches "casusoverleg"; "overleg"
// matches only the word itself and its inflections); "..." between two words stands for
// up to maxGap other words of the same clause, for the separable verbs of Dutch
// ("koppel* ... terug" finds "koppelt het vandaag nog terug"); a pattern that starts with
// "!" is an exclusion: where it matches, the code's other patterns that overlap it do not
// count, nor the barrier their negation would suggest ("!afspraak met de jongere" for an
// appointment, which the codebook excludes from kennen.afspraken). A plain word (without *) matches
// every word with the same Dutch stem (see stem.go): "afspraak" matches "afspraken",
// "kennen" matches "ken", "kent" and "kende".
//
// Negation and absence: a pattern is off when a negation (the codebook's negations:
// "geen", "niet", "nooit", "nauwelijks", "zelden", "ontbreekt", ...) stands in its gap or
// up to four words before it, or an absence word ("niet", "nooit", "ontbreekt",
// "niemand", ...) up to two words after it (an inverted subject, "krijg ik nooit", not
// counted), within the same clause and not across "maar", except a wish ("was het maar
// zo dat ...", "had ik maar ..."), which negates what follows; a negation followed by
// "om" ("het lukt niet om ...") reaches to the end of the clause; "niet alleen", "niet
// lang", "geen probleem", "geen moeite", "niet moeilijk" (notNegating) are no negation,
// nor is "niet" after "wel en" or "wel of" ("wat het wijkteam wel en niet doet").
// A clause that ends in "niet" or "nooit" negates what stands in it ("een appgroep met de
// politie hebben wij niet"), and so does a short answer or a wish right after the pattern
// ("Terugkoppeling? Nooit.", "Goed bereikbaar? Was het maar zo."), and a question the
// next clause answers with "nee" ("Wantrouwen tussen school en wijkteam? Nee, ...").
// Words that start another clause ("dat", "omdat", "die", ...) end the look for an
// absence word after a pattern, except "dat" or "die" right after it without a subject
// pronoun next, a demonstrative when the clause ends in "niet" ("ik vertrouw dat gewoon
// niet"); "hier" and "daar" count as little as the pronouns. A barrier's pattern is
// turned off only by a negation before it, in its gap or at its clause's end, or where it
// is said to be no problem or bother ("privacy is bij ons nooit een probleem",
// "Wachtlijsten? Daar hebben wij nooit last van."). "Ho maar" and "vergeet het maar"
// are short answers too. A contrast that leaves out its verb ("hem vertrouwde en mij
// niet") negates its other half, not the pattern; nor does "het gaat niet om", nor
// "zonder" with a noun of its own before the pattern ("zonder indicatie binnenlopen"). Patterns that carry their own negation ("geen terugkoppeling",
// "niet bereikbaar") are never turned off. Where the codebook names the barrier that a
// negated facilitator means (Codebook.Negated: "geen korte lijnen" is
// bereiken.onbereikbaar), that barrier is suggested instead, with the rule
// "negated FACILITATOR: PATTERN" and the span from the negation to the pattern's end.
// An AutoCoder is safe for concurrent use.
type AutoCoder struct {
	codes       *matcher
	calibration *Calibration // the codebook's, if any: see Suggest
	model       *Model       // the codebook's shipped model, if any: model.go
}

// NewAutoCoder compiles the patterns of every code in cb. It fails, naming the code and
// the pattern, when a pattern cannot match (no letters, or a * inside a word), and when
// Codebook.Negated names a code that is not in the codebook.
func NewAutoCoder(cb *Codebook) (*AutoCoder, error) {
	var rules []rule
	var errs []error
	known := map[string]Valence{}
	for _, f := range cb.Factors {
		for _, c := range f.Codes {
			known[c.ID] = c.Valence
		}
	}
	for fac, bar := range cb.Negated {
		if _, ok := known[fac]; !ok {
			errs = append(errs, model.Reasonf("negated: %q is not a code of the codebook", "negated: %q is geen code van het codeboek", fac))
		}
		if _, ok := known[bar]; !ok {
			errs = append(errs, model.Reasonf("negated: %s: %q is not a code of the codebook", "negated: %s: %q is geen code van het codeboek", fac, bar))
		}
	}
	negs := cb.negationSet()
	for _, f := range cb.Factors {
		for _, c := range f.Codes {
			for _, p := range c.Patterns {
				r, err := compileRule(c.ID, p)
				if err != nil {
					errs = append(errs, model.Reasonf("code %s: %w", "code %s: %v", c.ID, err))
					continue
				}
				r.negatable = !r.exclude && !r.hasNegation(negs)
				r.barrier = c.Valence == Barrier
				if c.Valence == Facilitator {
					r.opposite = cb.Negated[c.ID]
					r.negatedRule = "negated " + c.ID + ": " + p
				}
				rules = append(rules, r)
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return &AutoCoder{codes: newMatcher(rules, negs), calibration: cb.calibrationFor(), model: cb.model}, nil
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
			if r, err := compile(p.ID, s, false); err == nil {
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

// patWord is one word of a compiled pattern: its normalised text, whether it is open (a *
// at its end: any word that starts with text) and, for a plain word, its stem key (any
// word with the same stem, see sameStem).
type patWord struct {
	text, stem string // stem "": the word itself (a partner name)
	open       bool
	gap        bool // "..." before it: up to maxGap other words may stand before it
	irregular  bool // its stem has strong past forms (irregularForms) that start otherwise
}

// maxGap is how many words "..." in a pattern stands for at most: "koppel* ... terug"
// finds "koppelt het morgen terug" (Dutch separable verbs put their particle at the
// clause's end). The gap does not cross a clause break.
const maxGap = 4

// rule is a compiled pattern.
type rule struct {
	id, pattern string
	words       []patWord
	prefix      bool   // * before the first word: the first word may be the end of a compound
	negatable   bool   // the pattern carries no negation of its own
	exclude     bool   // an exclusion ("!pattern"): where it matches, the code's patterns do not count
	barrier     bool   // a barrier's pattern: only a negation before it or in its gap turns it off
	opposite    string // the barrier a negated match suggests, if any
	negatedRule string // the rule name of such a suggestion: "negated ID: PATTERN"

	// Set by newMatcher: id and opposite as indexes of matcher.codeNames, and the rank of
	// (id, pattern) and of (opposite, negatedRule) among all such pairs of the matcher,
	// ordered as strings (compareMatches).
	code, oppCode   int32
	order, oppOrder int32
}

// hasNegation reports whether one of the rule's words is a negation or absence word.
func (r *rule) hasNegation(negs map[string]bool) bool {
	for _, w := range r.words {
		if negs[w.text] || afterNegations[w.text] {
			return true
		}
	}
	return false
}

// compileRule turns a pattern as the codebook writes it into words of normalised text,
// its plain words stemmed.
func compileRule(id, pattern string) (rule, error) {
	p, exclude := strings.CutPrefix(strings.TrimSpace(pattern), "!")
	r, err := compile(id, p, true)
	r.pattern, r.exclude = pattern, exclude
	return r, err
}

// compile is compileRule, with stemming of plain words or (for partner names) without:
// then a plain word matches only itself.
func compile(id, pattern string, stem bool) (rule, error) {
	r := rule{id: id, pattern: pattern}
	s := strings.TrimSpace(pattern)
	if strings.HasPrefix(s, "*") {
		r.prefix = true
		s = strings.TrimLeft(s, "*")
	}
	words := strings.Fields(s)
	if len(words) == 0 {
		return r, model.Reasonf("%w: %q has no words", "%v: %q heeft geen woorden", ErrPattern, pattern)
	}
	gap := false
	for i, w := range words {
		if w == "..." {
			if i == 0 || i == len(words)-1 || gap {
				return r, model.Reasonf("%w: %q: ... may stand only between two words", "%v: %q: ... mag alleen tussen twee woorden staan", ErrPattern, pattern)
			}
			gap = true
			continue
		}
		open := strings.HasSuffix(w, "*")
		w = strings.TrimRight(w, "*")
		if strings.Contains(w, "*") || (w == "" && open) {
			return r, model.Reasonf("%w: %q has a * inside a word; * may stand only at a word's end or before the first word", "%v: %q heeft een * midden in een woord; * mag alleen aan het eind van een woord of vóór het eerste woord staan", ErrPattern, pattern)
		}
		parts := strings.Fields(Normalize(w).Text) // "z'n" is two words
		if len(parts) == 0 {
			return r, model.Reasonf("%w: %q: %q has no letters or digits", "%v: %q: %q heeft geen letters of cijfers", ErrPattern, pattern, w)
		}
		for i, nw := range parts {
			pw := patWord{text: nw, open: open && i == len(parts)-1, gap: gap && i == 0}
			if !pw.open && stem {
				pw.stem = stemKey(nw)
				pw.irregular = len(irregularForms[pw.stem]) > 0
			}
			r.words = append(r.words, pw)
		}
		gap = false
	}
	return r, nil
}

// keys returns the strings the key finder looks for to find the rule: the beginnings the
// pattern can have in the normalised text, after a space unless the rule is a compound.
// Leading function words ("op de hoogte") are taken as they are, followed by the
// beginnings of the first other word, so that a key is rarely a bare short word.
func (r *rule) keys() []string {
	i := r.leadWords()
	lead := ""
	for _, w := range r.words[:i] {
		lead += w.text + " "
	}
	w := r.words[i]
	var begins []string
	if w.open || w.stem == "" {
		begins = []string{w.text}
	} else {
		begins = stemPrefixes(w.stem)
		if !strings.HasPrefix(w.text, w.stem) {
			begins = append(begins, w.text) // a stem that is not a beginning of the word
		}
		begins = append(begins, irregularForms[w.stem]...) // "kreeg" for "krijgen"
		for _, b := range begins {
			// A past participle, "gebeld"; for a compound pattern too: "geversnipperd"
			// has the stem of "*versnippering" only with its "ge" (matchesWith), so the
			// key must find the word there, not at "versnipperd" inside it.
			begins = append(begins, "ge"+b)
		}
	}
	if r.prefix {
		return begins
	}
	out := make([]string, len(begins))
	for j, b := range begins {
		out[j] = " " + lead + b
	}
	return out
}

// leadWords returns how many leading function words keys takes as they are: the key
// ends in the word after them.
func (r *rule) leadWords() int {
	i := 0
	if !r.prefix {
		for i < len(r.words)-1 && !r.words[i].open && !r.words[i+1].gap && functionWords[r.words[i].text] {
			i++
		}
	}
	return i
}

// lastStems remembers the stem keys of the last word looked up (stemsOf) in one call
// of find: the rules of one key all look at the same first word.
type lastStems struct {
	w  string
	ks []string
}

func (c *lastStems) of(w string) []string {
	if c.ks == nil || c.w != w {
		c.w, c.ks = w, stemsOf(w)
	}
	return c.ks
}

// matchesWith reports whether the word w of the text is the pattern word pw, taking
// the word's stems from c.
func (pw *patWord) matchesWith(w string, c *lastStems) bool {
	switch {
	case pw.open:
		return strings.HasPrefix(w, pw.text)
	case w == pw.text:
		return true
	case pw.stem == "":
		return false
	}
	// A word with the stem starts with all of it but its last two letters (the stemmer
	// changes only the end: "afspraak" is "afsprak"), after "ge" in a participle; most
	// candidate words fail here, without the stemmer or its cache.
	head := pw.stem[:max(len(pw.stem)-2, 1)]
	if !strings.HasPrefix(w, head) && !(strings.HasPrefix(w, "ge") && strings.HasPrefix(w[2:], head)) && !(pw.irregular && irregularVerbs[w] != "") {
		return false
	}
	return slices.Contains(c.of(w), pw.stem)
}

// normBuf holds the buffers of one normalised text, reused across calls of find.
type normBuf struct {
	n Normalized

	// find's scratch, kept between calls: none of it is returned.
	src         []exclusion
	cand        []int
	isDerived   []int
	hits, spare []keyHit
	out         []found
	written     []int // dropOverruled's
}

var normBufs = sync.Pool{New: func() any { return new(normBuf) }}

type matcher struct {
	ac        *keyFinder // nil without patterns
	keys      []keyRules // key index -> rules with that key
	keyText   []string   // key index -> the key
	rules     []rule
	negations map[string]bool
	negFirst  [256]bool // the first bytes of negations
	negSet    *wordSet  // negations as a wordSet
	codeNames []string  // the codes (or partners) of the rules and their opposites
}

func newMatcher(rules []rule, negations map[string]bool) *matcher {
	m := &matcher{rules: rules, negations: negations, negSet: newWordSet(negations)}
	m.rankRules()
	for w := range negations {
		if w != "" {
			m.negFirst[w[0]] = true
		}
	}
	idx := map[string]int{}
	var patterns []string
	for i := range rules {
		seen := map[string]bool{}
		for _, key := range rules[i].keys() {
			if seen[key] {
				continue
			}
			seen[key] = true
			k, ok := idx[key]
			if !ok {
				k = len(patterns)
				idx[key] = k
				patterns = append(patterns, key)
				m.keys = append(m.keys, keyRules{})
			}
			m.keys[k].add(&rules[i], i)
		}
	}
	if len(patterns) > 0 {
		m.ac = newKeyFinder(patterns)
	}
	m.keyText = patterns
	return m
}

// rankRules numbers the codes of m's rules (rule.code, rule.oppCode, matcher.codeNames)
// and ranks their (code, rule name) pairs as strings compare (rule.order, rule.oppOrder),
// so that findCounted compares and orders matches by integers.
func (m *matcher) rankRules() {
	type pair struct{ code, name string }
	codeIDs := map[string]int32{}
	codeOf := func(c string) int32 {
		id, ok := codeIDs[c]
		if !ok {
			id = int32(len(m.codeNames))
			codeIDs[c] = id
			m.codeNames = append(m.codeNames, c)
		}
		return id
	}
	var pairs []pair
	for i := range m.rules {
		r := &m.rules[i]
		r.code = codeOf(r.id)
		pairs = append(pairs, pair{r.id, r.pattern})
		if r.opposite != "" {
			r.oppCode = codeOf(r.opposite)
			pairs = append(pairs, pair{r.opposite, r.negatedRule})
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		return cmp.Or(strings.Compare(a.code, b.code), strings.Compare(a.name, b.name))
	})
	pairs = slices.Compact(pairs)
	rank := func(code, name string) int32 {
		k, _ := slices.BinarySearchFunc(pairs, pair{code, name}, func(a, b pair) int {
			return cmp.Or(strings.Compare(a.code, b.code), strings.Compare(a.name, b.name))
		})
		return int32(k)
	}
	for i := range m.rules {
		r := &m.rules[i]
		r.order = rank(r.id, r.pattern)
		if r.opposite != "" {
			r.oppOrder = rank(r.opposite, r.negatedRule)
		}
	}
}

func (m *matcher) find(text string) []Match {
	ms, _ := m.findCounted(text)
	return ms
}

// findCounted is find, and returns the work it did (Normalized.work): the linearity test
// counts it.
func (m *matcher) findCounted(text string) (_ []Match, work int) {
	if m == nil || m.ac == nil || text == "" {
		return nil, 0
	}
	buf := normBufs.Get().(*normBuf)
	nv := normalizeInto(text, buf.n)
	n := &nv // passed on by pointer: a copy of its nine slices at every call cost more
	src, cand, isDerived := buf.src[:0], buf.cand[:0], buf.isDerived[:0]
	hits, spare := m.ac.find(n, buf.hits[:0], buf.spare)
	defer func() {
		// n.Text aliases buf.n's bytes: nothing returned refers to it (spans are cut from
		// text).
		buf.n, buf.hits, buf.spare = *n, hits[:0], spare[:0]
		buf.src, buf.cand, buf.isDerived = src[:0], cand[:0], isDerived[:0]
		normBufs.Put(buf)
	}()
	var stems lastStems
	near := 0 // codePointNear's place in n.wide
	// The matches are collected as found (no pointers: the garbage collector neither scans
	// them nor puts a write barrier on their stores, which were a tenth of the instructions
	// per text) in a slice kept between calls, and only those left after the exclusions,
	// the overruled negations and the duplicates are made into the Matches returned.
	out := buf.out[:0]
	// isDerived: the matches a negation turned into their barrier (found.derived), by
	// index; src: per match of out, its rule's code and pattern span (for the
	// exclusions); cand: the rules to check at a hit.
	var excl []exclusion
	var fw following // the words after the key's last word that ends at lastEnd
	lastEnd, lastLimit := -1, 0
	for _, hit := range hits {
		k := int(hit.k)
		// The key's rules that can match here: most fail on the word after the key's
		// last word, and its first bytes tell so (see keyRules). No such word follows at
		// the text's end or a clause break.
		kr := &m.keys[k]
		n.work += 1 + len(kr.free) + len(kr.gapped)
		cand = cand[:0] // after the rules of kr.free, which are tried as they are
		if len(kr.next) > 0 || len(kr.gapped) > 0 {
			// Hits that end in the same word ("ken", "kenn") share the words after it.
			limit := 1
			if len(kr.gapped) > 0 {
				limit = len(fw.starts)
			}
			if e := n.wordEnd(int(hit.end) - 1); e != lastEnd || limit > lastLimit {
				fw.of(n, e, limit)
				lastEnd, lastLimit = e, limit
			}
			if fw.n > 0 {
				if g := byteIndex(kr.bytes, n.Text[fw.starts[0]]); g >= 0 {
					n.work += len(kr.next[g])
					for i := range kr.next[g] {
						if c := &kr.next[g][i]; c.mayFollow(n.Text, &fw, 0) {
							cand = append(cand, c.rule)
						}
					}
				}
				if len(kr.gapped) > 0 && kr.gappedMay(&fw) {
					for i := range kr.gapped {
						if c := &kr.gapped[i]; c.mayFollowIn(n.Text, &fw) {
							cand = append(cand, c.rule)
						}
					}
				}
			}
		}
		for pass, list := 0, kr.free; pass < 2; pass, list = pass+1, cand {
			for _, ri := range list {
				r := &m.rules[ri]
				from, to, ok := r.span(n, int(hit.start), &stems)
				if !ok {
					continue
				}
				if r.exclude {
					excl = append(excl, exclusion{r.code, from, to})
					continue
				}
				derived := false
				pf, pt := from, to
				if askedQuestion(text, n, from, to) || (r.barrier || !r.negatable) && deniedFrame(text, n, from) {
					continue // negation_classes.go: "Mag ik hem bellen als hij spijbelt?"
				}
				if r.negatable && !r.barrier && conceded(text, n, to) {
					continue // "Ik ken haar wel, de gezinsvoogd, maar ze is nooit bereikbaar."
				}
				if r.negatable {
					if cf, ct, neg := m.negated(text, n, from, to, r.barrier, r.opposite != ""); neg {
						if r.opposite == "" {
							continue
						}
						derived = true
						from, to = min(from, cf), max(to, ct)
						if deniedFrame(text, n, from) {
							continue // "Het is niet dat ik niemand vertrouw"
						}
					}
				}
				at, eat, start, end := n.originalBytes(text, from, to, &near)
				f := found{start: int32(start), end: int32(end), at: int32(at), eat: int32(eat), rule: int32(ri), code: r.code, order: r.order}
				if derived {
					f.code, f.order, f.derived = r.oppCode, r.oppOrder, true
					isDerived = append(isDerived, len(out))
				}
				out = append(out, f)
				src = append(src, exclusion{r.code, pf, pt})
			}
		}
	}
	if len(excl) > 0 {
		out, isDerived = dropExcluded(out, src, excl, isDerived, &n.work)
	}
	if len(isDerived) > 0 {
		out, buf.written = dropOverruled(out, isDerived, buf.written, &n.work)
	}
	n.work += sortMatches(out)
	// The same code and span found by two rules is one coding.
	dedup := out[:0]
	for i, x := range out {
		if i > 0 {
			p := dedup[len(dedup)-1]
			if p.code == x.code && p.start == x.start && p.end == x.end {
				continue
			}
		}
		dedup = append(dedup, x)
	}
	res := make([]Match, len(dedup)) // not nil, as before, where no pattern fires
	for i, x := range dedup {
		r := &m.rules[x.rule]
		rname := r.pattern
		if x.derived {
			rname = r.negatedRule
		}
		res[i] = Match{Code: m.codeNames[x.code], Rule: rname, Span: text[x.at:x.eat], Start: int(x.start), End: int(x.end)}
		if n.bad && !utf8.ValidString(res[i].Span) { // spans of valid UTF-8 need no check
			res[i].Span = string([]rune(res[i].Span)) // as the code points count it
		}
	}
	buf.out = out[:0]
	return res, n.work
}

// found is a match as findCounted collects it: its code point range [start, end) in the
// original text and its bytes [at, eat) there, its rule (an index of matcher.rules), its
// code (an index of matcher.codeNames: the rule's, or for a negated facilitator the
// barrier it suggests) and the rank of its code and rule name (rule.order), by which
// matches sort as compareMatches orders them.
type found struct {
	start, end int32
	at, eat    int32
	rule       int32
	code       int32
	order      int32
	derived    bool // the barrier a negated facilitator suggests (rule.negatedRule)
	dropped    bool // dropOverruled's mark
}

// exclusion is the code and the byte range in the normalised text of an exclusion
// pattern's match (or, in find, of the pattern behind a match).
type exclusion struct {
	code     int32 // an index of matcher.codeNames
	from, to int
}

// dropExcluded leaves out every match of out whose pattern's span (src) overlaps the span
// of an exclusion pattern of the same code, and renumbers derived to match; it adds the
// exclusions it compared to *work.
func dropExcluded(out []found, src, excl []exclusion, derived []int, work *int) ([]found, []int) {
	// The exclusions by start, and the longest of them: a pattern's span [from, to) can
	// only overlap those that start before to and after from minus that length (comparing
	// every match with every exclusion made a text with many of both quadratic).
	slices.SortFunc(excl, func(a, b exclusion) int { return cmp.Compare(a.from, b.from) })
	longest := 0
	for _, e := range excl {
		longest = max(longest, e.to-e.from)
	}
	*work += len(excl) * bits.Len(uint(len(excl)))
	keep := out[:0]
	var kept []int
	for i, x := range out {
		s := src[i]
		excluded := false
		k, _ := slices.BinarySearchFunc(excl, s.to, func(e exclusion, to int) int { return cmp.Compare(e.from, to) })
		for k--; k >= 0 && excl[k].from > s.from-longest; k-- {
			*work++
			if e := excl[k]; e.code == s.code && e.from < s.to && s.from < e.to {
				excluded = true
				break
			}
		}
		if excluded {
			continue
		}
		if x.derived {
			kept = append(kept, len(keep))
		}
		keep = append(keep, x)
	}
	return keep, kept
}

// dropOverruled leaves out every match of out at an index in derived (a barrier that a
// negated facilitator suggests) whose span overlaps a match of another code that a pattern
// found as written: the codebook's own pattern says what the negated words mean. "Dat is
// niet mijn taak" is kennen.rollen by the pattern "niet mijn taak", not the negated
// "mijn taak"; "ik weet niet wie ik moet bellen" is kennen.onbekend by "weet niet wie",
// not a negated contact person.
//
// It adds the matches it compared to *work; asWritten is scratch, returned for reuse.
func dropOverruled(out []found, derived []int, asWritten []int, work *int) ([]found, []int) {
	// The matches as written, by start, and the longest of them: a derived match [s, e)
	// can only overlap those that start before e and no earlier than s minus that length.
	asWritten = asWritten[:0]
	longest := int32(0)
	for j := range out {
		if !out[j].derived {
			asWritten = append(asWritten, j)
			longest = max(longest, out[j].end-out[j].start)
		}
	}
	slices.SortFunc(asWritten, func(a, b int) int { return cmp.Compare(out[a].start, out[b].start) })
	dropped := false
	for _, i := range derived {
		x := out[i]
		k, _ := slices.BinarySearchFunc(asWritten, x.end, func(j int, end int32) int { return cmp.Compare(out[j].start, end) })
		for k--; k >= 0 && out[asWritten[k]].start >= x.start-longest; k-- {
			*work++
			if y := out[asWritten[k]]; y.code != x.code && y.end > x.start {
				out[i].dropped, dropped = true, true
				break
			}
		}
	}
	if !dropped {
		return out, asWritten
	}
	keep := out[:0] // in place: a match is written at or before where it was read
	for _, x := range out {
		if !x.dropped {
			keep = append(keep, x)
		}
	}
	return keep, asWritten
}

// compareMatches orders matches by position (start, then end), then code and rule name
// (by their rank, rule.order).
func compareMatches(a, b *found) int {
	if c := cmp.Compare(a.start, b.start); c != 0 {
		return c
	}
	if c := cmp.Compare(a.end, b.end); c != 0 {
		return c
	}
	return cmp.Compare(a.order, b.order)
}

// sortMatches sorts ms by compareMatches. The key finder reports its hits in the order
// of their starts, so the matches come nearly in order: an insertion sort moves few of
// them, where a general sort compared and swapped every one (a tenth of the
// auto-coder's time). It falls back to slices.SortFunc past a few moves per match, so
// a text whose matches come out of order is sorted in n log n all the same. Matches
// that compare equal are the same match, so either sort gives the same result.
//
// It returns its work: the matches looked at and moved, or n log n for the general sort.
func sortMatches(ms []found) int {
	moves := 0
	for i := 1; i < len(ms); i++ {
		if compareMatches(&ms[i-1], &ms[i]) <= 0 {
			continue
		}
		x := ms[i]
		j := i
		for j > 0 && compareMatches(&ms[j-1], &x) > 0 {
			ms[j] = ms[j-1]
			j--
		}
		ms[j] = x
		if moves += i - j; moves > 8*len(ms) {
			slices.SortFunc(ms, func(a, b found) int { return compareMatches(&a, &b) })
			return moves + len(ms)*bits.Len(uint(len(ms)))
		}
	}
	return len(ms) + moves
}

// wordEnd returns the byte offset of the space that ends the word around i in t.
func wordEnd(t string, i int) int {
	for i < len(t) && t[i] != ' ' {
		i++
	}
	return i
}

// span checks the rule's words at a key's hit starting at byte s of the normalised
// text, and returns the matched words as a byte range [from, to) of it, whole words,
// without the surrounding spaces. The words of a pattern do not cross a clause break
// ("mail. Dat" is not "mail dat").
func (r *rule) span(n *Normalized, s int, stems *lastStems) (from, to int, ok bool) {
	t := n.Text
	first := s // where the first pattern word starts in the text
	if r.prefix {
		from = s
		for from > 0 && t[from-1] != ' ' {
			from--
		}
	} else {
		first = s + 1 // the key's leading space
		from = first
	}
	end := n.wordEnd(first)
	if !r.words[0].matchesWith(t[first:end], stems) {
		return 0, 0, false
	}
	for i := 1; i < len(r.words); i++ {
		skip := 0 // words a gap may pass over
		if r.words[i].gap {
			skip = maxGap
		}
		for {
			start := end + 1
			if start >= len(t) || n.isBreak(end) {
				return 0, 0, false
			}
			end = n.wordEnd(start)
			if r.words[i].matchesWith(t[start:end], stems) {
				break
			}
			if skip == 0 {
				return 0, 0, false
			}
			skip--
		}
	}
	return from, end, from < end
}

// word returns the word of t that ends at the space at byte end (walking back), and its
// start.
func wordBefore(t string, end int) (string, int) {
	start := end
	for start > 0 && t[start-1] != ' ' {
		start--
	}
	return t[start:end], start
}

// negated reports whether a negation stands shortly before the span [from, to) of the
// normalised text, or an absence word shortly after it, within the same clause, and
// returns the negation's byte range. See AutoCoder for the rules.
func (m *matcher) negated(text string, n *Normalized, from, to int, beforeOnly, hasOpposite bool) (cf, ct int, ok bool) {
	t := n.Text
	// The clause around the span: the spaces of the breaks before and after it.
	lo, hi := 0, len(t)-1
	if k := n.breakBefore(from - 1); k >= 0 {
		lo = k
	}
	if k := n.breakFrom(to); k >= 0 {
		hi = k
	}
	if k := from - 1; k >= 0 && n.isBreak(k) {
		lo = k // a break right before the span
	}
	// Inside: a negation in a pattern's gap ("laat het me niet weten").
	for i := from; i < to; {
		e := n.wordEnd(i)
		if w := t[i:e]; m.isNegation(w) || isAfterNegation(w) {
			return i, e, true
		}
		i = e + 1
	}
	// Before: walk back word by word from the space before the span to the clause start
	// (at most 12 words); a negation counts within negationBefore words, or anywhere when
	// "om" or "idee" follows it before the span ("het lukt niet om ...", "geen idee wat
	// ze doen"), and "vroeger" anywhere in the clause of a facilitator ("vroeger kon je de
	// wijkagent rechtstreeks bellen", "vroeger hadden we elke maand een buurtnetwerk": not
	// any more; the present state is what is coded). A barrier's pattern looks only
	// before itself and at the clause's end: "privacy, daar mag ik niets over zeggen" is
	// still privacy.
	end := from - 1
	sawOm := false
	for w := 0; end > lo && w <= 12; w++ {
		word, start := n.wordBefore(end)
		if word == "maar" {
			if ws, ok := wishBefore(t, start, lo); ok {
				return ws, end, true // "was het maar zo dat we korte lijnen hadden"
			}
			break
		}
		if word == "vroeger" {
			if !beforeOnly && m.isNegation(word) {
				return start, end, true
			}
		} else if (w < negationBefore || sawOm) && m.isNegation(word) && !bothWays(t, start, lo) {
			if next := t[end+1 : n.wordEnd(end+1)]; !notNegatingSet.has(next) && !notAbout(t, start, lo, word, next) && !zonderElse(t, end, from, word, next) {
				return start, end, true
			}
		}
		if word == "om" || word == "idee" {
			sawOm = true
		}
		end = start - 1
	}
	// After: "we kennen elkaar niet", "terugkoppeling ontbreekt", but not "niet alleen";
	// and a clause that ends in "niet" or "nooit" ("een appgroep met de politie hebben
	// wij niet").
	sp := to                 // the space after the span
	last, ls, le := "", 0, 0 // the clause's last word that is not a filler
	demonstrative := false   // "dat" or "die" right after the span: see below
	if contrasted(t, to, hi) {
		// "omdat de vader hem vertrouwde en mij niet": the negation is the other half's.
		hi = to
	}
	for w, k := 0, 0; sp < hi && k < 10; k++ {
		start := sp + 1
		e := n.wordEnd(start)
		word := t[start:e]
		sp = e
		if word == "maar" || stopWords.has(word) {
			// "Ik vertrouw dat gewoon niet", "ik vertrouw die jongen niet": right after
			// the pattern "dat" and "die" may be a demonstrative, not the start of another
			// clause; it is one when the clause ends in "niet" or "nooit", since a clause
			// that "dat" or "die" starts ends in its verb, and when no subject pronoun
			// follows it ("de sociale kaart die we hebben klopt niet meer" is a relative
			// clause). No absence word is looked for after it ("ik vertrouw dat niemand
			// het doorvertelt").
			if k == 0 && (word == "dat" || word == "die") && e < hi && !pronounSet.has(t[e+1:n.wordEnd(e+1)]) {
				demonstrative = true
				continue
			}
			last = ""
			break
		}
		filler := fillerWords.has(word)
		if !filler {
			last, ls, le = word, start, e
		}
		// A barrier that is said to be no problem: "privacy is bij ons nooit een
		// probleem", "van wachtlijsten hebben we geen last".
		if beforeOnly && (word == "geen" || word == "nooit" || word == "niet" || rarelySet.has(word)) && noProblem(t, e, hi) {
			return start, e, true
		}
		if beforeOnly && fallsShort(t, word, e, hi) { // "de wachtlijst valt wel mee"
			return start, e, true
		}
		if beforeOnly || demonstrative || w >= negationAfter {
			continue
		}
		if filler {
			continue // "terugkoppeling krijg ik eigenlijk nooit": they do not count
		}
		w++
		if isAfterNegation(word) && !bothWays(t, start, to) {
			if e < hi {
				if next := t[e+1 : n.wordEnd(e+1)]; next == "alleen" || next == "altijd" {
					return 0, 0, false
				}
			}
			return start, e, true
		}
	}
	if sp >= hi && (last == "niet" || last == "nooit" || rarelySet.has(last) || (!beforeOnly && endedSet.has(last))) && !bothWays(t, ls, to) {
		return ls, le, true
	}
	if s, e, ok := frontedDenied(text, n, lo, hi, from, to); ok { // negation_classes.go
		return s, e, true
	}
	// A question answered with no: "Wantrouwen tussen school en wijkteam? Nee, dat heb ik
	// nooit gemerkt." "Wachtlijsten? Daar hebben wij nooit last van." (a barrier).
	if hi < len(t)-1 && n.isBreak(hi) && questionAt(n.punctAfter(text, hi), &n.work) {
		if s, e, ok := deniedAnswer(n, hi, beforeOnly); ok {
			return s, e, true
		}
		if s, e, ok := questionsThenDenied(text, n, hi, beforeOnly); ok {
			return s, e, true
		}
	}
	// A topic taken up again after a break: "Terugkoppeling naar verwijzers, ja, daar zijn
	// we slecht in." "Korte lijnen, die hebben we hier niet."
	if hi < len(t)-1 && n.isBreak(hi) && punctAt(n.punctAfter(text, hi), ",;", &n.work) && topicClause(text, n, lo, from) {
		if s, e, ok := m.resumedDenied(n, hi, beforeOnly); ok {
			return s, e, true
		}
	}
	// A short answer right after: "Terugkoppeling? Nooit." "Overleg? Niks meer."
	if to < len(t) && n.isBreak(to) {
		sp := to
		for w := 0; w < 3 && sp+1 < len(t); w++ {
			start := sp + 1
			e := n.wordEnd(start)
			switch t[start:e] {
			case "nooit", "niks", "niets", "nul":
				return start, e, true
			case "ho", "vergeet": // "Terugkoppeling? Ho maar." "Overleggen? Vergeet het maar."
				if rest := t[e:]; strings.HasPrefix(rest, " maar") || strings.HasPrefix(rest, " het maar") {
					return start, e, true
				}
			}
			if n.isBreak(e) {
				break
			}
			sp = e
		}
	}
	// A wish right after: "Goed bereikbaar? Was het maar zo."
	if rest := t[to:min(len(t), to+24)]; strings.HasPrefix(rest, " was het maar") || strings.HasPrefix(rest, " was dat maar") {
		return to + 1, to + 13, true
	}
	return 0, 0, false
}

// bothWays reports whether the word "niet" that starts at byte start of t follows "wel
// en" or "wel of" after byte lo: "wat het wijkteam wel en niet doet" says what it does
// and does not do, "of hij wel of niet komt" leaves it open; neither is a negation.
func bothWays(t string, start, lo int) bool {
	if start-1 <= lo || !strings.HasPrefix(t[start:], "niet") {
		return false
	}
	conj, cs := wordBefore(t, start-1)
	if (conj != "en" && conj != "of") || cs-1 <= lo {
		return false
	}
	wel, _ := wordBefore(t, cs-1)
	return wel == "wel"
}

// contrasted reports whether the clause after the span [.., to) of t, up to the break
// at hi, is a contrast that leaves out its verb: "en" or "of", one word (or an article
// and a word) and "niet" or "nooit" at the clause's end ("omdat de vader hem vertrouwde
// en mij niet", "het wijkteam koppelt terug en de school niet"). The negation is the
// other half's, not the pattern's.
func contrasted(t string, to, hi int) bool {
	var ws [4]string
	n, sp := 0, to
	for sp < hi && n < len(ws) {
		e := wordEnd(t, sp+1)
		ws[n] = t[sp+1 : e]
		n++
		sp = e
	}
	if sp < hi || n < 3 || (ws[0] != "en" && ws[0] != "of") || (ws[n-1] != "niet" && ws[n-1] != "nooit") {
		return false
	}
	return n == 3 || (n == 4 && (ws[1] == "de" || ws[1] == "het" || ws[1] == "een"))
}

// zonderElse reports whether the negation word "zonder", whose word ends at the space at
// byte end of t, is without something else than the pattern at byte from: "zonder" takes
// a noun phrase, and "je kunt zonder indicatie binnenlopen" is walking in without a
// referral, not not walking in. Articles and the adjectives of a noun phrase ("zonder een
// vaste contactpersoon", "zonder goede afspraken") may stand between; "zonder dat" starts a
// clause, which it negates.
func zonderElse(t string, end, from int, word, next string) bool {
	if word != "zonder" || next == "dat" {
		return false
	}
	for sp := end; sp+1 < from; {
		e := wordEnd(t, sp+1)
		if !zonderModifiers[t[sp+1:e]] {
			return true
		}
		sp = e
	}
	return false
}

// zonderModifiers are the words that may stand between "zonder" and the noun it takes.
var zonderModifiers = map[string]bool{
	"een": true, "de": true, "het": true, "enig": true, "enige": true, "echt": true, "echte": true,
	"goed": true, "goede": true, "duidelijk": true, "duidelijke": true, "vast": true, "vaste": true,
	"eigen": true, "zo": true, "n": true, "ook": true, "nog": true, "meer": true, "zijn": true, "haar": true,
	"hun": true, "mijn": true, "onze": true, "ons": true,
}

// notAbout reports whether the negation word that starts at byte start of t, followed by
// next, says "it is not about": "het gaat niet om dat appje" does not say the app is
// missing. It is "niet om" after "gaat", "ging" or "draait" (with at most one pronoun
// between: "het gaat mij niet om").
func notAbout(t string, start, lo int, word, next string) bool {
	if word != "niet" || next != "om" {
		return false
	}
	for i, end := 0, start-1; i < 2 && end > lo; i++ {
		w, ws := wordBefore(t, end)
		switch w {
		case "gaat", "ging", "draait", "draaide":
			return true
		}
		if !afterFillers[w] {
			return false
		}
		end = ws - 1
	}
	return false
}

// noProblem reports whether the words after the space at byte sp of t, before the break
// at hi, say that something is no problem or no bother: after "geen", "nooit" or "niet",
// "probleem", "last", "punt" or "issue", with up to three of "een", "enkel", "zo'n",
// "echt", "het", "groot" between ("geen enkel probleem", "niet zo'n issue", "niet echt
// een probleem").
func noProblem(t string, sp, hi int) bool {
	for i := 0; i < 4 && sp < hi; i++ {
		e := wordEnd(t, sp+1)
		switch t[sp+1 : e] {
		case "probleem", "problemen", "last", "punt", "issue":
			return true
		case "een", "enkel", "enkele", "zo", "n", "echt", "het", "groot", "grote":
			sp = e
			continue
		}
		return false
	}
	return false
}

// deniedAnswer looks at the clause after the break at byte hi of t: it denies what the
// clause before asked when it starts with "nee", or, for a barrier, says it is no problem
// or bother ("Wachtlijsten? Daar hebben wij nooit last van."). It returns the byte range
// of the denying words.
func deniedAnswer(n *Normalized, hi int, barrier bool) (s, e int, ok bool) {
	t := n.Text
	sp := hi
	for k := 0; k < 12 && sp+1 < len(t); k++ {
		start := sp + 1
		end := n.wordEnd(start)
		word := t[start:end]
		if k == 0 && (word == "nee" || word == "niet" && notReally(t, end, len(t)-1)) {
			return start, end, true // "Opgeleverd? Niet echt."
		}
		if barrier && fallsShort(t, word, end, len(t)-1) {
			return start, end, true // "Wantrouwen? Valt wel mee."
		}
		if !barrier || word == "maar" || stopWords.has(word) {
			return 0, 0, false
		}
		if (word == "geen" || word == "nooit" || word == "niet" || rarelySet.has(word)) && noProblem(t, end, len(t)-1) {
			return start, end, true
		}
		if sp = end; sp >= len(t)-1 || n.isBreak(sp) {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// resumedDenied looks at the clause after the break at byte hi of t, past clauses of a
// single interjection ("ja", "nou"): where it starts with "daar", "dat" or "die", it takes
// up the clause before as its topic, the left dislocation of spoken Dutch ("Terugkoppeling
// naar verwijzers, ja, daar zijn we slecht in"), and a negation in it denies the topic. For
// a facilitator any negation of the clause counts (and "schiet erbij in", it falls by the
// wayside); for a barrier, as in its own clause, only one at the clause's end or one that
// says it is no problem ("Dat zwarte gat, nou, dat herken ik niet"; "Privacy, daar mag ik
// niets over zeggen" is still privacy). It returns the byte range of the denying word.
func (m *matcher) resumedDenied(n *Normalized, hi int, barrier bool) (s, e int, ok bool) {
	t := n.Text
	sp := hi
	for k := 0; k < 3 && sp+1 < len(t); k++ {
		end := n.wordEnd(sp + 1)
		if !interjectionSet.has(t[sp+1:end]) || !n.isBreak(end) {
			break
		}
		sp = end
	}
	if sp+1 >= len(t) {
		return 0, 0, false
	}
	end := n.wordEnd(sp + 1)
	switch t[sp+1 : end] {
	case "daar", "dat", "die":
	default:
		return 0, 0, false
	}
	last, ls, le := "", 0, 0
	schiet := false
	for k := 0; k < 12 && end < len(t)-1 && !n.isBreak(end); k++ {
		start := end + 1
		end = n.wordEnd(start)
		w := t[start:end]
		if w == "maar" || stopWords.has(w) {
			return 0, 0, false // another clause starts: "dat is wat ik niet weet"
		}
		if !fillerWords.has(w) {
			last, ls, le = w, start, end
		}
		next := ""
		if end < len(t)-1 && !n.isBreak(end) {
			next = t[end+1 : n.wordEnd(end+1)]
		}
		switch {
		case barrier:
			if (w == "geen" || w == "nooit" || w == "niet") && noProblem(t, end, len(t)-1) || fallsShort(t, w, end, len(t)-1) {
				return start, end, true
			}
		case (m.isNegation(w) || isAfterNegation(w)) && !notNegatingSet.has(next) && w != "vroeger":
			return start, end, true
		case w == "schiet" || w == "schieten" || w == "schoot":
			schiet = true
		case schiet && w == "erbij" && next == "in":
			return start, end, true
		}
	}
	if barrier && (last == "niet" || last == "nooit") {
		return ls, le, true
	}
	return 0, 0, false
}

// conceded reports whether the facilitator's pattern that ends at byte to of the
// normalised text is conceded only to be outweighed: "wel" ends its clause (after at most
// one pronoun or adverb) and "maar" follows in the same sentence or starts the next ("Ik
// ken haar wel, de gezinsvoogd, maar ze is nooit bereikbaar"; "Die ken ik wel. Maar als zij
// er niet is, ..."). Such a concession is not coded, nor the barrier its negation would be.
func conceded(text string, n *Normalized, to int) bool {
	t := n.Text
	sp := to
	for k := 0; k < 2 && sp < len(t)-1 && !n.isBreak(sp); k++ {
		e := n.wordEnd(sp + 1)
		w := t[sp+1 : e]
		sp = e
		if w == "wel" {
			if !n.isBreak(sp) {
				return false
			}
			ended := punctAt(n.punctAfter(text, sp), ".!?", &n.work)
			for j := 0; j < 12 && sp < len(t)-1; j++ {
				e := n.wordEnd(sp + 1)
				if t[sp+1:e] == "maar" {
					return true
				}
				if ended {
					return false // the next sentence does not start with "maar"
				}
				if sp = e; n.isBreak(sp) && punctAt(n.punctAfter(text, sp), ".!?", &n.work) {
					ended = true
				}
			}
			return false
		}
		if !fillerWords.has(w) {
			return false
		}
	}
	return false
}

// topicClause reports whether the pattern at byte from of the normalised text starts the
// clause that starts after the space at lo (at most an article or a demonstrative before
// it), and that clause starts a sentence: a topic, as in "Korte lijnen, die hebben we
// niet", not a clause of its own, as in "die jongen vertrouwt mij, dat ga ik niet uit
// handen geven".
func topicClause(text string, n *Normalized, lo, from int) bool {
	t := n.Text
	if lo > 0 && !punctAt(n.punctAfter(text, lo), ".!?:", &n.work) && !answerBefore(text, n, lo) {
		return false
	}
	for start := lo + 1; start < from; {
		end := n.wordEnd(start)
		if !determinerSet.has(t[start:end]) {
			return false
		}
		start = end + 1
	}
	return true
}

// topicDeterminers may stand before the pattern of a topic ("Het overleg met school, dat
// is er niet meer").
var topicDeterminers = map[string]bool{
	"de": true, "het": true, "een": true, "dat": true, "die": true, "dit": true, "deze": true,
	"onze": true, "ons": true, "hun": true, "mijn": true, "en": true, "nou": true, "ja": true,
}

// punctAt reports whether the punctuation at the start of rest (Normalized.punctAfter), up to
// the next letter or digit, holds one of the characters of any and none of the sentence ends
// (. ! ?) unless any holds them. It adds the bytes it read to *work (Normalized.work).
func punctAt(rest string, any string, work *int) bool {
	found := false
	i := 0
	for i < len(rest) {
		c := rest[i]
		if c < utf8.RuneSelf { // ASCII, most punctuation: by table, without decoding
			switch {
			case asciiFold[c] != 0: // a letter or digit
				*work += i + 1
				return found
			case hasByte(any, c):
				found = true
			case c == '.' || c == '!' || c == '?':
				*work += i + 1
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(rest[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		if strings.ContainsRune(any, r) {
			found = true
		}
		i += size
	}
	*work += i + 1
	return found
}

// byteIndex is strings.IndexByte without its call, for the few bytes of keyRules.bytes.
func byteIndex(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// hasByte reports whether s holds c: strings.IndexByte without its call, for the few
// bytes of a set of punctuation or of keyRules.bytes.
func hasByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

// interjections are the words that may make a clause of their own between a topic and the
// clause that takes it up again ("Terugkoppeling, ja, daar ...").
var interjections = map[string]bool{"ja": true, "nou": true, "tja": true, "eh": true, "ehm": true, "hm": true, "goh": true, "hoor": true}

// fallsShort reports whether word, which ends at the space at byte sp of t, is a form of
// "meevallen" said of a barrier: "valt" or "viel" (plural too) with "mee" within three words
// before the break at hi ("de wachtlijst valt mee", "Wantrouwen? Valt wel mee, hoor."). It
// is not as bad as feared: no barrier.
func fallsShort(t, word string, sp, hi int) bool {
	if word != "valt" && word != "viel" && word != "vallen" && word != "vielen" {
		return false
	}
	for i := 0; i < 5 && sp < hi; i++ {
		e := wordEnd(t, sp+1)
		switch t[sp+1 : e] {
		case "mee":
			return true
		case "wel", "best", "erg", "heel", "nog", "eigenlijk", "reuze", "ook", "het", "hier", "bij", "ons", "dus", "toch", "nu":
			sp = e
			continue
		}
		return false
	}
	return false
}

// notReally reports whether the word after the space at byte sp of t (before hi) makes a
// "niet" that starts an answer a no: "niet echt", "niet bepaald", "niet zo", "niet
// veel", "niet vaak".
func notReally(t string, sp, hi int) bool {
	if sp >= hi {
		return false
	}
	switch t[sp+1 : wordEnd(t, sp+1)] {
	case "echt", "bepaald", "zo", "veel", "vaak":
		return true
	}
	return false
}

// questionAt reports whether the punctuation at the start of rest (Normalized.punctAfter), up
// to the next letter or digit, holds a question mark. It adds the bytes it read to *work.
func questionAt(rest string, work *int) bool {
	i := 0
	for i < len(rest) {
		c := rest[i]
		if c < utf8.RuneSelf {
			if c == '?' || asciiFold[c] != 0 {
				*work += i + 1
				return c == '?'
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(rest[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		i += size
	}
	*work += i + 1
	return false
}

// notNegating are the words after which a negation says something else: "niet alleen",
// "niet lang" (it did not take long), "geen probleem", "geen moeite", "geen drempel",
// "niet moeilijk" (it is easy).
var notNegating = map[string]bool{
	"alleen": true, "lang": true, "probleem": true, "moeite": true, "drempel": true,
	"moeilijk": true, "lastig": true, "ingewikkeld": true,
}

// afterFillers are the words that do not count towards negationAfter, nor as the last
// word of a clause: the pronouns after an inverted verb ("krijg ik nooit", "vertrouwde
// hem en mij niet") and adverbs that soften ("krijg ik eigenlijk nooit", "wisselt ook
// niet hoor").
var afterFillers = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`ik je jij we wij ze zij hij er het u men mij me hem haar ons jou jullie hun
		eigenlijk echt ook gewoon bijna vaak meestal nog toch hoor helemaal meer dus wel zo altijd
		hier daar`) {
		afterFillers[w] = true
	}
	stopWords, fillerWords, afterSet = newWordSet(afterStops), newWordSet(afterFillers), newWordSet(afterNegations)
	rarelySet, endedSet, notNegatingSet = newWordSet(rarelyWords), newWordSet(endedWords), newWordSet(notNegating)
	pronounSet, interjectionSet, determinerSet = newWordSet(afterPronouns), newWordSet(interjections), newWordSet(topicDeterminers)
}

// afterStops are the words that start another clause after a pattern ("ik weet inmiddels
// dat hij er niet meteen een proces-verbaal van maakt" does not negate "weet
// inmiddels"): no absence word is looked for beyond them.
var afterStops = map[string]bool{
	"dat": true, "omdat": true, "als": true, "wanneer": true, "die": true, "wie": true, "wat": true,
	"waar": true, "of": true, "want": true, "zodat": true, "terwijl": true, "voordat": true,
	"nadat": true, "sinds": true,
}

// afterPronouns are the subject pronouns of a wish ("was het maar", "had ik maar").
var afterPronouns = map[string]bool{"ik": true, "je": true, "jij": true, "we": true, "wij": true, "ze": true, "zij": true, "hij": true, "er": true, "het": true, "u": true, "men": true}

// wishVerbs are the verb forms of a Dutch wish with "maar": "was het maar", "had ik maar",
// "konden we maar", "wist ik maar": what follows is missing.
var wishVerbs = map[string]bool{
	"was": true, "waren": true, "had": true, "hadden": true, "kon": true, "konden": true,
	"wist": true, "wisten": true, "zou": true, "zouden": true, "mocht": true, "mochten": true,
}

// wishBefore reports whether the "maar" that starts at byte start of t ends a wish, a verb
// of wishVerbs and a pronoun right before it, within the clause that starts at lo; it
// returns where the wish starts.
func wishBefore(t string, start, lo int) (int, bool) {
	if start-1 <= lo {
		return 0, false
	}
	pron, ps := wordBefore(t, start-1)
	if !afterPronouns[pron] || ps-1 <= lo {
		return 0, false
	}
	verb, vs := wordBefore(t, ps-1)
	return vs, wishVerbs[verb]
}

// isNegation reports whether a word of the normalised text is one of the matcher's
// negations; the first byte is looked at before the set, since most words start with
// a letter that no negation starts with.
func (m *matcher) isNegation(w string) bool {
	return w != "" && m.negFirst[w[0]] && m.negSet.has(w)
}

// afterFirst holds the first bytes of afterNegations.
var afterFirst = func() (f [256]bool) {
	for w := range afterNegations {
		f[w[0]] = true
	}
	return f
}()

// isAfterNegation reports whether w is one of afterNegations, by its first byte first.
func isAfterNegation(w string) bool {
	return w != "" && afterFirst[w[0]] && afterSet.has(w)
}

// breakBefore returns the byte offset of the last clause break before byte i of the
// normalised text, or -1 (Breaks searched in its bit set).
func (n *Normalized) breakBefore(i int) int {
	j := min(i-1, len(n.brk)*64-1) // the last byte that may be the break
	if j < 0 {
		return -1
	}
	w := j / 64
	x := n.brk[w] & (2<<(j%64) - 1) // the bits up to j; 2<<63 wraps to 0, all bits
	if x == 0 {
		if w = int(n.prevBreakWord(w - 1)); w < 0 {
			return -1
		}
		x = n.brk[w]
	}
	return w*64 + 63 - bits.LeadingZeros64(x)
}

// breakFrom returns the byte offset of the first clause break at or after byte i of the
// normalised text, or -1.
func (n *Normalized) breakFrom(i int) int {
	i = max(i, 0)
	w := i / 64
	if w >= len(n.brk) {
		return -1
	}
	x := n.brk[w] &^ (1<<(i%64) - 1) // the bits from i on
	if x == 0 {
		if w = int(n.nextBreakWord(w + 1)); w < 0 {
			return -1
		}
		x = n.brk[w]
	}
	return w*64 + bits.TrailingZeros64(x)
}

// nextBreakWord returns the first word of n.brk at or after w that holds a break, or -1.
func (n *Normalized) nextBreakWord(w int) int32 {
	n.work++
	if len(n.brkNext) != len(n.brk) {
		n.breakWords()
	}
	if w < 0 || w >= len(n.brkNext) {
		return -1
	}
	return n.brkNext[w]
}

// prevBreakWord returns the last word of n.brk at or before w that holds a break, or -1.
func (n *Normalized) prevBreakWord(w int) int32 {
	n.work++
	if len(n.brkPrev) != len(n.brk) {
		n.breakWords()
	}
	if w < 0 || w >= len(n.brkPrev) {
		return -1
	}
	return n.brkPrev[w]
}

// isBreak reports whether the space at byte i of the normalised text is a clause break.
func (n *Normalized) isBreak(i int) bool {
	u := uint(i) // a negative i is past the end
	if u/64 >= uint(len(n.brk)) {
		return false
	}
	return n.brk[u/64]&(1<<(u%64)) != 0
}
