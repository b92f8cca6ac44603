package disclosure_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/disclosure"
)

// writeSmallMunicipalityStudy writes a study of four municipalities: Aardam, Bergdorp and
// Duinwijk with 10 interviewees each (5 youth workers, 5 neighbourhood team workers) and
// 20 surveyed, and Citadel with 2 interviewees and 3 surveyed, below min_cell 5. With
// mode pool, Citadel is pooled with Aardam in both strands, so the interviews may be
// counted per municipality (no role x municipality cell is small).
func writeSmallMunicipalityStudy(t *testing.T, dir, mode string) {
	t.Helper()
	type mun struct {
		name                  string
		interviewed, surveyed int
	}
	muns := []mun{{"Aardam", 10, 20}, {"Bergdorp", 10, 20}, {"Citadel", 2, 3}, {"Duinwijk", 10, 20}}
	var iv, sv strings.Builder
	iv.WriteString("Respondent;Segment;Tekst;Code;Codeur;Gemeente;Functie\n")
	sv.WriteString("Respondent;Gemeente;Functie;" + strings.Join(items, ";") + "\n")
	p, e := 0, 0
	for mi, m := range muns {
		for i := range m.interviewed {
			p++
			role := []string{"Jongerenwerker", "Wijkteammedewerker"}[i%2]
			for s := range 2 {
				text := sentences[(p+s+mi)%len(sentences)]
				code := codes[(p*3+s+mi)%len(codes)]
				fmt.Fprintf(&iv, "P%03d;P%03d-%d;%s (%d);%s;A;%s;%s\n", p, p, s+1, text, s+1, code, m.name, role)
			}
		}
		for i := range m.surveyed {
			e++
			fmt.Fprintf(&sv, "E%03d;%s;%s", e, m.name, []string{"School", "Wijkagent"}[i%2])
			for k := range items {
				fmt.Fprintf(&sv, ";%d", 1+(e*7+k*3+mi)%5)
			}
			sv.WriteString("\n")
		}
	}
	write(t, filepath.Join(dir, "codering.csv"), iv.String())
	write(t, filepath.Join(dir, "enquete.csv"), sv.String())
	cb, _ := filepath.Abs("../../data/codebooks/samenwerking.yaml")
	write(t, filepath.Join(dir, "study.yaml"), fmt.Sprintf("title: Kleine gemeente\ncodebook: %s\ninterviews: [codering.csv]\nsurvey: [enquete.csv]\n"+
		"groups: [role, municipality]\nprivacy: {min_cell: 5, small_groups: %s}\noutputs: [csv]\n", cb, mode))
}

// The joint display, the pairs of partners and the benchmark of a study with a small
// municipality: the municipality is pooled or hidden exactly as in the other tables,
// the attacker (which reads the new tables) recovers nothing, and it would recover the
// small municipality had the joint display shown it.
func TestJointDisplayWithASmallMunicipality(t *testing.T) {
	for _, mode := range []string{"pool", "suppress"} {
		t.Run(mode, func(t *testing.T) {
			dir := t.TempDir()
			writeSmallMunicipalityStudy(t, dir, mode)
			fs, p := attackStudy(t, dir)
			for _, f := range fs {
				t.Errorf("recoverable: %s", f)
			}
			for _, name := range []string{disclosure.JointTable, "partner_pairs", "municipality_benchmark", "scales", "code_frequencies"} {
				recs := p.Tables[name]
				if len(recs) < 2 {
					t.Fatalf("%s: no rows", name)
				}
				for _, r := range recs[1:] {
					if strings.Contains(strings.Join(r, ","), "Citadel") {
						t.Errorf("%s shows the small municipality: %v", name, r)
					}
				}
			}
			joint := p.Tables[disclosure.JointTable]
			col := map[string]int{}
			for i, c := range joint[0] {
				col[c] = i
			}
			groups := map[string]bool{}
			for _, r := range joint[1:] {
				groups[r[col["group"]]] = true
				if r[col["group"]] == "Bergdorp" {
					if r[col["group_respondents"]] != "10" || r[col["n"]] != "20" || r[col["meta_inference"]] == disclosure.OneSourceOnly {
						t.Errorf("Bergdorp should show both sources: %v", r)
					}
					if r[col["facilitator_quote"]] == "" && r[col["barrier_quote"]] == "" {
						t.Errorf("Bergdorp has no quote: %v", r)
					}
				}
			}
			// Aardam goes with Citadel: into the pool, or hidden beside it (complementary
			// suppression: the next smallest, ties by name).
			if groups["Overige gemeenten"] != (mode == "pool") || groups["Aardam"] || !groups["Bergdorp"] || !groups["Duinwijk"] {
				t.Errorf("groups %v: want Bergdorp, Duinwijk and, when pooling, the pool", groups)
			}

			// Had the joint display shown Citadel's 3 scores, the attacker would find them.
			leaked := append([]string(nil), joint[1]...)
			leaked[col["group_by"]], leaked[col["group"]], leaked[col["n"]], leaked[col["group_respondents"]] = "municipality", "Citadel", "3", ""
			p.Tables[disclosure.JointTable] = append(append([][]string(nil), joint...), leaked)
			found := false
			for _, f := range disclosure.Attack(p) {
				if strings.Contains(f.What, "Citadel") && f.N == 3 {
					found = true
				}
			}
			if !found {
				t.Error("the attacker does not read the joint display")
			}
		})
	}
}
