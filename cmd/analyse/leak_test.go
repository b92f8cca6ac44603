package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoNameLeaks runs a study whose respondent ids are names without digits, whose file
// names, code names, segment ids and texts hold names, phone numbers and a date of birth,
// with every output (qdpx included), and searches every file written, inside the
// xlsx and qdpx archives too, for any of them.
func TestNoNameLeaks(t *testing.T) {
	dir := t.TempDir()
	cb, _ := filepath.Abs("../../data/codebooks/samenwerking.yaml")
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("study.yaml", "title: Lekken\ncodebook: "+cb+"\ninterviews:\n  - path: \"Interview Sanne de Vries.csv\"\n  - path: \"Emma Visser_12-03-2008.txt\"\n"+
		"groups: [municipality]\noutputs: [csv, xlsx, svg, html, md, qdpx]\nprivacy: {min_cell: 1, coders: pseudonymise, names: [\"Het Baken\"]}\n")
	write("Interview Sanne de Vries.csv", "Respondent;Segment;Tekst;Code;Codeur;Gemeente;Functie\n"+
		"Daan Jansen;Daan Jansen-1;Daans moeder belt 06/12345678, we hebben korte lijnen met de wijkagent van Het Baken.;bereiken.korte_lijnen;Marieke Bos;Bergdorp;Jongere\n"+
		"Daan Jansen;Daan Jansen-2;Mevrouw Hoekstra van Veilig Thuis laat nooit meer iets weten, zegt Daan.;Gesprek met Lotte Kramer;Marieke Bos;Bergdorp;Jongere\n"+
		"Sanne de Vries;Sanne de Vries-1;Ik ken Zoë van het wijkteam persoonlijk, haar BSN 123 456 782 heb ik niet.;kennen.persoonlijk;Marieke Bos;Bergdorp;Jongerenwerker\n"+
		";x;Een rij zonder respondent over Sanne de Vries.;kennen.persoonlijk;Marieke Bos;Bergdorp;Jongerenwerker\n")
	write("Emma Visser_12-03-2008.txt", "I: Hoe werk je samen met de wijkagent?\nR: Heel goed, Emma hier. We hebben korte lijnen, ik app hem gewoon.\n")
	out := filepath.Join(t.TempDir(), "out")
	var so, se bytes.Buffer
	if code := run([]string{"run", dir, "-o", out, "-accept-rejects"}, &so, &se); code != 0 { // the row without a respondent is rejected on purpose
		t.Fatalf("exit %d: %s", code, se.String())
	}
	secrets := []string{"Daan", "Jansen", "Sanne", "Vries", "Emma", "Visser", "12-03-2008", "Hoekstra",
		"Lotte", "Kramer", "Zoë", "Marieke", "Bos", "06/12345678", "123 456 782", "Baken"}
	checkNoLeaks(t, out, so.Bytes(), se.Bytes(), secrets)
}

// TestRejectedIDsDoNotLeak runs the case whose respondents are numbered 555011 to 555016
// and whose survey and interviews hold ids that the respondents table lacks or that come
// twice, in every form the redactor's name test used to let through (digits only, lower
// case with a dot), typed in a text and in a code name too: no output may hold any of them.
func TestRejectedIDsDoNotLeak(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	var so, se bytes.Buffer
	if code := run([]string{"run", "../../testdata/cases/privacy/rejected_ids_of_any_form", "-o", out, "-accept-rejects"}, &so, &se); code != 0 {
		t.Fatalf("exit %d: %s", code, se.String())
	}
	checkNoLeaks(t, out, so.Bytes(), se.Bytes(), []string{"piet.jansen", "kees.devries", "555011", "555012", "555013", "555014", "555015", "555016", "555099",
		"Xylia", "Qwertyz", "Ymke", "Wopkez", "Zorbo", "Plinq", "Arvo", "Trumpq"})
}

// checkNoLeaks searches stdout, stderr and every file under out (inside .xlsx, .docx and
// .qdpx archives too; PNGs left aside) for each secret as a whole word.
func checkNoLeaks(t *testing.T, out string, stdout, stderr []byte, secrets []string) {
	t.Helper()
	check := func(name string, b []byte) {
		// A secret counts as a whole word only (embedded fonts hold "Bos" in base64).
		alnum := func(c byte) bool {
			return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
		}
		for _, s := range secrets {
			for off := 0; ; {
				i := bytes.Index(b[off:], []byte(s))
				if i < 0 {
					break
				}
				i += off
				off = i + 1
				if i > 0 && alnum(b[i-1]) || i+len(s) < len(b) && alnum(b[i+len(s)]) {
					continue
				}
				from, to := max(0, i-40), min(len(b), i+len(s)+40)
				t.Errorf("%s holds %q: …%s…", name, s, strings.ReplaceAll(string(b[from:to]), "\n", " "))
				break
			}
		}
	}
	check("stdout", stdout)
	check("stderr", stderr)
	err := filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".png") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, path)
		if strings.HasSuffix(path, ".xlsx") || strings.HasSuffix(path, ".qdpx") || strings.HasSuffix(path, ".docx") {
			zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				return err
			}
			for _, f := range zr.File {
				rc, err := f.Open()
				if err != nil {
					return err
				}
				body, _ := io.ReadAll(rc)
				rc.Close()
				check(rel+":"+f.Name, body)
			}
			return nil
		}
		check(rel, b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The summary's warnings about the inputs are in the report's notes and the manifest too,
// where the researcher and a reader of the report look, not only in the terminal.
func TestWarningsReachTheReport(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	var so, se bytes.Buffer
	run([]string{"run", "../../testdata/cases/accounting/same_ids_in_two_files", "-o", out, "-quiet"}, &so, &se)
	want := "20 respondentcode(s) komen voor in zowel enquete/bergdorp.csv als enquete/zeeveen.csv"
	for _, f := range []string{"report.md", "manifest.json"} {
		b, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), want) {
			t.Errorf("%s does not hold the warning %q", f, want)
		}
	}
}

// TestSpeakerOnceDoesNotLeak runs the case of a name that opens one line of a transcript
// ("Zwarbeltje:", in the respondent's turn, and "Trijntje Zwarbel:", in the
// interviewer's), with every output: 0.8.0 published it in quotes, the joint display,
// the report and review.qdpx (readers14).
func TestSpeakerOnceDoesNotLeak(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	var so, se bytes.Buffer
	if code := run([]string{"run", "../../testdata/cases/privacy/speaker_once_name_redacted", "-o", out}, &so, &se); code != 0 {
		t.Fatalf("exit %d: %s", code, se.String())
	}
	checkNoLeaks(t, out, so.Bytes(), se.Bytes(), []string{"Zwarbeltje", "Zwarbel"})
}
