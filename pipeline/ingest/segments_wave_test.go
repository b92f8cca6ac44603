package ingest

import (
	"strings"
	"testing"
)

// A coding table with a wave column (segments_wave.go): each row's segment and
// respondent are of the row's wave, one respondent per wave; an entry's wave wins over a
// column found by its header, with a warning for the rows that say another.
func TestSegmentTableWaveColumn(t *testing.T) {
	data := "respondent;meting;segment;tekst;code\n" +
		"JO01;2024;s1;Ik ken de wijkagent niet.;kennen.onbekend\n" +
		"JO01;2025;s1;Nu ken ik de wijkagent.;kennen.vertrouwen\n" +
		"JO02;;s2;De mentor belt.;bereiken.korte_lijnen\n"
	path := writeFile(t, "codering.csv", []byte(data))
	ds, err := readGeneric(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var segs, resps, codings []string
	for _, s := range ds.Segments {
		segs = append(segs, s.ID+" "+s.Wave+" "+s.Respondent)
	}
	for _, r := range ds.Respondents {
		resps = append(resps, r.Wave+" "+r.ID)
	}
	for _, c := range ds.Codings {
		codings = append(codings, c.Segment+" "+c.Raw)
	}
	same(t, "segments", segs, []string{"2024/s1 2024 JO01", "2025/s1 2025 JO01", "s2  JO02"})
	same(t, "respondents", resps, []string{"2024 JO01", "2025 JO01", " JO02"})
	same(t, "codings", codings, []string{"2024/s1 kennen.onbekend", "2025/s1 kennen.vertrouwen", "s2 bereiken.korte_lijnen"})
	if len(ds.Warnings) != 1 || !strings.HasPrefix(ds.Warnings[0].Err.Error(), `1 row(s) have an empty "meting" cell (the first in row 4) and no row of their segment or of their respondent's document above`) {
		t.Errorf("warnings %v, want one for row 4", ds.Warnings)
	}

	ds, err = readGeneric(path, Options{Wave: "2025"})
	if err != nil {
		t.Fatal(err)
	}
	resps = nil
	for _, r := range ds.Respondents {
		resps = append(resps, r.Wave+" "+r.ID)
	}
	same(t, "respondents with the entry's wave", resps, []string{"2025 JO01", "2025 JO02"})
	if len(ds.Warnings) != 1 || !strings.Contains(ds.Warnings[0].Err.Error(), `says another wave in 1 of 2 rows ("2024" in row 2)`) {
		t.Errorf("warnings %v, want one for row 2", ds.Warnings)
	}
}

// The attack on the wave column: a column filled on an interview's first row, or on one
// coder's rows, fills down within the respondent; a column of dates is no wave column
// unless study.yaml names it; "2024.0" is wave 2024.
func TestSegmentTableWaveColumnGaps(t *testing.T) {
	data := "respondent,meting,segment,tekst,code,codeur\n" +
		"JO01,2024.0,1,Ik ken de wijkagent niet.,kennen.onbekend,Anna\n" +
		"JO01,,1,Ik ken de wijkagent niet.,kennen.onbekend,Bram\n" +
		"JO01,,2,Niemand belt terug.,kennen.onbekend,Anna\n" +
		"JO01,2025,3,Nu ken ik de wijkagent.,kennen.vertrouwen,Anna\n" +
		"JO01,,4,De mentor belt me vaak.,bereiken.korte_lijnen,Anna\n"
	ds, err := readGeneric(writeFile(t, "codering.csv", []byte(data)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var segs []string
	for _, s := range ds.Segments {
		segs = append(segs, s.ID)
	}
	same(t, "segments", segs, []string{"2024/1", "2024/2", "2025/3", "2025/4"})
	if len(ds.Codings) != 5 || len(ds.Respondents) != 2 {
		t.Errorf("%d codings, %d respondents; want 5 and 2", len(ds.Codings), len(ds.Respondents))
	}
	if len(ds.Warnings) != 1 || !strings.HasPrefix(ds.Warnings[0].Err.Error(), `3 row(s) have an empty "meting" cell (the first in row 3) and are read in the wave of their segment on another row`) {
		t.Errorf("warnings %v, want one for the 3 rows filled", ds.Warnings)
	}

	dates := "respondent,meetmoment,segment,tekst,code\nJO01,12-02-2025,1,Ik ken de wijkagent niet.,kennen.onbekend\nJO01,12-02-2025,4,Niemand belt.,kennen.onbekend\n" +
		"JO02,19-02-2025,2,Het jongerenwerk is er.,kennen.vertrouwen\nJO03,20250303,3,Nu ken ik de wijkagent.,kennen.vertrouwen\n"
	path := writeFile(t, "datums.csv", []byte(dates))
	ds, err = readGeneric(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range ds.Segments {
		if s.Wave != "" {
			t.Errorf("segment %s in wave %q, want none", s.ID, s.Wave)
		}
	}
	if len(ds.Respondents) != 3 || len(ds.Warnings) != 1 || !strings.HasPrefix(ds.Warnings[0].Err.Error(), `the column "meetmoment" holds 3 values, no respondent's in two`) {
		t.Errorf("%d respondents, warnings %v; want 3 and one for the dates", len(ds.Respondents), ds.Warnings)
	}
	ds, err = readGeneric(path, Options{Columns: map[string]string{"wave": "meetmoment"}})
	if err != nil || len(ds.Segments) != 4 || ds.Segments[2].Wave != "19-02-2025" {
		t.Errorf("named: segments %+v, error %v; want the dates as waves", ds.Segments, err)
	}
}

// The review of the fill: a table sorted by coder takes each empty cell from its
// segment's wave on another row, not from the respondent's last row; the fill does not
// cross documents; waves labelled by a full date are waves where people are in two.
func TestSegmentTableWaveColumnSortedByCoder(t *testing.T) {
	data := "document,respondent,meting,segment,tekst,code,codeur\n" +
		"JO01_2024,JO01,2024-11-01,1,Ik ken de wijkagent niet.,kennen.onbekend,Anna\n" +
		"JO01_2025,JO01,2025-03-01,2,Nu ken ik de wijkagent.,kennen.vertrouwen,Anna\n" +
		"JO01_2024,JO01,,1,Ik ken de wijkagent niet.,kennen.onbekend,Bram\n" +
		"JO01_2025,JO01,,2,Nu ken ik de wijkagent.,kennen.vertrouwen,Bram\n" +
		"JO01_2026,JO01,,5,Een nieuw document.,kennen.vertrouwen,Anna\n"
	ds, err := readGeneric(writeFile(t, "codering.csv", []byte(data)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var segs []string
	for _, s := range ds.Segments {
		segs = append(segs, s.ID+" "+s.Wave)
	}
	same(t, "segments", segs, []string{"2024-11-01/1 2024-11-01", "2025-03-01/2 2025-03-01", "5 "})
	var ws []string
	for _, w := range ds.Warnings {
		ws = append(ws, w.Err.Error()[:40])
	}
	same(t, "warnings", ws, []string{`2 row(s) have an empty "meting" cell (th`, `1 row(s) have an empty "meting" cell (th`})
}
