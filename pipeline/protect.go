package pipeline

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"slices"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/redact"
)

// pseudonymise gives every respondent a pseudonym: the role's abbreviation and a number
// (JW-03), numbered within the role in the order of sha256(salt, real id), where the salt
// is studySalt: real ids often encode the municipality or the order of the interviews
// (JW-B01, JW-B02, JW-L01), and numbers that follow them would show the blocks (issue
// 13). The salt comes from the study's inputs, so the same study always gives the same
// pseudonyms, and an outsider who knows the real ids but not the transcripts and
// answers cannot redo the order. Respondents whose role the codebook does not know get
// "R". It returns the key, real id → pseudonym, sorted by id.
func pseudonymise(d *model.Dataset, cb *codebook.Codebook) [][2]string {
	p := pseudonymiseIDs(d, cb)
	setPseudonyms(d, p)
	return p.key
}

// pseudonyms is what pseudonymiseIDs gives.
type pseudonyms struct {
	key   [][2]string       // real id → pseudonym, sorted by id
	pseud map[string]string // real id → pseudonym
	// of holds the pseudonym of each of the dataset's respondents, by index.
	of []string
}

// setPseudonyms gives every respondent its pseudonym.
func setPseudonyms(d *model.Dataset, p pseudonyms) {
	for i := range d.Respondents {
		d.Respondents[i].Pseudonym = p.of[i]
	}
}

// pseudonymiseIDs is pseudonymise without setting the respondents' pseudonyms: it
// returns the key, the map real id → pseudonym, which renameSegments and protect look
// the pseudonyms up in, and each respondent's pseudonym (setPseudonyms). It only reads
// the dataset, so that the redactor can be built from the respondents at the same time
// (startProtect).
func pseudonymiseIDs(d *model.Dataset, cb *codebook.Codebook) pseudonyms {
	salt := studySalt(d)
	// A person measured in several waves is one id and one pseudonym (so waves can be
	// paired after this stage); the first of its respondents gives the role.
	first := make(map[string]int, len(d.Respondents))
	firstOf := make([]int32, len(d.Respondents)) // each respondent's id's first respondent
	var ids []int                                // the first respondent of each id
	for i, r := range d.Respondents {
		f, ok := first[r.ID]
		if !ok {
			f = i
			first[r.ID] = i
			ids = append(ids, i)
		}
		firstOf[i] = int32(f)
	}
	// Each id's rank, sha256(salt, id), goes with it into its role's list, so that the
	// sort compares ranks without looking them up.
	type ranked struct {
		hi   uint64 // the rank's first 8 bytes, big-endian: compared first, in one step
		rank [32]byte
		i    int // the id's first respondent
	}
	roles := roleMemo(cb)
	byAbbrev := map[string][]ranked{}
	buf := append([]byte(nil), salt[:]...)
	for _, i := range ids {
		abbrev := "R"
		if role, ok := roles(d.Respondents[i].Role); ok && role.Abbrev != "" {
			abbrev = role.Abbrev
		}
		buf = append(buf[:len(salt)], d.Respondents[i].ID...)
		rank := sha256.Sum256(buf)
		byAbbrev[abbrev] = append(byAbbrev[abbrev], ranked{binary.BigEndian.Uint64(rank[:8]), rank, i})
	}
	pseud := make(map[string]string, len(ids))
	of := make([]string, len(d.Respondents))
	for abbrev, idx := range byAbbrev {
		slices.SortFunc(idx, func(a, b ranked) int {
			if a.hi != b.hi { // the order bytes.Compare gives the ranks
				return cmp.Compare(a.hi, b.hi)
			}
			if c := bytes.Compare(a.rank[8:], b.rank[8:]); c != 0 {
				return c
			}
			return naturalCompare(d.Respondents[a.i].ID, d.Respondents[b.i].ID)
		})
		width := max(len(strconv.Itoa(len(idx))), 2)
		// The role's pseudonyms are made in one buffer and taken from one string: one
		// allocation, not four a respondent (on a national study 100,000 respondents).
		var names pieces
		names.grow(len(idx), len(abbrev)+1+width)
		for n := range idx {
			names.buf = append(names.buf, abbrev...)
			names.buf = append(names.buf, '-')
			names.buf = appendZeroPadded(names.buf, n+1, width)
			names.end()
		}
		for n, x := range idx {
			of[x.i] = names.piece(n)
			pseud[d.Respondents[x.i].ID] = of[x.i]
		}
	}
	key := make([][2]string, 0, len(ids))
	for _, i := range ids {
		key = append(key, [2]string{d.Respondents[i].ID, of[i]})
	}
	for i, f := range firstOf {
		of[i] = of[f]
	}
	sortKey(key)
	return pseudonyms{key: key, pseud: pseud, of: of}
}

// sortKey sorts the key by id in natural order. The ids come in the order the inputs
// were read, usually a few sorted runs (the interviewed respondents, then the surveyed
// ones): those are merged. Where two ids compare equal (R01, R1) the order of the two
// depends on the sort, so then the key is sorted as 0.1 sorted it: slices.SortFunc is
// sort.Slice's algorithm (both are generated from one template), without reflection.
func sortKey(key [][2]string) {
	byID := func(a, b [2]string) int { return naturalCompare(a[0], b[0]) }
	merged, ok := mergeRuns(key, byID)
	for i := 1; ok && i < len(merged); i++ {
		ok = byID(merged[i-1], merged[i]) != 0
	}
	if !ok {
		slices.SortFunc(key, byID)
		return
	}
	copy(key, merged)
}

// maxRuns is the most sorted runs mergeRuns merges.
const maxRuns = 5

// mergeRuns returns s sorted by cmp, stably, when s is at most maxRuns sorted runs, by
// merging them; ok is false for more runs.
func mergeRuns[T any](s []T, cmp func(a, b T) int) (sorted []T, ok bool) {
	var ends []int // where each sorted run ends
	for i := 1; i < len(s); i++ {
		if cmp(s[i-1], s[i]) > 0 {
			if ends = append(ends, i); len(ends) >= maxRuns {
				return nil, false
			}
		}
	}
	merged := slices.Clone(s)
	from := 0
	for _, end := range append(ends, len(s)) {
		// merged[:from] is sorted; merge s[from:end] into it.
		a, b := slices.Clone(merged[:from]), s[from:end]
		i, j, k := 0, 0, 0
		for i < len(a) && j < len(b) {
			if cmp(a[i], b[j]) <= 0 {
				merged[k], i = a[i], i+1
			} else {
				merged[k], j = b[j], j+1
			}
			k++
		}
		k += copy(merged[k:], a[i:])
		copy(merged[k:], b[j:])
		from = end
	}
	return merged, true
}

// renameSegments replaces segment ids, which often carry a respondent's real id
// ("R01-03"), by the respondent's pseudonym and a number ("JW-03/007"), in the segments
// and their codings.
func renameSegments(d *model.Dataset) {
	pseud := map[string]string{}
	for _, r := range d.Respondents {
		pseud[r.ID] = r.Pseudonym
	}
	renameSegmentsBy(d, pseud)
}

// renameSegmentsBy is renameSegments with the map real id → pseudonym given. It returns
// per coding the position of its segment in d.Segments (-1 for a segment not listed),
// found by the lookup that renames the coding's segment (protected.Dataset.CodingSegment).
func renameSegmentsBy(d *model.Dataset, pseud map[string]string) []int32 {
	next := map[string]int{}
	pos := make(map[string]int32, len(d.Segments)) // old id -> position among the kept
	// The same segment can come from two exports (one per coder): keep it once.
	kept := d.Segments[:0]
	for _, s := range d.Segments {
		if _, dup := pos[s.ID]; !dup {
			pos[s.ID] = int32(len(kept))
			kept = append(kept, s)
		}
	}
	d.Segments = kept
	// The new ids are made in one buffer and taken from one string (see pseudonymiseIDs).
	var names pieces
	names.grow(len(d.Segments), 12)
	for i := range d.Segments {
		p := pseud[d.Segments[i].Respondent]
		if p == "" {
			p = "R"
		}
		next[p]++
		names.buf = append(names.buf, p...)
		names.buf = append(names.buf, '/')
		names.buf = appendZeroPadded(names.buf, next[p], 3)
		names.end()
	}
	for i := range d.Segments {
		s := &d.Segments[i]
		s.ID = names.piece(i)
	}
	segmentOf := make([]int32, len(d.Codings))
	for i := range d.Codings {
		segmentOf[i] = -1
		if n, ok := pos[d.Codings[i].Segment]; ok {
			d.Codings[i].Segment = d.Segments[n].ID
			segmentOf[i] = n
		}
	}
	return segmentOf
}

// zeroPadded is fmt.Sprintf("%0*d", width, n) for n >= 0, without fmt's cost per call.
func zeroPadded(n, width int) string {
	return string(appendZeroPadded(nil, n, width))
}

// appendZeroPadded appends zeroPadded(n, width) to b.
func appendZeroPadded(b []byte, n, width int) []byte {
	var digits [20]byte
	s := strconv.AppendInt(digits[:0], int64(n), 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// pieces builds many short strings in one buffer and takes them from one string made
// of it, so that they cost one allocation, not one each: the pseudonyms and segment ids
// of a national study are 150,000 strings.
type pieces struct {
	buf  []byte
	ends []int
	all  string
}

// grow makes room for n pieces of about size bytes each.
func (p *pieces) grow(n, size int) {
	p.buf = slices.Grow(p.buf, n*size)
	p.ends = slices.Grow(p.ends, n)
}

// end ends the piece being appended to buf.
func (p *pieces) end() { p.ends = append(p.ends, len(p.buf)) }

// piece returns the i-th piece; after the first call no piece may be added.
func (p *pieces) piece(i int) string {
	if len(p.all) != len(p.buf) {
		p.all = string(p.buf)
	}
	from := 0
	if i > 0 {
		from = p.ends[i-1]
	}
	return p.all[from:p.ends[i]]
}

// naturalLess orders ids so that R2 comes before R10 (see naturalCompare).
func naturalLess(a, b string) bool { return naturalCompare(a, b) < 0 }

// naturalCompare is -1, 0 or 1 as a sorts before, with or after b in the natural order
// of ids: digit runs by their value (R2 before R10; R01 and R1 alike), other bytes as
// bytes. The common start of a and b, up to the digit run it ends in, orders nothing
// (its digit runs are the same in both), so the comparison starts after it: ids that
// share a long start ("R0001", "R0002") are compared on their last digits only.
func naturalCompare(a, b string) int {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	for p > 0 && a[p-1] >= '0' && a[p-1] <= '9' {
		p--
	}
	return naturalCompareFrom(a[p:], b[p:])
}

func naturalCompareFrom(a, b string) int {
	for a != "" && b != "" {
		da, db := leadingDigits(a), leadingDigits(b)
		if da != "" && db != "" {
			na, nb := strings.TrimLeft(da, "0"), strings.TrimLeft(db, "0")
			if len(na) != len(nb) {
				return cmp.Compare(len(na), len(nb))
			}
			if na != nb {
				return strings.Compare(na, nb)
			}
			a, b = a[len(da):], b[len(db):]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

func leadingDigits(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// protect is the protect stage: it gives every respondent a pseudonym, renames the
// segments, and returns the protected dataset, in which every free text that can reach
// an output (segment texts, document names, spans, raw code names, file names, reject
// values and reasons) is redacted and no real id or name is left. rel makes input paths
// relative to the study folder. It returns the pseudonym key as well (real id →
// pseudonym), for the key file only.
func protect(d *model.Dataset, cb *codebook.Codebook, r *redact.Redactor, rel func(string) string) (protected.Dataset, [][2]string) {
	return protectWith(d, cb, aheadOf(d, r), rel)
}

// protectWith is protect with the redactor and the segments' redacted texts coming
// from startProtect: the pseudonyms are given (salt, sort) and the segments renamed
// while they are computed, and everything but the segments' texts and the codings'
// spans is redacted while the segments are (on a national study a few tenths of a
// second of each).
func protectWith(d *model.Dataset, cb *codebook.Codebook, ahead *aheadWork, rel func(string) string) (protected.Dataset, [][2]string) {
	ps := pseudonymiseIDs(d, cb)
	key, pseud := ps.key, ps.pseud
	segmentOf := renameSegmentsBy(d, pseud)
	r := ahead.redactor()
	setPseudonyms(d, ps) // now that the redactor no longer reads the respondents
	// The short texts (municipalities, roles, attributes, file and document names, code
	// names) repeat over thousands of rows: each distinct one is redacted once. A
	// Redactor is a pure function of the text, so this changes nothing but the time.
	redacted := map[string]string{}
	redactOnce := func(s string) string {
		out, ok := redacted[s]
		if !ok {
			out = r.RedactWithPaths(s) // a reason or value may name a file (published_paths.go)
			redacted[s] = out
		}
		return out
	}
	codeNames := map[string]string{}
	var publishCode func(string) string
	codeName := func(s string) string {
		out, ok := codeNames[s]
		if !ok {
			if publishCode == nil {
				publishCode = codeNameRedactor(d, cb, r)
			}
			out = publishCode(redactOnce(s))
			codeNames[s] = out
		}
		return out
	}
	var p protected.Dataset
	p.Respondents = make([]protected.Respondent, len(d.Respondents))
	for i, x := range d.Respondents {
		var attrs map[string]string
		if len(x.Attributes) > 0 {
			attrs = make(map[string]string, len(x.Attributes))
			for k, v := range x.Attributes {
				attrs[k] = redactOnce(v)
			}
		}
		p.Respondents[i] = protected.Respondent{
			// Role and municipality as read are free text too: a name or a phone number
			// typed into the column is redacted like any other.
			Pseudonym: x.Pseudonym, Municipality: redactOnce(x.Municipality), Role: redactOnce(x.Role),
			Attributes: attrs, Wave: x.Wave,
		}
	}
	file := newFilePublisher(r, rel, d.Files).name // published_paths.go
	document := onceBy(r.RedactPath)               // a document is mostly named as its file
	p.Segments = make([]protected.Segment, len(d.Segments))
	for i, x := range d.Segments {
		p.Segments[i] = protected.Segment{
			ID: x.ID, Respondent: pseud[x.Respondent], Document: document(x.Document),
			Start: x.Start, End: x.End, Interviewer: x.Interviewer,
			OpenAnswer: x.OpenAnswer, Source: file(x.Source), Wave: x.Wave, // Text: below
		}
	}
	var spans []int // the codings with a span, published once the texts are redacted
	p.CodingSegment = segmentOf
	p.Codings = make([]protected.Coding, len(d.Codings))
	for i, x := range d.Codings {
		c := protected.Coding{
			Segment: x.Segment, Code: x.Code, Raw: x.Raw, Coder: x.Coder, Rule: x.Rule,
			SpanStart: x.SpanStart, SpanEnd: x.SpanEnd, Source: file(x.Source), Probability: x.Probability,
			Confidence: x.Confidence, Held: x.Held,
		}
		if x.Raw != "" {
			c.Raw = codeName(x.Raw) // code_names.go
		}
		if x.Span != "" {
			spans = append(spans, i)
		}
		p.Codings[i] = c
	}
	p.Survey = protected.FromModel(&d.Survey, func(k model.RespondentKey) string { return pseud[k.ID] })
	p.Rejects = make([]protected.Reject, len(d.Rejects))
	for i, x := range d.Rejects {
		value, reason, reasonNL := x.Value, x.Reason(), x.ReasonIn("nl")
		if x.IsID {
			// A rejected row's id is a real id whatever its form (digits, an e-mail
			// address, "piet.jansen"), though the redactor takes only name-like ids for
			// names: the reject shows a placeholder where the reasons quote it.
			q := strconv.Quote(x.Value)
			reason = strings.ReplaceAll(reason, q, strconv.Quote(hiddenID))
			reasonNL = strings.ReplaceAll(reasonNL, q, strconv.Quote(hiddenID))
			value = hiddenID
		}
		p.Rejects[i] = protected.Reject{
			File: file(x.File), Location: redactOnce(publishedLocation(x, r)), Value: redactOnce(value), // published_paths.go
			Reason: redactOnce(reason), ReasonNL: redactOnce(reasonNL), Err: x.Err, Cell: x.Cell, Item: x.Item,
		}
	}
	p.Files = make([]model.FileCount, len(d.Files))
	for i, f := range d.Files {
		f.Path, f.Sheet = file(f.Path), r.RedactPath(f.Sheet)
		p.Files[i] = f
	}
	a := ahead.wait()
	for i := range p.Segments {
		p.Segments[i].Text = a.texts[i].text
	}
	if len(spans) > 0 {
		texts := make(map[string]redactedText, len(d.Segments))
		for i := range d.Segments {
			texts[d.Segments[i].ID] = a.texts[i]
		}
		for _, i := range spans {
			x := d.Codings[i]
			c := &p.Codings[i]
			c.Span, c.SpanStart, c.SpanEnd = publishedSpan(x, texts[x.Segment], r)
		}
	}
	return p, key
}

// hiddenID stands in the published rejects for a respondent's real id.
const hiddenID = "[respondent]"
