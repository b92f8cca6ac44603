package pipeline

import (
	"strings"

	"github.com/samenspel/samenspel/pipeline/analysis"
	"github.com/samenspel/samenspel/pipeline/model"
)

// Two coders who code the same passage of an interview with other boundaries (one
// selected a sentence more, or a word less) give two segments with other texts: a coding
// table (MAXQDA's, ATLAS.ti's, a hand-made one without segment ids) makes a segment of
// each text, and agreement compares the coders only on segments both coded. The two
// coders' codings of that passage were then no agreement unit and counted as two
// segments, without a word (found by an attack on 0.12; the QDPX reader warned of its own
// misaligned ranges already, ingest/qdpx.go). misalignedPassages warns, rather than
// guess which boundaries were meant: it counts the segments of a respondent's interview
// (respondent, wave, document) coded by some coder whose text contains, lies within, or
// overlaps by at least minPassageOverlap characters at its start or end, the text of a
// segment of that interview coded by another coder and not by all of this one's.
// Segments with positions (QDPX ranges, Start ≥ 0) are left to their reader's check.

// minPassageOverlap is how many bytes of one segment's end must start the other's for
// the two to be one passage cut otherwise (a shorter overlap is a shared word or two).
const minPassageOverlap = 24

func misalignedPassages(d *model.Dataset) []error {
	// The coders of each segment, a bit per coder, by segment id: a study of one coder
	// (most) stops at the first loop's end.
	coderBit := map[string]uint64{}
	masks := map[string]uint64{}
	for i := range d.Codings {
		c := &d.Codings[i]
		if c.Coder == analysis.AutoCoder || c.Coder == LearnedCoder {
			continue
		}
		bit, ok := coderBit[c.Coder]
		if !ok {
			if len(coderBit) == 64 {
				continue // a 65th coder is not compared
			}
			bit = 1 << len(coderBit)
			coderBit[c.Coder] = bit
		}
		masks[c.Segment] |= bit
	}
	if len(coderBit) < 2 {
		return nil
	}
	coders := make([]uint64, len(d.Segments)) // by segment index; 0: not compared
	for i := range d.Segments {
		if s := &d.Segments[i]; s.Start < 0 && !s.OpenAnswer && !s.Interviewer {
			coders[i] = masks[s.ID]
		}
	}
	// Per interview, the segments not coded by every coder of that interview.
	type interview struct{ respondent, wave, document string }
	all := map[interview]uint64{}
	for seg, m := range coders {
		if m == 0 {
			continue
		}
		s := &d.Segments[seg]
		all[interview{s.Respondent, s.Wave, s.Document}] |= m
	}
	partial := map[interview][]int{}
	for seg, m := range coders {
		if m == 0 {
			continue
		}
		s := &d.Segments[seg]
		k := interview{s.Respondent, s.Wave, s.Document}
		if m != all[k] {
			partial[k] = append(partial[k], seg)
		}
	}
	n, interviews := 0, 0
	for _, segs := range partial {
		if m := misalignedIn(d, segs, coders); m > 0 {
			n += m
			interviews++
		}
	}
	if n == 0 {
		return nil
	}
	return []error{model.Reasonf(
		"%[1]d segment(s) in %[2]d interview(s) are one coder's passage that holds, lies within or overlaps (by %[3]d characters or more) another coder's segment of the same interview with another text: they are separate segments, so agreement does not compare the coders there and both count; give both coders' codings the same boundaries (the same text, or the same segment id) where they code the same passage",
		"%[1]d fragment(en) in %[2]d interview(s) zijn een passage van de ene codeur die een fragment van een andere codeur in hetzelfde interview met een andere tekst bevat, erbinnen ligt of het overlapt (met %[3]d tekens of meer): het zijn aparte fragmenten, dus de overeenstemming vergelijkt de codeurs daar niet en beide tellen mee; geef beide codeurs dezelfde grenzen (dezelfde tekst, of dezelfde fragmentcode) waar ze dezelfde passage coderen",
		n, interviews, minPassageOverlap)}
}

// misalignedIn counts the segments of one interview (segs, indexes in d.Segments) that
// form a pair with another coder's segment: each segment's first minPassageOverlap bytes
// are looked up among the windows of that length that start a word of the others, so
// that the count grows with the interview's text, not with the square of its segments
// (an interview of 50,000 segments split between two coders took 58 s compared pairwise).
// A text shorter than minPassageOverlap is compared with none ("Nee" lies within "Neemt
// de mentor contact op?").
func misalignedIn(d *model.Dataset, segs []int, coders []uint64) int {
	texts := make([]string, len(segs))
	windows := map[string][]int{} // a word-start window -> the segments (positions in segs) holding it
	for i, seg := range segs {
		t := strings.Join(strings.Fields(d.Segments[seg].Text), " ")
		texts[i] = t
		for at := 0; at+minPassageOverlap <= len(t); at++ {
			if at > 0 && (wordByte(t[at-1]) || !wordByte(t[at])) {
				continue // a window starts a word: after a space, a quote, a bracket
			}
			w := t[at : at+minPassageOverlap]
			if l := windows[w]; len(l) == 0 || l[len(l)-1] != i {
				windows[w] = append(l, i)
			}
		}
	}
	flagged := make([]bool, len(segs))
	for j, b := range texts {
		if len(b) < minPassageOverlap {
			continue
		}
		start := 0 // b's opening is where a word starts in b: past a quote or bracket
		for start < len(b) && !wordByte(b[start]) {
			start++
		}
		if len(b)-start < minPassageOverlap {
			continue
		}
		compared := 0
		for _, i := range windows[b[start:start+minPassageOverlap]] {
			ci, cj := coders[segs[i]], coders[segs[j]]
			if i == j || ci&^cj == 0 && cj&^ci == 0 {
				continue // the same coders: no pair to warn of, nor one to count
			}
			if compared++; compared > maxPassageCandidates {
				break // a common opening ("Ja, dat klopt, ik ..."): enough compared
			}
			if !(flagged[i] && flagged[j]) && samePassage(texts[i], b) {
				flagged[i], flagged[j] = true, true
			}
		}
	}
	n := 0
	for _, f := range flagged {
		if f {
			n++
		}
	}
	return n
}

// maxPassageCandidates bounds the segments of other coders one segment's opening is
// compared with.
const maxPassageCandidates = 64

// wordByte reports whether c is a letter or digit of ASCII, or a byte of a character
// beyond it (é, ë: letters in a Dutch text).
func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// samePassage reports whether two different texts (spaces collapsed) are one passage cut
// otherwise: one holds the other, or one's end of at least minPassageOverlap bytes starts
// the other; a text shorter than that is no passage of another.
func samePassage(a, b string) bool {
	if a == b || len(a) < minPassageOverlap || len(b) < minPassageOverlap {
		return false
	}
	if strings.Contains(a, b) || strings.Contains(b, a) {
		return true
	}
	return overlapsAtEnd(a, b) || overlapsAtEnd(b, a)
}

// overlapsAtEnd reports whether a suffix of a of at least minPassageOverlap bytes is a
// prefix of b: each place where b's first minPassageOverlap bytes occur in a is tried.
func overlapsAtEnd(a, b string) bool {
	if len(b) < minPassageOverlap {
		return false
	}
	head := b[:minPassageOverlap]
	for from := 0; from+minPassageOverlap <= len(a); {
		k := strings.Index(a[from:], head)
		if k < 0 {
			return false
		}
		if at := from + k; strings.HasPrefix(b, a[at:]) {
			return true
		}
		from += k + 1
	}
	return false
}
