package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

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
			"b0000000-0000-4000-8000-000000000001|JW01|Interview jongerenwerker|Ik app hem gewoon, we hebben korte lijnen.|34-76",
			"b0000000-0000-4000-8000-000000000002|JW01|Interview jongerenwerker|Daar hoor ik nooit meer iets van na een melding.|100-148",
		},
		Codings: []string{
			"b0000000-0000-4000-8000-000000000001|Elkaar bereiken > Korte lijnen|Anna",
			"b0000000-0000-4000-8000-000000000001|Elkaar kennen > Vertrouwen|Bram",
			"b0000000-0000-4000-8000-000000000002|Op de hoogte houden > Geen terugkoppeling|Bram", // coder of the selection
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
			"b1000000-0000-4000-8000-000000000001|JZ02|JZ02_Zeestad|De school laat niets van zich horen.|47-83",
			"b1000000-0000-4000-8000-000000000002|JW05|JW05_Bergdorp.docx|We zitten elke week samen in het ZAT, dat werkt goed.|3-56",
		},
		Codings: []string{
			"b1000000-0000-4000-8000-000000000001|Op de hoogte houden > Terugkoppeling|Carla",
			"b1000000-0000-4000-8000-000000000002|Elkaar bereiken > Casuistiekoverleg|Carla",
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
