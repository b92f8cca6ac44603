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
	if len(ds.Warnings) != 0 {
		t.Errorf("warnings %v, want none", ds.Warnings)
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
