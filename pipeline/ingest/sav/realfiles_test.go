package sav

import (
	"strings"
	"testing"
)

// Real system files written by SPSS 19 to 27 and by ReadStat (testdata/third_party/spss,
// sources and licences in its README), read as they are.
const thirdParty = "../../../testdata/third_party/spss/"

// The number of cases and the variable names of every file, as R haven 2.5.1 gives them:
//
//	for (f in c(Sys.glob("pyreadstat/*.sav"), Sys.glob("pyreadstat/*.zsav"), Sys.glob("haven/*.sav"))) {
//	  d <- read_sav(f); cat(f, nrow(d), paste(names(d), collapse="|"), "\n") }
func TestRealFilesAsHavenReadsThem(t *testing.T) {
	for _, c := range []struct {
		file  string
		cases int
		names string
	}{
		{"pyreadstat/basic-hebrews.sav", 99, "ותק_ב"},
		{"pyreadstat/basic-ordered_category.sav", 4, "Col1"},
		{"pyreadstat/basic-sample.sav", 5, "mychar|mynum|mydate|dtime|mylabl|myord|mytime"},
		{"pyreadstat/basic-sample_large.sav", 485, "mychar|mynum|mydate|dtime|mylabl|myord|mytime"},
		{"pyreadstat/basic-sample_missing.sav", 7, "mychar|mynum|mydate|dtime|mylabl|myord|mytime"},
		{"pyreadstat/basic-tegulu.sav", 1, "record|Q16br9oe_Q24br9oe"},
		{"pyreadstat/basic-test_width.sav", 5, "ResponseId|StartDate|Duration__in_seconds_|Finished"},
		{"pyreadstat/missing_data-missing_char.sav", 2, "mychar"},
		{"pyreadstat/missing_data-missing_test.sav", 2, "var1"},
		{"pyreadstat/multiple_response-simple_alltypes.sav", 6, "x|y|z|str|bool1|bool2|bool3|ca_subvar_1|ca_subvar_2|ca_subvar_3|date|quarter"},
		{"pyreadstat/basic-sample.zsav", 5, "mychar|mynum|mydate|dtime|mylabl|myord|mytime"},
		{"haven/datetime.sav", 2, "date|date.posix|time"},
		{"haven/iris.sav", 150, "Sepal.Length|Sepal.Width|Petal.Length|Petal.Width|Species"},
		{"haven/labelled-num-na.sav", 2, "VAR00002"},
		{"haven/labelled-num.sav", 1, "VAR00002"},
		{"haven/labelled-str.sav", 2, "gender"},
		{"haven/umlauts.sav", 4, "var1"},
		{"haven/variable-label.sav", 1, "sex"},
	} {
		f, err := Open(thirdParty + c.file)
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		var names []string
		for _, v := range f.Variables {
			names = append(names, v.Name)
		}
		if len(f.Cases) != c.cases || strings.Join(names, "|") != c.names {
			t.Errorf("%s: %d cases, names %q; haven: %d, %q", c.file, len(f.Cases), strings.Join(names, "|"), c.cases, c.names)
		}
	}
}

// Fixed-width strings that end in half a UTF-8 character lose that half, as in haven:
// d <- read_sav("pyreadstat/basic-tegulu.sav"); x <- d[[2]]; nchar(x, type="bytes"); x
// → 48 "నేను గతంలో వాడిన బ"
func TestRealFileCutCharacter(t *testing.T) {
	f, err := Open(thirdParty + "pyreadstat/basic-tegulu.sav")
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Cases[0][1].String; got != "నేను గతంలో వాడిన బ" || len(got) != 48 {
		t.Errorf("%q (%d bytes)", got, len(got))
	}
}

// User-missing values and ranges as haven lists them (na_values, na_range), and string
// missing values: d <- read_sav(f, user_na = TRUE); attr(d$x, "na_values"); attr(d$x, "na_range")
func TestRealFileMissingValues(t *testing.T) {
	f, err := Open(thirdParty + "pyreadstat/multiple_response-simple_alltypes.sav")
	if err != nil {
		t.Fatal(err)
	}
	// x: na_values c(7, 8, 99); z: na_values 999, na_range c(-999, 0)
	x, z := f.Variables[0], f.Variables[2]
	if len(x.Missing) != 3 || x.Missing[0] != 7 || x.Missing[2] != 99 || x.HasRange {
		t.Errorf("x: %v %v", x.Missing, x.HasRange)
	}
	if !z.HasRange || z.MissingLow != -999 || z.MissingHigh != 0 || len(z.Missing) != 1 || z.Missing[0] != 999 {
		t.Errorf("z: %v %v %v..%v", z.Missing, z.HasRange, z.MissingLow, z.MissingHigh)
	}
	// is.na(read_sav("pyreadstat/multiple_response-simple_alltypes.sav")$z) → TRUE TRUE FALSE TRUE FALSE TRUE
	var na []bool
	for _, c := range f.Cases {
		na = append(na, z.IsMissing(c[2]))
	}
	if want := []bool{true, true, false, true, false, true}; !equalBools(na, want) {
		t.Errorf("z missing %v, haven %v", na, want)
	}
	// attr(read_sav("pyreadstat/missing_data-missing_char.sav", user_na=TRUE)$mychar, "na_values") → "Z"
	g, err := Open(thirdParty + "pyreadstat/missing_data-missing_char.sav")
	if err != nil {
		t.Fatal(err)
	}
	if v := g.Variables[0]; !v.IsMissing(g.Cases[0][0]) || v.IsMissing(g.Cases[1][0]) || v.StringLabels["a"] != "labeled" {
		t.Errorf("mychar: %+v", v)
	}
}

func equalBools(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
