package model

import (
	"fmt"
	"reflect"
	"testing"
)

// The columnar survey gives back every answer as read: merged files, a respondent in two
// files of one wave (its second answers in Extra, after the first), two waves of one id
// (two rows), and a column with more distinct answers than an int8 holds.
func TestSurveyKeepsEveryAnswer(t *testing.T) {
	var a, b Survey
	var want []Answer
	add := func(s *Survey, x Answer) {
		s.Add(x)
		want = append(want, x)
	}
	add(&a, Answer{Respondent: "r1", Item: "K1", Value: 4})
	add(&a, Answer{Respondent: "r1", Item: "K2", Missing: true, Raw: "Weet niet"})
	add(&a, Answer{Respondent: "r2", Item: "K1", Value: 2, Raw: "Oneens"})
	add(&b, Answer{Respondent: "r1", Item: "K1", Value: 5})               // r1 again, same wave
	add(&b, Answer{Respondent: "r1", Wave: "2025", Item: "K1", Value: 1}) // another wave
	add(&b, Answer{Respondent: "r3", Item: "K3", Value: 3})               // a new item
	a.Compact()
	a.Merge(b)
	if len(a.Rows) != 4 || len(a.Items) != 3 || len(a.Extra) != 1 {
		t.Fatalf("rows %v, items %v, extra %v", a.Rows, a.Items, a.Extra)
	}
	if a.Extra[0] != (Answer{Respondent: "r1", Item: "K1", Value: 5}) {
		t.Errorf("extra %+v", a.Extra[0])
	}
	got := a.Answers()
	if len(got) != len(want) || a.Len() != len(want) {
		t.Fatalf("%d answers (Len %d), want %d: %+v", len(got), a.Len(), len(want), got)
	}
	seen := map[Answer]int{}
	for _, x := range want {
		seen[x]++
	}
	for _, x := range got {
		seen[x]--
	}
	for x, n := range seen {
		if n != 0 {
			t.Errorf("%+v: %d missing", x, n)
		}
	}
	// 300 distinct values in one column: codes go wide, values stay.
	var w Survey
	for i := 0; i < 300; i++ {
		w.Add(Answer{Respondent: fmt.Sprint("r", i), Item: "S", Value: float64(i) / 2})
	}
	if w.Cols[0].Wide == nil || w.Cols[0].Codes != nil {
		t.Fatal("a column of 300 distinct answers is not wide")
	}
	for i, x := range w.Answers() {
		if x.Value != float64(i)/2 || x.Respondent != fmt.Sprint("r", i) {
			t.Fatalf("answer %d: %+v", i, x)
		}
	}
	// Merging into an empty survey takes the other as it is.
	var e Survey
	e.Merge(w)
	if !reflect.DeepEqual(e.Answers(), w.Answers()) {
		t.Error("merge into an empty survey changed it")
	}
}
