package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/results"
)

// The coding tables of a study whose interviews carry two waves get the latest wave's
// segments and their codings only, with the protect stage's segment numbers renumbered
// (or without them); open answers of a survey in waves beside interviews without waves
// leave everything as it was (attack 16, F05).
func TestLatestInterviewWave(t *testing.T) {
	p := &protected.Dataset{
		Segments: []protected.Segment{
			{ID: "JW-01/001", Respondent: "JW-01", Wave: "2024"},
			{ID: "JW-01/002", Respondent: "JW-01", Wave: "2025"},
			{ID: "JW-02/001", Respondent: "JW-02", Wave: "2024"},
			{ID: "JW-03/001", Respondent: "JW-03", Wave: "2025"},
		},
		Codings: []protected.Coding{
			{Segment: "JW-01/001", Code: "a"}, {Segment: "JW-01/002", Code: "b"},
			{Segment: "JW-02/001", Code: "c"}, {Segment: "gone", Code: "d"}, {Segment: "JW-03/001", Code: "e"},
		},
		CodingSegment: []int32{0, 1, 2, -1, 3},
	}
	w := findInterviewWaves(p, []string{"2023", "2024", "2025"})
	if w.latest != "2025" || !reflect.DeepEqual(w.earlier, []results.Wave{{Wave: "2024", Segments: 2}}) {
		t.Fatalf("waves %+v", w)
	}
	for _, numbered := range []bool{true, false} {
		q := *p
		if !numbered {
			q.CodingSegment = nil
		}
		cur := w.latestOnly(&q)
		var segs, codes []string
		for _, s := range cur.Segments {
			segs = append(segs, s.ID)
		}
		for _, c := range cur.Codings {
			codes = append(codes, c.Code)
		}
		if !reflect.DeepEqual(segs, []string{"JW-01/002", "JW-03/001"}) || !reflect.DeepEqual(codes, []string{"b", "d", "e"}) {
			t.Errorf("numbered %v: segments %v, codings %v", numbered, segs, codes)
		}
		if want := []int32{0, -1, 1}; numbered && !reflect.DeepEqual(cur.CodingSegment, want) {
			t.Errorf("segment numbers %v, want %v", cur.CodingSegment, want)
		}
		if !numbered && cur.CodingSegment != nil {
			t.Errorf("segment numbers %v made up", cur.CodingSegment)
		}
	}
	if len(p.Segments) != 4 || len(p.Codings) != 5 {
		t.Error("the protected dataset was changed")
	}
	held := w.latestCodings([]protected.Coding{{Segment: "JW-02/001"}, {Segment: "JW-03/001"}}, p)
	if len(held) != 1 || held[0].Segment != "JW-03/001" {
		t.Errorf("held %v", held)
	}
	got := w.latestInterviewed(map[string]bool{"JW-01": true, "JW-02": true, "JW-03": true}, &protected.Dataset{Segments: w.latestOnly(p).Segments})
	if !reflect.DeepEqual(got, map[string]bool{"JW-01": true, "JW-03": true}) {
		t.Errorf("interviewed %v", got)
	}

	// Open answers of a survey wave after the interviews' last are left out too, as a
	// later wave.
	later := &protected.Dataset{Segments: append(append([]protected.Segment{}, p.Segments...), protected.Segment{ID: "E01/001", Respondent: "E01", Wave: "2026", OpenAnswer: true})}
	if w := findInterviewWaves(later, []string{"2024", "2025", "2026"}); w.latest != "2025" || !reflect.DeepEqual(w.earlier, []results.Wave{{Wave: "2024", Segments: 2}, {Wave: "2026", Segments: 1, Later: true}}) {
		t.Errorf("a later survey wave's open answers: %+v", w)
	}

	// Interviews without a wave beside open answers of two survey waves (the example).
	open := &protected.Dataset{Segments: []protected.Segment{
		{ID: "a", Wave: ""}, {ID: "b", Wave: "2024", OpenAnswer: true}, {ID: "c", Wave: "2025", OpenAnswer: true},
	}}
	if w := findInterviewWaves(open, []string{"2024", "2025"}); w.latest != "" || len(w.latestOnly(open).Segments) != 3 {
		t.Errorf("open answers of survey waves left out: %+v", w)
	}
}

// wave_codes gives code_frequencies' rows of the study as a whole per interview wave:
// the latest wave's are code_frequencies' own, so no difference between the two tables
// counts anything, and a wave with fewer coded interviewees than min_cell is suppressed
// (attack 16, F05).
func TestWaveCodes(t *testing.T) {
	dir := t.TempDir()
	cb, _ := filepath.Abs("../data/codebooks/samenwerking.yaml")
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// 2023: 2 interviewees (below min_cell 3); 2024: 4, each saying korte lijnen twice;
	// 2025: 5, saying terugkoppeling once.
	people := map[string][]int{"2023": {1, 2}, "2024": {1, 2, 3, 4}, "2025": {1, 5, 6, 7, 8}}
	for wave, ids := range people {
		b := strings.Builder{}
		b.WriteString("Respondent;Segment;Tekst;Code;Codeur;Gemeente;Functie\n")
		for _, id := range ids {
			p := fmt.Sprintf("P%02d", id)
			switch wave {
			case "2024":
				fmt.Fprintf(&b, "%s;%s-1;We hebben korte lijnen.;bereiken.korte_lijnen;A;Bergdorp;Jongerenwerker\n", p, p)
				fmt.Fprintf(&b, "%s;%s-2;Ik bel gewoon even.;bereiken.korte_lijnen;A;Bergdorp;Jongerenwerker\n", p, p)
			default:
				fmt.Fprintf(&b, "%s;%s-1;Ze koppelen altijd terug.;informeren.terugkoppeling;A;Bergdorp;Jongerenwerker\n", p, p)
			}
		}
		write(wave+".csv", b.String())
	}
	write("study.yaml", "codebook: "+cb+"\ninterviews:\n  - {path: 2023.csv, wave: 2023}\n  - {path: 2024.csv, wave: 2024}\n  - {path: 2025.csv, wave: 2025}\ngroups: [municipality]\nautocode: {enabled: false}\nprivacy: {min_cell: 3}\n")
	s, err := LoadStudy(dir)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Execute(s, "test")
	if err != nil {
		t.Fatal(err)
	}
	res := out.Results
	if res.InterviewWave != "2025" || !reflect.DeepEqual(res.EarlierWaves, []results.Wave{{Wave: "2023", Segments: 2}, {Wave: "2024", Segments: 8}}) || res.EarlierInterviewed != 3 {
		t.Errorf("wave %q, earlier %+v, interviewed earlier only %d; want 2025, 2023: 2 and 2024: 8 segments, 3 people", res.InterviewWave, res.EarlierWaves, res.EarlierInterviewed)
	}
	cf, wc := res.Table("code_frequencies"), res.Table(WaveCodesTable)
	if cf == nil || wc == nil {
		t.Fatal("code_frequencies or wave_codes missing")
	}
	var latest [][]any
	cell := func(t *results.Table, r []any, col string) any { return r[t.Col(col)] }
	for _, r := range wc.Rows {
		wave, code := cell(wc, r, "wave"), cell(wc, r, "code")
		switch wave {
		case "2025":
			latest = append(latest, append(append([]any{}, r[:2]...), r[3:]...))
		case "2023":
			if cell(wc, r, "suppressed") != true || cell(wc, r, "segments") != nil || cell(wc, r, "group_respondents") != nil {
				t.Errorf("2023 (2 interviewees) shown: %v", r)
			}
		case "2024":
			if code == "bereiken.korte_lijnen" && (cell(wc, r, "segments") != 8 || cell(wc, r, "respondents") != 4) {
				t.Errorf("2024 korte lijnen: %v, want 8 segments of 4 respondents", r)
			}
		}
	}
	var all [][]any
	for _, r := range cf.Rows {
		if cell(cf, r, "group_by") == "all" {
			all = append(all, r)
		}
		if cell(cf, r, "code") == "bereiken.korte_lijnen" && cell(cf, r, "segments") != 0 {
			t.Errorf("code_frequencies counts an earlier wave: %v", r)
		}
	}
	if len(all) == 0 || !reflect.DeepEqual(latest, all) {
		t.Errorf("wave_codes of 2025 are not code_frequencies' rows of all:\n%v\n%v", latest, all)
	}
}
