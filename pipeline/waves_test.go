package pipeline

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/analysis"
	"github.com/samenspel/samenspel/pipeline/model"
)

// Issue 18: a study of two waves. E01-E08 answer in both (paired), E09-E12 only in 2024,
// E20-E23 only in 2025. Every (wave, id) is a respondent of its own with its own answers;
// the two respondents of one id share a pseudonym; the respondents table's role and
// municipality hold in both waves.
func TestTwoWavesPairedAndSingle(t *testing.T) {
	dir := t.TempDir()
	cb, _ := filepath.Abs("../data/codebooks/samenwerking.yaml")
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	waves := map[string][]int{"2024": {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, "2025": {1, 2, 3, 4, 5, 6, 7, 8, 20, 21, 22, 23}}
	// answer gives every (wave, id) answers of its own, so an overwritten or dropped
	// answer shows.
	answer := func(wave string, id, item int) int {
		w := 0
		if wave == "2025" {
			w = 2
		}
		return 1 + (id*3+item+w)%5
	}
	people := "respondent;gemeente;rol\n"
	for _, id := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 20, 21, 22, 23} {
		people += fmt.Sprintf("E%02d;%s;jongerenwerker\n", id, []string{"Bergdorp", "Zeeveen"}[id%2])
	}
	write("respondenten.csv", people)
	for wave, ids := range waves {
		b := strings.Builder{}
		b.WriteString("Respondent;K1;K2;K3;K4\n")
		for _, id := range ids {
			fmt.Fprintf(&b, "E%02d;%d;%d;%d;%d\n", id, answer(wave, id, 0), answer(wave, id, 1), answer(wave, id, 2), answer(wave, id, 3))
		}
		write(wave+".csv", b.String())
	}
	write("study.yaml", "codebook: "+cb+"\nrespondents: respondenten.csv\nsurvey:\n  - {path: 2024.csv, wave: 2024}\n  - {path: 2025.csv, wave: 2025}\ngroups: [wave]\nprivacy: {min_cell: 2}\n")
	s, err := LoadStudy(dir)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Execute(s, "test")
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Data.Respondents) != 24 {
		t.Fatalf("%d respondents, want 24 (12 per wave)", len(out.Data.Respondents))
	}
	if len(out.Key) != 16 {
		t.Errorf("%d pseudonym key entries, want one per person (16)", len(out.Key))
	}
	for _, w := range out.Summary.Warnings {
		// the made-up answers run against their scale here (reliability_reversed.go);
		// that warning is not about the waves
		if !strings.Contains(w.Error(), "r_drop") {
			t.Errorf("ids shared between waves are no warning: %q", w)
		}
	}
	idOf := map[string]int{}
	for _, k := range out.Key {
		n, _ := strconv.Atoi(strings.TrimPrefix(k[0], "E"))
		idOf[k[1]] = n
	}
	inWave := map[string]map[int]bool{}
	for _, r := range out.Data.Respondents {
		id, ok := idOf[r.Pseudonym]
		if !ok {
			t.Fatalf("respondent %s has no key entry", r.Pseudonym)
		}
		if inWave[r.Wave] == nil {
			inWave[r.Wave] = map[int]bool{}
		}
		if inWave[r.Wave][id] {
			t.Errorf("E%02d twice in wave %s", id, r.Wave)
		}
		inWave[r.Wave][id] = true
		if want := []string{"Bergdorp", "Zeeveen"}[id%2]; r.Municipality != want || r.Role != "jongerenwerker" {
			t.Errorf("E%02d in wave %s: municipality %q role %q, want the respondents table's %q, jongerenwerker", id, r.Wave, r.Municipality, r.Role, want)
		}
	}
	for wave, ids := range waves {
		if len(inWave[wave]) != len(ids) {
			t.Errorf("wave %s: %d respondents, want %d", wave, len(inWave[wave]), len(ids))
		}
	}
	in := &analysis.Input{Data: out.Data, Codebook: out.Codebook}
	in.Prepare()
	var kennen *analysis.ScaleAnswers
	for _, sa := range in.WaveScales() {
		if sa.Scale.ID == "kennen" {
			kennen = sa
		}
	}
	// The cross-sectional tables describe the latest wave only: each person once.
	if in.LatestWave() != "2025" {
		t.Errorf("latest wave %q, want 2025", in.LatestWave())
	}
	for _, sa := range in.SurveyScales() {
		if sa.Scale.ID != "kennen" {
			continue
		}
		if len(sa.Respondents) != len(waves["2025"]) {
			t.Errorf("cross-section: %d rows, want the %d of wave 2025", len(sa.Respondents), len(waves["2025"]))
		}
		for i, w := range sa.Waves {
			if w != "2025" {
				t.Errorf("cross-section row %d (%s) is of wave %s", i, sa.Respondents[i], w)
			}
		}
	}
	if kennen == nil || len(kennen.Respondents) != 24 {
		t.Fatalf("kennen: want 24 rows, got %v", kennen)
	}
	for i := range kennen.Respondents {
		r := kennen.Respondent(i)
		if r == nil || r.Pseudonym != kennen.Respondents[i] || r.Wave != kennen.Waves[i] {
			t.Fatalf("row %d: Respondent %+v, want %s in wave %s", i, r, kennen.Respondents[i], kennen.Waves[i])
		}
		id := idOf[r.Pseudonym]
		for j, v := range kennen.Asked[i] {
			if want := float64(answer(r.Wave, id, j)); v != want || math.IsNaN(v) {
				t.Errorf("E%02d wave %s item %d: %v, want %v", id, r.Wave, j, v, want)
			}
		}
	}
}

// The interviews of two waves may reuse an export's segment ids: each wave's segments
// stay apart, and their codings follow them.
func TestInWaveKeepsSegmentsApart(t *testing.T) {
	read := func(wave string) model.Dataset {
		ds := model.Dataset{
			Respondents: []model.Respondent{{ID: "R01"}},
			Segments:    []model.Segment{{ID: "R01-1", Respondent: "R01", Text: "tekst " + wave}},
			Codings:     []model.Coding{{Segment: "R01-1", Code: "korte_lijnen", Coder: "A"}},
		}
		inWave(&ds, wave)
		return ds
	}
	var d model.Dataset
	d.Merge(read("2024"))
	d.Merge(read("2025"))
	if len(d.Respondents) != 2 || d.Respondents[0].Wave != "2024" || d.Respondents[1].Wave != "2025" {
		t.Fatalf("respondents: %+v", d.Respondents)
	}
	renameSegments(&d)
	if len(d.Segments) != 2 || d.Segments[0].ID == d.Segments[1].ID {
		t.Fatalf("segments of two waves: %+v", d.Segments)
	}
	for i, c := range d.Codings {
		if c.Segment != d.Segments[i].ID {
			t.Errorf("coding %d names %s, want its segment %s", i, c.Segment, d.Segments[i].ID)
		}
	}
}

// The respondents table's entry (no wave) fills the person's respondents in every wave,
// each with attributes of its own, and goes when nothing of its own is left to it; an
// interviewee without a wave stays.
func TestSpreadWaveless(t *testing.T) {
	d := model.Dataset{
		Respondents: []model.Respondent{
			{ID: "E01", Role: "jongerenwerker", Municipality: "Bergdorp", Attributes: map[string]string{"team": "noord"}},
			{ID: "E02", Role: "wijkagent"},
			{ID: "E01", Wave: "2024", Municipality: "Zeeveen", Attributes: map[string]string{"leeftijd": "30"}},
			{ID: "E01", Wave: "2025"},
			{ID: "E02", Wave: "2025"},
		},
		Segments: []model.Segment{{ID: "s", Respondent: "E02"}},
	}
	spreadWaveless(&d)
	if len(d.Respondents) != 4 {
		t.Fatalf("respondents: %+v", d.Respondents)
	}
	want := []struct{ id, wave, role, mun, leeftijd string }{
		{"E02", "", "wijkagent", "", ""},
		{"E01", "2024", "jongerenwerker", "Bergdorp", "30"},
		{"E01", "2025", "jongerenwerker", "Bergdorp", ""},
		{"E02", "2025", "wijkagent", "", ""},
	}
	for i, w := range want {
		r := d.Respondents[i]
		if r.ID != w.id || r.Wave != w.wave || r.Role != w.role || r.Municipality != w.mun || r.Attributes["leeftijd"] != w.leeftijd {
			t.Errorf("respondent %d: %+v, want %+v", i, r, w)
		}
	}
	if d.Respondents[1].Attributes["team"] != "noord" || d.Respondents[2].Attributes["team"] != "noord" {
		t.Errorf("the table's attribute in both waves: %v, %v", d.Respondents[1].Attributes, d.Respondents[2].Attributes)
	}
}
