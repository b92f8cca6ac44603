package synth

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// interviewee is an interviewed respondent.
type interviewee struct {
	ID           string
	Municipality *municipality
	Role         *interviewRole
	RoleName     string
}

// interviewees draws the interviewed respondents: municipalities in turn, so that every
// municipality has interviews where there are enough of them, roles by their weights.
func interviewees(c Config, p *population) []interviewee {
	r := newRand(c.Seed, streamRespondents)
	n := c.interviewees()
	width := len(strconv.Itoa(n))
	out := make([]interviewee, n)
	for i := range out {
		role := &roles[pick(r, p.interviewCum)]
		out[i] = interviewee{
			ID:           fmt.Sprintf("R%0*d", width, i+1),
			Municipality: &p.Municipalities[i%len(p.Municipalities)],
			Role:         role,
			RoleName:     role.Names[r.IntN(len(role.Names))],
		}
	}
	return out
}

// writeRespondents writes the respondents table of the interviewees.
func writeRespondents(path string, people []interviewee) error {
	return writeCSV(path, func(w *csv.Writer) error {
		if err := w.Write([]string{"Respondent", "Gemeente", "Functie"}); err != nil {
			return err
		}
		for _, p := range people {
			if err := w.Write([]string{p.ID, p.Municipality.Name, p.RoleName}); err != nil {
				return err
			}
		}
		return nil
	})
}

// coderNames are the researchers who coded; further coders are numbered.
var coderNames = []string{"Anouk", "Bram", "Sanne", "Daan", "Fleur", "Joost"}

func coderName(i int) string {
	if i < len(coderNames) {
		return coderNames[i]
	}
	return "Codeur " + strconv.Itoa(i+1)
}

// How many codes a segment speaks of: none for 12%, one for 60%, two for 23%, three for 5%.
var codesPerSegmentCum = []float64{0.12, 0.72, 0.95, 1}

// personalDetailRate is the share of segments with a phone number, e-mail address or
// postcode in them.
const personalDetailRate = 0.01

// writeInterviews composes the segments of every interviewee and writes them, one row per
// segment, code and coder, in the generic coded-segment layout. Each coder deviates from a
// segment's codes with probability q = 1 - sqrt(1 - Disagreement), so that two coders
// differ on about Disagreement of the segments. A deviation drops a code, swaps it for
// another code of the same factor, or adds one; a coder who applies no code writes one
// row with an empty code ("reviewed, nothing applies").
func writeInterviews(path string, c Config, cs *codeSet, people []interviewee, progress func(int)) error {
	r := newRand(c.Seed, streamInterviews)
	q := 1 - math.Sqrt(1-c.Disagreement)
	width := len(strconv.Itoa(c.Segments))
	var text strings.Builder
	var truth, applied []string
	return writeCSV(path, func(w *csv.Writer) error {
		if err := w.Write([]string{"Respondent", "Document", "Segment", "Tekst", "Code", "Codeur", "Gemeente", "Functie"}); err != nil {
			return err
		}
		record := make([]string, 8)
		seg := 0
		for k, p := range people {
			// Interviewee k holds segments [k*S/K, (k+1)*S/K): every segment is used once.
			end := (k + 1) * c.Segments / len(people)
			document := "Interview " + p.ID
			cum := cs.factorCum(p)
			for ; seg < end; seg++ {
				truth = cs.drawCodes(r, cum, truth[:0])
				cs.composeSegment(r, &text, truth)
				record[0], record[1], record[2], record[3] = p.ID, document, fmt.Sprintf("S%0*d", width, seg+1), text.String()
				record[6], record[7] = p.Municipality.Name, p.RoleName
				for ci := range c.Coders {
					applied = append(applied[:0], truth...)
					if r.Float64() < q {
						applied = cs.deviate(r, applied)
					}
					record[5] = coderName(ci)
					if len(applied) == 0 {
						record[4] = ""
						if err := w.Write(record); err != nil {
							return err
						}
					}
					for _, code := range applied {
						record[4] = code
						if err := w.Write(record); err != nil {
							return err
						}
					}
				}
				if progress != nil && (seg+1)%1000 == 0 {
					progress(1000)
				}
			}
		}
		if progress != nil {
			progress(c.Segments % 1000)
		}
		return nil
	})
}

// factorCum returns cumulative weights over all codes for one interviewee: the code's own
// weight times the emphasis of the interviewee's role and municipality on its factor.
func (cs *codeSet) factorCum(p interviewee) []float64 {
	var weights []float64
	for f := range nScales {
		for _, code := range cs.order[f] {
			weights = append(weights, cs.weight[code]*p.Role.Emphasis[f]*p.Municipality.Emphasis[f])
		}
	}
	return cumulative(len(weights), func(i int) float64 { return weights[i] })
}

// drawCodes draws the distinct codes a segment speaks of.
func (cs *codeSet) drawCodes(r *rand.Rand, cum []float64, into []string) []string {
	n := pick(r, codesPerSegmentCum)
	for tries := 0; len(into) < n && tries < 10; tries++ {
		code := cs.all[pick(r, cum)]
		if !slices.Contains(into, code) {
			into = append(into, code)
		}
	}
	slices.Sort(into)
	return into
}

// deviate changes a coder's codes for a segment in one of three ways.
func (cs *codeSet) deviate(r *rand.Rand, codes []string) []string {
	switch way := r.IntN(3); {
	case way == 0 && len(codes) > 0: // overlooked a code
		i := r.IntN(len(codes))
		codes = slices.Delete(codes, i, i+1)
	case way == 1 && len(codes) > 0: // chose a neighbouring code of the same factor
		i := r.IntN(len(codes))
		f := cs.factor[codes[i]]
		other := cs.order[f][r.IntN(len(cs.order[f]))]
		if other == codes[i] || slices.Contains(codes, other) {
			codes = slices.Delete(codes, i, i+1)
		} else {
			codes[i] = other
		}
	default: // saw one more
		other := cs.all[r.IntN(len(cs.all))]
		if !slices.Contains(codes, other) {
			codes = append(codes, other)
		} else if len(codes) > 0 {
			codes = codes[:len(codes)-1]
		}
	}
	slices.Sort(codes)
	return codes
}

// composeSegment writes a segment's text: an opener, a sentence for every code, now and
// then a filler sentence or a personal detail.
func (cs *codeSet) composeSegment(r *rand.Rand, b *strings.Builder, codes []string) {
	b.Reset()
	opener := openers[r.IntN(len(openers))]
	sentences := 0
	add := func(s string) {
		if sentences == 0 {
			if opener != "" {
				s = opener + lowerFirst(s)
			}
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(s)
		sentences++
	}
	if len(codes) == 0 || r.Float64() < 0.3 {
		add(fillers[r.IntN(len(fillers))])
	}
	for _, code := range codes {
		phrases := cs.phrases[code]
		add(fillPartner(phrases[r.IntN(len(phrases))], partners[r.IntN(len(partners))]))
	}
	if len(codes) == 0 {
		add(fillers[r.IntN(len(fillers))])
	}
	if r.Float64() < personalDetailRate {
		add(personalDetails[r.IntN(len(personalDetails))])
	}
}

// fillPartner puts a partner into a sentence: {p} as is, {P} capitalised.
func fillPartner(s, partner string) string {
	s = strings.Replace(s, "{P}", upperFirst(partner), 1)
	return strings.Replace(s, "{p}", partner, 1)
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst lowers a sentence's first letter after an opener, but keeps names and
// abbreviations (a second capital, as in "MDO" or "Veilig Thuis").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) || strings.HasPrefix(s, "Veilig") || strings.HasPrefix(s, "Ik ") {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// writeCSV writes a comma-separated UTF-8 file through a buffer.
func writeCSV(path string, body func(*csv.Writer) error) error {
	return writeFile(path, func(out io.Writer) error {
		w := csv.NewWriter(out)
		if err := body(w); err != nil {
			return err
		}
		w.Flush()
		return w.Error()
	})
}

// writeFile writes a file through a buffer and reports the first error of writing,
// flushing or closing.
func writeFile(path string, body func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	buf := bufio.NewWriterSize(f, 1<<16)
	err = body(buf)
	if e := buf.Flush(); err == nil {
		err = e
	}
	if e := f.Close(); err == nil {
		err = e
	}
	return err
}
