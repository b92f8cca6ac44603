package ingest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

// known is the respondents table of the test study.
var known = map[string]bool{"JW01": true, "JZ02": true, "JZ03": true, "OU03": true, "OU04": true, "JW05": true}

// summary renders a dataset as lines that tests compare exactly.
type summary struct {
	Respondents, Segments, Codings, Rejects []string
	Files                                   string
}

func summarise(ds model.Dataset) summary {
	var s summary
	for _, r := range ds.Respondents {
		attrs := ""
		for _, k := range model.SortedKeys(r.Attributes) {
			attrs += fmt.Sprintf(" %s=%s", k, r.Attributes[k])
		}
		s.Respondents = append(s.Respondents, fmt.Sprintf("%s|%s|%s|%s%s", r.ID, r.Municipality, r.Role, r.Name, attrs))
	}
	for _, g := range ds.Segments {
		pos := ""
		if g.Start >= 0 {
			pos = fmt.Sprintf("|%d-%d", g.Start, g.End)
		}
		if g.Interviewer {
			pos += "|I"
		}
		s.Segments = append(s.Segments, fmt.Sprintf("%s|%s|%s|%s%s", g.ID, g.Respondent, g.Document, g.Text, pos))
	}
	for _, c := range ds.Codings {
		s.Codings = append(s.Codings, fmt.Sprintf("%s|%s|%s", c.Segment, c.Raw, c.Coder))
	}
	for _, r := range ds.Rejects {
		s.Rejects = append(s.Rejects, fmt.Sprintf("%s|%s|%s|%s", filepath.Base(r.File), r.Location(), r.Value, r.Reason()))
	}
	for _, f := range ds.Files {
		s.Files += fmt.Sprintf("%s %s read=%d accepted=%d rejected=%d", filepath.Base(f.Path), f.Format, f.Read, f.Accepted, f.Rejected)
	}
	return s
}

func check(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\ngot\n\t%s\nwant\n\t%s", what, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

func checkDataset(t *testing.T, ds model.Dataset, want summary) {
	t.Helper()
	got := summarise(ds)
	check(t, "respondents", got.Respondents, want.Respondents)
	check(t, "segments", got.Segments, want.Segments)
	check(t, "codings", got.Codings, want.Codings)
	check(t, "rejects", got.Rejects, want.Rejects)
	if got.Files != want.Files {
		t.Errorf("files: got %q, want %q", got.Files, want.Files)
	}
	for _, f := range ds.Files {
		if f.Read != f.Accepted+f.Rejected {
			t.Errorf("%s: read %d != accepted %d + rejected %d", f.Path, f.Read, f.Accepted, f.Rejected)
		}
	}
}

func TestDetectInterviewFormat(t *testing.T) {
	for file, want := range map[string]string{
		"interviews/generic.xlsx":       "generic",
		"interviews/generic.csv":        "generic",
		"interviews/maxqda.xlsx":        "maxqda",
		"interviews/atlasti.xlsx":       "atlasti",
		"interviews/qualcoder.csv":      "qualcoder",
		"interviews/qualcoder.xlsx":     "qualcoder",
		"interviews/taguette.csv":       "taguette",
		"interviews/nvivo.qdpx":         "qdpx",
		"transcripts/JW01_Bergdorp.txt": "transcript",
		"transcripts/JZ03_Zeestad.docx": "transcript",
		"qdpx/nvivo/project.qde":        "qdpx",
	} {
		got, err := detectInterviewFormat(filepath.Join("testdata", file), Options{})
		if err != nil || got != want {
			t.Errorf("%s: got %q, %v; want %q", file, got, err, want)
		}
	}
	// A .qdpx renamed to .zip is still recognised by its content.
	tmp := filepath.Join(t.TempDir(), "project.zip")
	b, _ := os.ReadFile("testdata/interviews/nvivo.qdpx")
	os.WriteFile(tmp, b, 0o644)
	if got, err := detectInterviewFormat(tmp, Options{}); got != "qdpx" || err != nil {
		t.Errorf("renamed qdpx: got %q, %v", got, err)
	}
	// A table without a known header.
	tmp = filepath.Join(t.TempDir(), "x.csv")
	os.WriteFile(tmp, []byte("a,b\n1,2\n"), 0o644)
	if _, err := ReadInterviews(tmp, Options{}); !errors.Is(err, ErrUnknownFormat) || !strings.Contains(err.Error(), "x.csv") {
		t.Errorf("unknown header: %v", err)
	}
	if _, err := ReadInterviews(tmp, Options{Format: "nvivo-binary"}); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("unknown format name: %v", err)
	}
}

// FuzzReadInterviews feeds arbitrary bytes to every interview reader, as a .csv, a
// .qdpx/.docx archive, an .xlsx workbook and a .txt: no input may make a reader panic, and every file is
// accounted for.
func FuzzReadInterviews(f *testing.F) {
	for _, p := range []string{
		"interviews/generic.csv", "interviews/qualcoder.csv", "interviews/taguette.csv",
		"interviews/maxqda.qdpx", "transcripts/JW01_Bergdorp.txt", "transcripts/JZ03_Zeestad.docx",
		"qdpx/nvivo/project.qde",
		"interviews/damaged_midsheet.xlsx", // attack 12 F12: panicked
		// readers14: broken and merged cells in a segment table, a cell excelize drops
		"interviews/segment_broken.xlsx", "interviews/segment_merged_excelize.xlsx", "interviews/segment_damaged_excelize.xlsx",
	} {
		b, err := os.ReadFile(filepath.Join("testdata", p))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, uint8(0))
	}
	f.Add([]byte("ID,Document,Codes,Quotation Content\n1:1,3: a_b,x::y,\"t\"\n"), uint8(3))
	f.Add([]byte("Document name,Code,Beginning,End,Segment\nd,c > d,1,1,t\n"), uint8(2))
	f.Add([]byte("Respondent;Segment;Tekst;Code 1;Code 2;Subcode;Codeur\nR1;1;t;a;\"b;c\";d;A\n"), uint8(0))                 // segments_code_columns.go
	f.Add([]byte("respondent,meting,segment,tekst,code,codeur\nR1,2024,1,t,a,A\nR1,2025,1,u,b,B\nR1,,1,v,c,A\n"), uint8(0))  // segments_wave.go
	f.Add([]byte("WEBVTT\n\n00:00.000 --> 00:01.000\n<v I>Vraag?</v>\n\n00:01.000 --> 00:02.000\n<v R>Ja.</v>\n"), uint8(6)) // transcript_subtitles.go
	formats := []string{"generic", "qualcoder", "maxqda", "atlasti", "taguette", "qdpx", "transcript", "auto"}
	exts := []string{".csv", ".qdpx", ".txt", ".docx", ".qde", ".xlsx"}
	f.Fuzz(func(t *testing.T, data []byte, pick uint8) {
		dir := t.TempDir()
		for _, ext := range exts {
			path := filepath.Join(dir, "JW01_fuzz"+ext)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			format := formats[int(pick)%len(formats)]
			ds, err := ReadInterviews(path, Options{Format: format, Known: known})
			if err != nil {
				continue
			}
			for _, fc := range ds.Files {
				if fc.Read != fc.Accepted+fc.Rejected {
					t.Fatalf("%s %s: read %d != %d + %d", format, ext, fc.Read, fc.Accepted, fc.Rejected)
				}
			}
		}
	})
}

// NVivo's spreadsheet exports hold counts, not coded text: the error says which export to
// make. The headers are those of NVivo 12's exported code list and Coding Summary report
// (constructed here: no such export under a usable licence was found).
func TestNVivoSpreadsheetExportAdvice(t *testing.T) {
	for name, data := range map[string]string{
		"codes.csv":   "Name,Description,Files,References,Created On,Created By,Modified On,Modified By\nKorte lijnen,,3,12,1-3-2024,AB,1-3-2024,AB\n",
		"summary.csv": "Hierarchical Name,Aggregate,Classification,Coverage,Number Of Coding References,Reference Number,Coded By Initials,Modified On\nNodes\\\\Bereiken\\\\Korte lijnen,No,,0.02,3,1,AB,1-3-2024\n",
	} {
		_, err := ReadInterviews(writeFile(t, name, []byte(data)), Options{})
		if !errors.Is(err, ErrUnknownFormat) || !strings.Contains(err.Error(), "NVivo summary export") || !strings.Contains(err.Error(), "REFI-QDA Project (*.qdpx)") {
			t.Errorf("%s: %v", name, err)
		}
	}
	_, err := ReadInterviews(writeFile(t, "x.docx", []byte("PK")), Options{Format: "nvivo"})
	if !errors.Is(err, ErrUnknownFormat) || !strings.Contains(err.Error(), "File > Export > Export Project") {
		t.Errorf("format nvivo on a .docx: %v", err)
	}
}
