package ingest

import (
	"errors"
	"fmt"
	"testing"

	"github.com/samenspel/samenspel/codebook"
)

// The cache gives what answerOf gives, for the first cell and every repeat, past the
// few compared one by one and past the bound of the map.
func TestAnswerCacheMatchesAnswerOf(t *testing.T) {
	scale := codebook.Scale{ID: "s", Missing: []string{"Weet niet", "-1"}}
	for v := 1; v <= 5; v++ {
		scale.Answers = append(scale.Answers, codebook.AnswerLabel{Value: float64(v), Labels: []string{fmt.Sprintf("label %d", v)}})
	}
	cols := []surveyColumn{
		{use: useItem, item: codebook.Item{ID: "V1"}, scale: scale},
		{use: useItem, item: codebook.Item{ID: "V2"}, scale: scale, decode: func(s string) string {
			if s == "A1" {
				return "1"
			}
			return s
		}},
	}
	var cells []string
	for i := 0; i < 2*maxCachedCells; i++ {
		cells = append(cells, fmt.Sprint(i%9-2), fmt.Sprintf("label %d", i%7), "Weet niet", "", "3,0", " 4", "A1", fmt.Sprintf("%d.5", i))
	}
	var ac answerCache
	for round := 0; round < 2; round++ {
		for ci := range cols {
			c := &cols[ci]
			for _, cell := range cells {
				got, gotErr := ac.answer(ci, c, cell)
				want, wantErr := answerOf(c, cell)
				if got != want || (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
					t.Fatalf("column %d, cell %q: got %+v, %v; answerOf %+v, %v", ci, cell, got, gotErr, want, wantErr)
				}
				if gotErr != nil && !errors.Is(gotErr, ErrOutOfScale) && !errors.Is(gotErr, ErrUnknownLabel) {
					t.Fatalf("cell %q: %v", cell, gotErr)
				}
			}
		}
	}
	if n := len(ac.cols[0].few) + len(ac.cols[0].many); n != maxCachedCells {
		t.Errorf("%d cells cached, want the bound %d", n, maxCachedCells)
	}
}
