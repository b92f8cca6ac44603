package ingest

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// brokenLines returns the lines of the records a text table left out.
func brokenLines(t *textTable) []int {
	var out []int
	for _, b := range t.broken {
		out = append(out, b.line)
	}
	return out
}

// records reads all rows of a text as Rows return them.
func records(t *testing.T, text string) ([]tableRow, *textTable) {
	t.Helper()
	r, err := (&input{path: "t.csv", data: []byte(text)}).rows("")
	if err != nil {
		t.Fatal(err)
	}
	var out []tableRow
	for r.Next() {
		out = append(out, tableRow{r.Line(), r.Row()})
	}
	return out, r.text
}

// The example: an open answer whose quote never closes, then eight good lines.
// encoding/csv with LazyQuotes read it as one row; the reader leaves out line 2 and reads
// the eight respondents after it.
func TestUnclosedQuoteIsARejectAndReadingGoesOn(t *testing.T) {
	var b strings.Builder
	b.WriteString("respondent,gemeente,K1,toelichting\n")
	b.WriteString("E01,Bergdorp,4,\"We hebben korte lijnen, en dan,...\n")
	for i := 2; i <= 9; i++ {
		b.WriteString("E0" + string(rune('0'+i)) + ",Zeeveen,3,goed\n")
	}
	rows, tab := records(t, b.String())
	if len(rows) != 9 || rows[0].Line != 1 || rows[1].Line != 3 || rows[1].Cells[0] != "E02" || rows[8].Cells[0] != "E09" {
		t.Fatalf("rows %v", rows)
	}
	if got := brokenLines(tab); !reflect.DeepEqual(got, []int{2}) {
		t.Fatalf("broken lines %v", got)
	}
	// encoding/csv, as the reader used it before, swallowed the eight lines.
	c := csv.NewReader(strings.NewReader(b.String()))
	c.LazyQuotes = true
	all, _ := c.ReadAll()
	if len(all) != 2 {
		t.Errorf("encoding/csv read %d records; the test no longer shows the old defect", len(all))
	}

	// Through ReadSurvey: rows read = accepted + rejected counts the physical records,
	// and the reject names the line and wraps ErrUnclosedQuote.
	p := writeFile(t, "enquete.csv", []byte(b.String()))
	ds, err := ReadSurvey(p, Options{Codebook: loadCodebook(t)})
	if err != nil {
		t.Fatal(err)
	}
	fc := ds.Files[0]
	if fc.Read != 9 || fc.Accepted != 8 || fc.Rejected != 1 {
		t.Errorf("counts %+v", fc)
	}
	if len(ds.Rejects) != 1 || !errors.Is(ds.Rejects[0].Err, ErrUnclosedQuote) || ds.Rejects[0].Location() != "line 2" ||
		ds.Rejects[0].Column != "toelichting" || !strings.HasPrefix(ds.Rejects[0].Value, `"We hebben korte lijnen`) {
		t.Errorf("rejects %+v", ds.Rejects)
	}
}

func TestQuotedFieldsAcrossLines(t *testing.T) {
	cases := []struct {
		name   string
		text   string
		rows   [][]string // the rows read, empty rows left out
		broken []int      // lines of the records left out
	}{
		{"open answers with line breaks where they are normal (a LimeSurvey export)",
			"\"id\",\"submitdate\",\"K1\",\"opm\"\n" +
				"\"1\",\"2024-03-05\",\"A4\",\"Eerste regel,\ntweede regel, met komma's\"\n" +
				"\"2\",\"2024-03-05\",\"A3\",\"kort\"\n" +
				"\"3\",\"2024-03-06\",\"A5\",\"Nog een\n\nalinea\"\n",
			[][]string{{"id", "submitdate", "K1", "opm"}, {"1", "2024-03-05", "A4", "Eerste regel,\ntweede regel, met komma's"},
				{"2", "2024-03-05", "A3", "kort"}, {"3", "2024-03-06", "A5", "Nog een\n\nalinea"}},
			nil},
		{"a missing closing quote among normal line breaks: the record's field count gives it away",
			"\"id\",\"submitdate\",\"K1\",\"opm\"\n" +
				"\"1\",\"2024-03-05\",\"A4\",\"Eerste regel,\ntweede regel\"\n" +
				"\"2\",\"2024-03-05\",\"A3\",\"kort\n" +
				"\"3\",\"2024-03-06\",\"A5\",\"Nog een\nalinea\"\n" +
				"\"4\",\"2024-03-06\",\"A2\",\"\"\n",
			[][]string{{"id", "submitdate", "K1", "opm"}, {"1", "2024-03-05", "A4", "Eerste regel,\ntweede regel"},
				{"3", "2024-03-06", "A5", "Nog een\nalinea"}, {"4", "2024-03-06", "A2", ""}},
			[]int{4}},
		{"an unclosed quote that swallows whole records where line breaks are normal",
			"id;a;b;c;d;e;opm\n" +
				"1;1;2;3;4;5;\"een\ntwee\"\n" +
				"2;1;2;3;4;5;\"drie\nvier\"\n" +
				"3;1;2;3;4;5;\"open\n" +
				"4;1;2;3;4;5;los\n" +
				"5;1;2;3;4;5;\"vijf\"\n",
			[][]string{{"id", "a", "b", "c", "d", "e", "opm"}, {"1", "1", "2", "3", "4", "5", "een\ntwee"},
				{"2", "1", "2", "3", "4", "5", "drie\nvier"}, {"4", "1", "2", "3", "4", "5", "los"}, {"5", "1", "2", "3", "4", "5", "vijf"}},
			[]int{6}},
		{"one question text with a line break in a header row still reads",
			"ResponseId,Finished,Q1_1,Q1_2\n" +
				"Response ID,Finished,\"Stellingen -\nIk ken de wijkagent\",Stellingen - Ik ken het wijkteam\n" +
				"R_1,1,4,5\n",
			[][]string{{"ResponseId", "Finished", "Q1_1", "Q1_2"}, {"Response ID", "Finished", "Stellingen -\nIk ken de wijkagent", "Stellingen - Ik ken het wijkteam"},
				{"R_1", "1", "4", "5"}},
			nil},
		{"where no other record spans lines, a quote that runs on to the next record is broken",
			"id,gemeente,opm\n" +
				"1,Dalen,\"We hebben, zeg maar\n" +
				"2,Dalen,\"Prima\"\n" +
				"3,Bergdorp,goed\n",
			[][]string{{"id", "gemeente", "opm"}, {"2", "Dalen", "Prima"}, {"3", "Bergdorp", "goed"}},
			[]int{2}},
		{"one column: a quote across lines is broken where no other record spans lines",
			"opmerking\n\"open\nnog iets\nen nog\n",
			[][]string{{"opmerking"}, {"nog iets"}, {"en nog"}},
			[]int{2}},
		{"unclosed on the last line swallows nothing and is read as encoding/csv's LazyQuotes does",
			"id,opm\n1,\"abc",
			[][]string{{"id", "opm"}, {"1", "abc"}},
			nil},
		{"bare quotes, doubled quotes, CRLF, a trailing delimiter",
			"id;opm;x\r\n1;hij zei \"nee\" en ging;\r\n2;\"een \"\"citaat\"\"\";\"a\"b\"\r\n",
			[][]string{{"id", "opm", "x"}, {"1", "hij zei \"nee\" en ging", ""}, {"2", "een \"citaat\"", "a\"b"}},
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows, tab := records(t, c.text)
			var got [][]string
			last := 0
			for _, r := range rows {
				if r.Line <= last {
					t.Errorf("row %d after %d", r.Line, last)
				}
				last = r.Line
				if len(r.Cells) > 0 {
					got = append(got, r.Cells)
				}
			}
			if !reflect.DeepEqual(got, c.rows) {
				t.Errorf("rows\n got %q\nwant %q", got, c.rows)
			}
			if b := brokenLines(tab); !reflect.DeepEqual(b, c.broken) {
				t.Errorf("broken lines %v, want %v (%+v)", b, c.broken, tab.broken)
			}
		})
	}
}

// Rows are numbered as Excel shows a text file: an empty line is a row (returned empty),
// a record across lines one row, and a record left out keeps its number.
func TestTextRowNumbers(t *testing.T) {
	rows, _ := records(t, "a,b\n\n1,\"x\ny\"\n2,z\n")
	want := []tableRow{{1, []string{"a", "b"}}, {2, nil}, {3, []string{"1", "x\ny"}}, {4, []string{"2", "z"}}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("got %v, want %v", rows, want)
	}
}

// fuzzText checks the text reader on any input: no panic, rows numbered upwards, every
// line accounted for (each line belongs to a row read, a record left out, or the records
// after a left-out line), and, where no record is left out, the same records as
// encoding/csv with LazyQuotes reads.
func fuzzText(t *testing.T, data []byte) {
	tab, err := newTextTable(data)
	if err != nil {
		return
	}
	r := &Rows{path: "f.csv", text: tab, phys: 1}
	var got [][]string
	last := 0
	for r.Next() {
		if r.Line() <= last {
			t.Fatalf("row %d after %d", r.Line(), last)
		}
		last = r.Line()
		if len(r.Row()) > 0 {
			got = append(got, r.Row())
		}
	}
	if r.pos != len(tab.text) {
		t.Fatalf("stopped at %d of %d bytes", r.pos, len(tab.text))
	}
	if lines := bytes.Count(tab.text, []byte{'\n'}); r.phys-1 < lines || r.phys-1 > lines+1 {
		t.Fatalf("%d lines consumed of %d", r.phys-1, lines)
	}
	if len(tab.broken) > 0 {
		return
	}
	c := csv.NewReader(bytes.NewReader(tab.text))
	c.Comma, c.LazyQuotes, c.FieldsPerRecord = rune(tab.comma), true, -1
	var want [][]string
	for {
		rec, err := c.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return // encoding/csv refuses it (a CR in a field, say): nothing to compare
		}
		want = append(want, rec)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %q\nwant %q (encoding/csv)", got, want)
	}
}

func FuzzTextTable(f *testing.F) {
	f.Add([]byte(genericCSV))
	f.Add([]byte("respondent,opm\nE01,\"We hebben korte lijnen, en dan,...\nE02,goed\nE03,\"ja\"\n"))
	f.Add([]byte("\"id\",\"opm\"\n\"1\",\"a\nb\"\n\"2\",\"c\nd\"\n\"3\",\"e\n"))
	f.Add([]byte("id;a;b;c;d;e;opm\n1;1;2;3;4;5;\"een\ntwee\"\n2;1;2;3;4;5;\"drie\nvier\"\n3;1;2;3;4;5;\"open\n4;1;2;3;4;5;los\n"))
	f.Add([]byte("a\tb\r\n\"x\r\ny\"\tz\r\n\r\n"))
	f.Add([]byte("opmerking\n\"open\nnog iets\n"))
	f.Fuzz(fuzzText)
}

// TestMacintoshCSV reads a file as Excel for Mac saves "CSV (Macintosh)": lines that end
// in a carriage return alone, in Mac OS Roman (0x91 is ë there, a quote in Windows-1252).
// Read as one line, its header held every record and no row was read (attack 11 F14).
func TestMacintoshCSV(t *testing.T) {
	text := "Respondent;Gemeente;Toelichting\rE0;Bergdorp;Zo\x91 belt\rE1;Zeeveen;\"twee\rregels\"\r"
	rows, tt := records(t, text)
	if tt.enc != encMacintosh {
		t.Errorf("encoding %v, want Mac OS Roman", tt.enc)
	}
	want := []tableRow{
		{1, []string{"Respondent", "Gemeente", "Toelichting"}},
		{2, []string{"E0", "Bergdorp", "Zoë belt"}},
		{3, []string{"E1", "Zeeveen", "twee\nregels"}},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows %v, want %v", rows, want)
	}
	// A UTF-8 file with carriage returns alone is read the same, in UTF-8.
	rows, tt = records(t, "a;b\r1;é\r")
	if tt.enc != encUTF8 || len(rows) != 2 || rows[1].Cells[1] != "é" {
		t.Errorf("UTF-8 with CR line ends: %v %v", tt.enc, rows)
	}
}

// TestTextChunks reads files of several textChunkSize chunks, with every kind of field
// (plain, quoted, with "" and bare quotes, across lines in the last column, empty), in LF and CRLF, as
// encoding/csv reads them: cells are cut from chunks where they are a run of the text,
// built where not, and a record across a chunk's end starts a chunk of its own.
func TestTextChunks(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	fields := []string{"", "E001", "Helemaal mee eens", `"quoted, with a comma"`, `"a ""quote"" in it"`,
		`"two` + "\n" + `lines"`, `"three` + "\n\n" + `lines"`, `""`, `"x"`, "3,5"}
	for _, eol := range []string{"\n", "\r\n"} {
		var b strings.Builder
		b.WriteString("id;a;b;c;d" + eol)
		for b.Len() < 5*textChunkSize {
			for k := 0; k < 5; k++ {
				if k > 0 {
					b.WriteByte(';')
				}
				f := fields[rng.Intn(len(fields))]
				if k < 4 && strings.Contains(f, "\n") {
					f = "" // a line break inside quotes in the last column, as open answers have
				}
				if eol == "\r\n" {
					f = strings.ReplaceAll(f, "\n", "\r\n")
				}
				if k == 4 && rng.Intn(50) == 0 {
					f = `"` + strings.Repeat("long answer ", textChunkSize/10) + `"` // past a chunk
				}
				b.WriteString(f)
			}
			b.WriteString(eol)
		}
		tab, err := newTextTable([]byte(b.String()))
		if err != nil || len(tab.broken) > 0 || !tab.multiline {
			t.Fatalf("%q: %v, %d left out, multiline %v: %+v", eol, err, len(tab.broken), tab.multiline, tab.broken[:1])
		}
		fuzzText(t, []byte(b.String())) // compares with encoding/csv
	}
}
