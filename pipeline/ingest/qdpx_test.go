package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/analysis"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/refiqda"
)

const schema = "../../testdata/third_party/refi-qda/Project-mrt2019.xsd"

func TestReadQDPXCasesAndInternalFiles(t *testing.T) {
	// NVivo-style: named Case with variables and SourceRef, braced and upper-case GUIDs,
	// a source file with a byte-order mark and CR LF line ends (positions count a line
	// end as one), a selection outside its text, one whose name says another text, and a
	// source whose file is missing.
	ds, err := ReadInterviews("testdata/interviews/nvivo.qdpx", Options{Known: known})
	if err != nil {
		t.Fatal(err)
	}
	checkDataset(t, ds, summary{
		Respondents: []string{"JW01|Bergdorp|jongerenwerker| leeftijd=34"},
		Segments: []string{
			"seg-15a461bc3ee2f161|JW01|Interview jongerenwerker|Ik app hem gewoon, we hebben korte lijnen.|34-76",
			"seg-4fbb7fb294de3fb7|JW01|Interview jongerenwerker|Daar hoor ik nooit meer iets van na een melding.|100-148",
		},
		Codings: []string{
			"seg-15a461bc3ee2f161|Elkaar bereiken > Korte lijnen|Anna",
			"seg-15a461bc3ee2f161|Elkaar kennen > Vertrouwen|Bram",
			"seg-4fbb7fb294de3fb7|Op de hoogte houden > Geen terugkoppeling|Bram", // coder of the selection
		},
		Rejects: []string{
			`nvivo.qdpx|source "Interview jongerenwerker", selection "b0000000-0000-4000-8000-000000000003"|500-520|positions 500-520, text has 149 characters: selection outside its text`,
			`nvivo.qdpx|source "Interview jongerenwerker", selection "b0000000-0000-4000-8000-000000000004"|Ik app hem gewoon, we hebben korte lijnen.|positions 3-30 hold "Hoe bereik je de wijkagent?": selection does not hold the text its name says`,
			`nvivo.qdpx|source "JZ09_Zeestad"|internal://ontbreekt.txt|the archive holds no file sources/ontbreekt.txt: source text missing`,
		},
		Files: "nvivo.qdpx qdpx read=5 accepted=2 rejected=3",
	})
}

func TestReadQDPXDocumentVariablesAndSets(t *testing.T) {
	// MAXQDA-style: the .qde named after the project, a Sources/ folder, a nameless Case
	// with one SourceRef (document variables), inline PlainTextContent, Sets named
	// "key: value", and the coder only on the selection.
	ds, err := ReadInterviews("testdata/interviews/maxqda.qdpx", Options{Known: known})
	if err != nil {
		t.Fatal(err)
	}
	checkDataset(t, ds, summary{
		Respondents: []string{"JZ02|Zeestad|jeugdzorgprofessional|", "JW05|Bergdorp|jongerenwerker|"},
		Segments: []string{
			"seg-c49f651d0b92a248|JZ02|JZ02_Zeestad|De school laat niets van zich horen.|47-83",
			"seg-80222e7644363ba8|JW05|JW05_Bergdorp.docx|We zitten elke week samen in het ZAT, dat werkt goed.|3-56",
		},
		Codings: []string{
			"seg-c49f651d0b92a248|Op de hoogte houden > Terugkoppeling|Carla",
			"seg-80222e7644363ba8|Elkaar bereiken > Casuistiekoverleg|Carla",
		},
		Files: "maxqda.qdpx qdpx read=2 accepted=2 rejected=0",
	})
}

func TestReadQDPXErrors(t *testing.T) {
	if _, err := ReadInterviews("testdata/interviews/noqde.qdpx", Options{}); !errors.Is(err, ErrNoProject) || !strings.Contains(err.Error(), "noqde.qdpx") {
		t.Errorf("no .qde: %v", err)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "kapot.qdpx")
	writeZip(t, bad, map[string]string{"project.qde": `<Project name="x"><Sources></Project>`})
	if _, err := ReadInterviews(bad, Options{}); !errors.Is(err, refiqda.ErrNotWellFormed) || !strings.Contains(err.Error(), "kapot.qdpx: project.qde") {
		t.Errorf("not well formed: %v", err)
	}
	// Other namespaces (older MAXQDA and codebook namespaces) read the same.
	qde, _ := os.ReadFile("testdata/qdpx/maxqda/Studie.qde")
	for _, ns := range []string{"urn:QDA-XML:codebook:1:0", "urn:QDA-XML:codebook:0:4", ""} {
		p := filepath.Join(dir, "ns.qde")
		os.WriteFile(p, bytes.Replace(qde, []byte("urn:QDA-XML:project:1.0"), []byte(ns), 1), 0o644)
		ds, err := ReadInterviews(p, Options{})
		// A bare .qde has no archive: the internal file is missing, the inline text reads.
		if err != nil || len(ds.Segments) != 1 || ds.Segments[0].Respondent != "JW05" || len(ds.Rejects) != 1 {
			t.Errorf("namespace %q: %v %+v %+v", ns, err, ds.Segments, ds.Rejects)
		}
	}
}

func writeZip(t *testing.T, path string, files map[string]string) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for n, c := range files {
		w, _ := zw.Create(n)
		w.Write([]byte(c))
	}
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestQDEFixturesValidate checks the hand-written .qde fixtures against the QDA-XML
// schema, so the reader is tested on documents the standard allows.
func TestQDEFixturesValidate(t *testing.T) {
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint not installed")
	}
	for _, f := range []string{"testdata/qdpx/nvivo/project.qde", "testdata/qdpx/maxqda/Studie.qde"} {
		out, err := exec.Command("xmllint", "--noout", "--schema", schema, f).CombinedOutput()
		if err != nil {
			t.Errorf("%s: %v\n%s", f, err, out)
		}
	}
}

// review.qdpx reads back as the dataset it was written from: human codings once, the
// auto-coder's left out (the run codes again), open survey answers marked as such.
func TestReadQDPXReviewRoundTrip(t *testing.T) {
	in := protected.Dataset{
		Respondents: []protected.Respondent{
			{Pseudonym: "JW-01", Role: "jongerenwerker", Municipality: "Bergdorp"},
			{Pseudonym: "JZ-02", Role: "jeugdzorgprofessional", Municipality: "Zeestad"},
		},
		Segments: []protected.Segment{
			{ID: "JW-01/001", Respondent: "JW-01", Document: "JW-01 interview", Text: "We hebben korte lijnen met de wijkagent.", Start: 0, End: 40},
			{ID: "JW-01/002", Respondent: "JW-01", Document: "JW-01 interview", Text: "Hoe gaat het?", Start: 42, End: 55, Interviewer: true},
			{ID: "JZ-02/001", Respondent: "JZ-02", Document: "Opmerkingen", Text: "Nooit terugkoppeling gehad.", Start: -1, End: -1, OpenAnswer: true},
		},
		Codings: []protected.Coding{
			{Segment: "JW-01/001", Code: "bereiken.korte_lijnen", Raw: "Bereiken > Korte lijnen", Coder: "Anouk"},
			{Segment: "JW-01/001", Code: "bereiken.korte_lijnen", Raw: "bereiken.korte_lijnen", Coder: autoCoder},
			{Segment: "JZ-02/001", Code: "informeren.geen_terugkoppeling", Raw: "informeren.geen_terugkoppeling", Coder: autoCoder},
			{Segment: "JZ-02/001", Coder: "Anouk"}, // reviewed, nothing applies
		},
	}
	cb := loadCodebook(t)
	var buf bytes.Buffer
	if err := refiqda.WriteProject(&buf, in, cb, refiqda.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "review.qdpx", buf.Bytes())
	// Beside other interview inputs (or a review loop) the same project is refused: its
	// segments are the study's own and would count twice.
	if _, err := ReadInterviews(path, Options{Codebook: cb, Beside: "codering.csv"}); !errors.Is(err, ErrReviewAsInterviews) ||
		!strings.Contains(err.Error(), "review.qdpx") || !strings.Contains(err.Error(), "beside codering.csv") || !strings.Contains(err.Error(), "autocode.review") {
		t.Errorf("read beside codering.csv: %v", err)
	}
	// Its open answers are the survey's: beside the survey they would count twice.
	if _, err := ReadInterviews(path, Options{Codebook: cb, BesideSurvey: "enquete.csv"}); !errors.Is(err, ErrReviewAsInterviews) || !strings.Contains(err.Error(), "beside the survey enquete.csv") {
		t.Errorf("read beside the survey: %v", err)
	}
	ds, err := ReadInterviews(path, Options{Codebook: cb})
	if err != nil {
		t.Fatal(err)
	}
	var segs, codings, resps []string
	byID := map[string]string{}
	for _, s := range ds.Segments {
		byID[s.ID] = s.Text
		segs = append(segs, fmt.Sprintf("%s|%s|%s|%v|%v", s.Respondent, s.Document, s.Text, s.OpenAnswer, s.Interviewer))
	}
	for _, c := range ds.Codings {
		codings = append(codings, byID[c.Segment]+"|"+c.Raw+"|"+c.Coder)
	}
	for _, r := range ds.Respondents {
		resps = append(resps, r.ID+"|"+r.Role+"|"+r.Municipality)
	}
	// The interviewer's turn comes back as one, context only (0.1 left it out).
	check(t, "segments", segs, []string{
		"JW-01|JW-01 interview|We hebben korte lijnen met de wijkagent.|false|false",
		"JW-01|JW-01 interview|Hoe gaat het?|false|true",
		"JZ-02|Opmerkingen|Nooit terugkoppeling gehad.|true|false",
	})
	check(t, "codings", codings, []string{
		"We hebben korte lijnen met de wijkagent.|Elkaar bereiken > Korte lijnen|Anouk",
		"Nooit terugkoppeling gehad.||Anouk",
	})
	check(t, "respondents", resps, []string{"JW-01|jongerenwerker|Bergdorp", "JZ-02|jeugdzorgprofessional|Zeestad"})
	if id, ok := cb.Resolve("Elkaar bereiken > Korte lijnen"); !ok || id != "bereiken.korte_lijnen" {
		t.Errorf("the code path written resolves to %q", id)
	}
	if autoCoder != analysis.AutoCoder {
		t.Errorf("autoCoder %q, analysis.AutoCoder %q", autoCoder, analysis.AutoCoder)
	}
}

// NVivo 12's export of a real project (testdata/third_party/qdpx): two sources,
// "videos_selection" and "videos_10_selected", that the first-underscore rule would join
// into one respondent "videos". The study must state the rule. Expected values from the
// file's own XML:
//
//	unzip -p nvivo12_oltas0517.qdpx project.qde > nv.qde; /usr/bin/python3 -c "import
//	xml.etree.ElementTree as E; q='{urn:QDA-XML:project:1.0}'; r=E.parse('nv.qde').getroot();
//	[print(s.get('name'), len(list(s.iter(q+'PlainTextSelection'))), len(list(s.iter(q+'Coding'))))
//	for s in r.iter(q+'TextSource')]"
//	videos_selection 0 0
//	videos_10_selected 303 303      (all 303 codings by the user Gergo)
//
// NVivo writes a selection per coding: the 303 selections select 188 passages (distinct
// startPosition-endPosition), which the 303 codings share (no passage has one code twice):
//
//	/usr/bin/python3 -c "import xml.etree.ElementTree as E; q='{urn:QDA-XML:project:1.0}';
//	r=E.parse('nv.qde').getroot(); print(len({(s.get('startPosition'), s.get('endPosition'))
//	for s in r.iter(q+'PlainTextSelection')}))"
//	188
func TestReadQDPXNVivoRespondentRule(t *testing.T) {
	path := "../../testdata/third_party/qdpx/nvivo12_oltas0517.qdpx"
	_, err := ReadInterviews(path, Options{})
	if !errors.Is(err, ErrAmbiguousRespondent) || !strings.Contains(err.Error(), `the sources "videos_selection", "videos_10_selected" would be one respondent "videos"`) ||
		!strings.Contains(err.Error(), `name_pattern: "{respondent}"`) {
		t.Fatalf("default rule: %v", err)
	}
	ds, err := ReadInterviews(path, Options{NamePattern: "{respondent}"})
	if err != nil {
		t.Fatal(err)
	}
	var resp []string
	for _, r := range ds.Respondents {
		resp = append(resp, r.ID)
	}
	check(t, "respondents", resp, []string{"videos_selection", "videos_10_selected"})
	coders := map[string]int{}
	for _, c := range ds.Codings {
		coders[c.Coder]++
	}
	if len(ds.Segments) != 188 || len(ds.Codings) != 303 || coders["Gergo"] != 303 || len(ds.Rejects) != 0 {
		t.Errorf("%d segments, codings by coder %v, rejects %v", len(ds.Segments), coders, ds.Rejects)
	}
	for _, s := range ds.Segments {
		if s.Respondent != "videos_10_selected" {
			t.Fatalf("segment of %q", s.Respondent)
		}
	}
	if f := ds.Files[0]; f.Read != 303 || f.Accepted != 303 {
		t.Errorf("files %+v", ds.Files)
	}
	// Joining them is a choice the study can make explicitly.
	ds, err = ReadInterviews(path, Options{NamePattern: "{respondent}_{part}"})
	if err != nil || len(ds.Respondents) != 1 || ds.Respondents[0].ID != "videos" {
		t.Errorf("joined: %v %+v", err, ds.Respondents)
	}
}

// One passage selected several times is one segment: the codings of selections of the
// same range of the same source join it, each with its coder; a range that overlaps
// another but differs stays a segment of its own; every selection is a row read.
func TestReadQDPXPassages(t *testing.T) {
	text := "Met de wijkagent hebben we korte lijnen. Van de school horen we nooit meer iets terug. Dat is jammer."
	sel := func(guid string, start, end int, user string, codes ...string) string {
		x := fmt.Sprintf(`<PlainTextSelection guid="%s" startPosition="%d" endPosition="%d" creatingUser="%s">`, guid, start, end, user)
		for i, c := range codes {
			x += fmt.Sprintf(`<Coding guid="%s-%d" creatingUser="%s"><CodeRef targetGUID="%s"/></Coding>`, guid[:30], i, user, c)
		}
		return x + "</PlainTextSelection>"
	}
	const (
		a, b    = "00000000-0000-4000-8000-0000000000a1", "00000000-0000-4000-8000-0000000000b1"
		korte   = "00000000-0000-4000-8000-0000000000c1"
		geen    = "00000000-0000-4000-8000-0000000000c2"
		srcGUID = "00000000-0000-4000-8000-0000000000d1"
	)
	qde := `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="P" origin="Test">
<Users><User guid="` + a + `" name="A"/><User guid="` + b + `" name="B"/></Users>
<CodeBook><Codes><Code guid="` + korte + `" name="bereiken.korte_lijnen" isCodable="true"/><Code guid="` + geen + `" name="informeren.geen_terugkoppeling" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="` + srcGUID + `" name="JW01_Bergdorp"><PlainTextContent>` + text + `</PlainTextContent>` +
		sel("00000000-0000-4000-8000-000000000001", 0, 40, a, korte) +
		sel("00000000-0000-4000-8000-000000000002", 0, 40, a, geen) + // A's second code: co-occurs
		sel("00000000-0000-4000-8000-000000000003", 41, 86, a, geen) +
		sel("00000000-0000-4000-8000-000000000004", 41, 86, b, geen) + // B on the same passage: one unit
		sel("00000000-0000-4000-8000-000000000005", 41, 86, b, geen) + // B's code again: one coding
		sel("00000000-0000-4000-8000-000000000006", 41, 100, a, geen) + // overlaps, differs: its own
		sel("00000000-0000-4000-8000-000000000007", 41, 900, a, geen) + // outside: rejected
		`</TextSource></Sources></Project>`
	path := writeFile(t, "p.qde", []byte(qde))
	ds, err := ReadInterviews(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var segs, codings []string
	for _, s := range ds.Segments {
		segs = append(segs, fmt.Sprintf("%d-%d %s", s.Start, s.End, s.Text))
	}
	byID := map[string]string{}
	for _, s := range ds.Segments {
		byID[s.ID] = fmt.Sprintf("%d-%d", s.Start, s.End)
	}
	for _, c := range ds.Codings {
		codings = append(codings, byID[c.Segment]+" "+c.Raw+" "+c.Coder)
	}
	check(t, "segments", segs, []string{
		"0-40 Met de wijkagent hebben we korte lijnen.",
		"41-86 Van de school horen we nooit meer iets terug.",
		"41-100 Van de school horen we nooit meer iets terug. Dat is jammer",
	})
	check(t, "codings", codings, []string{
		"0-40 bereiken.korte_lijnen A", "0-40 informeren.geen_terugkoppeling A",
		"41-86 informeren.geen_terugkoppeling A", "41-86 informeren.geen_terugkoppeling B",
		"41-100 informeren.geen_terugkoppeling A",
	})
	if f := ds.Files[0]; f.Read != 7 || f.Accepted != 6 || f.Rejected != 1 {
		t.Errorf("files %+v", ds.Files)
	}
	// The id is the passage's, the same in another run and in a second export of the
	// project whose selections have other GUIDs.
	again, err := ReadInterviews(writeFile(t, "q.qde", []byte(strings.ReplaceAll(qde, `guid="00000000-0000-4000-8000-00000000000`, `guid="00000000-0000-4000-8000-00000000001`))), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range again.Segments {
		if s.ID != ds.Segments[i].ID {
			t.Errorf("segment %d: id %q, first read %q", i, s.ID, ds.Segments[i].ID)
		}
	}
	// A changed text is another passage.
	changed, err := ReadInterviews(writeFile(t, "r.qde", []byte(strings.Replace(qde, "wijkagent", "wijkagen2", 1))), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if changed.Segments[0].ID == ds.Segments[0].ID {
		t.Errorf("changed text, same id %q", ds.Segments[0].ID)
	}
}

// FuzzReadQDE reads arbitrary bytes as a bare REFI-QDA project: no panic, every selection
// accounted for, segment ids unique (one segment per passage), every coding on a segment
// read, and no coding (segment, code, coder) twice.
func FuzzReadQDE(f *testing.F) {
	for _, p := range []string{"testdata/qdpx/nvivo/project.qde", "testdata/qdpx/maxqda/Studie.qde"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`<Project xmlns="urn:QDA-XML:project:1.0" name="P"><Users><User guid="a" name="A"/></Users><Sources>` +
		`<TextSource guid="s" name="JW01_x"><PlainTextContent>Korte lijnen, nooit terugkoppeling.</PlainTextContent>` +
		`<PlainTextSelection guid="1" startPosition="0" endPosition="12" creatingUser="a"><Coding guid="c1"><CodeRef targetGUID="k"/></Coding></PlainTextSelection>` +
		`<PlainTextSelection guid="2" startPosition="0" endPosition="12" creatingUser="a"><Coding guid="c2"><CodeRef targetGUID="k"/></Coding></PlainTextSelection>` +
		`</TextSource></Sources></Project>`))
	// A source in a municipality Case and a person Case (qdpx_cases.go).
	f.Add([]byte(`<Project xmlns="urn:QDA-XML:project:1.0" name="P"><Sources>` +
		`<TextSource guid="s" name="Interview 1"><PlainTextContent>Korte lijnen.</PlainTextContent></TextSource></Sources>` +
		`<Cases><Case guid="b" name="Bergdorp"><SourceRef targetGUID="s"/></Case><Case guid="j" name="JW01"><SourceRef targetGUID="s"/></Case></Cases></Project>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "JW01_p.qde")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		ds, err := ReadInterviews(path, Options{Format: "qdpx", NamePattern: "{respondent}"})
		if err != nil {
			return
		}
		for _, fc := range ds.Files {
			if fc.Read != fc.Accepted+fc.Rejected {
				t.Fatalf("read %d != %d + %d", fc.Read, fc.Accepted, fc.Rejected)
			}
		}
		ids := map[string]bool{}
		for _, s := range ds.Segments {
			if ids[s.ID] {
				t.Fatalf("segment id %q twice", s.ID)
			}
			ids[s.ID] = true
		}
		seen := map[[3]string]bool{}
		for _, c := range ds.Codings {
			if !ids[c.Segment] {
				t.Fatalf("coding on segment %q, which was not read", c.Segment)
			}
			k := [3]string{c.Segment, c.Raw, c.Coder}
			if seen[k] {
				t.Fatalf("coding %q twice", k)
			}
			seen[k] = true
		}
	})
}
