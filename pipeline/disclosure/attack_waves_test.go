package disclosure

import (
	"fmt"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/protected"
)

// The wave tables take part in the differencing attack: a municipality shown in scales
// (both waves together) and in one wave gives away its count in the other; the pairs of
// a paired comparison and the n_from of a comparison of independent samples count too.
func TestAttackWaves(t *testing.T) {
	fs := attack(map[string]string{"scales": `scale,group_by,group,n
		kennen,all,all,40
		kennen,municipality,Aardam,24
		kennen,municipality,Bergdorp,16`, "wave_scales": `scale,wave,group_by,group,n
		kennen,2024,all,all,18
		kennen,2025,all,all,22
		kennen,2024,municipality,Aardam,15
		kennen,2025,municipality,Bergdorp,13`})
	if !hasFinding(fs, "municipality Bergdorp (score kennen wave 2024) = 3 (from scales, wave_scales)") {
		t.Errorf("scales minus a wave: %v", fs)
	}
	fs = attack(map[string]string{"wave_comparisons": `scale,group_by,group,wave_from,wave_to,test,n,n_from,n_to
		kennen,all,all,2024,2025,wilcoxon_signed_rank,14,14,14
		kennen,municipality,Aardam,2024,2025,wilcoxon_signed_rank,10,10,10
		kennen,all,all,2024,2025,mann_whitney,40,18,22
		kennen,municipality,Aardam,2024,2025,mann_whitney,30,15,15`})
	if !hasFinding(fs, "(pairs kennen 2024-2025) = 4 (from wave_comparisons)") {
		t.Errorf("pairs: %v", fs)
	}
	if !hasFinding(fs, "(score kennen wave 2024) = 3 (from wave_comparisons)") {
		t.Errorf("n_from: %v", fs)
	}
	// Nothing small left over: no finding.
	fs = attack(map[string]string{"wave_scales": `scale,wave,group_by,group,n
		kennen,2024,all,all,18
		kennen,2024,municipality,Aardam,13`})
	if len(fs) != 0 {
		t.Errorf("rest of 5: %v", fs)
	}
}

// A group's size counts people, not measurements: Bergdorp's 3 people measured in two
// waves are 6 members of the survey's populations but 3 respondents, and are pooled;
// grouped by wave, each wave counts its own people.
func TestDecideCountsPeopleAcrossWaves(t *testing.T) {
	var resp []protected.Respondent
	all := map[string]bool{}
	add := func(p, mun string, waves ...string) {
		for _, w := range waves {
			r := protected.Respondent{Pseudonym: p, Role: "jongerenwerker", Municipality: mun, Wave: w}
			resp = append(resp, r)
			all[r.Key()] = true
		}
	}
	for i := range 10 {
		add(fmt.Sprintf("JO-%02d", i+1), "Aardam", "2024", "2025")
	}
	for i := range 3 {
		add(fmt.Sprintf("JO-%02d", i+11), "Bergdorp", "2024", "2025")
	}
	for i := range 20 {
		add(fmt.Sprintf("JO-%02d", i+14), "Citadel", "2024")
	}
	d := Decide(Input{Respondents: resp, Groupings: []string{"municipality", "wave"},
		Populations: []Population{{Name: "surveyed", Strand: Survey, Members: all}}}, Rules{})
	if got, want := statuses(d, "municipality"), "Aardam:pooled Bergdorp:pooled Citadel:shown"; got != want {
		t.Errorf("municipality: %s, want %s", got, want)
	}
	if got, want := statuses(d, "wave"), "2024:shown 2025:shown"; got != want {
		t.Errorf("wave: %s, want %s", got, want)
	}
}

// Attack 13 (wave-newcomer-by-difference): a group's wave count (the independent row's
// n_to, or wave_scales' n) less its pairs is the number of people new to it, whose score
// the two rows' means give; leavers alike with n_from.
func TestAttackWaveNewcomers(t *testing.T) {
	fs := attack(map[string]string{"wave_comparisons": `scale,group_by,group,wave_from,wave_to,test,n,n_from,n_to
		kennen,all,all,2024,2025,wilcoxon_signed_rank,20,20,20
		kennen,all,all,2024,2025,mann_whitney,41,20,21
		kennen,municipality,Zeeveen,2024,2025,wilcoxon_signed_rank,10,10,10
		kennen,municipality,Bergdorp,2024,2025,wilcoxon_signed_rank,10,10,10`, "wave_scales": `scale,wave,group_by,group,n
		kennen,2024,municipality,Zeeveen,10
		kennen,2025,municipality,Zeeveen,11
		kennen,2024,municipality,Bergdorp,10
		kennen,2025,municipality,Bergdorp,10`})
	for _, want := range []string{
		"all all: new in 2025 (kennen respondents less its pairs) = 1 (from wave_comparisons)",
		"municipality Zeeveen: new in 2025 (kennen respondents less its pairs) = 1 (from wave_comparisons, wave_scales)",
	} {
		if !hasFinding(fs, want) {
			t.Errorf("no %q in %v", want, fs)
		}
	}
	for _, f := range fs {
		if strings.Contains(f, "Bergdorp") {
			t.Errorf("Bergdorp has no newcomers: %v", f)
		}
	}
	// Five newcomers are not a small cell.
	fs = attack(map[string]string{"wave_comparisons": `scale,group_by,group,wave_from,wave_to,test,n,n_from,n_to
		kennen,all,all,2024,2025,wilcoxon_signed_rank,20,20,20
		kennen,all,all,2024,2025,mann_whitney,45,20,25`})
	if len(fs) != 0 {
		t.Errorf("findings %v", fs)
	}
}
