package ingest

import (
	"errors"
	"strconv"
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// Real SPSS files (testdata/third_party/spss, see its README) against R haven 2.5.1. Each
// expected value is quoted with the R call that gives it, run in that folder.
const spssFixtures = "../../testdata/third_party/spss/"

// anyNumber is a scale without a list of answers: every finite number is an answer.
func anyNumber(t *testing.T, items ...string) *codebook.Codebook {
	s := codebook.Scale{ID: "getal"}
	for _, it := range items {
		s.Items = append(s.Items, codebook.Item{ID: it})
	}
	return withScale(t, s)
}

func sumAnswers(ds model.Dataset) (sum float64, n, missing int) {
	for _, a := range ds.Survey.Answers() {
		if a.Missing {
			missing++
			continue
		}
		sum += a.Value
		n++
	}
	return sum, n, missing
}

// A case whose values are all missing is a respondent who answered nothing: read and
// counted, as haven and PSPP count it.
func TestReadSurveySPSSAllMissingCases(t *testing.T) {
	for _, c := range []struct {
		file string
		n    int
	}{
		// nrow(read_sav("pyreadstat/basic-sample_missing.sav")) → 7; its case 7 has every
		// value missing: which(rowSums(!is.na(d) & !(sapply(d, as.character) %in% "")) == 0) → 7
		{"pyreadstat/basic-sample_missing.sav", 7},
		// nrow(read_sav("pyreadstat/missing_data-missing_test.sav")) → 2 (var1: NA 2)
		{"pyreadstat/missing_data-missing_test.sav", 2},
		// nrow(read_sav("haven/labelled-num-na.sav")) → 2 (VAR00002: 1 NA)
		{"haven/labelled-num-na.sav", 2},
	} {
		path := spssFixtures + c.file
		ds := readSurvey(t, path, Options{})
		if len(ds.Respondents) != c.n || ds.Files[0].Read != c.n || ds.Files[0].Accepted != c.n {
			t.Errorf("%s: %d respondents, files %+v; want %d", c.file, len(ds.Respondents), ds.Files, c.n)
		}
	}
	// As an item, the user-missing 1 of var1 is a missing answer and 2 an answer.
	path := spssFixtures + "pyreadstat/missing_data-missing_test.sav"
	ds := readSurvey(t, path, Options{Codebook: anyNumber(t, "V1"), Columns: map[string]string{"V1": "var1"}})
	same(t, "var1", answers(ds), []string{"missing_data-missing_test:1 V1 .", "missing_data-missing_test:2 V1 2"})
	same(t, "files", ds.Files, []model.FileCount{{Path: path, Format: "spss", Read: 2, Accepted: 2, Cells: 2, CellsAccepted: 2}})
}

// basic-hebrews.sav: code page 65001 and no encoding record; the 8-byte short name cuts
// the last Hebrew letter in half, the long-name record has it whole.
func TestReadSurveySPSSHebrewName(t *testing.T) {
	path := spssFixtures + "pyreadstat/basic-hebrews.sav"
	ds := readSurvey(t, path, Options{Codebook: anyNumber(t, "H1"), Columns: map[string]string{"H1": "ותק_ב"}})
	// d <- read_sav("pyreadstat/basic-hebrews.sav"); names(d); nrow(d); sum(d[[1]])
	// → "ותק_ב" 99 1835
	if sum, n, missing := sumAnswers(ds); sum != 1835 || n != 99 || missing != 0 {
		t.Errorf("ותק_ב: sum %v of %d answers, %d missing; want 1835 of 99", sum, n, missing)
	}
}

// iris.sav says 0 elements per case in its header (older ReadStat); haven and PSPP read it.
func TestReadSurveySPSSCaseSizeZero(t *testing.T) {
	path := spssFixtures + "haven/iris.sav"
	ds := readSurvey(t, path, Options{Codebook: anyNumber(t, "SL"), Columns: map[string]string{"SL": "Sepal.Length"}})
	// d <- read_sav("haven/iris.sav"); nrow(d); sum(d$Sepal.Length); table(as_factor(d$Species))
	// → 150 876.5 (setosa 50, versicolor 50, virginica 50)
	if sum, n, _ := sumAnswers(ds); n != 150 || sum < 876.5-1e-9 || sum > 876.5+1e-9 {
		t.Errorf("Sepal.Length: sum %v of %d", sum, n)
	}
	species := map[string]int{}
	for _, r := range ds.Respondents {
		species[r.Attributes["species"]]++
	}
	same(t, "species", species, map[string]int{"setosa": 50, "versicolor": 50, "virginica": 50})
}

// A string item reads through its value labels (labelled-str.sav: F = Female, M = Male).
func TestReadSurveySPSSStringLabels(t *testing.T) {
	path := spssFixtures + "haven/labelled-str.sav"
	cb := withScale(t, codebook.Scale{ID: "sekse", Answers: codebook.Answers{
		{Value: 1, Labels: []string{"Male"}}, {Value: 2, Labels: []string{"Female"}},
	}, Items: []codebook.Item{{ID: "G1"}}})
	ds := readSurvey(t, path, Options{Codebook: cb, Columns: map[string]string{"G1": "gender"}})
	// as.character(as_factor(read_sav("haven/labelled-str.sav")$gender)) → "Male" "Female"
	same(t, "gender", answers(ds), []string{"labelled-str:1 G1 1 (M)", "labelled-str:2 G1 2 (F)"})
	same(t, "rejects", rejects(ds), []string(nil))
}

// Dates, date-times and times are ISO 8601 text where they are attributes, not seconds
// since 1582.
func TestReadSurveySPSSDates(t *testing.T) {
	path := spssFixtures + "haven/datetime.sav"
	ds := readSurvey(t, path, Options{})
	// d <- read_sav("haven/datetime.sav"); format(d$date);
	// format(d$date.posix, "%Y-%m-%dT%H:%M:%S", tz="UTC"); format(d$time)
	// → "2014-09-22" "2014-09-23" | "201416-09-22T00:00:00" "2014-09-23T15:59:20" |
	//   "12:11:10.09" "15:59:20.01"   (the first date.posix is that odd in the file itself)
	var got []string
	for _, r := range ds.Respondents {
		got = append(got, r.Attributes["date"]+" "+r.Attributes["date.posix"]+" "+r.Attributes["time"])
	}
	same(t, "datetime.sav", got, []string{"2014-09-22 201416-09-22T00:00:00 12:11:10.09", "2014-09-23 2014-09-23T15:59:20 15:59:20.01"})

	path = spssFixtures + "pyreadstat/basic-sample.sav"
	ds = readSurvey(t, path, Options{})
	// d <- read_sav("pyreadstat/basic-sample.sav"); format(d$mydate);
	// format(d$dtime, "%Y-%m-%dT%H:%M:%S", tz="UTC"); format(d$mytime)
	// → 2018-05-06 1880-05-06 1960-01-01 1583-01-01 NA | 2018-05-06T10:10:10 1880-05-06T10:10:10
	//   1960-01-01T00:00:00 1583-01-01T00:00:00 NA | 10:10:10 23:10:10 00:00:00 16:10:10 NA
	got = nil
	for _, r := range ds.Respondents {
		got = append(got, r.Attributes["mydate"]+" "+r.Attributes["dtime"]+" "+r.Attributes["mytime"])
	}
	same(t, "basic-sample.sav", got, []string{
		"2018-05-06 2018-05-06T10:10:10 10:10:10", "1880-05-06 1880-05-06T10:10:10 23:10:10",
		"1960-01-01 1960-01-01T00:00:00 00:00:00", "1583-01-01 1583-01-01T00:00:00 16:10:10", "  "})
}

// Value labels and missing values of strings wider than 8 bytes (records 7.21 and 7.22),
// in testdata/spss/long_strings.sav, which PSPP 1.6.2 wrote from long_strings.sps.
func TestReadSurveySPSSLongStrings(t *testing.T) {
	path := "testdata/spss/long_strings.sav"
	cb := withScale(t, codebook.Scale{ID: "eens", Answers: codebook.Answers{
		{Value: 1, Labels: []string{"Helemaal mee oneens"}}, {Value: 4, Labels: []string{"Mee eens"}},
	}, Items: []codebook.Item{{ID: "A1"}}})
	ds := readSurvey(t, path, Options{Codebook: cb, Columns: map[string]string{"A1": "antwoord", "respondent": "id"}})
	// d <- read_sav("long_strings.sav", user_na = TRUE); as.character(as_factor(d$antwoord));
	// is.na(zap_missing(d$antwoord)); as.character(as_factor(d$toelichting))
	// → "Mee eens" "Weet niet" "Helemaal mee oneens" | FALSE TRUE FALSE |
	//   "Korte lijnen" "geen terugkoppeling" "x"
	same(t, "antwoord", answers(ds), []string{"1 A1 4 (mee_eens)", "2 A1 .", "3 A1 1 (oneens_sterk)"})
	var toelichting []string
	for _, r := range ds.Respondents {
		toelichting = append(toelichting, r.Attributes["toelichting"])
	}
	same(t, "toelichting", toelichting, []string{"Korte lijnen", "geen terugkoppeling", "x"})
}

// Item variables are read through their value labels, every labelled code, whichever way
// the labels run (labelledCodes); a label the scale does not know is a rejected cell, not
// the code. testdata/spss/labels.sav is written by labels.R (R 4.3, haven 2.5):
//
//	d <- read_sav("labels.sav", user_na = TRUE)
//	for (v in paste0("E", 1:6)) print(as.character(as_factor(d[[v]])))
//	→ E1 "Helemaal mee oneens" "2" "3" "4" "Helemaal mee eens"
//	  E2 "Helemaal mee eens" "2" "3" "4" "Helemaal mee oneens"
//	  E3 "Helemaal mee oneens" "Mee oneens" "Neutraal" "Mee eens" "Helemaal mee eens"
//	  E4 "Helemaal eens" "2" "3" "4" "Helemaal oneens"
//	  E5 "1" "Weet niet" "3" "4" "5"
//	  E6 "1" "2" "Geen antwoord" "4" "5"   (is.na(zap_missing(d$E6))[3] → TRUE: 99 is user-missing)
//
// haven leaves an unlabelled code as its number; samenspel reads it on the line the
// labels fix (E2: code 2, one step from "Helemaal mee eens", is 4 "Mee eens"), and where
// the labels fix none (E4, whose labels the scale does not know) rejects it.
func TestReadSurveySPSSLabelsConsistently(t *testing.T) {
	likert := codebook.Answers{
		{Value: 1, Labels: []string{"Helemaal mee oneens"}}, {Value: 2, Labels: []string{"Mee oneens"}},
		{Value: 3, Labels: []string{"Neutraal"}}, {Value: 4, Labels: []string{"Mee eens"}},
		{Value: 5, Labels: []string{"Helemaal mee eens"}},
	}
	sc := codebook.Scale{ID: "eens", Answers: likert, Missing: []string{"Weet niet"}}
	for _, id := range []string{"E1", "E2", "E3", "E4", "E5", "E6"} {
		sc.Items = append(sc.Items, codebook.Item{ID: id})
	}
	ds := readSurvey(t, "testdata/spss/labels.sav", Options{Codebook: withScale(t, sc)})
	got := map[string][]string{}
	for _, a := range ds.Survey.Answers() {
		v := strconv.FormatFloat(a.Value, 'f', -1, 64)
		if a.Missing {
			v = "."
		}
		got[a.Item] = append(got[a.Item], a.Respondent+"="+v)
	}
	same(t, "E1 (end points, with the scale)", got["E1"], []string{"R1=1", "R2=2", "R3=3", "R4=4", "R5=5"})
	same(t, "E2 (end points, against the scale)", got["E2"], []string{"R1=5", "R2=4", "R3=3", "R4=2", "R5=1"})
	same(t, "E3 (codes 0..4)", got["E3"], []string{"R1=1", "R2=2", "R3=3", "R4=4", "R5=5"})
	same(t, "E4 (labels unknown)", got["E4"], []string(nil))
	same(t, "E5 (a missing label only)", got["E5"], []string{"R1=1", "R2=.", "R3=3", "R4=4", "R5=5"})
	same(t, "E6 (user-missing 99)", got["E6"], []string{"R1=1", "R2=2", "R3=.", "R4=4", "R5=5"})
	same(t, "rejects", rejects(ds), []string{
		`labels.sav | row 1, column "E4" | 1 | unknown answer label: "Helemaal eens" (code 1) is not an answer of scale eens`,
		`labels.sav | row 2, column "E4" | 2 | code without a value label: code 2 has no value label, and the variable's labels do not say which answer it is`,
		`labels.sav | row 3, column "E4" | 3 | code without a value label: code 3 has no value label, and the variable's labels do not say which answer it is`,
		`labels.sav | row 4, column "E4" | 4 | code without a value label: code 4 has no value label, and the variable's labels do not say which answer it is`,
		`labels.sav | row 5, column "E4" | 5 | unknown answer label: "Helemaal oneens" (code 5) is not an answer of scale eens`,
	})
	var le LabelError
	if len(ds.Rejects) == 0 || !errors.As(ds.Rejects[0].Err, &le) || le.Label != "Helemaal eens" || !errors.Is(ds.Rejects[0].Err, ErrUnknownLabel) {
		t.Errorf("the first reject should carry its label for analyse check: %#v", ds.Rejects)
	}
	if nl := model.Dutch(ds.Rejects[0].Err); nl != `onbekend antwoordlabel: "Helemaal eens" (code 1) is geen antwoord van schaal eens` {
		t.Errorf("Dutch reason %q", nl)
	}
}

// On a scale of any number (an age), the codes are the values: a label names a special
// code, which is rejected where the scale does not know it (E4's "Helemaal eens" on 1),
// and the codes without a label are read as numbers (E4's 2, 3, 4), not rejected.
func TestReadSurveySPSSLabelsOnAnyNumber(t *testing.T) {
	ds := readSurvey(t, "testdata/spss/labels.sav", Options{Codebook: anyNumber(t, "E6", "E4")})
	same(t, "answers", answers(ds), []string{
		"R1 E6 1", "R2 E4 2", "R2 E6 2", "R3 E4 3", "R3 E6 .", "R4 E4 4", "R4 E6 4", "R5 E6 5"})
	same(t, "rejects", len(ds.Rejects), 2)
}
