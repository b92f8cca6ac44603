package ingest

import (
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// answerCache remembers, per item column, what each distinct cell read as: a survey
// column holds a handful of distinct answers ("3", "Helemaal mee eens", "Weet niet")
// over 100,000 respondents, and reading one (missing codes, number formats, labels)
// costs far more than looking it up. The first few distinct cells of a column are
// compared one by one, which beats hashing for a scale's five to eleven answers; more go
// to a map; a column with more than maxCachedCells distinct cells (numbers typed
// freely) reads the rest directly.
type answerCache struct {
	cols []columnCache
}

// columnCache is one column's cells read so far.
type columnCache struct {
	few  []cachedAnswer
	many map[string]cachedAnswer
}

const (
	fewCachedCells = 12
	maxCachedCells = 256
)

// cachedAnswer is a cell, the answer it reads as (without its respondent), or why it is
// rejected.
//
// code is the answer's code in the survey column it is stored in (model.Survey.Set), once
// known; NoAnswer before.
type cachedAnswer struct {
	cell   string
	answer model.Answer
	err    error
	code   int
}

// answer reads cell as an answer in column i (answerOf), once per distinct cell.
func (ac *answerCache) answer(i int, c *surveyColumn, cell string) (model.Answer, error) {
	a, _, err := ac.answerCached(i, c, cell)
	return a, err
}

// answerCached is answer, and the cell's entry among the column's first distinct cells
// where it is one of them (nil where not), whose code the caller may note and use.
func (ac *answerCache) answerCached(i int, c *surveyColumn, cell string) (model.Answer, *cachedAnswer, error) {
	if i >= len(ac.cols) {
		ac.cols = append(ac.cols, make([]columnCache, i+1-len(ac.cols))...)
	}
	cc := &ac.cols[i]
	for k := range cc.few {
		if hit := &cc.few[k]; hit.cell == cell {
			return hit.answer, hit, hit.err
		}
	}
	if hit, ok := cc.many[cell]; ok {
		return hit.answer, nil, hit.err
	}
	a, err := answerOf(c, cell)
	if n := len(cc.few) + len(cc.many); n < maxCachedCells {
		// A copy of the cell, so that the row it was cut from is not kept.
		key := strings.Clone(cell)
		if a.Raw == cell {
			a.Raw = key
		}
		hit := cachedAnswer{key, a, err, model.NoAnswer}
		if n < fewCachedCells {
			cc.few = append(cc.few, hit)
			return a, &cc.few[len(cc.few)-1], err
		}
		if cc.many == nil {
			cc.many = map[string]cachedAnswer{}
		}
		cc.many[key] = hit
	}
	return a, nil, err
}
