package refiqda_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/refiqda"
)

const schema = "../../testdata/third_party/refi-qda/Project-mrt2019.xsd"

func testCodebook() *codebook.Codebook {
	cb := &codebook.Codebook{Name: "Samenwerking", Factors: []codebook.Factor{
		{ID: "bereiken", Label: codebook.Text{"nl": "Elkaar bereiken", "en": "Reaching each other"}, Codes: []codebook.Code{
			{ID: "bereiken.korte_lijnen", Label: codebook.Text{"nl": "Korte lijnen", "en": "Short lines"}, Valence: codebook.Facilitator},
		}},
		{ID: "informeren", Label: codebook.Text{"nl": "Op de hoogte houden"}, Codes: []codebook.Code{
			{ID: "informeren.geen_terugkoppeling", Label: codebook.Text{"nl": "Geen terugkoppeling"}, Valence: codebook.Barrier},
		}},
	}}
	cb.Prepare()
	return cb
}

func testDataset() protected.Dataset {
	return protected.Dataset{
		Respondents: []protected.Respondent{
			{Pseudonym: "JW01", Municipality: "Bergdorp", Role: "jongerenwerker", Attributes: map[string]string{"leeftijd": "34"}},
			{Pseudonym: "JZ02", Municipality: "Zeestad", Role: "jeugdzorgprofessional"},
		},
		Segments: []protected.Segment{
			{ID: "T#1", Respondent: "JW01", Document: "JW01_Bergdorp.txt", Text: "Hoe bereik je de wijkagent?", Start: 3, End: 30, Interviewer: true},
			{ID: "T#2", Respondent: "JW01", Document: "JW01_Bergdorp.txt", Text: "Ik app hem, korte lijnen.", Start: 34, End: 59},
			{ID: "T#3", Respondent: "JW01", Document: "JW01_Bergdorp.txt", Text: "Veilig Thuis laat niets weten — nooit.", Start: 63, End: 101},
			{ID: "S9", Respondent: "JZ02", Text: "Het wijkteam belt € terug, soms.", Start: -1, End: -1},
		},
		Codings: []protected.Coding{
			{Segment: "T#2", Code: "bereiken.korte_lijnen", Raw: "Bereiken > Korte lijnen", Coder: "Anna"},
			{Segment: "T#2", Code: "bereiken.korte_lijnen", Raw: "Bereiken > Korte lijnen", Coder: "auto", Rule: "korte lijn*"},
			{Segment: "T#3", Code: "informeren.geen_terugkoppeling", Raw: "Geen terugkoppeling", Coder: "Bram"},
			{Segment: "T#3", Raw: "Onbekend::Iets", Coder: "Anna"},
			{Segment: "S9", Raw: "", Coder: "Bram"}, // reviewed, nothing applies
		},
	}
}

func write(t *testing.T, dir string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := refiqda.WriteProject(&buf, testDataset(), testCodebook(), refiqda.WriteOptions{Name: "Test"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "review.qdpx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestWriteProjectReadsBack writes a dataset and reads it back through the ingest
// reader: segments, codings with their coders, and attributes survive; the auto-coder's
// coding is in the project but not read back (a run codes the segments again).
func TestWriteProjectReadsBack(t *testing.T) {
	path := write(t, t.TempDir())
	ds, err := ingest.ReadInterviews(path, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Rejects) != 0 {
		t.Fatalf("rejects: %+v", ds.Rejects)
	}
	cb := testCodebook()
	var got []string
	text := map[string]string{}
	for _, s := range ds.Segments {
		text[s.ID] = s.Respondent + "|" + s.Document + "|" + s.Text
	}
	for _, c := range ds.Codings {
		code, _ := cb.Resolve(c.Raw)
		got = append(got, fmt.Sprintf("%s|%s|%s|%s", text[c.Segment], c.Raw, code, c.Coder))
	}
	sort.Strings(got)
	want := []string{
		"JW01|JW01_Bergdorp.txt|Ik app hem, korte lijnen.|Elkaar bereiken > Korte lijnen|bereiken.korte_lijnen|Anna",
		"JW01|JW01_Bergdorp.txt|Veilig Thuis laat niets weten — nooit.|Onbekend::Iets||Anna",
		"JW01|JW01_Bergdorp.txt|Veilig Thuis laat niets weten — nooit.|Op de hoogte houden > Geen terugkoppeling|informeren.geen_terugkoppeling|Bram",
		"JZ02|JZ02|Het wijkteam belt € terug, soms.|||Bram",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("codings:\ngot  %q\nwant %q", got, want)
	}
	interviewer := 0
	for _, s := range ds.Segments {
		if s.Interviewer {
			interviewer++
		}
	}
	if len(ds.Segments) != 4 || interviewer != 1 {
		t.Errorf("%d segments, %d of the interviewer; want 4 and 1 (the interviewer's turn reads back as context only)", len(ds.Segments), interviewer)
	}
	var resp []string
	for _, r := range ds.Respondents {
		resp = append(resp, fmt.Sprintf("%s|%s|%s|%v", r.ID, r.Municipality, r.Role, r.Attributes))
	}
	wantResp := []string{"JW01|Bergdorp|jongerenwerker|map[leeftijd:34]", "JZ02|Zeestad|jeugdzorgprofessional|map[]"}
	if !reflect.DeepEqual(resp, wantResp) {
		t.Errorf("respondents:\ngot  %q\nwant %q", resp, wantResp)
	}
}

func TestWriteProjectValidates(t *testing.T) {
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint not installed")
	}
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := refiqda.WriteProject(&buf, testDataset(), testCodebook(), refiqda.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	// Unpack project.qde with the standard library and validate it.
	p, _ := buildQDE(t, buf.Bytes())
	qde := filepath.Join(dir, "project.qde")
	os.WriteFile(qde, p, 0o644)
	out, err := exec.Command("xmllint", "--noout", "--schema", schema, qde).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
}

func TestWriteProjectIsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	refiqda.WriteProject(&a, testDataset(), testCodebook(), refiqda.WriteOptions{})
	refiqda.WriteProject(&b, testDataset(), testCodebook(), refiqda.WriteOptions{})
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same dataset differ")
	}
}

func TestGUIDIsStableVersion5(t *testing.T) {
	g := refiqda.GUID("code", "bereiken.korte_lijnen")
	if g != refiqda.GUID("code", "bereiken.korte_lijnen") || g == refiqda.GUID("code", "bereiken.smoelenboek") {
		t.Fatal("GUID not a function of kind and id")
	}
	// RFC 4122: version nibble 5, variant bits 10.
	if len(g) != 36 || g[14] != '5' || (g[19] != '8' && g[19] != '9' && g[19] != 'a' && g[19] != 'b') {
		t.Errorf("%s is not a version-5 UUID", g)
	}
}
