package pipeline

import (
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/data"
	"github.com/xuri/excelize/v2"
)

// TestNothingLost generates studies with bad rows and cells injected at random and checks
// that for every input file rows read = accepted + rejected, that the rejects table holds
// exactly the rejected rows of each file, and that every reject names its row.
func TestNothingLost(t *testing.T) {
	for seed := uint64(1); seed <= 12; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			dir := t.TempDir()
			want := writeRandomStudy(t, dir, rand.New(rand.NewPCG(seed, 7)))
			s, err := LoadStudy(dir)
			if err != nil {
				t.Fatal(err)
			}
			out, err := Execute(s, "test")
			if err != nil {
				t.Fatal(err)
			}
			rejects := out.Results.Table("rejects")
			perFile := map[string]int{}
			for _, r := range rejects.Rows {
				perFile[r[0].(string)]++
				if loc, _ := r[1].(string); !strings.Contains(loc, "row") {
					t.Errorf("reject without a row: %v", r)
				}
				if reason, _ := r[3].(string); reason == "" {
					t.Errorf("reject without a reason: %v", r)
				}
			}
			for _, f := range out.Data.Files {
				if f.Read != f.Accepted+f.Rejected {
					t.Errorf("%s: read %d != accepted %d + rejected %d", f.Path, f.Read, f.Accepted, f.Rejected)
				}
				if w, ok := want[f.Path]; ok {
					if f.Read != w.read {
						t.Errorf("%s: read %d rows, the file has %d", f.Path, f.Read, w.read)
					}
					// A bad row is rejected whole; a bad survey cell is rejected as a cell
					// and the rest of its row is used: either way it is in rejects.
					if perFile[f.Path] < w.bad {
						t.Errorf("%s: %d rejects, %d rows or cells were made bad", f.Path, perFile[f.Path], w.bad)
					}
					if w.rowsBad && f.Rejected < w.bad {
						t.Errorf("%s: rejected %d rows, %d were made bad", f.Path, f.Rejected, w.bad)
					}
				}
				if perFile[f.Path] < f.Rejected {
					t.Errorf("%s: %d rejected but %d in rejects", f.Path, f.Rejected, perFile[f.Path])
				}
			}
			if len(out.Data.Files) != len(want) {
				t.Errorf("%d files accounted for, want %d", len(out.Data.Files), len(want))
			}
		})
	}
}

type fileWant struct {
	read, bad int
	rowsBad   bool // the injected problems make whole rows unusable
}

// writeRandomStudy writes respondents, coded segments (.xlsx) and a survey (.csv) with a
// random number of rows, some of them bad, and returns per file the rows and bad rows.
func writeRandomStudy(t *testing.T, dir string, rng *rand.Rand) map[string]fileWant {
	t.Helper()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "codebook.yaml"), data.DefaultCodebook, 0o644))
	must(os.WriteFile(filepath.Join(dir, "study.yaml"), []byte(
		"codebook: codebook.yaml\nrespondents: respondenten.xlsx\ninterviews: [codering.xlsx]\nsurvey: [enquete.csv]\n"), 0o644))
	want := map[string]fileWant{}
	roles := []string{"Jongerenwerker", "Jeugdzorgprofessional", "Jongere"}
	muns := []string{"Bergdorp", "Zeeveen"}

	nResp := 3 + rng.IntN(10)
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Respondent", "Naam", "Gemeente", "Functie"})
	for i := 0; i < nResp; i++ {
		f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+2), &[]any{fmt.Sprintf("R%02d", i+1), "Naam " + fmt.Sprint(i), muns[rng.IntN(2)], roles[rng.IntN(3)]})
	}
	must(f.SaveAs(filepath.Join(dir, "respondenten.xlsx")))
	want["respondenten.xlsx"] = fileWant{read: nResp}

	codes := []string{"bereiken.korte_lijnen", "Kennen > Vertrouwen", "informeren.privacy", "", "Iets onbekends"}
	g := excelize.NewFile()
	g.SetSheetRow("Sheet1", "A1", &[]any{"Respondent", "Segment", "Tekst", "Code", "Codeur"})
	nRows, bad := 5+rng.IntN(40), 0
	for i := 0; i < nRows; i++ {
		resp := fmt.Sprintf("R%02d", 1+rng.IntN(nResp))
		text := fmt.Sprintf("We hebben korte lijnen met het wijkteam, fragment %d.", i)
		switch rng.IntN(6) {
		case 0:
			resp, bad = "R99", bad+1 // unknown respondent
		case 1:
			text, bad = "  ", bad+1 // empty segment
		}
		g.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+2), &[]any{resp, fmt.Sprintf("S%d", i), text, codes[rng.IntN(len(codes))], []string{"A", "B"}[rng.IntN(2)]})
	}
	must(g.SaveAs(filepath.Join(dir, "codering.xlsx")))
	want["codering.xlsx"] = fileWant{read: nRows, bad: bad, rowsBad: true}

	sf, err := os.Create(filepath.Join(dir, "enquete.csv"))
	must(err)
	w := csv.NewWriter(sf)
	w.Comma = ';'
	w.Write([]string{"Respondent", "Gemeente", "Functie", "K1", "K2", "B1", "B4"})
	labels := []string{"Mee eens", "Helemaal mee oneens", "3", "Weet niet", "", "Neutraal"}
	nSurvey, badS := 5+rng.IntN(60), 0
	for i := 0; i < nSurvey; i++ {
		id := fmt.Sprintf("E%03d", i+1)
		row := []string{id, muns[rng.IntN(2)], roles[rng.IntN(2)]}
		for j := 0; j < 4; j++ {
			row = append(row, labels[rng.IntN(len(labels))])
		}
		switch rng.IntN(8) {
		case 0:
			row[3], badS = "9", badS+1 // outside the scale
		case 1:
			row[4], badS = "Soms", badS+1 // unknown label
		case 2:
			if i > 0 {
				row[0], badS = "E001", badS+1 // duplicate respondent
			}
		}
		w.Write(row)
	}
	w.Flush()
	must(sf.Close())
	want["enquete.csv"] = fileWant{read: nSurvey, bad: badS}
	return want
}
