package model

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// The columnar survey gives back every answer as read: merged files, two waves of one id
// (two rows), and a column with more distinct answers than an int8 holds; a respondent's
// second answer to an item in another file of the same wave is not stored but returned by
// Merge, with its line, for the caller to reject.
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
	b.Add(Answer{Respondent: "r1", Item: "K1", Value: 5}) // r1 again, same wave
	b.SetLine(0, 7)
	add(&b, Answer{Respondent: "r1", Wave: "2025", Item: "K1", Value: 1}) // another wave
	add(&b, Answer{Respondent: "r3", Item: "K3", Value: 3})               // a new item
	b.SetLine(2, 9)
	a.Compact()
	twice := a.Merge(b)
	if len(a.Rows) != 4 || len(a.Items) != 3 || len(a.Extra) != 0 {
		t.Fatalf("rows %v, items %v, extra %v", a.Rows, a.Items, a.Extra)
	}
	if len(twice) != 1 || twice[0] != (AnsweredTwice{Line: 7, Key: RespondentKey{ID: "r1"}, Item: "K1", Entry: AnswerEntry{Value: 5}}) {
		t.Errorf("answered twice: %+v", twice)
	}
	if a.Line(3) != 9 || a.Line(0) != 0 {
		t.Errorf("lines %v: the new row r3 keeps its line 9", a.Lines)
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

// A respondent who answers the same item in two files of one wave: the second answer is a
// rejected cell of the second file, named by its line, and that file's count moves it from
// accepted to rejected, so read = accepted + rejected still holds and no answer is
// silently dropped.
func TestMergeRejectsAnswersGivenTwice(t *testing.T) {
	file := func(path, id string, line int, v float64) Dataset {
		var d Dataset
		d.Respondents = []Respondent{{ID: id, Municipality: path}}
		d.Survey.Add(Answer{Respondent: id, Item: "K1", Value: v})
		d.Survey.Add(Answer{Respondent: id, Item: "K2", Value: v})
		d.Survey.SetLine(0, line)
		d.Files = []FileCount{{Path: path, Read: 1, Accepted: 1, Cells: 2, CellsAccepted: 2}}
		return d
	}
	var d Dataset
	d.Merge(file("enquete/bergdorp.csv", "1", 2, 4))
	d.Merge(file("enquete/zeeveen.csv", "1", 5, 2))
	if len(d.Rejects) != 2 {
		t.Fatalf("%d rejects, want 2: %+v", len(d.Rejects), d.Rejects)
	}
	r := d.Rejects[0]
	if r.File != "enquete/zeeveen.csv" || r.Row != 5 || r.Item != "K1" || !r.Cell || r.Value != "2" || !errors.Is(r, ErrAnsweredTwice) {
		t.Errorf("reject %+v", r)
	}
	if want := "answered the item in an earlier file (bergdorp.csv)"; !strings.Contains(r.Reason(), want) {
		t.Errorf("reason %q, want it to say %q", r.Reason(), want)
	}
	if f := d.Files[1]; f.CellsAccepted != 0 || f.CellsRejected != 2 || f.Cells != f.CellsAccepted+f.CellsRejected {
		t.Errorf("count of the second file: %+v", f)
	}
	if got := d.Survey.Answers(); len(got) != 2 || got[0].Value != 4 || got[1].Value != 4 {
		t.Errorf("answers %+v: the first file's count", got)
	}
}

// Where the first file's answer is missing ("weet niet"), the first usable answer of a
// later file counts (it goes to Extra, accepted); a third file's answer is rejected.
func TestMergeFirstUsableAnswerCounts(t *testing.T) {
	var a, b, c Survey
	a.Add(Answer{Respondent: "r1", Item: "K1", Missing: true, Raw: "Weet niet"})
	b.Add(Answer{Respondent: "r1", Item: "K1", Value: 3})
	c.Add(Answer{Respondent: "r1", Item: "K1", Value: 5})
	if twice := a.Merge(b); len(twice) != 0 {
		t.Errorf("b: %+v", twice)
	}
	if twice := a.Merge(c); len(twice) != 1 || twice[0].Entry.Value != 5 {
		t.Errorf("c: %+v", twice)
	}
	if len(a.Extra) != 1 || a.Extra[0].Value != 3 {
		t.Errorf("extra %+v", a.Extra)
	}
}

// An empty cell is no answer given: a "weet niet" of a later file is taken (into Extra),
// and a usable answer after that still counts; a fourth answer is rejected.
func TestMergeEmptyCellTakesLaterAnswers(t *testing.T) {
	var a, b, c, d Survey
	a.Add(Answer{Respondent: "r1", Item: "K1", Missing: true})
	b.Add(Answer{Respondent: "r1", Item: "K1", Missing: true, Raw: "Weet niet"})
	c.Add(Answer{Respondent: "r1", Item: "K1", Value: 4})
	d.Add(Answer{Respondent: "r1", Item: "K1", Value: 2})
	for i, o := range []Survey{b, c} {
		if twice := a.Merge(o); len(twice) != 0 {
			t.Errorf("file %d: %+v", i+2, twice)
		}
	}
	if twice := a.Merge(d); len(twice) != 1 || twice[0].Entry.Value != 2 {
		t.Errorf("file 4: %+v", twice)
	}
	if len(a.Extra) != 2 || a.Extra[1].Value != 4 {
		t.Errorf("extra %+v", a.Extra)
	}
}

// SetCode with the code Set returned stores what Set stores: the cell, or an answer to a
// cell that has one in Extra.
func TestSetCodeAsSet(t *testing.T) {
	var a, b Survey
	col := a.Column("K1")
	b.Column("K1")
	e := AnswerEntry{Value: 3, Raw: "Neutraal"}
	code := NoAnswer
	for _, id := range []string{"E1", "E2", "E2"} {
		ra, rb := a.Row(RespondentKey{ID: id}), b.Row(RespondentKey{ID: id})
		got := a.Set(ra, col, e)
		if code == NoAnswer {
			code = got
			b.Set(rb, col, e)
			continue
		}
		b.SetCode(rb, col, code)
	}
	if code != 0 || !reflect.DeepEqual(a.Answers(), b.Answers()) || len(b.Extra) != 1 {
		t.Errorf("code %d; Set %v, SetCode %v", code, a.Answers(), b.Answers())
	}
}
