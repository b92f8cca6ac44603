package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// linesSource is a rowSource with LinesLeft, as a delimited table's Rows is.
type linesSource struct{ left int }

func (linesSource) Next() bool       { return false }
func (linesSource) Row() []string    { return nil }
func (linesSource) Line() int        { return 0 }
func (linesSource) Err() error       { return nil }
func (s linesSource) LinesLeft() int { return s.left }

// bareSource is a rowSource without LinesLeft (an SPSS file's cases).
type bareSource struct{}

func (bareSource) Next() bool    { return false }
func (bareSource) Row() []string { return nil }
func (bareSource) Line() int     { return 0 }
func (bareSource) Err() error    { return nil }

// TestPendingRowKeepsHint: a survey whose second row was looked at for a sub-header is
// read through a pendingSource, which readResponses asks for the rows to come, as it
// asks the table's Rows (0.10.0's pendingSource had no LinesLeft: a CSV survey of
// 100,000 respondents was grown row by row).
func TestPendingRowKeepsHint(t *testing.T) {
	var src rowSource = &pendingSource{rowSource: linesSource{left: 10}, row: []string{"R1"}, line: 2}
	l, ok := src.(interface{ LinesLeft() int })
	if !ok {
		t.Fatal("a pendingSource hides the rows' LinesLeft")
	}
	if n := l.LinesLeft(); n != 11 {
		t.Errorf("with the pending row to come: %d rows left, want 11", n)
	}
	src.Next() // the pending row
	if n := l.LinesLeft(); n != 10 {
		t.Errorf("after the pending row: %d rows left, want 10", n)
	}
	var bare rowSource = &pendingSource{rowSource: bareSource{}, row: []string{"R1"}, line: 2}
	if n := bare.(interface{ LinesLeft() int }).LinesLeft(); n != 0 {
		t.Errorf("rows without a hint: %d, want 0", n)
	}
}

// TestOnlySurveyUnprinted: the study's only survey file is read as any other, without
// the prints that sameExports compares two exports by.
func TestOnlySurveyUnprinted(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.csv")
	text := "id,submitdate,lastpage,startlanguage,seed,K1\n1,2025-03-04 10:01:00,3,nl,59295,3\n1,2025-03-04 10:02:00,3,nl,59295,4\n3,,1,nl,82560,\n4,2025-03-04 10:03:00,3,nl,11111,5\n"
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	printed, err := ReadSurvey(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	alone, err := ReadSurvey(p, Options{OnlySurvey: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(printed.Prints) == 0 || len(alone.Prints) != 0 {
		t.Fatalf("prints: %d read as one of several exports, %d as the only one (want some, none)", len(printed.Prints), len(alone.Prints))
	}
	printed.Prints = nil
	if !reflect.DeepEqual(printed, alone) {
		t.Errorf("the only survey file is read otherwise than one of several:\n%+v\n%+v", printed, alone)
	}
	if len(alone.Rejects) < 2 {
		t.Errorf("the repeated id and the incomplete response are not rejected: %+v", alone.Rejects)
	}
}
