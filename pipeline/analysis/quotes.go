package analysis

import (
	"container/heap"
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/samenspel/samenspel/pipeline/results"
)

func init() { Stages = append(Stages, Quotes) }

// QuotesPerCode is how many quotes the table `quotes` holds per code at most.
const QuotesPerCode = 3

// maxQuoteRunes caps a quote's length; longer segments are cut at a word with "…".
const maxQuoteRunes = 400

// Quotes is the table `quotes`: per code up to three quotes from different respondents,
// pseudonymised (the segment texts are redacted in the protect stage). Role and
// municipality are shown as the disclosure decision lets respondent-level rows show
// them (a pooled group's label; no municipality where a role x municipality cell is
// small): a quote must not point at one person.
func Quotes(in *Input, res *results.Results) {
	t := results.NewTable("quotes",
		results.Column{Name: "factor", Kind: results.Text},
		results.Column{Name: "code", Kind: results.Text},
		results.Column{Name: "respondent", Kind: results.Text},
		results.Column{Name: "role", Kind: results.Text},
		results.Column{Name: "municipality", Kind: results.Text},
		results.Column{Name: "quote", Kind: results.Text},
		results.Column{Name: "segment", Kind: results.Text})
	x := in.ids
	// A segment's length in characters, counted once (-1: not yet) however many codes
	// it carries.
	runes := make([]int32, len(x.segIDs))
	for i := range runes {
		runes[i] = -1
	}
	for _, f := range in.Codebook.Factors {
		for _, c := range f.Codes {
			segs := x.counted[x.codeOf[c.ID]]
			n := 0
			for _, w := range segs {
				n += bits.OnesCount64(w)
			}
			cands := make(quoteCandidates, 0, n)
			eachBit(segs, func(sg int) {
				s := x.segIDs[sg]
				seg := x.seg[sg].segment
				if runes[sg] < 0 {
					runes[sg] = int32(utf8.RuneCountInString(seg.Text))
				}
				n := int(runes[sg])
				if n < 40 {
					return
				}
				// Prefer quotes of 80 to 300 characters: long enough to say something.
				score := 0
				if n < 80 {
					score = 80 - n
				} else if n > 300 {
					score = n - 300
				}
				cands = append(cands, quoteCandidate{s, seg.Respondent, seg.Text, score})
			})
			// The candidates in order of score, then segment, taken from a heap until
			// three respondents are found: a code carried by many segments needs no
			// full sort.
			heap.Init(&cands)
			used := map[string]bool{}
			for cands.Len() > 0 {
				q := heap.Pop(&cands).(quoteCandidate)
				if len(used) == QuotesPerCode {
					break
				}
				if used[q.resp] {
					continue
				}
				used[q.resp] = true
				r := in.Respondent(q.resp)
				role, mun := in.view(r)
				t.Add(f.ID, c.ID, r.Pseudonym, role, mun, shorten(q.text), q.seg)
			}
		}
	}
	res.Add(t)
}

// quoteCandidate is a segment that could be quoted for a code; score is how far its
// length is from 80 to 300 characters.
type quoteCandidate struct {
	seg, resp, text string
	score           int
}

// quoteCandidates is a heap of candidates, best first: lowest score, then segment id.
type quoteCandidates []quoteCandidate

func (q quoteCandidates) Len() int { return len(q) }
func (q quoteCandidates) Less(i, j int) bool {
	if q[i].score != q[j].score {
		return q[i].score < q[j].score
	}
	return q[i].seg < q[j].seg
}
func (q quoteCandidates) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *quoteCandidates) Push(x any)   { *q = append(*q, x.(quoteCandidate)) }
func (q *quoteCandidates) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}

// shorten cuts a text to maxQuoteRunes at a word boundary.
func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= maxQuoteRunes {
		return s
	}
	r := []rune(s)[:maxQuoteRunes]
	cut := string(r)
	if i := strings.LastIndex(cut, " "); i > maxQuoteRunes/2 {
		cut = cut[:i]
	}
	return cut + " …"
}
