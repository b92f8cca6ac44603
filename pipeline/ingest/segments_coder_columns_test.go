package ingest

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

// Coder columns beside code columns pair with them, by number or else by place; one
// that does not pair stops the read; a table with one unnumbered Codeur column keeps
// it as the row's coder (attack 14, codeur-columns-pooled).
func TestCoderColumns(t *testing.T) {
	for _, c := range []struct {
		header []string
		cols   map[string]int
		want   []codeCoder
		err    string // "" for none
	}{
		{[]string{"Respondent", "Tekst", "Code 1", "Codeur 1", "Code 2", "Codeur 2"}, map[string]int{"respondent": 0, "text": 1}, []codeCoder{{2, 3}, {4, 5}}, ""},
		// By number wherever they stand, leading zeros aside.
		{[]string{"Respondent", "Tekst", "Code 1", "Code 2", "Coder 02", "Coder 1"}, map[string]int{"respondent": 0, "text": 1}, []codeCoder{{2, 5}, {3, 4}}, ""},
		// By place: the Code column and the Codeur column right of it, Code 2 with its own.
		{[]string{"Respondent", "Tekst", "Code", "Codeur", "Code 2", "Codeerder"}, map[string]int{"respondent": 0, "text": 1, "code": 2, "coder": 3}, []codeCoder{{2, 3}, {4, 5}}, ""},
		// One row coder: as before.
		{[]string{"Respondent", "Tekst", "Code 1", "Code 2", "Codeur"}, map[string]int{"respondent": 0, "text": 1, "coder": 4}, nil, ""},
		{[]string{"Respondent", "Tekst", "Code 1", "Codeur 1", "Code 2"}, map[string]int{"respondent": 0, "text": 1}, nil, `codekolom(men) "Code 2" hebben geen codeurkolom`},
		{[]string{"Respondent", "Tekst", "Codeur 3", "Code 1", "Codeur 1"}, map[string]int{"respondent": 0, "text": 1}, nil, `codeurkolom(men) "Codeur 3" hebben geen codekolom`},
		// Lettered, by letter wherever they stand (attack 15, lettered-coder-columns-dropped).
		{[]string{"Respondent", "Tekst", "Code A", "Codeur A", "Code B", "Codeur B"}, map[string]int{"respondent": 0, "text": 1}, []codeCoder{{2, 3}, {4, 5}}, ""},
		{[]string{"Respondent", "Tekst", "Code (a)", "Code_B", "Rater B", "Rater (A)"}, map[string]int{"respondent": 0, "text": 1}, []codeCoder{{2, 5}, {3, 4}}, ""},
		// A letter never equals a number.
		{[]string{"Respondent", "Tekst", "Code 1", "Codeur A"}, map[string]int{"respondent": 0, "text": 1}, []codeCoder{{2, 3}}, ""},
		{[]string{"Respondent", "Tekst", "Code A", "Codeur A", "Code B"}, map[string]int{"respondent": 0, "text": 1}, nil, `codekolom(men) "Code B" hebben geen codeurkolom`},
	} {
		got, err := coderColumns("c.csv", c.header, c.cols, extraOf(c.header, c.cols))
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: pairs %v; want %v", c.header, got, c.want)
		}
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%q: %v", c.header, err)
		case c.err != "" && (!errors.Is(err, ErrCoderColumns) || !strings.Contains(model.Dutch(err), c.err) || !strings.Contains(err.Error(), "c.csv")):
			t.Errorf("%q: error %v; want one naming %s", c.header, err, c.err)
		}
	}
}

// "Codes" is the code column, not "Code s"; a letter needs a separator or brackets.
func TestLetteredHeaders(t *testing.T) {
	for h, want := range map[string]bool{"code a": true, "code_b": true, "code (c)": true, "code(c)": true, "code 2": true, "codes": false, "codea": false, "code ab": false, "code toelichting": false} {
		if got := numberedCodeHeader.MatchString(h); got != want {
			t.Errorf("numberedCodeHeader %q = %v; want %v", h, got, want)
		}
	}
	for h, want := range map[string]bool{"codeur a": true, "rater_b": true, "coder (c)": true, "codeur": true, "codeura": false, "coder anna": false} {
		if got := coderHeader.MatchString(h); got != want {
			t.Errorf("coderHeader %q = %v; want %v", h, got, want)
		}
	}
}

func extraOf(header []string, cols map[string]int) []int {
	extra, _ := codeColumns("c.csv", header, cols, nil)
	return extra
}

// Each code is its coder's coding; a coder cell without a code beside it is that
// coder's "reviewed, nothing applies"; a code with no coder is a rejected row; the
// Codeur columns are not named as unread code columns.
func TestReadGenericCoderColumns(t *testing.T) {
	path := writeFile(t, "c.csv", []byte("Respondent;Segment;Tekst;Code 1;Codeur 1;Code 2;Codeur 2\n"+
		"R1;1;een;Korte lijnen;Anna;Korte lijnen;Bas\n"+
		"R2;2;twee;Geen terugkoppeling;Anna;Korte lijnen;Bas\n"+
		"R3;3;drie;Korte lijnen;Anna;;Bas\n"+
		"R4;4;vier;Korte lijnen;;;Bas\n"))
	ds, err := ReadInterviews(path, Options{Format: "generic"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range ds.Codings {
		got = append(got, c.Segment+":"+c.Raw+":"+c.Coder)
	}
	if want := "1:Korte lijnen:Anna|1:Korte lijnen:Bas|2:Geen terugkoppeling:Anna|2:Korte lijnen:Bas|3:Korte lijnen:Anna|3::Bas"; strings.Join(got, "|") != want {
		t.Errorf("codings %q; want %s", got, want)
	}
	if len(ds.Rejects) != 1 || ds.Rejects[0].Row != 5 || ds.Rejects[0].Column != "Code 1" || !errors.Is(ds.Rejects[0].Err, ErrCodeWithoutCoder) || !strings.Contains(ds.Rejects[0].Err.Error(), `"Codeur 1"`) {
		t.Errorf("rejects %v; want row 5, Code 1, naming Codeur 1", ds.Rejects)
	}
	if ds.Files[0].Rejected != 1 || ds.Files[0].Accepted != 3 {
		t.Errorf("count %+v; want 3 accepted, 1 rejected", ds.Files[0])
	}
	if len(ds.Warnings) != 0 {
		t.Errorf("warnings %v", ds.Warnings)
	}
}
